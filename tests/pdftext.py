"""Reading rendered PDFs back in tests: the helpers the document and CLI tests share.

A plain module, not a conftest, so that tests import what they use by name.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from pypdf import PdfReader

from learninghub.core.store import Database
from learninghub.documents import agenda_pdf
from learninghub.documents.fonts import font_set

#: The "printed on" date of rendered documents, fixed so that the footer reads the same on every run.
PRINTED = dt.date(2026, 11, 23)


def squash(text: str) -> str:
    """Text without any whitespace: wrapped lines compare equal to the one-line original."""
    return re.sub(r"\s+", "", text)


def page_texts(pdf: Path | bytes) -> list[str]:
    """Each page's text as pypdf extracts it, from a saved file or from a rendering still in memory."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [page.extract_text() for page in reader.pages]


def assert_in_order(text: str, expected: list[str]) -> None:
    """Every string of ``expected`` occurs in ``text``, each after the one before (whitespace ignored)."""
    flat, at = squash(text), 0
    for item in expected:
        found = flat.find(squash(item), at)
        assert found >= 0, f"{item!r} missing (or out of order) after position {at}: ...{flat[at:at + 200]}..."
        at = found + len(squash(item))


def render_agenda(db: Database, seminar_id: int, path: Path, *, lang: str = "en", second_tz: str | None = None,
                  system_fonts: bool | None = True, paper: str = "a4") -> agenda_pdf.Rendered:
    """A seminar's agenda loaded from ``db``, rendered as printed on :data:`PRINTED` and saved to ``path``.

    ``system_fonts=None`` follows $LEARNINGHUB_PDF_SYSTEM_FONTS, as :func:`font_set` does.
    """
    with db.reading() as s:
        data = agenda_pdf.load_agenda(s, seminar_id, second_tz=second_tz)
    rendered = agenda_pdf.render_agenda(data, paper=paper, printed=PRINTED, fonts=font_set(system_fonts), lang=lang)
    rendered.save(path)
    return rendered
