"""File names made from what users typed (titles, people's names), legal on every system.

One place for the rules, so an export and a certificate file agree on what Windows,
macOS and Linux refuse; letters of every script are kept (李佳, 연수, Νίκος).

Characters that show nothing are taken out first (:func:`without_hidden`): a right-to-left
override (U+202E) in a name made ``Li Jia\u202efdp.exe`` show as ``Li Jiaexe.pdf`` in a file
manager, and zero-width characters make two names that look alike differ.
"""

from __future__ import annotations

import re
import unicodedata

#: Names Windows refuses whatever the extension (also with superscript digits).
RESERVED_NAMES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", *(f"COM{i}" for i in range(10)),
                            *(f"LPT{i}" for i in range(10)), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"})
MAX_STEM = 80
#: Most file systems allow 255 bytes a name; 80 CJK characters are 240 in UTF-8.
MAX_STEM_BYTES = 150

#: Letters that show nothing (Hangul fillers): taken out with the format characters.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
#: Unicode categories no file name keeps: format (bidi controls and isolates, zero-width
#: space and joiners, soft hyphen, byte order mark, tags), control, and lone surrogates
#: (undecodable bytes; no file system could write them).
_HIDDEN_CATEGORIES = frozenset({"Cf", "Cc", "Cs"})


def without_hidden(text: str) -> str:
    """``text`` without bidi controls, invisible format characters, control characters and
    Hangul fillers: what a file name made of it must not carry. Letters of every script stay."""
    return "".join(ch for ch in text
                   if ch not in _BLANK_LETTERS and unicodedata.category(ch) not in _HIDDEN_CATEGORIES)


def title_stem(text: str, fallback: str = "export") -> str:
    """A file name part from a title: letters of any script (李佳, 연수), digits, spaces, - and _.

    Slashes, colons, quotes and the like are not allowed on some system or other, so
    they become spaces; dashes of any kind become '-'. Long titles are cut at a word.
    """
    out = []
    for ch in unicodedata.normalize("NFC", without_hidden(text)):
        category = unicodedata.category(ch)
        if category[0] in "LNM" or ch == "_":
            out.append(ch)
        elif category == "Pd":
            out.append("-")
        else:
            out.append(" ")
    stem = re.sub(r"\s+", " ", "".join(out)).strip(" .-")
    if len(stem) > MAX_STEM or len(stem.encode()) > MAX_STEM_BYTES:
        cut = stem[:MAX_STEM]
        while len(cut.encode()) > MAX_STEM_BYTES:
            cut = cut[:-1]
        space = cut.rfind(" ")
        # At a word when one ends near the limit (a word ending just at it stays whole);
        # CJK titles have no spaces: at a character.
        if stem[len(cut)] != " " and space >= len(cut) - 20:
            cut = cut[:space]
        stem = cut.strip(" .-")
    if not stem:
        return fallback
    return stem + "_" if stem.upper() in RESERVED_NAMES else stem
