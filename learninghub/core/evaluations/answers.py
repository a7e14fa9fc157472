"""An answer as typed or read from a result file, checked against its question: the one rule for
paper answers, imports and the command line.

Why accept labels as well as numbers: Microsoft Forms exports a rating as its number, 问卷星 as
its label or number, a Google Forms choice as its English label, a person typing as a digit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..messages import QT_TRANSLATE_NOOP, Text, say

#: Longest free-text answer kept (a page of comments).
MAX_TEXT = 4000
#: How form tools join the options ticked in one cell: Microsoft Forms ';', 问卷星 '┋', others '|' or a new line.
_JOINERS = re.compile(r"[;┋|\n；、]")
#: What 问卷星 writes for a question skipped by its logic, or left empty.
_UNANSWERED = frozenset({"(跳过)", "（跳过）", "(空)", "（空）"})
_NUMBER = re.compile(r"^\s*(\d+)(?:\.0+)?\s*(?:[-–—:.、)]\s*.*)?$")


@lru_cache(maxsize=8192)
def key(text: str | None) -> str:
    """Text as compared with a label or title: NFKC, case folded, only letters and digits (cached: a result
    file repeats the same few labels thousands of times)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in folded if ch.isalnum())


@dataclass(frozen=True)
class Question:
    """What checking an answer needs of a question (plain values, from a page or a row)."""

    id: int
    kind: str
    options: tuple[tuple[str, str | None], ...]
    required: bool = False


def question_of(row: Any) -> Question:
    """A :class:`Question` from a row with ``id``, ``kind``, ``options`` (JSON) and ``required``."""
    return Question(row.id, row.kind, tuple((o.get("en", ""), o.get("zh")) for o in row.options or ()),
                    bool(row.required))


def _option(question: Question, cell: str) -> int | None:
    """The 1-based number of the option ``cell`` names: by number, English or Chinese label."""
    number = _NUMBER.match(cell)
    if number and 1 <= int(number.group(1)) <= len(question.options):
        return int(number.group(1))
    wanted = key(cell)
    return _option_keys(question.options).get(wanted) if wanted else None


@lru_cache(maxsize=1024)
def _option_keys(options: tuple[tuple[str, str | None], ...]) -> dict[str, int]:
    """Each option's folded labels (both languages) and its number; the first option wins a shared label."""
    found: dict[str, int] = {}
    for index, (en, zh) in enumerate(options, 1):
        for label in (en, zh):
            if label and key(label):
                found.setdefault(key(label), index)
    return found


def parse(question: Question, cell: str) -> tuple[list[tuple[int | None, str | None]], Text | None]:
    """The answer rows ``[(value, text)]`` a cell makes (none: unanswered), or a problem saying why not."""
    cell = (cell or "").strip()
    if not cell or cell in _UNANSWERED:
        return [], None
    if question.kind == "text":
        from ..validate import CONTROL_CHARACTERS, LONE_SURROGATES

        if CONTROL_CHARACTERS.search(cell) or LONE_SURROGATES.search(cell):
            return [], say(QT_TRANSLATE_NOOP("core", "holds control characters"))
        if len(cell) > MAX_TEXT:
            return [], say(QT_TRANSLATE_NOOP("core", "is longer than {most} characters"), most=MAX_TEXT)
        return [(None, cell)], None
    if question.kind in ("rating", "single"):
        found = _option(question, cell)
        if found is None:
            return [], _not_an_option(question, cell)
        return [(found, None)], None
    pieces = [p for p in _JOINERS.split(cell) if p.strip()]
    chosen: list[int] = []
    for piece in pieces:
        found = _option(question, piece)
        if found is None:  # Google Forms joins with ", ": labels may hold commas, so only split when needed
            parts = [_option(question, p) for p in re.split(r"[,，]", piece) if p.strip()]
            if not parts or None in parts:
                return [], _not_an_option(question, piece.strip())
            chosen.extend(p for p in parts if p is not None)
        else:
            chosen.append(found)
    return [(value, None) for value in sorted(set(chosen))], None


def _not_an_option(question: Question, cell: str) -> Text:
    if question.kind == "rating":
        return say(QT_TRANSLATE_NOOP("core", "{value!r} is not a rating from 1 to 5 or one of its labels"),
                   value=cell[:60])
    return say(QT_TRANSLATE_NOOP("core", "{value!r} is none of the options ({options})"), value=cell[:60],
               options=", ".join(en for en, _zh in question.options))


def values_text(question: Question, values: Sequence[int]) -> str:
    """How a stored answer is written back: labels joined with '; ' (what the parser reads again)."""
    return "; ".join(question.options[v - 1][0] for v in values if 1 <= v <= len(question.options))
