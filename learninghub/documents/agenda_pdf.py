"""A seminar's agenda as a PDF: a header, then one table per local day.

:func:`load_agenda` copies what the page needs out of the database into plain
values (inside ``db.reading()``); :func:`render_agenda` lays it out with no
database at hand, so the slow part never holds a connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ..core import timezones, vocab
from ..core.models import Person
from . import dates
from .fonts import SANS, SANS_BOLD, FontSet, font_set
from .markup import Markup
from .page import Para
from .page import ALERT_HEX, Rendered, Section, build, frame_width, styles, table_style

QUIET_KINDS = frozenset({"break", "meal"})


@dataclass(frozen=True)
class Speaker:
    name: str  # own script and Latin: '李佳 (Jia Li)'
    detail: str  # title and organisation


@dataclass(frozen=True)
class Item:
    start: dt.datetime  # aware, UTC
    end: dt.datetime
    title: str
    kind: str
    description: str | None
    room: str | None
    speakers: tuple[Speaker, ...]
    moderator: Speaker | None


@dataclass(frozen=True)
class Agenda:
    seminar_id: int
    title: str
    first_day: dt.date
    last_day: dt.date
    zone: ZoneInfo
    second_zone: ZoneInfo | None
    kind: str
    format: str
    status: str
    venue: str | None
    city: str | None
    organisers: tuple[str, ...]
    partners: tuple[str, ...]
    items: tuple[Item, ...]


def _speaker(person: Person) -> Speaker:
    if person.erased_at is not None:
        return Speaker(person.display_name, "")
    detail = ", ".join(x for x in (person.title, person.organisation_name) if x)
    return Speaker(person.display_name, detail)


def load_agenda(session: Session, seminar_id: int, *, second_tz: str | None = None) -> Agenda:
    """The seminar's agenda as plain values; refuses an unknown seminar or zone."""
    from ..core.services import agenda, seminars

    seminar = seminars.get_seminar(session, seminar_id)
    second = timezones.zone(second_tz, where="second time zone") if second_tz else None
    rows = agenda.list_sessions(session, seminar_id)
    city = seminar.city
    city_name = (f"{city.name} {city.native_name}" if city.native_name else city.name) if city else None
    links = sorted(seminar.partners, key=lambda link: link.organisation.name.casefold())
    return Agenda(
        seminar_id=seminar.id, title=seminar.title, first_day=seminar.start_date, last_day=seminar.end_date,
        zone=timezones.zone(seminar.timezone), second_zone=second,
        kind=vocab.SEMINAR_KINDS.get(seminar.kind, seminar.kind),
        format=vocab.SEMINAR_FORMATS.get(seminar.format, seminar.format), status=seminar.status,
        venue=seminar.venue, city=city_name,
        organisers=tuple(link.organisation.name for link in links if link.role == "organiser"),
        partners=tuple(link.organisation.name for link in links if link.role != "organiser"),
        items=tuple(
            Item(row.starts_at, row.ends_at, row.title, row.kind, row.description, row.room,
                 tuple(_speaker(p) for p in row.speakers), _speaker(row.moderator) if row.moderator else None)
            for row in rows
        ),
    )


def render_agenda(
    agenda: Agenda, *, paper: str = "a4", printed: dt.date | None = None, fonts: FontSet | None = None
) -> Rendered:
    """The agenda as a PDF in memory (A4 or US letter portrait)."""
    markup = Markup(fonts or font_set())
    data, pages = build(
        lambda split_rows: _story(agenda, markup, paper, split_rows), paper=paper,
        title=f"Agenda – {agenda.title}", author=", ".join(agenda.organisers) or "Learning Hub Planner",
        subject=f"Agenda of seminar {agenda.seminar_id}, {dates.day_range(agenda.first_day, agenda.last_day)}",
        printed=printed,
    )
    return Rendered(data, pages, markup.report(f"agenda of seminar {agenda.seminar_id}"))


def _header(agenda: Agenda, m: Markup) -> Iterator[object]:
    st = styles()
    yield Para(m(agenda.title, bold=True), st.title)
    line = f"{dates.day_range(agenda.first_day, agenda.last_day)} · {agenda.kind} · {agenda.format}"
    cancelled = f' · <font name="{SANS_BOLD}" color="{ALERT_HEX}">CANCELLED</font>' if agenda.status == "cancelled" else ""
    yield Para(m(line) + cancelled, st.info)
    place = ", ".join(x for x in (agenda.venue, agenda.city) if x)
    if place:
        yield Para(_label("Venue", m) + m(place), st.info)
    zones = f"{agenda.zone.key} ({_offsets(agenda, agenda.zone)})"
    if agenda.second_zone is not None:
        zones += f"; second column: {agenda.second_zone.key} ({_offsets(agenda, agenda.second_zone)})"
    yield Para(_label("Times in", m) + m(zones), st.info)
    for label, names in (("Organisers", agenda.organisers), ("Partners", agenda.partners)):
        if names:
            yield Para(_label(label, m) + m(", ".join(names)), st.info)


def _offsets(agenda: Agenda, zone: ZoneInfo) -> str:
    """'UTC+08:00', or 'UTC+01:00 / UTC+02:00' when the clocks change during the seminar."""
    noons = (dt.datetime.combine(day, dt.time(12), agenda.zone) for day in (agenda.first_day, agenda.last_day))
    return " / ".join(dict.fromkeys(dates.utc_offset(noon.astimezone(zone)) for noon in noons))


def _label(text: str, m: Markup) -> str:
    return f'<font name="{SANS_BOLD}">{m(text)}:</font> '


def _story(agenda: Agenda, m: Markup, paper: str, split_rows: bool) -> list[object]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer

    st = styles()
    story: list[object] = [*_header(agenda, m), Spacer(1, 3 * mm)]
    if not agenda.items:
        story.append(Para(m("No sessions in the agenda yet."), st.info))
    by_day = groupby(agenda.items, key=lambda item: item.start.astimezone(agenda.zone).date())
    for day, items in by_day:
        story.append(CondPageBreak(38 * mm))  # a day heading never sits alone at a page's foot
        heading = Para(m(dates.long_day(day)), st.heading)
        story.append(Section([heading, _day_table(agenda, day, list(items), m, paper, split_rows)]))
    return story


def _day_table(agenda: Agenda, day: dt.date, items: list[Item], m: Markup, paper: str, split_rows: bool) -> object:
    from reportlab.platypus import Table

    st = styles()
    second = agenda.second_zone
    # The day, not just "Time", heads the first column: the header repeats on every page a day fills.
    head = [Para(f"{m(dates.short_day(day))}<br/>{_zone_caption(agenda.zone, m)}", st.head_cell)]
    if second is not None:
        head.append(Para(f"{m('Time')}<br/>{_zone_caption(second, m)}", st.head_cell))
    head += [Para(m(text), st.head_cell) for text in ("Session", "Kind", "Speakers", "Room")]
    rows: list[list[object]] = [head]
    quiet: list[int] = []
    for item in items:
        muted = item.kind in QUIET_KINDS
        if muted:
            quiet.append(len(rows))
        start, end = item.start.astimezone(agenda.zone), item.end.astimezone(agenda.zone)
        row: list[object] = [Para(m(dates.span(start, end)), st.cell_muted if muted else st.cell)]
        if second is not None:
            row.append(_second_time(item, day, second, m, muted))
        row += cell_paragraphs(item, m, muted)
        rows.append(row)
    columns = widths(frame_width(paper), [agenda.zone] + ([second] if second is not None else []))
    return Table(rows, colWidths=columns, repeatRows=1, style=table_style(quiet),
                 splitInRow=24 if split_rows else 0)


def _zone_caption(zone: ZoneInfo, m: Markup) -> str:
    return f'<font size="6.5">{m(zone.key)}</font>'


def _second_time(item: Item, day: dt.date, zone: ZoneInfo, m: Markup, muted: bool) -> object:
    """The session's time in the second zone; a different day than the seminar's is marked."""
    st = styles()
    start, end = item.start.astimezone(zone), item.end.astimezone(zone)
    text = m(dates.span(start, end))
    shift = dates.day_shift((start.date() - day).days)
    if shift:
        text += f'<br/><font size="7">{m(shift)}</font>'
    return Para(text, st.cell_muted if muted else st.cell)


def widths(total: float, zones: list[ZoneInfo]) -> list[float]:
    """Column widths: a time column per zone, wide enough for '00:00–00:00' and the
    zone's name; the rest shared by session, kind, speakers and room."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = styles()
    padding = 8
    clock = stringWidth("00:00–00:00", SANS, st.cell.fontSize) + padding
    times = [min(max(clock, stringWidth(z.key, SANS_BOLD, 6.5) + padding), 1.5 * clock) for z in zones]
    kind = max(stringWidth(w, SANS, st.cell.fontSize) for label in vocab.SESSION_KINDS.values()
               for w in label.split()) + padding
    parts = [150, 130, 62] if len(zones) > 1 else [190, 138, 78]
    rest = total - sum(times) - kind
    session, speakers, room = (p * rest / sum(parts) for p in parts)
    return [*times, session, kind, speakers, room]


def cell_paragraphs(item: Item, m: Markup, muted: bool) -> list[object]:
    """The session, kind, speakers and room cells of one row."""
    st = styles()
    session: list[object] = [Para(m(item.title, bold=not muted), st.cell_muted if muted else st.cell_bold)]
    if item.description:
        session.append(Para(m(item.description), st.small))
    people: list[object] = []
    for speaker in item.speakers:
        people.append(Para(m(speaker.name), st.name if people else st.cell))
        if speaker.detail:
            people.append(Para(m(speaker.detail), st.small))
    if item.moderator is not None:
        people.append(Para(f"{m('Moderator:')} {m(item.moderator.name)}", st.note if people else st.small))
    kind = vocab.SESSION_KINDS.get(item.kind, item.kind)
    cell = st.cell_muted if muted else st.cell
    return [session, Para(m(kind), cell), people, Para(m(item.room), cell)]

