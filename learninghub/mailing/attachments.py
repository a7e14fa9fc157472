"""The files a message carries: the person's certificate, their badge, the agenda, and a personal
calendar invitation (.ics, METHOD:REQUEST, their sessions, in their zone).

The PDFs and the calendar are drawn by the very code the app prints and exports with (``documents``,
``exporting``, through their public functions), so what is mailed is what would be printed.
No Qt, and nothing is drawn until a message asks for it; what all messages share (an agenda in a
language and zone, the calendar's events of a zone) is drawn once per batch.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..core.models import Certificate, Person
from ..core.services import certificate_settings, seminars
from .recipients import Recipient

if TYPE_CHECKING:
    from ..core.store import Database

KINDS = ("certificate", "badge", "agenda", "ics")


@dataclass(frozen=True)
class Attachment:
    filename: str
    maintype: str
    subtype: str
    data: bytes
    params: tuple[tuple[str, str], ...] = ()


def check_kinds(kinds: Sequence[str]) -> tuple[str, ...]:
    from ..core.errors import ValidationError
    from ..core.messages import QT_TRANSLATE_NOOP

    for name in kinds:
        if name not in KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "no attachment {name!r} (one of {kinds})"),
                                  where="attachments", name=name, kinds=", ".join(KINDS))
    return tuple(dict.fromkeys(kinds))


class AttachmentMaker:
    """Draws a recipient's attachments for one seminar; thread-safe caches of what is shared."""

    def __init__(self, db: Database, seminar_id: int, sender: str) -> None:
        self.db, self.seminar_id, self.sender = db, seminar_id, parseaddr(sender)[1]
        self._lock = threading.Lock()
        self._agendas: dict[tuple[str, str | None], bytes] = {}
        self._events: dict[tuple[str, str], tuple[list[Any], list[int], Any]] = {}
        #: person id -> what their certificate prints (None: they have none), read ahead by :meth:`prepare`.
        self._certificates: dict[int, Any] = {}
        #: person id -> their certificate's file, drawn ahead in ``_folder`` (large batches).
        self._files: dict[int, Path] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._drawn, self._closing = threading.Event(), threading.Event()

    def prepare(self, kinds: Sequence[str], person_ids: Sequence[int]) -> None:
        """Read ahead, in one transaction, what the batch's certificates print (not one read a message); a
        large batch's certificates are drawn ahead by two processes, as the split batch of ``learninghub
        certificates`` is (each PDF embeds its own fonts: ~7 ms of drawing a message otherwise)."""
        if "certificate" not in kinds or not person_ids:
            return
        self._certificates.update(self._certificate_data(person_ids))
        from ..documents.certificate_files import PARALLEL_FROM

        drawn = [(pid, data) for pid, data in self._certificates.items() if data is not None]
        if len(drawn) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            self._draw_ahead(drawn)

    def _draw_ahead(self, drawn: list[tuple[int, Any]]) -> None:
        from ..documents.certificate_files import file_names, render_certificate_files

        self._folder = tempfile.TemporaryDirectory(prefix="learninghub-mail-")
        items = [data for _, data in drawn]
        self._files = {pid: Path(self._folder.name) / name for (pid, _), name in zip(drawn, file_names(items))}

        def draw() -> None:
            try:
                render_certificate_files(items, self._folder.name, cancelled=self._closing.is_set, workers=2)
            except Exception:  # noqa: BLE001, S110  a file not drawn ahead is drawn when its message asks
                pass
            finally:
                self._drawn.set()

        threading.Thread(target=draw, name="mail-certificates", daemon=True).start()

    def _drawn_ahead(self, person_id: int) -> bytes | None:
        """The certificate drawn ahead for ``person_id``, waiting for it while the drawing goes on."""
        path = self._files.get(person_id)
        while path is not None:
            if path.exists():
                return path.read_bytes()
            if self._drawn.wait(0.005) and not path.exists():
                return None
        return None

    def close(self) -> None:
        """Stop drawing ahead and remove what was drawn."""
        self._closing.set()
        if self._files:
            self._drawn.wait()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _certificate_data(self, person_ids: Sequence[int]) -> dict[int, Any]:
        from ..documents.certificates_batch import certificate_data

        found: dict[int, Any] = dict.fromkeys(person_ids)
        with self.db.reading() as s:
            settings = certificate_settings.get_settings(s, self.seminar_id)
            seminar = seminars.get_seminar(s, self.seminar_id)
            for start in range(0, len(person_ids), 500):
                ids = list(person_ids[start:start + 500])
                holders = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(ids)))}
                for cert in s.scalars(select(Certificate).where(
                        Certificate.seminar_id == self.seminar_id, Certificate.person_id.in_(ids),
                        Certificate.revoked_at.is_(None))):
                    found[cert.person_id] = certificate_data(cert, holders[cert.person_id], seminar, settings)
        return found

    # -- certificate
    def certificate(self, person: Recipient, lang: str) -> Attachment | None:
        from ..documents.certificate_pdf import render_certificates

        if person.person_id in self._certificates:
            data = self._certificates[person.person_id]
        else:
            data = self._certificate_data([person.person_id])[person.person_id]
        if data is None:
            return None
        pdf = self._drawn_ahead(person.person_id) or render_certificates([data]).data
        return Attachment(_file_name("certificate" if lang != "zh" else "结业证书", person), "application", "pdf", pdf)

    # -- badge
    def badge(self, person: Recipient, lang: str) -> Attachment:
        from ..documents.badges_pdf import load_badge, render_badges

        with self.db.reading() as s:
            sheet = load_badge(s, self.seminar_id, person.person_id)
        pdf = render_badges(sheet, lang=lang).data
        return Attachment(_file_name("badge" if lang != "zh" else "胸牌", person), "application", "pdf", pdf)

    # -- agenda
    def agenda(self, person: Recipient, lang: str) -> Attachment:
        from ..documents import build

        with self.db.reading() as s:
            zone = seminars.get_seminar(s, self.seminar_id).timezone
        second = person.zone if person.zone and person.zone != zone else None
        key = (lang, second)
        with self._lock:
            data = self._agendas.get(key)
        if data is None:
            data = build.agenda(self.db, self.seminar_id, second_tz=second, lang=lang).data
            with self._lock:
                self._agendas[key] = data
        return Attachment("agenda.pdf" if lang != "zh" else "日程.pdf", "application", "pdf", data)

    # -- calendar invitation
    def ics(self, person: Recipient, lang: str) -> Attachment:
        from icalendar import Calendar, vCalAddress, vText

        from ..exporting import ics

        zone_name = person.zone or self._seminar_zone()
        events, session_ids, vtimezone = self._zone_events(zone_name, lang)
        cal = Calendar()
        cal.add("prodid", ics.PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "REQUEST")
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        wanted = set(person.sessions) if person.sessions is not None else None
        organiser = vCalAddress(f"mailto:{self.sender}")
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.display)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("FALSE")
        for event, session_id in zip(events, session_ids):
            if wanted is not None and session_id not in wanted:
                continue
            mine = copy.deepcopy(event)
            mine.add("dtstamp", stamp)
            mine.add("sequence", 0)
            mine.add("organizer", organiser)
            mine.add("attendee", attendee)
            cal.add_component(mine)
        cal.add_component(vtimezone)
        cal.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")
        return Attachment("invite.ics", "text", "calendar", cal.to_ical(), (("method", "REQUEST"),))

    def _seminar_zone(self) -> str:
        with self.db.reading() as s:
            return seminars.get_seminar(s, self.seminar_id).timezone

    def _zone_events(self, zone_name: str, lang: str) -> tuple[list[Any], list[int], Any]:
        """Every session of the seminar as an event in ``zone_name`` (one UID a session), drawn once."""
        from ..exporting import ics

        key = (zone_name, lang)
        with self._lock:
            found = self._events.get(key)
        if found is not None:
            return found
        with self.db.reading() as s:
            seminar = seminars.get_seminar(s, self.seminar_id)
            pairs = ics.session_events(s, self.seminar_id, zone_name, lang)
            vtimezone = ics.vtimezone(zone_name, [(seminar.start_date, seminar.end_date)])
        found = ([event for _, event in pairs], [ident for ident, _ in pairs], vtimezone)
        with self._lock:
            self._events[key] = found
        return found

    def make(self, kinds: Sequence[str], person: Recipient, lang: str) -> list[Attachment]:
        """The attachments ``kinds`` for ``person`` (a certificate they lack is left out: ``plan`` refused it)."""
        made = []
        for name in kinds:
            item = getattr(self, name)(person, lang)
            if item is not None:
                made.append(item)
        return made


def _file_name(stem: str, person: Recipient) -> str:
    from ..documents.certificate_files import safe_stem

    return f"{stem} - {safe_stem(person.own_name) or person.person_id}.pdf"
