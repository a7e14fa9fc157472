"""One call per document, from an open database to a finished PDF in memory.

The command line and the app's Documents tab both call these, so a document is
made the same way wherever it is asked for. Safe to call from a worker thread:
it reads in its own unit of work and touches no widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import timezones

if TYPE_CHECKING:
    from ..core.store import Database
    from .page import Rendered


def agenda(db: Database, seminar_id: int, *, second_tz: str | None = None, paper: str = "a4",
           lang: str = "en") -> Rendered:
    """A seminar's agenda, times in its zone (and in ``second_tz`` if given), in ``lang``
    (en, zh or en+zh)."""
    from . import agenda_pdf
    from .language import check

    if second_tz:
        timezones.zone(second_tz, where="--second-tz")
    lang = check(lang)
    with db.reading() as s:
        loaded = agenda_pdf.load_agenda(s, seminar_id, second_tz=second_tz)
    return agenda_pdf.render_agenda(loaded, paper=paper, lang=lang)


def programme(db: Database, curriculum_id: int, *, paper: str = "a4", lang: str = "en") -> Rendered:
    """A curriculum's programme overview, by year, in ``lang`` (en, zh or en+zh)."""
    from . import programme_pdf
    from .language import check

    lang = check(lang)
    with db.reading() as s:
        loaded = programme_pdf.load_programme(s, curriculum_id)
    return programme_pdf.render_programme(loaded, paper=paper, lang=lang)


def badges(db: Database, seminar_id: int, *, lang: str = "en") -> Rendered:
    """Name badges for everyone registered (or invited) to a seminar, 8 to an A4 page;
    the role and the seminar's title in ``lang`` (en, zh or en+zh)."""
    from . import badges_pdf
    from .language import check

    lang = check(lang)
    with db.reading() as s:
        sheet = badges_pdf.load_badges(s, seminar_id)
    return badges_pdf.render_badges(sheet, lang=lang)


def signin(db: Database, session_id: int, *, lang: str = "en") -> Rendered:
    """A session's sign-in sheet: everyone registered, by family name, with a signature
    column; headings, date and titles in ``lang`` (en, zh or en+zh)."""
    from . import signin_pdf
    from .language import check

    lang = check(lang)
    with db.reading() as s:
        sheet = signin_pdf.load_signin(s, session_id)
    return signin_pdf.render_signin(sheet, lang=lang)
