"""A seminar's certificate batch: issue the codes, render the pages, write the files.

The command line and the app both call :func:`make_certificates`; it touches no
widget, so the app runs it on a worker thread with ``progress`` and ``cancelled``.

Decisions:

- **Codes first, in one transaction, then pages.** The codes are issued (or found again)
  and everything the pages print is read in one short transaction; the pages are drawn
  after it commits, so a three-second render never holds the database's write lock.
- **Codes issued stay issued** when rendering is cancelled or fails: they are register
  entries for people who are eligible, no paper carries them yet, and the next run
  prints the same codes. Nothing is undone because nothing needs undoing.
- **The language.** A seminar's settings say the wording's default (``bilingual``: en+zh,
  else en); ``lang`` (``certificates --lang``, the app's document language) overrides it
  for one run. The register keeps the seminar's main title whatever the language, so
  ``verify`` answers the same for a code printed in English, Chinese or both, and
  reprinting in another language changes nothing in it.
- **No half-written files.** One PDF goes to a temporary file beside the target and is
  renamed over it at the end. Split files go to a temporary folder beside (or inside)
  the target folder and are moved in only when all are done; a cancel or an error
  removes the temporary files and leaves the target as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import certcodes, timezones
from ..core.errors import RuleViolation, ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.models import utcnow
from ..core.services import certificate_eligibility, certificate_settings, certificates

if TYPE_CHECKING:
    from ..core.models import Certificate, Person, Seminar
    from ..core.store import Database
    from .certificate_pdf import CertificateData


@dataclass(frozen=True)
class IssuedCertificate:
    """One certificate of the batch as the register holds it (and its file with ``split``)."""

    id: int
    code: str
    person_id: int
    seminar_id: int
    name: str
    status: str = "valid"
    new: bool = False
    file: Path | None = None


@dataclass(frozen=True)
class BatchResult:
    seminar_id: int
    certificates: tuple[IssuedCertificate, ...]
    #: The one PDF written, or the folder of split files.
    output: Path
    pages: int
    #: Characters no font could draw (the caller may warn).
    missing: tuple[str, ...] = ()

    @property
    def new_codes(self) -> int:
        return sum(c.new for c in self.certificates)


def latin_name(person: Person) -> str:
    return f"{person.given_name} {person.family_name}".strip()


def certificate_data(cert: Certificate, person: Person, seminar: Seminar,
                     settings: certificate_settings.Settings, lang: str | None = None) -> CertificateData:
    """What one page prints, from the register entry, the holder and the seminar's settings,
    in ``lang`` (None: the settings' language)."""
    from .certificate_pdf import CertificateData, Signatory
    from .language import chinese_name

    latin = latin_name(person)
    own = person.native_name or latin
    return CertificateData(
        code=certcodes.format_code(cert.code),
        holder_name=own,
        holder_latin=latin if latin and latin != own else None,
        seminar_title=seminar.title,
        seminar_title_zh=seminar.title_zh,
        city=seminar.city.name if seminar.city else None,
        city_zh=chinese_name(seminar.city.native_name) if seminar.city else None,  # 인천 is no Chinese name
        first_day=seminar.start_date,
        last_day=seminar.end_date,
        hours=round(cert.minutes_attended / 60, 1) or None,
        issued_on=cert.issued_at.astimezone(timezones.zone(seminar.timezone)).date(),
        signatories=tuple(Signatory(s.name, s.title or "", s.title_zh or "") for s in settings.signatories),
        bilingual=settings.bilingual,
        lang=lang or settings.lang,
        logos=tuple(Path(p) for p in settings.logos),
    )


def issue(db: Database, seminar_id: int, *, rule: certificate_settings.Rule | None = None,
          at: dt.datetime | None = None, lang: str | None = None) -> list[tuple[IssuedCertificate, CertificateData]]:
    """Issue the codes for everyone eligible in one transaction; return what to print (in
    ``lang``: en, zh or en+zh; None: the seminar's settings).

    Refuses (changing nothing) when nobody is eligible, saying how many are registered.
    """
    at = at or utcnow()  # new entries carry exactly this instant: how the new ones are told apart
    with db.transaction() as s:
        settings = certificate_settings.get_settings(s, seminar_id)
        issued = certificates.issue_certificates(s, seminar_id, rule=rule, at=at)
        if not issued:
            rows = certificate_eligibility.eligibility(s, seminar_id, rule=rule)
            raise RuleViolation(
                QT_TRANSLATE_NOOP("core", "nobody of the {count} people registered for seminar {id} is eligible "
                                          "(rule: {rule}); `certificates --seminar {id} --dry-run` lists why"),
                where="certificates", count=len(rows), id=seminar_id, rule=(rule or settings.rule).describe())
        return [
            (IssuedCertificate(c.id, certcodes.format_code(c.code), c.person_id, c.seminar_id,
                               c.person.display_name, c.status, c.issued_at == at),
             certificate_data(c, c.person, c.seminar, settings, lang))
            for c in issued
        ]


def check_output(path: Path | str, *, where: str = "-o") -> Path:
    """The PDF to write, refused before any work if it cannot be written there."""
    target = Path(path)
    if target.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{path} is a folder; give a file name such as certificates.pdf"),
                              where=where, path=str(target))
    if not target.parent.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "folder {path} does not exist"), where=where,
                              path=str(target.parent))
    if not os.access(target.parent, os.W_OK):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "folder {path} cannot be written to"), where=where,
                              path=str(target.parent))
    return target


def check_split_dir(path: Path | str, *, where: str = "--split") -> Path:
    """The folder for one file per person: an existing folder, or a new one in an existing folder."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder"), where=where,
                              path=str(folder))
    base = folder if folder.is_dir() else folder.parent
    if not base.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "folder {path} does not exist"), where=where, path=str(base))
    if not os.access(base, os.W_OK):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "folder {path} cannot be written to"), where=where,
                              path=str(base))
    return folder


def make_certificates(
    db: Database,
    seminar_id: int,
    *,
    output: Path | str | None = None,
    split_dir: Path | str | None = None,
    rule: certificate_settings.Rule | None = None,
    lang: str | None = None,
    progress: Callable[[int, int], Any] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Issue and print a seminar's certificates: one PDF (``output``) or one file per
    person (``split_dir``), worded in ``lang`` (en, zh, en+zh; None: the seminar's
    settings). ``progress(done, total)`` after each page; ``cancelled()`` asked before
    each page stops with :class:`~.certificate_pdf.Cancelled`."""
    from .language import check

    if (output is None) == (split_dir is None):
        raise ValueError("give exactly one of output and split_dir")
    lang = check(lang, where="--lang") if lang is not None else None
    target = check_output(output) if output is not None else check_split_dir(split_dir)  # type: ignore[arg-type]
    batch = issue(db, seminar_id, rule=rule, lang=lang)
    issued = [i for i, _ in batch]
    pages = [d for _, d in batch]
    if progress is not None:
        progress(0, len(pages))
    if output is not None:
        from .certificate_pdf import render_certificates

        rendered = render_certificates(pages, progress=progress, cancelled=cancelled)
        _write_atomically(target, rendered.data)
        return BatchResult(seminar_id, tuple(issued), target, rendered.pages, rendered.missing)
    files = _render_split(pages, target, progress, cancelled)
    with_files = tuple(dataclasses.replace(i, file=f) for i, f in zip(issued, files))
    return BatchResult(seminar_id, with_files, target, len(files))


def _write_atomically(target: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _render_split(pages: list[CertificateData], folder: Path, progress: Callable[[int, int], Any] | None,
                  cancelled: Callable[[], bool] | None) -> list[Path]:
    """Render into a temporary folder, then move the files in (or rename the folder)."""
    from .certificate_files import render_certificate_files

    existed = folder.is_dir()
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder if existed else folder.parent))
    try:
        made = render_certificate_files(pages, temp, progress=progress, cancelled=cancelled)
        if not existed:
            os.replace(temp, folder)
            return [folder / p.name for p in made]
        final = []
        for path in made:
            os.replace(path, folder / path.name)
            final.append(folder / path.name)
        temp.rmdir()
        return final
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
