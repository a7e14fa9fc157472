"""A curriculum's programme as a PDF: every seminar, year by year.

:func:`load_programme` copies the curriculum out of the database into plain
values; :func:`render_programme` lays them out without a database at hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..core import vocab
from . import dates
from .fonts import SANS, SANS_BOLD, FontSet, font_set
from .markup import Markup
from .page import ALERT_HEX, Para, Rendered, Section, build, frame_width, styles, table_style


@dataclass(frozen=True)
class SeminarLine:
    seminar_id: int
    title: str
    first_day: dt.date
    last_day: dt.date
    city: str | None
    venue: str | None
    timezone: str
    kind: str
    format: str
    status: str
    capacity: int | None
    seats_taken: int
    #: Who comes, by role: "9 policymakers, 6 urban planners" (from the registrations).
    audience: str = ""


@dataclass(frozen=True)
class Programme:
    curriculum_id: int
    title: str
    start_year: int | None
    end_year: int | None
    description: str | None
    seminars: tuple[SeminarLine, ...]

    def years(self) -> list[int]:
        """Every year of the curriculum, and any year a seminar falls in outside it."""
        years = {s.first_day.year for s in self.seminars}
        if self.start_year and self.end_year:
            years |= set(range(self.start_year, self.end_year + 1))
        return sorted(years)


def load_programme(session: Session, curriculum_id: int) -> Programme:
    """The curriculum and its seminars as plain values; refuses an unknown curriculum."""
    from ..core.services import curricula, seminars
    from ..core.services.registration import audience, seats_taken

    curriculum = curricula.get_curriculum(session, curriculum_id)
    lines = []
    for s in seminars.list_seminars(session, curriculum_id):
        city = (f"{s.city.name} {s.city.native_name}" if s.city.native_name else s.city.name) if s.city else None
        lines.append(SeminarLine(
            s.id, s.title, s.start_date, s.end_date, city, s.venue, s.timezone,
            vocab.SEMINAR_KINDS.get(s.kind, s.kind), vocab.SEMINAR_FORMATS.get(s.format, s.format), s.status,
            s.capacity, seats_taken(session, s.id),
            ", ".join(_group(role, n) for role, n in audience(session, s.id)),
        ))
    return Programme(curriculum.id, curriculum.title, curriculum.start_year, curriculum.end_year,
                     curriculum.description, tuple(lines))


def _group(role: str, count: int) -> str:
    """'1 city manager', '6 urban planners'."""
    if count == 1:
        return f"1 {vocab.PERSON_ROLES.get(role, role).lower()}"
    return f"{count} {vocab.PERSON_ROLES_PLURAL.get(role, role)}"


def render_programme(
    programme: Programme, *, paper: str = "a4", printed: dt.date | None = None, fonts: FontSet | None = None
) -> Rendered:
    """The programme as a PDF in memory (A4 or US letter portrait)."""
    markup = Markup(fonts or font_set())
    data, pages = build(
        lambda split_rows: _story(programme, markup, paper, split_rows), paper=paper,
        title=f"Programme – {programme.title}", author="Learning Hub Planner",
        subject=f"Programme of curriculum {programme.curriculum_id}", printed=printed,
    )
    return Rendered(data, pages, markup.report(f"programme of curriculum {programme.curriculum_id}"))


def _years_text(programme: Programme) -> str:
    if programme.start_year and programme.end_year and programme.start_year != programme.end_year:
        return f"{programme.start_year}–{programme.end_year}"
    return str(programme.start_year or programme.end_year or "")


def _header(programme: Programme, m: Markup) -> Iterator[object]:
    st = styles()
    yield Para(m(programme.title, bold=True), st.title)
    count = len(programme.seminars)
    cancelled = sum(1 for s in programme.seminars if s.status == "cancelled")
    summary = f"Programme {_years_text(programme)} · {count} seminar{'s' if count != 1 else ''}".replace("  ", " ")
    if cancelled:
        summary += f", {cancelled} cancelled"
    yield Para(m(summary), st.info)
    if programme.description:
        yield Para(m(programme.description), st.cell_muted)


def _story(programme: Programme, m: Markup, paper: str, split_rows: bool) -> list[object]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer

    st = styles()
    story: list[object] = [*_header(programme, m), Spacer(1, 2 * mm)]
    for year in programme.years():
        seminars = [s for s in programme.seminars if s.first_day.year == year]
        count = f"{len(seminars)} seminar{'s' if len(seminars) != 1 else ''}" if seminars else "no seminars"
        heading = Para(f'{m(str(year))} <font name="{SANS_BOLD}" size="9" color="#5a5a5a">· {m(count)}</font>',
                       st.heading)
        story.append(CondPageBreak(30 * mm))
        story.append(Section([heading, _year_table(seminars, m, paper, split_rows)] if seminars else [heading]))
    return story


def _year_table(seminars: list[SeminarLine], m: Markup, paper: str, split_rows: bool) -> object:
    from reportlab.platypus import Table

    st = styles()
    head = [Para(m(text), st.head_cell) for text in ("Dates", "Seminar", "Place", "Format", "Kind", "Seats taken", "Status")]
    rows: list[list[object]] = [head]
    grey: list[int] = []
    for s in seminars:
        off = s.status == "cancelled"
        if off:
            grey.append(len(rows))
        cell = st.cell_muted if off else st.cell
        title = m(s.title, bold=not off)
        if s.audience:
            title += f'<br/><font name="{SANS}" size="7.2" color="#5a5a5a">{m("Audience: " + s.audience)}</font>'
        place = m(s.city or "—") + (f'<br/><font size="7.2" color="#5a5a5a">{m(s.venue)}</font>' if s.venue else "")
        status = vocab.SEMINAR_STATUSES.get(s.status, s.status)
        status_markup = (f'<font name="{SANS_BOLD}" color="{ALERT_HEX}">{m(status)}</font>'
                         if off else m(status))
        rows.append([
            Para(m(dates.short_range(s.first_day, s.last_day)), cell),
            Para(title, st.cell_muted if off else st.cell_bold),
            Para(place, cell),
            Para(m(s.format), cell),
            Para(m(s.kind), cell),
            Para(m(f"{s.seats_taken} of {s.capacity}" if s.capacity else f"{s.seats_taken}"), cell),
            Para(status_markup, cell),
        ])
    return Table(rows, colWidths=widths(frame_width(paper)), repeatRows=1, style=table_style(grey),
                 splitInRow=24 if split_rows else 0)


def widths(total: float) -> list[float]:
    """Dates, seminar, place share what format, kind, seats and status leave (each as wide
    as its longest word, so 'Cancelled' never breaks)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = styles().cell.fontSize

    def widest(words: list[str], font: str = SANS) -> float:
        return max(stringWidth(w, font, size) for w in words) + 8

    fixed = [
        widest([w for label in vocab.SEMINAR_FORMATS.values() for w in label.split()] + ["Format"], SANS_BOLD),
        widest([w for label in vocab.SEMINAR_KINDS.values() for w in label.split()]),
        widest(["999 of 999"]),
        widest(list(vocab.SEMINAR_STATUSES.values()), SANS_BOLD),
    ]
    parts = [72, 160, 116]
    rest = total - sum(fixed)
    return [p * rest / sum(parts) for p in parts] + fixed
