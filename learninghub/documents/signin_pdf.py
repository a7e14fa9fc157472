"""A session's sign-in sheet: everyone registered, by family name, with room to sign.

A4 portrait. Every page repeats the header (session, seminar, room, local time in
the seminar's zone) and the column heads, and says "Page x of y": rows have one
height, so the page count is known before drawing and no second pass is needed.

:func:`load_signin` copies what the sheet needs (inside ``db.reading()``), using
the check-in roster of :mod:`learninghub.core.services.attendance` for who and in
which order; :func:`render_signin` needs no database. It prints in English, Chinese
or both (``lang``, see :mod:`.language`): headings, the date, the waiting-list note
and the footer, and the session's and seminar's Chinese titles where set. Names and
organisations are data: printed as written, whatever the language.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from . import dates
from .canvas_text import LEFT, RIGHT, TextDrawer, clean
from .fonts import SANS, FontSet, font_set
from .heavy import DocCanvas
from .language import BOTH, EN, ZH, DocLanguage, language, long_day_zh
from .names import printed_names
from .page import CREATOR, HEAD_FILL, MARGIN, MUTED, RULE, Rendered

PAGE_W, PAGE_H = A4
ROW_H = 12 * mm
HEAD_ROW_H = 7 * mm
HEADER_H = 30 * mm  # title block above the table
HEADER_BOTH_H = 36 * mm  # en+zh: room for the Chinese session title under the English one
FOOTER_Y = MARGIN - 7 * mm
INK = colors.HexColor("#1a1a1a")
#: Columns: number, name, organisation, signature (the rest of the width).
COL_NO, COL_NAME, COL_ORG = 10 * mm, 64 * mm, 52 * mm

#: What the sheet prints, per language: key -> (English, Chinese).
LABELS: dict[str, tuple[str, str]] = {
    "heading": ("SIGN-IN SHEET", "签到表"),
    "number": ("#", "序号"),
    "name": ("Name", "姓名"),
    "organisation": ("Organisation", "单位"),
    "signature": ("Signature", "签名"),
    "room": ("Room", "会场"),
    "waiting": ("waiting list", "候补"),
    "nobody": ("No one is registered to this seminar yet.", "本研讨会尚无人报名。"),
}


def label(lang: DocLanguage, key: str, sep: str = " / ") -> str:
    en, zh = LABELS[key]
    return {EN: en, ZH: zh, BOTH: f"{en}{sep}{zh}"}[lang.code]


@dataclass(frozen=True)
class SigninLine:
    name: str  # own script
    latin: str | None
    organisation: str | None
    #: On the waiting list: listed last, marked "waiting list" / "候补" beside the organisation.
    waiting: bool = False

    def note(self, lang: DocLanguage) -> str | None:
        """The organisation column: the organisation, and the waiting-list mark."""
        if not self.waiting:
            return self.organisation
        mark = label(lang, "waiting")
        return f"{self.organisation} · {mark}" if self.organisation else mark


@dataclass(frozen=True)
class SigninSheet:
    session_id: int
    session_title: str
    seminar_title: str
    room: str | None
    start: dt.datetime  # aware, in the seminar's zone
    end: dt.datetime
    zone: str
    lines: tuple[SigninLine, ...]
    session_title_zh: str | None = None
    seminar_title_zh: str | None = None


def load_signin(session: Session, session_id: int) -> SigninSheet:
    """The session's sheet: registered people (not cancelled, not erased) by family name, the waiting list last."""
    from ..core import timezones
    from ..core.models import AgendaSession, Person
    from ..core.services import attendance
    from ..core.services.common import get_or_refuse

    item = get_or_refuse(session, AgendaSession, session_id, "session")
    zone = timezones.zone(item.seminar.timezone)
    lines, waiting = [], []
    for line in attendance.roster(session, session_id=session_id):
        person = session.get(Person, line.person_id)
        name, latin = printed_names(person)  # type: ignore[arg-type]
        if line.status == "waitlisted":
            # Last, and marked: they may turn up for a freed seat, but hold none yet.
            waiting.append(SigninLine(name, latin, line.organisation, waiting=True))
        else:
            lines.append(SigninLine(name, latin, line.organisation))
    lines += waiting
    return SigninSheet(item.id, item.title, item.seminar.title, item.room, item.starts_at.astimezone(zone),
                       item.ends_at.astimezone(zone), zone.key, tuple(lines), item.title_zh, item.seminar.title_zh)


def header_height(lang: str | None = None) -> float:
    return HEADER_BOTH_H if language(lang).code == BOTH else HEADER_H


def rows_per_page(lang: str | None = None) -> int:
    table_top = PAGE_H - MARGIN - header_height(lang) - HEAD_ROW_H
    return int((table_top - MARGIN) // ROW_H)


def render_signin(sheet: SigninSheet, *, fonts: FontSet | None = None, printed: dt.date | None = None,
                  lang: str | None = None) -> Rendered:
    """The sheet as a PDF, in ``lang`` (en, zh or en+zh; None: English)."""
    doc = language(lang)
    text = TextDrawer(fonts or font_set())
    buffer = io.BytesIO()
    chinese = doc.code == ZH
    c = DocCanvas(buffer, pagesize=A4, pageCompression=1, initialFontName=SANS, lang="zh-CN" if chinese else "en")
    c.setTitle(f"签到表 – {sheet.session_title_zh or sheet.session_title}" if chinese
               else f"Sign-in sheet – {sheet.session_title}")
    c.setAuthor(CREATOR)
    c.setCreator(CREATOR)
    c.setSubject(f"Sign-in sheet of session {sheet.session_id}")
    per_page = rows_per_page(doc.code)
    total = max(1, -(-len(sheet.lines) // per_page))
    printed = printed or dt.date.today()
    for page in range(total):
        _header(c, text, sheet, doc)
        top = PAGE_H - MARGIN - header_height(doc.code)
        _column_heads(c, text, top, doc)
        chunk = sheet.lines[page * per_page:(page + 1) * per_page]
        if not chunk and page == 0:
            c.setFillColor(MUTED)
            text.draw(c, label(doc, "nobody", "  "), MARGIN, top - HEAD_ROW_H - 8 * mm, 10)
        for i, line in enumerate(chunk):
            _row(c, text, page * per_page + i + 1, line, top - HEAD_ROW_H - i * ROW_H, doc)
        c.setFillColor(MUTED)
        text.draw(c, f"{doc.printed(printed)} · {CREATOR}", MARGIN, FOOTER_Y, 7.5)
        text.draw(c, doc.page_of(page + 1, total), PAGE_W - MARGIN, FOOTER_Y, 7.5, align=RIGHT)
        c.showPage()
    c.save()
    return Rendered(buffer.getvalue(), total, tuple(sorted(text.missing)))


def when(sheet: SigninSheet, lang: DocLanguage | None = None) -> str:
    """'Wednesday 15 July 2020, 09:30–11:00 (Asia/Shanghai, UTC+08:00)'; in Chinese
    '2020年7月15日星期三 09:30–11:00（Asia/Shanghai，UTC+08:00）'; both: the English one."""
    zone = f"{sheet.zone}, {dates.utc_offset(sheet.start)}"
    if lang is not None and lang.code == ZH:
        return f"{long_day_zh(sheet.start.date())} {lang.span(sheet.start, sheet.end)}（{zone.replace(', ', '，')}）"
    return f"{dates.long_day(sheet.start.date())}, {dates.span(sheet.start, sheet.end)} ({zone})"


def _header(c: Canvas, t: TextDrawer, sheet: SigninSheet, lang: DocLanguage) -> None:
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - MARGIN - 5 * mm
    c.setFillColor(MUTED)
    t.draw(c, label(lang, "heading", "  "), MARGIN, y + 1.5 * mm, 8, bold=True)
    c.setFillColor(INK)
    titles = lang.pick(clean(sheet.session_title), clean(sheet.session_title_zh))
    for n, title in enumerate(titles):  # en+zh: the Chinese title under the English one, a little smaller
        size = t.fit_size(title, width, 15 if n == 0 else 12.5, min_size=9, bold=True)
        y -= (6.5 if n == 0 else 5.5) * mm
        t.draw(c, t.truncate(title, width, size, bold=True), MARGIN, y, size, bold=True)
    y -= 5.5 * mm
    seminar = lang.text(clean(sheet.seminar_title), clean(sheet.seminar_title_zh), " · ")
    t.draw(c, t.truncate(seminar, width, 10), MARGIN, y, 10)
    y -= 5 * mm
    place = when(sheet, lang)
    if sheet.room:
        place += f" · {label(lang, 'room')}{'：' if lang.code == ZH else ': '}{clean(sheet.room)}"
    c.setFillColor(MUTED)
    t.draw(c, t.truncate(place, width, 9.5), MARGIN, y, 9.5)
    if lang.code == BOTH:  # the date in Chinese too
        y -= 4.5 * mm
        t.draw(c, t.truncate(when(sheet, language(ZH)), width, 9), MARGIN, y, 9)


def _column_heads(c: Canvas, t: TextDrawer, top: float, lang: DocLanguage) -> None:
    c.setFillColor(HEAD_FILL)
    c.rect(MARGIN, top - HEAD_ROW_H, PAGE_W - 2 * MARGIN, HEAD_ROW_H, stroke=0, fill=1)
    c.setFillColor(INK)
    y = top - HEAD_ROW_H + 2.4 * mm
    x = MARGIN
    number = "#" if lang.code == EN else "序号"
    t.draw(c, number, x + COL_NO - 2 * mm, y, 8 if lang.code == EN else 7, bold=True, align=RIGHT)
    x += COL_NO + 2 * mm
    for key, width in (("name", COL_NAME), ("organisation", COL_ORG), ("signature", 0)):
        t.draw(c, label(lang, key), x, y, 8, bold=True, align=LEFT)
        x += width


def _row(c: Canvas, t: TextDrawer, number: int, line: SigninLine, top: float, lang: DocLanguage) -> None:
    bottom = top - ROW_H
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.line(MARGIN, bottom, PAGE_W - MARGIN, bottom)
    sign_x = MARGIN + COL_NO + 2 * mm + COL_NAME + COL_ORG - 2 * mm
    c.line(sign_x, bottom, sign_x, top)
    x = MARGIN + COL_NO + 2 * mm
    name_width = COL_NAME - 4 * mm
    name = clean(line.name) or "—"
    latin = clean(line.latin)
    name_y = top - 5 * mm if latin else top - 7 * mm
    c.setFillColor(MUTED)
    t.draw(c, str(number), MARGIN + COL_NO - 2 * mm, name_y, 8.5, align=RIGHT)
    c.setFillColor(INK)
    size = t.fit_size(name, name_width, 10.5, min_size=7, bold=True)
    t.draw(c, t.truncate(name, name_width, size, bold=True), x, name_y, size, bold=True)
    if latin:
        c.setFillColor(MUTED)
        size = t.fit_size(latin, name_width, 8, min_size=6)
        t.draw(c, t.truncate(latin, name_width, size), x, top - 9.2 * mm, size)
    note = line.note(lang)
    if note:
        x += COL_NAME
        c.setFillColor(INK)
        size, lines = t.fit_lines(note, COL_ORG - 5 * mm, 8.5, min_size=6.5, max_lines=2)
        first = top - (5 if len(lines) > 1 else 7) * mm
        for n, text in enumerate(lines):
            t.draw(c, text, x, first - n * (size + 1.5), size)
