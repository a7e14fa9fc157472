"""User text as reportlab Paragraph markup: escaped first, then wrapped in font runs.

Paragraph text *is* markup: an unescaped ``<font name=x>`` aborts the build and
``<img src='/etc/passwd'/>`` makes reportlab open that file. So every piece of
text goes through :func:`escape` before any tag of ours is put around it.

A line with Hebrew or Arabic is put in visual order first (:func:`.rtl.visual`, on
the raw text, before escaping), since the Paragraph draws characters as stored. That
is right for every line that fits on one printed line (names, titles). A right-to-left
line the Paragraph must wrap comes out with each printed line reading right, but the
lines in reverse order (the logical end is on the first line): reportlab wraps the
already reordered string. So a line with such text is broken here first, on the
stored text, at the paragraph's width and font size (``width=``, ``size=``), and each
piece reordered on its own, in the direction of the whole line.

Chinese and Japanese lines, and lines with a word long enough to need cutting, are
broken here too, by the same rules as text drawn on a canvas (:meth:`.canvas_text.
TextDrawer.wrap`): no line starting with closing punctuation or ending with opening
punctuation, 星期三 and 周三 kept whole, no last line of one character alone, and a word
wider than the column cut with a hyphen (or after the hyphen it has). reportlab's own
breaking knows none of these.

The width is known only when the paragraph is laid out: :meth:`Markup.para` (and
:meth:`Markup.flow` for a cell made of several pieces) return a :class:`FlowPara` that
makes its markup again for the width its ``wrap`` is given, right-aligned when the text
starts with a right-to-left letter. Other text gets a plain :class:`.page.Para`, made
once, exactly as before: Latin documents pay nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

from .canvas_text import TextDrawer
from .fonts import SANS, SANS_BOLD, FontSet, split_runs
from .page import Para
from .rtl import has_rtl, starts_rtl, visual

LOG = logging.getLogger("learninghub.documents")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


#: Characters that need this module's line breaking: Han, kana, CJK punctuation, full-width forms.
_CJK = re.compile("[\u2e80-\u2fdf\u3000-\u30ff\u3190-\u319f\u31c0-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
                  "\uff00-\uffef\U00020000-\U0003ffff]")
#: A word this long may not fit a narrow column: it is cut here, with a hyphen.
_LONG_WORD = re.compile(r"\S{15,}")


def breaks_here(line: str) -> bool:
    """Whether :class:`Markup` breaks ``line`` itself (given the width) rather than the
    Paragraph: Hebrew or Arabic (visual order), CJK (kinsoku), or a long word (a hyphen)."""
    return bool(has_rtl(line) or _CJK.search(line) or _LONG_WORD.search(line))


def escape(text: str) -> str:
    """Text made inert for Paragraph markup: ``& < >`` as entities, control characters as spaces."""
    return _xml_escape(_CONTROL.sub(" ", text))


class Markup:
    """Turns text into Paragraph markup for one document, and remembers which
    characters no font could draw, to report them once when the document is done."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: set[str] = set()
        self._drawer: TextDrawer | None = None  # measures and breaks lines, made on first need

    def __call__(self, text: str | None, *, bold: bool = False, width: float | None = None,
                 size: float | None = None, indent: float = 0.0) -> str:
        """Markup for ``text`` in a paragraph whose style font is DejaVu Sans (bold if ``bold``).

        Line breaks in the text become ``<br/>``. With the paragraph's ``width`` and font
        ``size``, a line that :func:`breaks_here` is broken into lines of that width here
        (see the module docstring; ``indent``: what a label before the text takes of its
        first line); other lines are left to the Paragraph.
        """
        if not text:
            return ""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if not (width and size):
            return "<br/>".join(self._line(line, bold) for line in lines)
        out = []
        for n, line in enumerate(lines):
            if not breaks_here(line):
                out.append(self._line(line, bold))
                continue
            rtl = None
            if has_rtl(line):
                rtl = starts_rtl(line) if n or not indent else False  # after a label: a left-to-right line
            pieces = self._broken(line, width, size, bold, indent if n == 0 else 0.0)
            out.extend(self._line(piece, bold, rtl) for piece in pieces)
        return "<br/>".join(out)

    def para(self, text: str | None, style: ParagraphStyle, *, bold: bool = False, lead: str = "",
             lead_text: str = "") -> Para:
        """A paragraph of ``text`` (after ``lead``, markup such as a bold label, which
        prints as ``lead_text``): a plain :class:`.page.Para` unless the text
        :func:`breaks_here`, else one broken (and reordered) at the width it is laid out at."""
        if not text or not breaks_here(text):
            return Para(lead + self(text, bold=bold), style)
        size = style.fontSize
        indent = self.width(lead_text, size, bold=True) if lead_text else 0.0
        return self.flow(lambda width: lead + self(text, bold=bold, width=width, size=size, indent=indent),
                         style, rtl=not lead_text and starts_rtl(text))

    def flow(self, build: Callable[[float | None], str], style: ParagraphStyle, *, rtl: bool) -> Para:
        """A paragraph whose markup is ``build(width)`` for the width it is laid out at
        (``build(None)``: before that), right-aligned if ``rtl``."""
        para = FlowPara(build(None), right_aligned(style) if rtl else style)
        para.build = build
        return para

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        """The printed width of one line of ``text`` (as the Paragraph will measure it)."""
        return self._measurer().width(text, size, bold=bold)

    def _measurer(self) -> TextDrawer:
        if self._drawer is None:
            self._drawer = TextDrawer(self.fonts)
            self._drawer.missing = self.missing
        return self._drawer

    def _broken(self, line: str, width: float, size: float, bold: bool, indent: float = 0.0) -> list[str]:
        """A line cut where it must break at ``width`` (a hair less, so the Paragraph,
        measuring the same fonts, breaks none of the pieces again); the first piece
        ``indent`` narrower (empty when not even a word fits beside the label)."""
        text = " ".join(line.split())
        return self._measurer().wrap(text, width - 0.5, size, bold=bold, indent=max(indent, 0.0)) or [line]

    def _line(self, text: str, bold: bool, rtl: bool | None = None) -> str:
        base = SANS_BOLD if bold else SANS
        parts = []
        for name, piece in self._named_runs(visual(text, rtl), bold):
            if name == base:
                parts.append(escape(piece))
            else:
                parts.append(f'<font name="{name}">{escape(piece)}</font>')
        return "".join(parts)

    def _named_runs(self, text: str, bold: bool) -> Iterator[tuple[str, str]]:
        """(font name, piece) runs; in bold text, CJK in its bold face or drawn heavy
        (:meth:`.fonts.FontSet.bold`), and the few characters DejaVu Sans Bold lacks
        (mathematical letters...) in the regular face rather than vanish."""
        for font, piece in split_runs(text, self.fonts, self.missing):
            if bold:
                yield from self.fonts.bold_pieces(font, piece)
            else:
                yield font.name, piece

    def report(self, what: str) -> tuple[str, ...]:
        """Log the characters no font has, once for the document; return them sorted."""
        if not self.missing:
            return ()
        chars = tuple(sorted(self.missing))
        LOG.warning("%s: no font has these characters: %s", what, describe(chars))
        return chars


class FlowPara(Para):
    """A paragraph that makes its markup for the width it is given: Hebrew and Arabic
    lines are broken (and each piece reordered) before the Paragraph sees them, so a
    wrapped right-to-left title prints its first words on its top line. ``build`` is set
    by :meth:`Markup.flow`; the parts a split makes (reportlab builds them from this
    class, with their lines already broken) have none."""

    build: Callable[[float | None], str] | None = None
    _built_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.build is not None and availWidth != self._built_for:
            room = availWidth - self.style.leftIndent - self.style.rightIndent
            self._setup(self.build(room), self.style, self.bulletText, None, cleanBlockQuotedText)
            self._built_for = availWidth
            self._wrapped = None
        return super().wrap(availWidth, availHeight)


_RIGHT: dict[str, ParagraphStyle] = {}


def right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` right-aligned (one copy per style): for a paragraph that reads from the right."""
    found = _RIGHT.get(style.name)
    if found is None or found.parent is not style:
        found = _RIGHT[style.name] = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
    return found


def describe(chars: tuple[str, ...] | list[str]) -> str:
    """'𠀀 (U+20000), ☃ (U+2603)': the characters with their code points, for a note to a user."""
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)
