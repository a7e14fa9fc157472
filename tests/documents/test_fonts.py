"""Fonts per script: which font draws which character, escaping, and characters no font has."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from learninghub.documents import fonts
from learninghub.documents.fonts import HAN, HANGUL, KANA, LATIN, SANS, FontSet, font_set, script_of, split_runs
from learninghub.documents.markup import Markup, escape


@pytest.fixture(params=[True, False], ids=["installed-cjk", "cid-fallback"])
def font_choice(request: pytest.FixtureRequest) -> FontSet:
    return font_set(request.param)


def test_scripts_of_characters() -> None:
    assert [script_of(c) for c in "Aé Ωж"] == [LATIN] * 5
    assert [script_of(c) for c in "李한あア"] == [HAN, HANGUL, KANA, KANA]


def test_a_mixed_name_switches_font_mid_line(font_choice: FontSet) -> None:
    runs = split_runs("李佳 (LI Jia)", font_choice)
    assert [(f.name, text) for f, text in runs] == [
        (font_choice.for_script(HAN).name, "李佳"), (SANS, " (LI Jia)"),
    ]


def test_latin_greek_cyrillic_stay_in_dejavu(font_choice: FontSet) -> None:
    runs = split_runs("Núria Ελένη Константин Špela", font_choice)
    assert [f.name for f, _ in runs] == [SANS]


def test_kana_makes_its_han_neighbours_japanese_and_punctuation_follows(font_choice: FontSet) -> None:
    japanese = font_choice.for_script(KANA).name
    runs = split_runs("東京ひらがな。Tokyo", font_choice)
    assert runs[0] == (font_choice.for_script(KANA), "東京ひらがな。")
    assert runs[0][0].name == japanese and runs[1][0].name == SANS


def test_cid_fallback_uses_reportlabs_builtin_fonts() -> None:
    cid = font_set(False)
    assert {s: cid.for_script(s).name for s in (HAN, HANGUL, KANA)} == {
        HAN: "STSong-Light", HANGUL: "HYSMyeongJo-Medium", KANA: "HeiseiMin-W3",
    }


def test_an_unreadable_or_cff_font_is_skipped_for_the_next_one(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"this is no TrueType file")
    candidates = [bogus, *Path("/usr/share/fonts/opentype/noto").glob("NotoSansCJK*.ttc")]
    chosen = FontSet(candidates=candidates).for_script(HAN)
    assert chosen.name == "STSong-Light"  # nothing readable: the built-in CID font


def test_an_installed_truetype_cjk_font_is_embedded_when_there_is_one() -> None:
    installed = [p for p in fonts.SYSTEM_CJK_FONTS if p.is_file()]
    if not installed:
        pytest.skip("no TrueType CJK font installed here; the CID fallback is tested above")
    chosen = FontSet().for_script(HAN)
    assert chosen.embedded and chosen.covers(ord("李"))


def test_escape_makes_markup_inert() -> None:
    assert escape("<b>Li & Co</b> <img src='/etc/passwd'/>") == "&lt;b&gt;Li &amp; Co&lt;/b&gt; &lt;img src='/etc/passwd'/&gt;"
    assert escape("a\x00b\x1fc") == "a b c"


def test_markup_escapes_before_wrapping_in_font_runs(font_choice: FontSet) -> None:
    markup = Markup(font_choice)
    text = markup("<font name=x>李佳</font>")
    han = font_choice.for_script(HAN).name
    assert text == f'&lt;font name=x&gt;<font name="{han}">李佳</font>&lt;/font&gt;'
    assert markup("line one\nline two") == "line one<br/>line two"


def test_a_character_no_font_has_is_reported_once_and_shown_as_a_replacement(
    font_choice: FontSet, caplog: pytest.LogCaptureFixture
) -> None:
    markup = Markup(font_choice)
    parts = [markup("Owl 🦉"), markup("🦉 again"), markup("☃ snowman")]
    assert "\ufffd" in parts[0] and "\ufffd" in parts[1] and "☃" in parts[2]  # DejaVu has the snowman
    with caplog.at_level(logging.WARNING, logger="learninghub.documents"):
        assert markup.report("test document") == ("🦉",)
    records = [r for r in caplog.records if r.name == "learninghub.documents"]
    assert len(records) == 1 and "U+1F989" in records[0].getMessage()


def test_nothing_to_report_when_every_character_has_a_font(font_choice: FontSet, caplog: pytest.LogCaptureFixture) -> None:
    markup = Markup(font_choice)
    markup("李佳 한현숙 ひらがな Константин Ελένη")
    with caplog.at_level(logging.WARNING, logger="learninghub.documents"):
        assert markup.report("test document") == ()
    assert not caplog.records


def test_characters_beyond_the_basic_plane_are_missing_from_cid_fonts() -> None:
    markup = Markup(font_set(False))
    markup("𠮷野家")
    assert markup.missing == {"𠮷"}


def test_bold_text_keeps_characters_the_bold_face_lacks_in_the_regular_one() -> None:
    markup = Markup(font_set())
    assert markup("Plan 𝖠 now", bold=True) == 'Plan <font name="LH-Sans">𝖠</font> now'
    assert not markup.missing
