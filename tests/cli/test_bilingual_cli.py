"""Chinese titles from the command line (--title-zh, --description-zh) and documents in
another language (--lang on agenda and programme)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.cli.conftest import make_programme


def test_chinese_titles_on_add_and_edit_are_in_the_json(cli) -> None:
    c = cli.json("curriculum", "add", "--title", "Hub", "--title-zh", "学习中心", "--description-zh", "成都")
    assert (c["title"], c["title_zh"], c["description_zh"]) == ("Hub", "学习中心", "成都")
    s = cli.json("seminar", "add", "--curriculum", str(c["id"]), "--title", "Park City Project",
                 "--title-zh", "公园城市项目", "--start", "2020-07-13", "--end", "2020-07-17", "--tz", "Asia/Shanghai")
    assert (s["title_zh"], s["description_zh"]) == ("公园城市项目", None)
    edited = cli.json("seminar", "edit", str(s["id"]), "--description-zh", "绿道与公园")
    assert (edited["title_zh"], edited["description_zh"]) == ("公园城市项目", "绿道与公园")
    assert cli.json("seminar", "edit", str(s["id"]), "--title-zh", "")["title_zh"] is None
    assert cli.json("curriculum", "edit", str(c["id"]), "--title-zh", "大都市学习中心")["title_zh"] == "大都市学习中心"
    code, out, _ = cli("curriculum", "show", str(c["id"]))
    assert code == 0 and "中文: 大都市学习中心" in out


def test_a_series_edit_carries_the_chinese_title(cli) -> None:
    ids = make_programme(cli)
    rows = cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Morning walk",
                    "--title-zh", "晨间散步", "--start", "2020-07-13 07:00", "--end", "2020-07-13 07:30",
                    "--repeat", "FREQ=DAILY;COUNT=3")
    assert [r["title_zh"] for r in rows] == ["晨间散步"] * 3
    moved = cli.json("session", "edit", str(rows[0]["id"]), "--all", "--title-zh", "绿道晨练",
                     "--description-zh", "锦江边")
    assert {(r["title"], r["title_zh"], r["description_zh"]) for r in moved} == {("Morning walk", "绿道晨练", "锦江边")}
    one = cli.json("session", "edit", str(rows[1]["id"]), "--title-zh", "雨天改在室内")
    assert one["title_zh"] == "雨天改在室内"
    listed = cli.json("session", "list", "--seminar", str(ids["seminar"]))
    assert [r["title_zh"] for r in listed] == ["绿道晨练", "雨天改在室内", "绿道晨练"]


def test_an_over_long_chinese_title_is_one_line_and_changes_nothing(cli) -> None:
    ids = make_programme(cli)
    code, out, err = cli("seminar", "edit", str(ids["seminar"]), "--title-zh", "长" * 301)
    assert code == 1 and out == ""
    assert err == "learninghub: error: Chinese title: is 301 characters long; at most 300 fit\n"
    assert cli.json("seminar", "show", str(ids["seminar"]))["title_zh"] is None


@pytest.mark.parametrize("lang", ["zh", "en+zh"])
def test_agenda_and_programme_in_chinese(cli, tmp_path, lang: str) -> None:  # noqa: ANN001
    ids = make_programme(cli)
    cli.json("seminar", "edit", str(ids["seminar"]), "--title-zh", "公园城市项目")
    cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Opening ceremony",
             "--title-zh", "开幕式", "--start", "2020-07-15 09:00", "--end", "2020-07-15 09:45")
    cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Tea with the mayor",
             "--start", "2020-07-15 10:00", "--end", "2020-07-15 10:30")
    agenda = tmp_path / "agenda.pdf"
    result = cli.json("agenda", "--seminar", str(ids["seminar"]), "-o", str(agenda), "--lang", lang)
    assert result["pages"] == 1
    text = PdfReader(agenda).pages[0].extract_text()
    for expected in ("公园城市项目", "2020年7月15日星期三", "7月15日周三", "开幕式", "Tea with the mayor", "发言人"):
        assert expected in text, expected
    assert ("Opening ceremony" in text) == (lang == "en+zh")
    programme = tmp_path / "programme.pdf"
    cli.json("programme", "--curriculum", str(ids["curriculum"]), "-o", str(programme), "--lang", lang)
    text = PdfReader(programme).pages[0].extract_text()
    assert "公园城市项目" in text and "培训计划" in text and "2020年7月13日" in text


def test_an_unknown_language_is_a_usage_error(cli, tmp_path, capsys) -> None:  # noqa: ANN001
    ids = make_programme(cli)
    with pytest.raises(SystemExit) as info:
        cli("agenda", "--seminar", str(ids["seminar"]), "-o", str(tmp_path / "a.pdf"), "--lang", "fr")
    assert info.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists()
