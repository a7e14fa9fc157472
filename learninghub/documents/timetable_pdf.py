"""The timetable as a PDF: one page a day, time running down, sessions as blocks side by side where they
overlap, the second zone's ruler beside the seminar's with its day change drawn.

Why a document of its own: the agenda PDF lists sessions; a timetable shows the shape of each day (gaps,
parallel tracks, the long visit after lunch), which is what is pinned on the wall of the venue. The grid
is ``core.timetable``'s, the same the screen draws. Text is drawn on the canvas with measured runs
(:mod:`.canvas_text`): user text is never markup, and Chinese titles take the CJK font ``fonts`` found.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from ..core import timetable as tt
from ..core import timezones
from .canvas_text import CENTRE, TextDrawer, clean
from .fonts import SANS, FontSet, font_set
from .heavy import DocCanvas
from .language import ZH, DocLanguage, language
from .page import CREATOR, Rendered

if TYPE_CHECKING:
    from ..core.pages.seminar import AgendaItem, SeminarPage
    from ..core.store import Database

PAGE_W, PAGE_H = A4
MARGIN = 12 * mm
RULER = 13 * mm
TOP = 30 * mm  # title, day and zones above the grid
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
LINE = colors.HexColor("#d0d0d0")
CLASH = colors.HexColor("#c62828")
DAY_CHANGE = colors.HexColor("#1565c0")
#: The screen's colours (gui/seminar/timetable_view.KIND_COLOURS), printable.
KIND_COLOURS = {
    "talk": "#cfe2f3", "keynote": "#a9c4eb", "panel": "#d9d2e9", "workshop": "#d9ead3", "break": "#ececec",
    "meal": "#f6e7c8", "visit": "#fce5cd", "ceremony": "#f4cccc", "meeting": "#d0e0e3", "other": "#e6e6e6",
}


@dataclass(frozen=True)
class Sheet:
    """What the PDF needs, copied out of the database."""

    seminar_id: int
    title: str
    title_zh: str | None
    zone: str
    first_day: dt.date
    last_day: dt.date
    items: tuple[AgendaItem, ...]
    clashes: frozenset[int]


def load(db: Database, seminar_id: int) -> Sheet:
    """The seminar's page (one round trip), reduced to what the timetable prints."""
    from ..core.pages.seminar import seminar_page

    page: SeminarPage = db.read(seminar_page(seminar_id))[0]
    return Sheet(page.id, page.title, page.title_zh, page.timezone, page.values["start"], page.values["end"],
                 page.agenda, frozenset(tt.conflicted(page.conflicts, page.id)))


def build(db: Database, seminar_id: int, *, second_zone: str | None = None, lang: str = "en",
          by_room: bool = False) -> Rendered:
    """The timetable of ``seminar_id`` as a PDF; safe off the GUI thread (reads in its own unit of work)."""
    from .language import check

    if second_zone:
        timezones.zone(second_zone, where="--second-zone")
    return render(load(db, seminar_id), second_zone=second_zone, lang=check(lang), by_room=by_room)


def _both(lg: DocLanguage, en: str, zh: str) -> str:
    return zh if lg.code == ZH else en if lg.code == "en" else f"{en} / {zh}"


def render(sheet: Sheet, *, second_zone: str | None = None, lang: str = "en", by_room: bool = False,
           fonts: FontSet | None = None) -> Rendered:
    """One A4 page a day of the seminar (and of any day a session reaches outside them)."""
    lg = language(lang)
    table = tt.layout(sheet.items, sheet.zone, sheet.first_day, sheet.last_day, second_zone=second_zone,
                      by_room=by_room)
    items = {item.id: item for item in sheet.items}
    text = TextDrawer(fonts or font_set())
    buffer = io.BytesIO()
    c = DocCanvas(buffer, pagesize=A4, pageCompression=1, initialFontName=SANS,
                  lang="zh-CN" if lg.code == ZH else "en")
    title = lg.text(sheet.title, sheet.title_zh, " · ")
    c.setTitle(f"Timetable – {clean(title)}")
    c.setAuthor(CREATOR)
    c.setCreator(CREATOR)
    c.setSubject(f"Timetable of seminar {sheet.seminar_id}")
    days = table.days()
    for n, day in enumerate(days, start=1):
        columns = [i for i, column in enumerate(table.columns) if column.day == day]
        _page(c, text, lg, sheet, table, items, day, columns, title)
        c.setFillColor(MUTED)
        text.draw(c, lg.page_of(n, len(days)), PAGE_W - MARGIN, MARGIN / 2, 7, align="right")
        c.showPage()
    c.save()
    return Rendered(buffer.getvalue(), len(days), tuple(sorted(text.missing)))


def _page(c: DocCanvas, t: TextDrawer, lg: DocLanguage, sheet: Sheet, table: tt.Timetable,
          items: dict[int, AgendaItem], day: dt.date, columns: list[int], title: str) -> None:
    width = PAGE_W - 2 * MARGIN
    top = PAGE_H - MARGIN
    c.setFillColor(INK)
    t.draw(c, t.truncate(clean(title), width, 13), MARGIN, top - 5 * mm, 13, bold=True)
    t.draw(c, lg.long_day(day), MARGIN, top - 12 * mm, 11)
    c.setFillColor(MUTED)
    zones = _both(lg, f"Times in {sheet.zone}", f"时间为 {sheet.zone}")
    if table.second_zone:
        zones += " · " + _both(lg, f"beside them: {table.second_zone}", f"旁为 {table.second_zone}")
    t.draw(c, zones, MARGIN, top - 18 * mm, 8)
    strip = RULER if table.second_zone else 0
    grid_top, grid_bottom = top - TOP, MARGIN + 4 * mm
    minutes = (table.last_hour - table.first_hour) * 60
    scale = (grid_top - grid_bottom) / max(minutes, 60)
    left = MARGIN + RULER + strip
    area = PAGE_W - MARGIN - left
    col_w = area / max(1, len(columns))

    def y(minute: float) -> float:
        return grid_top - (minute - table.first_hour * 60) * scale

    # hours
    c.setLineWidth(0.4)
    for hour in range(table.first_hour, table.last_hour + 1):
        c.setStrokeColor(LINE)
        c.line(MARGIN + RULER, y(hour * 60), PAGE_W - MARGIN, y(hour * 60))
        c.setFillColor(MUTED)
        t.draw(c, f"{hour:02d}:00", MARGIN + RULER - 1.5 * mm, y(hour * 60) - 2.5, 7, align="right")
    c.setFillColor(MUTED)
    t.draw(c, clean(sheet.zone.rsplit("/", 1)[-1].replace("_", " ")), MARGIN, grid_top + 2 * mm, 7)
    first = table.columns[columns[0]]
    for span, shade, note in ((first.gap, colors.Color(0.5, 0.5, 0.5, 0.25), _both(lg, "the clocks jump forward",
                                                                                   "时钟拨快，此时段不存在")),
                              (first.fold, colors.Color(1, 0.76, 0.03, 0.2), _both(lg, "this hour happens twice",
                                                                                   "时钟回拨，此时段出现两次"))):
        if span is not None and table.first_hour * 60 <= span[0] < table.last_hour * 60:
            c.setFillColor(shade)
            c.rect(left, y(span[1]), area, y(span[0]) - y(span[1]), stroke=0, fill=1)
            c.setFillColor(MUTED)
            t.draw(c, note, left + area / 2, (y(span[0]) + y(span[1])) / 2 - 3, 7, align=CENTRE)
    if table.second_zone:
        x = MARGIN + RULER
        c.setFillColor(colors.HexColor("#f4f7fb"))
        c.rect(x, grid_bottom, strip, grid_top - grid_bottom, stroke=0, fill=1)
        c.setFillColor(colors.HexColor("#4a6a8a"))
        t.draw(c, clean(table.second_zone.rsplit("/", 1)[-1].replace("_", " ")), x + 1, grid_top + 2 * mm, 7)
        for tick in first.ticks:
            t.draw(c, tick.label, x + 1.5 * mm, y(tick.minute) - 2.5, 7)
        for change in first.day_changes:
            c.setStrokeColor(DAY_CHANGE)
            c.setDash(3, 2)
            c.setLineWidth(0.8)
            c.line(x, y(change.minute), PAGE_W - MARGIN, y(change.minute))
            c.setDash()
            c.setFillColor(DAY_CHANGE)
            t.draw(c, lg.short_weekday(change.day) + f" {change.day:%m-%d}", x + 1, y(change.minute) + 1.5, 6)
    for n, index in enumerate(columns):
        room = table.columns[index].room
        if room is not None:
            c.setFillColor(INK)
            t.draw(c, t.truncate(clean(room), col_w - 2, 8), left + n * col_w + col_w / 2, grid_top + 2 * mm, 8,
                   bold=True, align=CENTRE)
        c.setStrokeColor(colors.HexColor("#909090"))
        c.setLineWidth(0.6)
        c.line(left + n * col_w, grid_top, left + n * col_w, grid_bottom)
        for block in (b for b in table.blocks if b.column == index):
            lane_w = (col_w - 2) / block.lanes
            bx = left + n * col_w + 1 + block.lane * lane_w
            _block(c, t, lg, items[block.session_id], block, bx, y(block.bottom), lane_w - 1,
                   y(block.top) - y(block.bottom), sheet.zone, block.session_id in sheet.clashes)
    c.setStrokeColor(colors.HexColor("#909090"))
    c.line(PAGE_W - MARGIN, grid_top, PAGE_W - MARGIN, grid_bottom)


def _block(c: DocCanvas, t: TextDrawer, lg: DocLanguage, item: AgendaItem, block: tt.Block, x: float, y: float,
           w: float, h: float, zone: str, clash: bool) -> None:
    c.setFillColor(colors.HexColor(KIND_COLOURS.get(item.kind, "#e6e6e6")))
    c.setStrokeColor(CLASH if clash else colors.HexColor("#8a8a8a"))
    c.setLineWidth(1.4 if clash else 0.4)
    c.roundRect(x, y, w, h, 1.5, stroke=1, fill=1)
    if block.shaded:
        c.setStrokeColor(colors.Color(0, 0, 0, 0.12))
        c.setLineWidth(0.4)
        path = c.beginPath()
        step = 3 * mm
        offset = 0.0
        while offset < w + h:
            x0, y0 = x + max(0.0, offset - h), y + min(offset, h)
            x1, y1 = x + min(offset, w), y + max(0.0, offset - w)
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
            offset += step
        c.drawPath(path, stroke=1, fill=0)
    tz = timezones.zone(zone)
    start, end = item.starts_at.astimezone(tz), item.ends_at.astimezone(tz)
    size = 7.0
    inner = w - 2 * mm
    line = size * 1.2
    room = h - 1.5
    c.setFillColor(INK)
    head = f"{start:%H:%M}–{end:%H:%M}"
    title = clean(lg.text(item.title, item.title_zh, " · "))
    if room < 2 * line:  # one line: time and title
        t.draw(c, t.truncate(f"{head} {title}", inner, size), x + 1 * mm, y + h - line + 1, size)
        return
    t.draw(c, head, x + 1 * mm, y + h - line + 1, size)
    detail = clean(" · ".join(v for v in (lg.term("session_kind", item.kind) if block.shaded else "",
                                          item.room or "", lg.list_sep().join(item.speakers)) if v))
    lines = t.wrap(title, inner, size, bold=True)
    fit = max(1, int((room - line) // line) - (1 if detail and room >= 3 * line else 0))
    shown = lines[:fit]
    if len(lines) > fit:
        shown[-1] = t.truncate(shown[-1] + "…", inner, size, bold=True)
    for n, text in enumerate(shown):
        t.draw(c, text, x + 1 * mm, y + h - (n + 2) * line + 1, size, bold=True)
    if detail and room >= (len(shown) + 2) * line:
        c.setFillColor(MUTED)
        t.draw(c, t.truncate(detail, inner, size - 0.5), x + 1 * mm, y + h - (len(shown) + 2) * line + 1, size - 0.5)
