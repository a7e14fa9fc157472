"""A seminar's agenda as a PDF: a header, then one table per local day.

:func:`load_agenda` copies what the page needs out of the database into plain
values (inside ``db.reading()``); :func:`render_agenda` lays it out with no
database at hand, so the slow part never holds a connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from zoneinfo import ZoneInfo

from reportlab.lib.styles import ParagraphStyle
from sqlalchemy.orm import Session

from ..core import timezones, vocab
from ..core.models import Person
from . import dates
from .fonts import SANS, SANS_BOLD, FontSet, font_set
from .language import BOTH, ZH, DocLanguage, language
from .markup import Markup
from .page import ALERT_HEX, CREATOR, Para, Rendered, Section, build, frame_width, styles, table_style

QUIET_KINDS = vocab.NOT_ATTENDED_KINDS


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
    title_zh: str | None = None
    description_zh: str | None = None


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
    title_zh: str | None = None
    kind_code: str = ""  # the vocabulary values, for labels in another language
    format_code: str = ""
    #: The organisations' own-language names, aligned with ``organisers`` and ``partners`` (None: none known).
    organisers_native: tuple[str | None, ...] = ()
    partners_native: tuple[str | None, ...] = ()


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
                 tuple(_speaker(p) for p in row.speakers), _speaker(row.moderator) if row.moderator else None,
                 row.title_zh, row.description_zh)
            for row in rows
        ),
        title_zh=seminar.title_zh, kind_code=seminar.kind, format_code=seminar.format,
        organisers_native=tuple(link.organisation.native_name for link in links if link.role == "organiser"),
        partners_native=tuple(link.organisation.native_name for link in links if link.role != "organiser"),
    )


def render_agenda(
    agenda: Agenda, *, paper: str = "a4", printed: dt.date | None = None, fonts: FontSet | None = None,
    lang: str = "en",
) -> Rendered:
    """The agenda as a PDF in memory (A4 or US letter portrait), in English, Chinese or both."""
    lg = language(lang)
    markup = Markup(fonts or font_set())
    title = lg.text(agenda.title, agenda.title_zh, " / ")
    data, pages = build(
        lambda split_rows: _story(agenda, markup, paper, split_rows, lg), paper=paper,
        title=f"{lg.label('agenda')} – {title}", author=", ".join(agenda.organisers) or "Learning Hub Planner",
        subject=f"Agenda of seminar {agenda.seminar_id}, {dates.day_range(agenda.first_day, agenda.last_day)}",
        printed=printed, footer=footer_for(lg), fonts=markup.fonts, lang=pdf_lang(lg),
    )
    return Rendered(data, pages, markup.report(f"agenda of seminar {agenda.seminar_id}"))


def footer_for(lg: DocLanguage) -> Callable[[dt.date, int, int], tuple[str, str]]:
    """The page footer in the document's language (English as it always was)."""
    def footer(printed: dt.date, page: int, total: int) -> tuple[str, str]:
        return f"{lg.printed(printed)} · {CREATOR}", lg.page_of(page, total)

    return footer


def pdf_lang(lg: DocLanguage) -> str:
    """The PDF's /Lang: the language read first."""
    return "zh-CN" if lg.code == ZH else "en"


def _header(agenda: Agenda, m: Markup, lg: DocLanguage) -> Iterator[object]:
    st = styles()
    for title in lg.pick(agenda.title, agenda.title_zh):
        yield m.para(title, wrap_for(title, st.title), bold=True)
    kind = lg.term("seminar_kind", agenda.kind_code) if agenda.kind_code else agenda.kind
    fmt = lg.term("seminar_format", agenda.format_code) if agenda.format_code else agenda.format
    if lg.code == BOTH:  # the Chinese dates on a line of their own
        line = (f"{m(dates.day_range(agenda.first_day, agenda.last_day))} · {m(kind)} · {m(fmt)}<br/>"
                f"{m(dates.day_range(agenda.first_day, agenda.last_day, lang='zh'))}")
    else:
        line = f"{m(lg.day_range(agenda.first_day, agenda.last_day))} · {m(kind)} · {m(fmt)}"
    cancelled = (f' · <font name="{SANS_BOLD}" color="{ALERT_HEX}">{m(lg.label("cancelled"), bold=True)}</font>'
                 if agenda.status == "cancelled" else "")
    yield Para(line + cancelled, st.info)
    place = ", ".join(x for x in (agenda.venue, agenda.city) if x)
    if place:
        yield m.para(place, st.info, **_lead(lg.label("venue"), m, lg))
    zones = f"{agenda.zone.key} ({_offsets(agenda, agenda.zone)})"
    if agenda.second_zone is not None:
        second = lg.label("second_column")
        sep = "；" if lg.code == ZH else "; "
        zones += f"{sep}{second}{lg.colon()}{'' if lg.code == ZH else ' '}{agenda.second_zone.key} ({_offsets(agenda, agenda.second_zone)})"
    yield Para(_label(lg.label("times_in"), m, lg) + m(zones), st.info)
    for key, names, native in (("organisers", agenda.organisers, agenda.organisers_native),
                               ("partners", agenda.partners, agenda.partners_native)):
        if names:
            shown = [lg.text(name, own, " ") for name, own in zip(names, native + (None,) * len(names))]
            yield m.para(lg.list_sep().join(shown), st.info, **_lead(lg.label(key), m, lg))



def _offsets(agenda: Agenda, zone: ZoneInfo) -> str:
    """'UTC+08:00', or 'UTC+01:00 / UTC+02:00' when the clocks change during the seminar."""
    noons = (dt.datetime.combine(day, dt.time(12), agenda.zone) for day in (agenda.first_day, agenda.last_day))
    return " / ".join(dict.fromkeys(dates.utc_offset(noon.astimezone(zone)) for noon in noons))


def _label(text: str, m: Markup, lg: DocLanguage | None = None) -> str:
    colon = lg.colon() if lg is not None else ":"
    space = "" if colon == "：" else " "  # a full-width colon carries its own space
    return f'<font name="{SANS_BOLD}">{m(text + colon, bold=True)}</font>{space}'


def _lead(text: str, m: Markup, lg: DocLanguage) -> dict[str, str]:
    """A bold label before user text, as :meth:`Markup.para` takes it (markup and printed text)."""
    colon = lg.colon()
    return {"lead": _label(text, m, lg), "lead_text": text + colon + ("" if colon == "：" else " ")}


def _story(agenda: Agenda, m: Markup, paper: str, split_rows: bool, lg: DocLanguage = DocLanguage()) -> list[object]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer

    st = styles()
    story: list[object] = [*_header(agenda, m, lg), Spacer(1, 3 * mm)]
    if not agenda.items:
        story.append(Para(m(lg.label("no_sessions", " ")), st.info))
    by_day = groupby(agenda.items, key=lambda item: item.start.astimezone(agenda.zone).date())
    for day, items in by_day:
        story.append(CondPageBreak(38 * mm))  # a day heading never sits alone at a page's foot
        heading = Para(m(lg.long_day(day), bold=True), st.heading)  # en+zh: "Monday 13 July 2020 · 2020年7月13日星期一"
        story.append(Section([heading, _day_table(agenda, day, list(items), m, paper, split_rows, lg)]))
    return story


def _day_table(agenda: Agenda, day: dt.date, items: list[Item], m: Markup, paper: str, split_rows: bool,
               lg: DocLanguage = DocLanguage()) -> object:
    from reportlab.platypus import Table

    st = styles()
    second = agenda.second_zone
    # The day, not just "Time", heads the first column: the header repeats on every page a day fills.
    head = [Para(f"{m(lg.short_day(day), bold=True)}<br/>{_zone_caption(agenda.zone, m)}", st.head_cell)]
    if second is not None:
        head.append(Para(f"{m(lg.label('time', chr(10)), bold=True)}<br/>{_zone_caption(second, m)}", st.head_cell))
    head += [Para(m(lg.label(key, "\n"), bold=True), st.head_cell) for key in ("session", "kind", "speakers", "room")]
    rows: list[list[object]] = [head]
    quiet: list[int] = []
    for item in items:
        muted = item.kind in QUIET_KINDS
        if muted:
            quiet.append(len(rows))
        start, end = item.start.astimezone(agenda.zone), item.end.astimezone(agenda.zone)
        row: list[object] = [Para(m(lg.span(start, end)), st.cell_muted if muted else st.cell)]
        if second is not None:
            row.append(_second_time(item, day, second, m, muted, lg))
        row += cell_paragraphs(item, m, muted, lg)
        rows.append(row)
    columns = widths(frame_width(paper), [agenda.zone] + ([second] if second is not None else []), lg)
    return Table(rows, colWidths=columns, repeatRows=1, style=table_style(quiet),
                 splitInRow=24 if split_rows else 0)


def _zone_caption(zone: ZoneInfo, m: Markup) -> str:
    return f'<font size="6.5">{m(zone.key, bold=True)}</font>'


def _second_time(item: Item, day: dt.date, zone: ZoneInfo, m: Markup, muted: bool,
                 lg: DocLanguage = DocLanguage()) -> object:
    """The session's time in the second zone; a different day than the seminar's is marked."""
    st = styles()
    start, end = item.start.astimezone(zone), item.end.astimezone(zone)
    text = m(lg.span(start, end))
    shift = lg.day_shift((start.date() - day).days)
    if shift:
        text += f'<br/><font size="7">{m(shift)}</font>'
    return Para(text, st.cell_muted if muted else st.cell)


_CJK_STYLES: dict[str, ParagraphStyle] = {}
#: Chinese punctuation that must not start a line. reportlab's list is the Japanese one and
#: lacks the full-width colon, comma, semicolon, question and exclamation marks.
_CANNOT_START_ZH = "：，；？！）》〉"


def _teach_reportlab_chinese_punctuation() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # one-frag and several-frag paragraphs read their own copy
        missing = "".join(ch for ch in _CANNOT_START_ZH if ch not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def wrap_for(text: str | None, style: ParagraphStyle) -> ParagraphStyle:
    """``style``, or for mostly-Chinese text a copy that breaks lines the CJK way: between
    any two characters, never with '：' or '，' starting a line (reportlab's wordWrap='CJK')."""
    import unicodedata

    chars = [ch for ch in text or "" if not ch.isspace()]
    wide = sum(1 for ch in chars if unicodedata.east_asian_width(ch) in "WF")
    if not chars or wide * 2 < len(chars):
        return style
    found = _CJK_STYLES.get(style.name)
    if found is None:
        _teach_reportlab_chinese_punctuation()
        found = _CJK_STYLES[style.name] = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
    return found


def label_width(text: str, font: str, size: float) -> float:
    """The printed width of a short label; CJK characters (drawn in a CJK font) are one em each."""
    import unicodedata

    from reportlab.pdfbase.pdfmetrics import stringWidth

    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    rest = "".join(ch for ch in text if unicodedata.east_asian_width(ch) not in "WF")
    return wide * size + stringWidth(rest, font, size)


def widths(total: float, zones: list[ZoneInfo], lg: DocLanguage = DocLanguage()) -> list[float]:
    """Column widths: a time column per zone, wide enough for '00:00–00:00' and the
    zone's name; the rest shared by session, kind, speakers and room."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = styles()
    padding = 8
    clock = stringWidth("00:00–00:00", SANS, st.cell.fontSize) + padding
    times = [min(max(clock, stringWidth(z.key, SANS_BOLD, 6.5) + padding), 1.5 * clock) for z in zones]
    words = [w for label in lg.terms("session_kind") for line in label.split(" / ") for w in line.split()]
    kind = max(label_width(w, SANS, st.cell.fontSize) for w in words) + padding
    parts = [150, 130, 62] if len(zones) > 1 else [190, 138, 78]
    rest = total - sum(times) - kind
    session, speakers, room = (p * rest / sum(parts) for p in parts)
    return [*times, session, kind, speakers, room]


def cell_paragraphs(item: Item, m: Markup, muted: bool, lg: DocLanguage = DocLanguage()) -> list[object]:
    """The session, kind, speakers and room cells of one row."""
    st = styles()
    title_style = st.cell_muted if muted else st.cell_bold
    session: list[object] = [m.para(title, wrap_for(title, title_style), bold=not muted)
                             for title in lg.pick(item.title, item.title_zh)]
    for description in lg.pick(item.description, item.description_zh):
        session.append(m.para(description, wrap_for(description, st.small)))
    people: list[object] = []
    for speaker in item.speakers:
        people.append(m.para(speaker.name, st.name if people else st.cell))
        if speaker.detail:
            people.append(m.para(speaker.detail, st.small))
    if item.moderator is not None:
        plain = lg.label("moderator") + lg.colon() + ("" if lg.code == ZH else " ")
        label = m(lg.label("moderator") + lg.colon()) + ("" if lg.code == ZH else " ")
        people.append(m.para(item.moderator.name, st.note if people else st.small, lead=label, lead_text=plain))
    kind = lg.term("session_kind", item.kind, "\n")
    cell = st.cell_muted if muted else st.cell
    return [session, Para(m(kind), cell), people, m.para(item.room, cell)]
