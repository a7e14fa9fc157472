"""Hebrew and Arabic lines put in visual order, with Arabic letters in their joined forms.

reportlab draws a string's characters left to right as they are stored (logical
order), so "דוד כהן" would print backwards and Arabic letters unjoined. A line that
holds right-to-left characters is therefore: reshaped (``arabic-reshaper``: each
Arabic letter replaced by its initial/medial/final/isolated presentation form,
which DejaVu Sans has), then reordered with the Unicode bidi algorithm
(``python-bidi``), and drawn left to right as it is. Works on ONE line: callers
reorder after wrapping, or for a single line (names, titles).

python-bidi's Rust ``get_display`` does not mirror brackets (rule L4: "(דוד)" would
print as ")דוד("); its pure-Python ``bidi.algorithm`` does, and costs ~40 µs for a
name — only lines with RTL characters pay it; everything else returns at once. The
pure-Python one fails on characters its Unicode tables lack; those lines go to the
Rust one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
#: Mandaic, their presentation forms, and RTL marks/embeddings/isolates).
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_rtl(text: str) -> bool:
    """True if ``text`` holds a right-to-left character (cheap for ASCII: no regex)."""
    return not text.isascii() and _RTL.search(text) is not None


def starts_rtl(text: str) -> bool:
    """True if ``text``'s first strong character is right-to-left (rule P2): such a
    paragraph reads from the right, so it is right-aligned and its wrapped lines are
    each laid out right to left, whatever they start with."""
    if not has_rtl(text):
        return False
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def visual(line: str, rtl: bool | None = None) -> str:
    """``line`` as it must be drawn left to right; the same string if it has no RTL
    character and no direction is imposed. The paragraph direction comes from its first
    strong character (rule P2), so "Li Wei — محمد" stays left-to-right with the Arabic
    name reversed in place; ``rtl`` imposes it instead, for one line cut out of a longer
    paragraph (a Hebrew paragraph's second line may start with a Latin word)."""
    if rtl is None:
        if not has_rtl(line):
            return line
    elif not rtl and not has_rtl(line):
        return line
    return _visual(line, rtl)


@lru_cache(maxsize=4096)
def _visual(line: str, rtl: bool | None = None) -> str:
    from bidi import get_display as rust_display
    from bidi.algorithm import get_display

    if _ARABIC.search(line):
        line = _reshaper().reshape(line)
    # Vowel points and harakat come out just before their letter: right for DejaVu Sans,
    # whose zero-width RTL marks are drawn to the right of the pen (over the next glyph).
    base = None if rtl is None else ("R" if rtl else "L")
    try:
        return get_display(line, base_dir=base)
    except Exception:  # it asserts on characters Python's Unicode tables do not know (U+10B9D)
        return rust_display(line, base_dir=base)  # right order, brackets unmirrored


@lru_cache(maxsize=1)
def _reshaper():  # type: ignore[no-untyped-def]
    """Arabic reshaper that keeps the vowel marks (harakat): they are part of the name."""
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={"delete_harakat": False})
