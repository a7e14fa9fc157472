"""Measured text for fixed layouts: fitting, wrapping (CJK without spaces), cutting with '…'."""

from __future__ import annotations

import pytest

from learninghub.documents.canvas_text import ELLIPSIS, TextDrawer, clean
from learninghub.documents.fonts import SANS, SANS_BOLD, font_set


@pytest.fixture(scope="module")
def text() -> TextDrawer:
    return TextDrawer(font_set())


def test_runs_switch_fonts_by_script_and_bold_falls_back_per_character(text: TextDrawer) -> None:
    runs = text.runs("李佳 (Jia Li)", bold=True)
    assert [piece for _name, piece in runs.pieces] == ["李佳", " (Jia Li)"]
    assert runs.pieces[1][0] == SANS_BOLD and runs.pieces[0][0] not in (SANS, SANS_BOLD)
    assert text.runs("Jia Li").pieces == ((SANS, "Jia Li"),)


def test_fit_size_shrinks_to_the_width_but_not_below_the_minimum(text: TextDrawer) -> None:
    name = "Maximiliano Alejandro Fernández de la Torre"
    size = text.fit_size(name, 200, 30, min_size=6)
    assert size < 30 and text.width(name, size) == pytest.approx(200)
    assert text.fit_size(name, 10, 30, min_size=6) == 6
    assert text.fit_size("Li", 200, 30, min_size=6) == 30


def test_wrap_breaks_at_spaces_and_between_han_characters(text: TextDrawer) -> None:
    lines = text.wrap("Park City Project: planning green and liveable cities", 150, 12)
    assert len(lines) > 1 and all(text.width(line, 12) <= 150 for line in lines)
    assert " ".join(lines) == "Park City Project: planning green and liveable cities"
    chinese = "公园城市示范区建设与生态价值转化国际研讨会"
    lines = text.wrap(chinese, 100, 12)
    assert len(lines) > 1 and "".join(lines) == chinese and all(text.width(x, 12) <= 100 for x in lines)


def test_fit_lines_ends_in_an_ellipsis_when_nothing_fits(text: TextDrawer) -> None:
    size, lines = text.fit_lines("word " * 200, 100, 12, min_size=8, max_lines=2)
    assert size == 8 and len(lines) == 2 and lines[-1].endswith(ELLIPSIS)
    assert all(text.width(line, 8) <= 100 for line in lines)


def test_truncate_keeps_what_fits(text: TextDrawer) -> None:
    cut = text.truncate("Seoul Human Resource Development Center", 80, 10)
    assert cut.endswith(ELLIPSIS) and text.width(cut, 10) <= 80
    assert text.truncate("Seoul", 80, 10) == "Seoul"


def test_clean_makes_one_line() -> None:
    assert clean("  Jia\nLi\t\x00 Co \r\n") == "Jia Li Co"
    assert clean(None) == ""
