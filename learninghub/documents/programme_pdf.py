"""A curriculum's programme as a PDF: every seminar, year by year.

:func:`load_programme` copies the curriculum out of the database into plain
values; :func:`render_programme` lays them out without a database at hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from sqlalchemy.orm import Session

from ..core import vocab
from .agenda_pdf import footer_for, label_width, pdf_lang, wrap_for
from .fonts import SANS, SANS_BOLD, FontSet, font_set
from .language import BOTH, ZH, DocLanguage, language
from .markup import Markup
from .page import ALERT_HEX, MUTED, Para, Rendered, Section, build, frame_width, styles, table_style
from .rtl import has_rtl


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
    title_zh: str | None = None
    kind_code: str = ""  # the vocabulary values, for labels in another language
    format_code: str = ""
    #: (role, count) behind ``audience``, to say it in another language.
    audience_counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Programme:
    curriculum_id: int
    title: str
    start_year: int | None
    end_year: int | None
    description: str | None
    seminars: tuple[SeminarLine, ...]
    title_zh: str | None = None
    description_zh: str | None = None

    def years(self) -> list[int]:
        """Every year of the curriculum, and any year a seminar falls in outside it."""
        years = {s.first_day.year for s in self.seminars}
        if self.start_year and self.end_year:
            years |= set(range(self.start_year, self.end_year + 1))
        return sorted(years)


def load_programme(session: Session, curriculum_id: int) -> Programme:
    """The curriculum and its seminars as plain values; refuses an unknown curriculum."""
    from ..core.services import curricula, seminars
    from ..core.services.registration import audience
    from ..core.services.seats import seats_taken

    curriculum = curricula.get_curriculum(session, curriculum_id)
    lines = []
    for s in seminars.list_seminars(session, curriculum_id):
        city = (f"{s.city.name} {s.city.native_name}" if s.city.native_name else s.city.name) if s.city else None
        counts = tuple(audience(session, s.id))
        lines.append(SeminarLine(
            s.id, s.title, s.start_date, s.end_date, city, s.venue, s.timezone,
            vocab.SEMINAR_KINDS.get(s.kind, s.kind), vocab.SEMINAR_FORMATS.get(s.format, s.format), s.status,
            s.capacity, seats_taken(session, s.id),
            ", ".join(_group(role, n) for role, n in counts),
            title_zh=s.title_zh, kind_code=s.kind, format_code=s.format, audience_counts=counts,
        ))
    return Programme(curriculum.id, curriculum.title, curriculum.start_year, curriculum.end_year,
                     curriculum.description, tuple(lines), curriculum.title_zh, curriculum.description_zh)


def _group(role: str, count: int) -> str:
    """'1 city manager', '6 urban planners'."""
    if count == 1:
        return f"1 {vocab.PERSON_ROLES.get(role, role).lower()}"
    return f"{count} {vocab.PERSON_ROLES_PLURAL.get(role, role)}"


def _audience_zh(line: SeminarLine) -> str:
    """'9名政策制定者、6名城市规划师'."""
    from .language import PERSON_ROLES_ZH

    return "、".join(f"{n}名{PERSON_ROLES_ZH.get(role, role)}" for role, n in line.audience_counts)


def render_programme(
    programme: Programme, *, paper: str = "a4", printed: dt.date | None = None, fonts: FontSet | None = None,
    lang: str = "en",
) -> Rendered:
    """The programme as a PDF in memory (A4 or US letter portrait), in English, Chinese or both."""
    lg = language(lang)
    markup = Markup(fonts or font_set())
    data, pages = build(
        lambda split_rows: _story(programme, markup, paper, split_rows, lg), paper=paper,
        title=f"{lg.label('programme')} – {lg.text(programme.title, programme.title_zh, ' / ')}",
        author="Learning Hub Planner",
        subject=f"Programme of curriculum {programme.curriculum_id}", printed=printed,
        footer=footer_for(lg), fonts=markup.fonts, lang=pdf_lang(lg),
    )
    return Rendered(data, pages, markup.report(f"programme of curriculum {programme.curriculum_id}"))


def _years_text(programme: Programme) -> str:
    if programme.start_year and programme.end_year and programme.start_year != programme.end_year:
        return f"{programme.start_year}–{programme.end_year}"
    return str(programme.start_year or programme.end_year or "")


def _header(programme: Programme, m: Markup, lg: DocLanguage = DocLanguage()) -> Iterator[object]:
    st = styles()
    for title in lg.pick(programme.title, programme.title_zh):
        yield m.para(title, wrap_for(title, st.title), bold=True)
    count = len(programme.seminars)
    cancelled = sum(1 for s in programme.seminars if s.status == "cancelled")
    years = _years_text(programme)
    lines = []
    if lg.english:
        summary = f"Programme {years} · {count} seminar{'s' if count != 1 else ''}".replace("  ", " ")
        if cancelled:
            summary += f", {cancelled} cancelled"
        lines.append(summary)
    if lg.chinese:
        summary = f"{years}年培训计划 · 共{count}场研讨会" if years else f"培训计划 · 共{count}场研讨会"
        if cancelled:
            summary += f"，其中{cancelled}场已取消"
        lines.append(summary)
    yield Para("<br/>".join(m(x) for x in lines), st.info)
    for description in lg.pick(programme.description, programme.description_zh):
        yield m.para(description, wrap_for(description, st.cell_muted))


def _story(programme: Programme, m: Markup, paper: str, split_rows: bool,
           lg: DocLanguage = DocLanguage()) -> list[object]:
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer

    st = styles()
    story: list[object] = [*_header(programme, m, lg), Spacer(1, 2 * mm)]
    for year in programme.years():
        seminars = [s for s in programme.seminars if s.first_day.year == year]
        count = _seminar_count(len(seminars), lg)
        year_text = f"{year}年" if lg.code == ZH else str(year)
        heading = Para(f'{m(year_text, bold=True)} <font name="{SANS_BOLD}" size="9" color="#5a5a5a">· {m(count, bold=True)}</font>',
                       st.heading)
        story.append(CondPageBreak(30 * mm))
        story.append(Section([heading, _year_table(seminars, m, paper, split_rows, lg)] if seminars else [heading]))
    return story


def _seminar_count(n: int, lg: DocLanguage) -> str:
    """'3 seminars' / '3场研讨会' / 'no seminars' / '无研讨会'."""
    en = f"{n} seminar{'s' if n != 1 else ''}" if n else "no seminars"
    zh = f"{n}场研讨会" if n else "无研讨会"
    return {ZH: zh, BOTH: f"{en} · {zh}"}.get(lg.code, en)


def _year_table(seminars: list[SeminarLine], m: Markup, paper: str, split_rows: bool,
                lg: DocLanguage = DocLanguage()) -> object:
    from reportlab.platypus import Table

    st = styles()
    keys = ("dates", "seminar", "place", "format", "kind", "seats_taken", "status")
    head = [Para(m(lg.label(key, "\n"), bold=True), st.head_cell) for key in keys]
    rows: list[list[object]] = [head]
    grey: list[int] = []
    for s in seminars:
        off = s.status == "cancelled"
        if off:
            grey.append(len(rows))
        cell = st.cell_muted if off else st.cell
        titles = lg.pick(s.title, s.title_zh)
        status = lg.term("seminar_status", s.status, "\n")
        status_markup = (f'<font name="{SANS_BOLD}" color="{ALERT_HEX}">{m(status, bold=True)}</font>'
                         if off else m(status))
        kind = lg.term("seminar_kind", s.kind_code, "\n") if s.kind_code else s.kind
        fmt = lg.term("seminar_format", s.format_code, "\n") if s.format_code else s.format
        seats = (f"{s.seats_taken} of {s.capacity}" if lg.code != ZH else f"{s.seats_taken} / {s.capacity}") \
            if s.capacity else f"{s.seats_taken}"
        rows.append([
            Para(m(_date_cell(s, lg)), cell),
            _title_cell(s, titles, m, lg, st.cell_muted if off else st.cell_bold),
            _place_cell(s, m, cell),
            Para(m(fmt), cell),
            Para(m(kind), cell),
            Para(m(seats), cell),
            Para(status_markup, cell),
        ])
    return Table(rows, colWidths=widths(frame_width(paper), lg), repeatRows=1, style=table_style(grey),
                 splitInRow=24 if split_rows else 0)


SMALL = 7.2  # the size of the grey lines under a title or a city


def _title_cell(s: SeminarLine, titles: list[str], m: Markup, lg: DocLanguage, style: ParagraphStyle) -> object:
    """The seminar's title(s), then who comes, in small grey type. With Hebrew or Arabic in
    a title, each piece is a paragraph of its own, so each takes its own direction: a Hebrew
    title right-aligned and broken at the column's width, 'Audience: …' still on the left."""
    bold = s.status != "cancelled"
    lines = _audience_lines(s, lg)
    if not any(has_rtl(title) for title in titles):
        def build(width: float | None) -> str:  # broken here at the column's width (Chinese: kinsoku, see markup)
            audience = [f'<font name="{SANS}" size="{SMALL}" color="#5a5a5a">{m(x, width=width, size=SMALL)}</font>'
                        for x in lines]
            return "<br/>".join([m(x, bold=bold, width=width, size=style.fontSize) for x in titles] + audience)

        return m.flow(build, wrap_for(titles[0], style), rtl=False)
    audience = [f'<font name="{SANS}" size="{SMALL}" color="#5a5a5a">{m(x)}</font>' for x in lines]
    return [m.para(x, wrap_for(x, style), bold=bold) for x in titles] + [Para(x, style) for x in audience]


_VENUE: dict[str, ParagraphStyle] = {}


def _place_cell(s: SeminarLine, m: Markup, style: ParagraphStyle) -> object:
    """The city, then the venue in small grey type (paragraphs of their own with Hebrew or Arabic in them)."""
    if not has_rtl(f"{s.city}{s.venue}"):
        def build(width: float | None) -> str:
            venue = (f'<br/><font size="{SMALL}" color="#5a5a5a">{m(s.venue, width=width, size=SMALL)}</font>'
                     if s.venue else "")
            return m(s.city or "—", width=width, size=style.fontSize) + venue

        return m.flow(build, style, rtl=False)
    small = _VENUE.get(style.name)
    if small is None:  # the same look as the '<font size="7.2">' line: the cell's leading, grey
        small = _VENUE[style.name] = ParagraphStyle(f"{style.name}-venue", parent=style, fontSize=SMALL,
                                                    textColor=MUTED)
    return [m.para(s.city or "—", style)] + ([m.para(s.venue, small)] if s.venue else [])


def _date_cell(s: SeminarLine, lg: DocLanguage) -> str:
    """'13–17 Jul 2020'; in Chinese the range breaks after its dash, never inside a number."""
    from . import dates
    lines = [dates.short_range(s.first_day, s.last_day)] if lg.english else []
    if lg.chinese:
        lines.append(dates.day_range(s.first_day, s.last_day, style="short", lang="zh").replace("–", "–\n", 1))
    return "\n".join(lines)


def _audience_lines(s: SeminarLine, lg: DocLanguage) -> list[str]:
    lines = []
    if s.audience and lg.english:
        lines.append(f"Audience: {s.audience}")
    if s.audience_counts and lg.chinese:
        lines.append(f"参加者：{_audience_zh(s)}")
    return lines


def widths(total: float, lg: DocLanguage = DocLanguage()) -> list[float]:
    """Dates, seminar, place share what format, kind, seats and status leave (each as wide
    as its longest word, so 'Cancelled' never breaks)."""
    size = styles().cell.fontSize

    def widest(labels: list[str], font: str = SANS) -> float:
        words = [w for label in labels for line in label.split(" / ") for w in line.split()]
        return max(label_width(w, font, size) for w in words) + 8

    fixed = [
        widest(lg.terms("seminar_format") + [lg.label("format")], SANS_BOLD),
        widest(lg.terms("seminar_kind")),
        max(label_width("999 of 999", SANS, size) + 8, widest([lg.label("seats_taken")], SANS_BOLD)),
        widest(lg.terms("seminar_status") + [lg.label("status")], SANS_BOLD),
    ]
    parts = [72, 160, 116]
    rest = total - sum(fixed)
    shares = [p * rest / sum(parts) for p in parts]
    if lg.chinese:  # '2020年12月28日–' fits on one line
        dates = max(shares[0], label_width("2020年12月28日–", SANS, size) + 8)
        shares = [dates] + [p * (rest - dates) / sum(parts[1:]) for p in parts[1:]]
    return shares + fixed
