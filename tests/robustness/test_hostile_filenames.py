"""File names made of what people typed carry nothing that hides or reorders: a right-to-left
override (U+202E) in a name made a certificate ``Li Jia<U+202E>fdp.exe`` show as ``Li Jiaexe.pdf``.

Every name the app builds (exports and documents: ``filenames.title_stem``; a certificate per
person: ``certificate_files.file_names``) drops format characters (Unicode Cf: bidi controls
and isolates, zero-width characters, soft hyphen, BOM, tags), control characters, lone
surrogates and Hangul fillers, and keeps letters of every script.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learninghub.cli import main
from learninghub.documents.certificate_files import file_names, safe_stem
from learninghub.documents.certificate_pdf import CertificateData
from learninghub.filenames import title_stem, without_hidden

DAY = dt.date(2020, 7, 13)
HIDDEN = ("\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
          "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u3164", "\u115f",
          "\U000e0041", "\x1b", "\x85", "\x00")


def _hidden_in(name: str) -> list[str]:
    return [f"U+{ord(ch):04X}" for ch in name
            if unicodedata.category(ch) in ("Cf", "Cc", "Cs") or ch in "\u3164\u115f\u1160\uffa0"]


@pytest.mark.parametrize("make", [title_stem, safe_stem], ids=["title_stem", "safe_stem"])
def test_a_right_to_left_override_cannot_spoof_the_extension(make):
    stem = make("Li Jia\u202efdp.exe")
    assert "\u202e" not in stem and stem.startswith("Li Jia")
    assert _hidden_in(stem) == []


@pytest.mark.parametrize("make", [title_stem, safe_stem], ids=["title_stem", "safe_stem"])
@pytest.mark.parametrize("ch", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
def test_each_hidden_character_is_taken_out(make, ch):
    assert _hidden_in(make(f"{ch}Wang{ch}Hao{ch}ran{ch}")) == []
    assert make(f"{ch}Wang{ch}").strip("_ ") == "Wang"


@pytest.mark.parametrize("name", ["李佳 Jia Li", "한현숙", "Νίκος Πέτρος", "Николай", "Špela Žagar", "شرح",
                                  "मनीषा", "王浩然 Haoran Wang"])
def test_letters_of_every_script_stay(name):
    assert title_stem(name) == unicodedata.normalize("NFC", name)
    assert safe_stem(name) == unicodedata.normalize("NFC", name)
    assert without_hidden(name) == name


def test_only_hidden_characters_fall_back_to_a_plain_name():
    assert title_stem("\u202e\u200b\u2066") == "export"
    assert safe_stem("\u202e\u200b\u2066") == "certificate"


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(), max_size=80))
def test_no_name_built_from_any_text_holds_a_hidden_character(text):
    item = CertificateData(code="ABCD", holder_name=text, holder_latin=text, seminar_title="S", city=None,
                           first_day=DAY, last_day=DAY, hours=None, issued_on=DAY)
    for stem in (title_stem(text), safe_stem(text), file_names([item])[0]):
        assert _hidden_in(stem) == [], (text, stem)
        assert stem.encode("utf-8")  # can be written: no lone surrogate
        assert "/" not in stem and "\\" not in stem


def test_certificates_split_with_an_override_in_a_name_writes_an_honest_file_name(tmp_path: Path, capsys,
                                                                                 monkeypatch):
    db = str(tmp_path / "hub.sqlite")
    monkeypatch.chdir(tmp_path)

    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert cli("demo")[0] == 0
    people = json.loads(cli("person", "list", "--limit", "0", "--json")[1])
    li = next(p for p in people if p["family_name"] == "Li" and p["given_name"] == "Jia")
    code, _, err = cli("person", "edit", str(li["id"]), "--native-name", "李佳\u202efdp.exe", "--given",
                       "Jia\u2066\u200b")
    assert code == 0, err
    seminars = json.loads(cli("seminar", "list", "--json")[1])
    park = next(s["id"] for s in seminars if s["title"] == "Park City Project")
    folder = tmp_path / "split"
    code, _out, err = cli("certificates", "--seminar", str(park), "--split", str(folder), "--min-attendance", "75",
                         "--json")
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(_hidden_in(n) == [] and n.endswith(".pdf") for n in names), names
    assert "李佳fdp.exe Jia Li.pdf" in names
