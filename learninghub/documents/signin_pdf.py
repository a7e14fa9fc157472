"""A session's sign-in sheet: everyone registered, by family name, with room to sign.

A4 portrait. Every page repeats the header (session, seminar, room, local time in
the seminar's zone) and the column heads, and says "Page x of y". Nothing is cut or
shrunk out of reading: a signature record shows the whole name, so a long name, Latin
name or organisation wraps and its row grows (a long title or seminar wraps in the
header too). Rows are laid out first, so the pages, and their count, are known before
anything is drawn.

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
    """The header's height when every line of it fits on one line (it grows when one wraps)."""
    return HEADER_BOTH_H if language(lang).code == BOTH else HEADER_H


def rows_per_page(lang: str | None = None) -> int:
    """How many rows of the usual height (a name and its Latin form on a line each) a page holds."""
    table_top = PAGE_H - MARGIN - header_height(lang) - HEAD_ROW_H
    return int((table_top - MARGIN) // ROW_H)


@dataclass(frozen=True)
class Text:
    """One line of text to draw: its baseline ``dy`` below the top of its block."""

    text: str
    x: float
    dy: float
    size: float
    colour: colors.Color
    bold: bool = False
    align: str = LEFT


@dataclass(frozen=True)
class Row:
    height: float
    texts: tuple[Text, ...]


NAME_SIZE, LATIN_SIZE, NOTE_SIZE = 10.5, 8.0, 8.5
PAD = 2 * mm  # the least room above and below a row's text
ASCENT, DESCENT = 0.75, 0.22  # of a line of text, in em (DejaVu Sans; CJK glyphs sit within)


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
    header, header_h = _header(text, sheet, doc)
    top = PAGE_H - MARGIN - header_h
    pages = _paginate([_row(text, n, line, doc) for n, line in enumerate(sheet.lines, start=1)],
                      top - HEAD_ROW_H - MARGIN)
    printed = printed or dt.date.today()
    for page, rows in enumerate(pages, start=1):
        _draw(c, text, header, PAGE_H - MARGIN)
        _column_heads(c, text, top, doc)
        if not sheet.lines:
            c.setFillColor(MUTED)
            text.draw(c, label(doc, "nobody", "  "), MARGIN, top - HEAD_ROW_H - 8 * mm, 10)
        y = top - HEAD_ROW_H
        for row in rows:
            _rules(c, y, row.height)
            _draw(c, text, row.texts, y)
            y -= row.height
        c.setFillColor(MUTED)
        text.draw(c, f"{doc.printed(printed)} · {CREATOR}", MARGIN, FOOTER_Y, 7.5)
        text.draw(c, doc.page_of(page, len(pages)), PAGE_W - MARGIN, FOOTER_Y, 7.5, align=RIGHT)
        c.showPage()
    c.save()
    return Rendered(buffer.getvalue(), len(pages), tuple(sorted(text.missing)))


def _paginate(rows: list[Row], room: float) -> list[list[Row]]:
    """Rows in pages of at most ``room`` height (a row taller than a page alone on one); one empty page for none."""
    pages: list[list[Row]] = [[]]
    used = 0.0
    for row in rows:
        if pages[-1] and used + row.height > room + 0.01:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += row.height
    return pages


def _draw(c: Canvas, t: TextDrawer, texts: tuple[Text, ...] | list[Text], top: float) -> None:
    for one in texts:
        c.setFillColor(one.colour)
        t.draw(c, one.text, one.x, top - one.dy, one.size, bold=one.bold, align=one.align)


def when(sheet: SigninSheet, lang: DocLanguage | None = None) -> str:
    """'Wednesday 15 July 2020, 09:30–11:00 (Asia/Shanghai, UTC+08:00)'; in Chinese
    '2020年7月15日星期三 09:30–11:00（Asia/Shanghai，UTC+08:00）'; both: the English one."""
    zone = f"{sheet.zone}, {dates.utc_offset(sheet.start)}"
    if lang is not None and lang.code == ZH:
        return f"{long_day_zh(sheet.start.date())} {lang.span(sheet.start, sheet.end)}（{zone.replace(', ', '，')}）"
    return f"{dates.long_day(sheet.start.date())}, {dates.span(sheet.start, sheet.end)} ({zone})"


def _header(t: TextDrawer, sheet: SigninSheet, lang: DocLanguage) -> tuple[list[Text], float]:
    """The header's lines (below the top margin) and its height: each part wraps to the
    page's width, and the header grows by what its wrapped lines add."""
    width = PAGE_W - 2 * MARGIN
    texts = [Text(label(lang, "heading", "  "), MARGIN, 3.5 * mm, 8, MUTED, bold=True)]
    y = 5 * mm

    def lines(text: str, size: float, colour: colors.Color, step: float, *, bold: bool = False) -> None:
        nonlocal y
        y += step
        for n, line in enumerate(t.wrap(text, width, size, bold=bold)):
            y += size * 1.2 if n else 0
            texts.append(Text(line, MARGIN, y, size, colour, bold=bold))

    titles = lang.pick(clean(sheet.session_title), clean(sheet.session_title_zh))
    for n, title in enumerate(titles):  # en+zh: the Chinese title under the English one, a little smaller
        lines(title, 15 if n == 0 else 12.5, INK, (6.5 if n == 0 else 5.5) * mm, bold=True)
    lines(lang.text(clean(sheet.seminar_title), clean(sheet.seminar_title_zh), " · "), 10, INK, 5.5 * mm)
    place = when(sheet, lang)
    if sheet.room:
        place += f" · {label(lang, 'room')}{'：' if lang.code == ZH else ': '}{clean(sheet.room)}"
    lines(place, 9.5, MUTED, 5 * mm)
    if lang.code == BOTH:  # the date in Chinese too
        lines(when(sheet, language(ZH)), 9, MUTED, 4.5 * mm)
    return texts, max(header_height(lang.code), y + 4 * mm)


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


def _rules(c: Canvas, top: float, height: float) -> None:
    """The rule under a row and the line before its signature box."""
    bottom = top - height
    c.setStrokeColor(RULE)
    c.setLineWidth(0.4)
    c.line(MARGIN, bottom, PAGE_W - MARGIN, bottom)
    sign_x = MARGIN + COL_NO + 2 * mm + COL_NAME + COL_ORG - 2 * mm
    c.line(sign_x, bottom, sign_x, top)


def _lines(t: TextDrawer, text: str, width: float, size: float, least: float, *,
           bold: bool = False) -> tuple[float, list[str]]:
    """``text`` on one line, down to ``least`` points if need be; else wrapped at ``size``: never cut."""
    one = t.fit_size(text, width, size, min_size=least, bold=bold)
    if t.width(text, one, bold=bold) <= width + 0.01:
        return one, [text]
    return size, t.wrap(text, width, size, bold=bold)


def _row(t: TextDrawer, number: int, line: SigninLine, lang: DocLanguage) -> Row:
    """A row's lines, relative to its top: the name (in its own script, bold) over its Latin
    form, and the organisation, each block centred in a row at least ROW_H high, every
    line whole (a row grows with its longest block)."""
    x = MARGIN + COL_NO + 2 * mm
    name_width = COL_NAME - 4 * mm
    name_size, names = _lines(t, clean(line.name) or "—", name_width, NAME_SIZE, 9.5, bold=True)
    latin = clean(line.latin)
    latin_size, latins = _lines(t, latin, name_width, LATIN_SIZE, 7) if latin else (LATIN_SIZE, [])
    # The name block: baselines below its top, then its height.
    name_dy = [ASCENT * name_size + n * name_size * 1.2 for n in range(len(names))]
    latin_dy = [name_dy[-1] + 4.2 * mm + n * latin_size * 1.2 for n in range(len(latins))]
    name_h = (latin_dy[-1] + DESCENT * latin_size) if latins else name_dy[-1] + DESCENT * name_size
    note = line.note(lang)
    notes = t.wrap(clean(note), COL_ORG - 5 * mm, NOTE_SIZE) if note else []
    note_dy = [ASCENT * NOTE_SIZE + n * (NOTE_SIZE + 1.5) for n in range(len(notes))]
    note_h = note_dy[-1] + DESCENT * NOTE_SIZE if notes else 0.0
    height = max(ROW_H, name_h + 2 * PAD, note_h + 2 * PAD)
    top = (height - name_h) / 2
    texts = [Text(str(number), MARGIN + COL_NO - 2 * mm, top + name_dy[0], 8.5, MUTED, align=RIGHT)]
    texts += [Text(text, x, top + dy, name_size, INK, bold=True) for text, dy in zip(names, name_dy)]
    texts += [Text(text, x, top + dy, latin_size, MUTED) for text, dy in zip(latins, latin_dy)]
    top = (height - note_h) / 2
    texts += [Text(text, x + COL_NAME, top + dy, NOTE_SIZE, INK) for text, dy in zip(notes, note_dy)]
    return Row(height, tuple(texts))
