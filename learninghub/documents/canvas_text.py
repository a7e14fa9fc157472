"""Mixed-script text drawn straight on a canvas, measured, shrunk or wrapped to fit.

Fixed layouts (certificates, badges) need no Platypus: a Paragraph parses markup
and breaks lines for every piece of text, ~20x the cost of ``drawString``. Here a
text is split into font runs once (cached: a batch prints the same seminar title
1,000 times), widths come from the fonts' metrics, and the canvas gets plain
``drawString`` calls — no markup, so user text like ``<b>Li & Co</b>`` is drawn as
it is written. Control characters and line breaks become spaces (:func:`clean`).

Hebrew and Arabic: each line is put in visual order (and Arabic letters joined) by
:func:`.rtl.visual` when it is measured, so wrapping and truncating work on the
stored (logical) text and every drawn line is reordered on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import HAN, KANA, LATIN, NEUTRAL, FontSet, script_of, split_runs
from .rtl import visual

_SPACES = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
ELLIPSIS = "…"
LEFT, CENTRE, RIGHT = "left", "centre", "right"


def clean(text: str | None) -> str:
    """One line of text: control characters, line breaks and runs of spaces as one space, trimmed."""
    return " ".join(_SPACES.sub(" ", text or "").split())


@dataclass(frozen=True)
class Runs:
    """A line of text as (font name, piece) runs in drawing (visual) order and its width at 1 pt."""

    pieces: tuple[tuple[str, str], ...]
    unit_width: float

    def width(self, size: float) -> float:
        return self.unit_width * size


class TextDrawer:
    """Draws text for one document (or a batch), remembering runs, widths and the
    characters no font has. Not thread-safe: one per rendering."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: set[str] = set()
        self._cache: dict[tuple[str, bool], Runs] = {}

    def runs(self, text: str, *, bold: bool = False) -> Runs:
        key = (text, bold)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._measure(text, bold)
        return found

    def _measure(self, text: str, bold: bool) -> Runs:
        pieces: list[tuple[str, str]] = []
        for font, piece in split_runs(visual(text), self.fonts, self.missing):
            for name, part in (self.fonts.bold_pieces(font, piece) if bold else ((font.name, piece),)):
                if pieces and pieces[-1][0] == name:
                    pieces[-1] = (name, pieces[-1][1] + part)
                else:
                    pieces.append((name, part))
        width = sum(stringWidth(piece, name, 1.0) for name, piece in pieces)
        return Runs(tuple(pieces), width)

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        return self.runs(text, bold=bold).width(size)

    def draw(self, canvas: Any, text: str, x: float, y: float, size: float, *, bold: bool = False,
             align: str = LEFT) -> float:
        """Draw one line with its baseline at ``y``, ``x`` being its left end, centre or
        right end; returns its width."""
        runs = self.runs(text, bold=bold)
        width = runs.width(size)
        if align == CENTRE:
            x -= width / 2
        elif align == RIGHT:
            x -= width
        for name, piece in runs.pieces:  # bold CJK without a bold face: a heavy alias (.heavy), drawn heavy
            canvas.setFont(name, size)
            canvas.drawString(x, y, piece)
            x += stringWidth(piece, name, size) if len(runs.pieces) > 1 else 0
        return width

    def fit_size(self, text: str, max_width: float, size: float, *, min_size: float, bold: bool = False) -> float:
        """The largest size up to ``size`` (not below ``min_size``) at which ``text`` is
        at most ``max_width`` wide."""
        unit = self.runs(text, bold=bold).unit_width
        if unit * size <= max_width or unit == 0:
            return size
        return max(min_size, max_width / unit)

    def wrap(self, text: str, max_width: float, size: float, *, bold: bool = False, indent: float = 0.0) -> list[str]:
        """``text`` broken into lines at most ``max_width`` wide (the first ``indent``
        narrower: a label before it), where :func:`break_points` allows: at spaces, after
        a hyphen inside a word, between CJK characters except where Chinese and Japanese
        typesetting forbid (kinsoku: no line starts with closing punctuation or ends with
        opening punctuation; 星期三, 周三 stay whole). A word wider than a line is cut,
        with a hyphen between two letters. The last line is never one character alone
        (one more is taken down from the line before). With ``indent``, the first line is
        empty when not even the first word fits beside the label."""
        lines: list[list[str]] = []
        line: list[str] = []
        used = 0.0  # the width of ``line``, trailing spaces included
        room = max_width - indent
        for piece in break_points(text):
            if line:
                if used + self.width(piece.rstrip(), size, bold=bold) <= room:
                    line.append(piece)
                    used += self.width(piece, size, bold=bold)
                    continue
                lines.append(line)
                line, used, room = [], 0.0, max_width
            elif not lines:
                piece = piece.lstrip()
            alone = self.width(piece.rstrip(), size, bold=bold)
            if alone > room and not lines and room < max_width and alone <= max_width:
                lines.append([])  # nothing fits beside the label: it stands alone on the first line
                room = max_width
            if alone <= room:
                line, used = [piece], self.width(piece, size, bold=bold)
                continue
            chunks = self._cut(piece.rstrip(), room, max_width, size, bold)
            lines.extend([chunk] for chunk in chunks[:-1])
            rest = chunks[-1] + piece[len(piece.rstrip()):]
            line, used, room = [rest], self.width(rest, size, bold=bold), max_width
        if line and "".join(line).strip():
            lines.append(line)
        self._no_lone_last_character(lines, max_width if len(lines) > 1 else room, size, bold)
        return ["".join(one).rstrip() for one in lines]

    def balanced(self, text: str, max_width: float, size: float, *, bold: bool = False) -> list[str]:
        """:meth:`wrap`, with the lines made as even as their number allows (a name on two
        lines breaks near its middle, not after all that fits the first line)."""
        lines = self.wrap(text, max_width, size, bold=bold)
        if len(lines) < 2:
            return lines
        lo, hi = max_width / (len(lines) + 1), max_width
        while hi - lo > 1:  # the narrowest width that still gives as few lines
            mid = (lo + hi) / 2
            if len(self.wrap(text, mid, size, bold=bold)) <= len(lines):
                hi = mid
            else:
                lo = mid
        return self.wrap(text, hi, size, bold=bold)

    def _cut(self, word: str, first_room: float, room: float, size: float, bold: bool) -> list[str]:
        """A word too wide for a line cut into pieces that fit (the first ``first_room``
        wide, the others ``room``), a hyphen ending a piece cut between two letters."""
        chunks: list[str] = []
        width = first_room
        while len(word) > 1 and self.width(word, size, bold=bold) > width:
            cut, piece = 1, word[:1]
            for at in range(len(word) - 1, 0, -1):  # the longest head that fits
                head = word[:at] + ("-" if _hyphenated(word, at) else "")
                if self.width(head, size, bold=bold) <= width:
                    cut, piece = at, head
                    break
            if _hyphenated(word, cut) and 2 < cut and len(word) - cut < 2:  # never a lone letter after a hyphen
                cut -= 1
                piece = word[:cut] + "-"
            chunks.append(piece)
            word = word[cut:]
            width = room
        chunks.append(word)
        return chunks

    def _no_lone_last_character(self, lines: list[list[str]], max_width: float, size: float, bold: bool) -> None:
        """A last line of one character (closing punctuation aside) takes the last piece of
        the line before, if that line keeps at least two pieces and the new one fits."""
        if len(lines) < 2 or len(lines[-2]) < 2:
            return
        last = "".join(lines[-1])
        if sum(1 for ch in last if not ch.isspace() and ch not in CLOSING) != 1:
            return
        moved = [lines[-2][-1], *lines[-1]]
        if self.width("".join(moved).rstrip(), size, bold=bold) <= max_width:
            lines[-2] = lines[-2][:-1]
            lines[-1] = moved

    def fit_lines(self, text: str, max_width: float, size: float, *, min_size: float, max_lines: int,
                  bold: bool = False) -> tuple[float, list[str]]:
        """Size and lines for ``text``: one line shrunk down to ``min_size``; if still too
        wide, wrapped at the largest size whose lines number at most ``max_lines``; the
        last line ends in '…' if even ``min_size`` is not enough."""
        text = clean(text)
        one = self.fit_size(text, max_width, size, min_size=min_size, bold=bold)
        if self.width(text, one, bold=bold) <= max_width + 0.01 or max_lines <= 1:
            if self.width(text, one, bold=bold) > max_width + 0.01:
                return one, [self.truncate(text, max_width, one, bold=bold)]
            return one, [text]
        current = size
        while current > min_size:
            lines = self.wrap(text, max_width, current, bold=bold)
            if len(lines) <= max_lines:
                return current, lines
            current = max(min_size, current - 0.5)
        lines = self.wrap(text, max_width, min_size, bold=bold)
        if len(lines) > max_lines:
            rest = " ".join(lines[max_lines - 1:])
            lines = lines[:max_lines - 1] + [self.truncate(rest, max_width, min_size, bold=bold)]
        return min_size, lines

    def truncate(self, text: str, max_width: float, size: float, *, bold: bool = False) -> str:
        """``text`` cut to fit ``max_width`` with '…' at the end (or whole if it fits)."""
        if self.width(text, size, bold=bold) <= max_width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:  # the longest prefix that fits with the ellipsis
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid].rstrip() + ELLIPSIS, size, bold=bold) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + ELLIPSIS


#: Characters no line may start with (kinsoku): closing brackets and quotes, CJK and Latin
#: punctuation that ends a clause, iteration marks, small kana and the prolonged sound mark.
CLOSING = frozenset("、。，．：；！？）》」』】〕〉｝］〗〙〛’”…‥・〜ー々〻ゝゞヽヾ"
                    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)]},.:;!?%％")
#: Characters no line may end with: opening brackets and quotes.
OPENING = frozenset("（《「『【〔〈｛［〖〘〚‘“([{")
#: Words a line never splits, though written without spaces (a weekday: 周三, 星期三).
_KEEP = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]|周末")


def _cjk(ch: str) -> bool:
    """Han, kana, CJK punctuation and full-width forms: a line may break between two of them."""
    return script_of(ch) in (HAN, KANA, NEUTRAL)


def _hyphenated(word: str, at: int) -> bool:
    """Cut ``word`` before ``at``: between two letters of an alphabet (not Hangul), which
    takes a hyphen."""
    a, b = word[at - 1], word[at]
    return a.isalpha() and b.isalpha() and script_of(a) == LATIN and script_of(b) == LATIN


def _may_break(text: str, i: int) -> bool:
    prev, ch = text[i - 1], text[i]
    if ch.isspace():
        return False
    if prev.isspace():
        return True
    if ch in CLOSING or prev in OPENING:
        return False
    if _cjk(prev):
        return True  # after a CJK character; not before one that follows a Latin one ('2020年' stays whole)
    return prev in "-\u2010" and i >= 2 and text[i - 2].isalpha() and ch.isalpha()  # after a hyphen in a word


def break_points(text: str) -> list[str]:
    """``text`` cut where a line may break, each piece with the spaces after it: after
    spaces, after a hyphen between letters, and between CJK characters — except before
    closing punctuation, after opening punctuation and inside a weekday word; a run of
    Latin letters or digits stays with the CJK character after it ('2020年', '9名').
    Hangul words stay whole: Korean breaks at spaces."""
    if not text:
        return []
    keep = {at for found in _KEEP.finditer(text) for at in range(found.start() + 1, found.end())}
    pieces: list[str] = []
    start = 0
    for i in range(1, len(text)):
        if i not in keep and _may_break(text, i):
            pieces.append(text[start:i])
            start = i
    pieces.append(text[start:])
    return pieces
