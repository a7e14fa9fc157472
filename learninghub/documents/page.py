"""What every printed document shares: paper, text styles, the footer with
"Page x of y" and the print date, and building the PDF in memory.

The total page count is known only at the end, so the canvas keeps each page's
state and draws the footers when it is saved (reportlab's "NumberedCanvas" recipe).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from .fonts import SANS, SANS_BOLD
from .heavy import DocCanvas

PAPER: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN = 14 * mm
FOOTER_GAP = 7 * mm
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#b8b8b8")
HEAD_FILL = colors.HexColor("#dde4ec")
BREAK_FILL = colors.HexColor("#efefef")
ALERT_HEX = "#b00020"  # cancelled: in Paragraph markup
CREATOR = "Learning Hub Planner"


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    info: ParagraphStyle
    heading: ParagraphStyle
    head_cell: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    small: ParagraphStyle
    name: ParagraphStyle
    note: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The few text styles documents use; all DejaVu Sans (runs switch fonts for CJK)."""
    def style(name: str, size: float, *, bold: bool = False, color: Any = INK, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=SANS_BOLD if bold else SANS, fontSize=size,
                              leading=round(size * 1.25, 1), textColor=color, **kw)

    return Styles(
        title=style("lh-title", 18, bold=True, spaceAfter=5),
        info=style("lh-info", 9.5, spaceAfter=1.5),
        heading=style("lh-heading", 12.5, bold=True, spaceBefore=10, spaceAfter=4),
        head_cell=style("lh-head-cell", 8, bold=True),
        cell=style("lh-cell", 8.5),
        cell_bold=style("lh-cell-bold", 8.8, bold=True),
        cell_muted=style("lh-cell-muted", 8.5, color=MUTED),
        small=style("lh-small", 7.2, color=MUTED),
        name=style("lh-name", 8.5, spaceBefore=2),
        note=style("lh-note", 7.2, color=MUTED, spaceBefore=2),
    )


FRAME_PADDING = 6  # reportlab's Frame keeps 6 pt inside its edges


def frame_width(paper: str) -> float:
    """The width a flowable may take on ``paper``."""
    return PAPER[paper][0] - 2 * MARGIN - 2 * FRAME_PADDING


#: The footer's left and right text for (print date, page, total pages).
Footer = Callable[[dt.date, int, int], tuple[str, str]]


def english_footer(printed: dt.date, page: int, total: int) -> tuple[str, str]:
    return f"Printed {printed.isoformat()} · {CREATOR}", f"Page {page} of {total}"


def _canvas_class(printed: dt.date, pages_seen: list[int], footer: Footer = english_footer,
                  fonts: Any = None) -> type[Canvas]:
    """A canvas that writes "Page x of y" and the print date on every page once y is known
    (in another language through ``footer``; ``fonts`` draws its non-Latin characters)."""

    class NumberedCanvas(DocCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            pages_seen.append(total)
            for state in self._page_states:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width = self._pagesize[0]
            y = MARGIN - FOOTER_GAP
            self.saveState()
            self.setFont(SANS, 7.5)
            self.setFillColor(MUTED)
            left, right = footer(printed, self._pageNumber, total)
            if fonts is None or (left + right).isascii():
                self.drawString(MARGIN, y, left)
                self.drawRightString(width - MARGIN, y, right)
            else:
                from .canvas_text import RIGHT, TextDrawer

                drawer = TextDrawer(fonts)
                drawer.draw(self, left, MARGIN, y, 7.5)
                drawer.draw(self, right, width - MARGIN, y, 7.5, align=RIGHT)
            self.restoreState()

    return NumberedCanvas


def table_style(grey_rows: list[int]) -> TableStyle:
    """Rules between rows, a tinted header row, and the given rows on grey (breaks, cancelled)."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8.5),  # else the Table sets Helvetica, unembedded, around each cell
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), BREAK_FILL) for row in grey_rows]
    return TableStyle(commands)


class Para(Paragraph):
    """A Paragraph that remembers its line breaking for the last width: laying out a
    long table wraps the same cell at the same width several times (measuring a
    section, then each page's part of the table), and breaking lines is the slow part."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._wrapped = None
        return super().split(availWidth, availHeight)


class Section(KeepTogether):
    """A heading and its table, moved whole to the next page when it starts in the
    lower half of a page and fits on the next one; else it flows on from where it is
    (a page left half empty, or a day split anyway, would help nobody)."""

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is not None:
            full = frame._height - frame._topPadding - frame._bottomPadding
            if self._H > full or aH > full / 2:
                return list(self._content)
        return super().split(aW, aH)


@dataclass(frozen=True)
class Rendered:
    """A finished PDF in memory, its page count, and the characters no font could draw."""

    data: bytes
    pages: int
    missing: tuple[str, ...] = ()

    def save(self, path: Any) -> None:
        from pathlib import Path

        Path(path).write_bytes(self.data)


def build(
    make_story: Callable[[bool], list[Flowable]],
    *,
    paper: str,
    title: str,
    author: str,
    subject: str,
    printed: dt.date | None = None,
    footer: Footer = english_footer,
    fonts: Any = None,
    lang: str = "en",
) -> tuple[bytes, int]:
    """Lay out ``make_story(False)`` into a PDF; returns its bytes and page count.

    Table rows are kept whole. Only if one row is taller than a page (a very long
    description) is the story made again with ``make_story(True)``, whose tables may
    split rows, rather than failing.
    """
    if paper not in PAPER:
        raise ValueError(f"unknown paper {paper!r}")
    printed = printed or dt.date.today()
    for split_rows in (False, True):
        buffer = io.BytesIO()
        pages: list[int] = []
        doc = SimpleDocTemplate(
            buffer, pagesize=PAPER[paper], leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN, title=title, author=author, subject=subject, creator=CREATOR,
            initialFontName=SANS, lang=lang,
        )
        try:
            doc.build(make_story(split_rows), canvasmaker=_canvas_class(printed, pages, footer, fonts))
        except LayoutError:
            if split_rows:
                raise
            continue
        return buffer.getvalue(), pages[-1]
    raise AssertionError("unreachable")
