"""Exports in the documents' languages (en, zh, en+zh): the calendar's SUMMARY, DESCRIPTION and
X-WR-CALNAME with the Chinese titles where set (LANGUAGE=zh-CN on Chinese text), the attendance
matrix's headers; English exactly as before. Files are written, then read back."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import openpyxl
import pytest

from learninghub.core.errors import ValidationError
from learninghub.core.services import agenda, curricula, seminars
from learninghub.exporting.attendance import attendance_table, export_attendance
from learninghub.exporting.ics import export_ics

from .conftest import World
from .test_ics_export import _agenda, occurrences

MADRID = ZoneInfo("Europe/Madrid")


@pytest.fixture
def chinese(db, world: World) -> World:
    """The world with Chinese titles on the curriculum, the seminar and the weekly series (not the closing)."""
    with db.transaction() as s:
        curricula.edit_curriculum(s, world.curriculum, title_zh="巴塞罗那学习中心 2021")
        seminars.edit_seminar(s, world.seminar, title_zh="超级街区线上课程", description_zh="四周的线上课程。")
        agenda.edit_series(s, world.series, title_zh="每周辅导", description_zh="关于作业的问题")
    return world


def _write(db, tmp_path: Path, name: str, **kwargs) -> tuple[bytes, icalendar.Calendar]:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.ics"
    count = export_ics(db, path, **kwargs)
    data = path.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    assert count == len(list(cal.walk("VEVENT")))
    return data, cal


def _events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return list(cal.walk("VEVENT"))


def _by_uid(cal: icalendar.Calendar, prefix: str) -> icalendar.Event:
    return next(e for e in _events(cal) if str(e["uid"]).startswith(prefix) and "recurrence-id" not in e)


def _language(prop) -> str | None:  # type: ignore[no-untyped-def]
    return prop.params.get("LANGUAGE")


def _unstamped(data: bytes) -> bytes:
    return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:-", data)


def test_chinese_titles_labels_and_the_language_parameter(db, chinese: World, tmp_path: Path) -> None:
    data, cal = _write(db, tmp_path, "zh", seminar_id=chinese.seminar, lang="zh")
    assert str(cal["x-wr-calname"]) == "超级街区线上课程"
    series = _by_uid(cal, "lh-series-")
    assert str(series["summary"]) == "每周辅导" and _language(series["summary"]) == "zh-CN"
    assert str(series["description"]) == "关于作业的问题\n发言人：李佳 (Jia Li)"
    assert _language(series["description"]) == "zh-CN"
    closing = _by_uid(cal, "lh-session-")  # no Chinese title: the English one, not marked Chinese
    assert str(closing["summary"]) == "Closing" and _language(closing["summary"]) is None
    banner = _by_uid(cal, "lh-seminar-")
    assert str(banner["summary"]) == "超级街区线上课程" and _language(banner["summary"]) == "zh-CN"
    assert str(banner["description"]) == "四周的线上课程。"
    assert b"SUMMARY;LANGUAGE=zh-CN:" in data and b"SUMMARY:Closing" in data
    assert occurrences(cal) == [("每周辅导" if title == "Weekly tutorial" else title, start, end)
                                for title, start, end in _agenda(db, chinese.seminar)]


def test_both_languages_side_by_side(db, chinese: World, tmp_path: Path) -> None:
    data, cal = _write(db, tmp_path, "both", seminar_id=chinese.seminar, lang="en+zh")
    assert str(cal["x-wr-calname"]) == "Superblocks online course / 超级街区线上课程"
    series = _by_uid(cal, "lh-series-")
    assert str(series["summary"]) == "Weekly tutorial / 每周辅导"
    assert str(series["description"]) == (
        "Questions on the assignments\n\n关于作业的问题\nSpeakers / 发言人: 李佳 (Jia Li)")
    assert str(_by_uid(cal, "lh-session-")["summary"]) == "Closing"
    assert str(_by_uid(cal, "lh-seminar-")["summary"]) == "Superblocks online course / 超级街区线上课程"
    assert b"LANGUAGE=" not in data  # mixed text carries no single language


def test_english_is_what_the_export_always_wrote(db, world: World, tmp_path: Path) -> None:
    before, _ = _write(db, tmp_path, "before", seminar_id=world.seminar)  # no Chinese yet, no language given
    with db.transaction() as s:
        seminars.edit_seminar(s, world.seminar, title_zh="超级街区线上课程", description_zh="四周的线上课程。")
        agenda.edit_series(s, world.series, title_zh="每周辅导", description_zh="关于作业的问题")
    omitted, _ = _write(db, tmp_path, "omitted", seminar_id=world.seminar)
    english, cal = _write(db, tmp_path, "en", seminar_id=world.seminar, lang="en")
    assert _unstamped(english) == _unstamped(omitted) == _unstamped(before)
    assert "Weekly tutorial" in {str(e["summary"]) for e in _events(cal)}
    assert "Speakers: 李佳 (Jia Li)" in str(_by_uid(cal, "lh-series-")["description"])


def test_an_occurrence_whose_chinese_title_alone_changed_is_an_override(db, chinese: World, tmp_path: Path) -> None:
    with db.transaction() as s:
        agenda.edit_session(s, chinese.series_sessions[2], title_zh="嘉宾辅导")
    for lang, master_title, changed_title in [("zh", "每周辅导", "嘉宾辅导"),
                                              ("en+zh", "Weekly tutorial / 每周辅导", "Weekly tutorial / 嘉宾辅导"),
                                              ("en", "Weekly tutorial", "Weekly tutorial")]:
        data, cal = _write(db, tmp_path, lang, seminar_id=chinese.seminar, lang=lang)
        master = _by_uid(cal, "lh-series-")
        overrides = [e for e in _events(cal) if "recurrence-id" in e]
        assert len(overrides) == 1, lang
        override = overrides[0]
        assert str(override["uid"]) == str(master["uid"])
        assert override.decoded("recurrence-id") == dt.datetime(2021, 3, 30, 14, 0, tzinfo=MADRID)
        assert override.decoded("dtstart") == dt.datetime(2021, 3, 30, 14, 0, tzinfo=MADRID)
        assert (str(master["summary"]), str(override["summary"])) == (master_title, changed_title)
        assert b"RECURRENCE-ID;TZID=Europe/Madrid:20210330T140000" in data
        shown = [title for title, _, _ in occurrences(cal)]
        assert shown.count(master_title) == 3 + (lang == "en") and changed_title in shown


def test_a_curriculum_calendar_in_chinese(db, chinese: World, tmp_path: Path) -> None:
    with db.transaction() as s:
        other = seminars.add_seminar(s, curriculum_id=chinese.curriculum, title="Study visit to Chengdu",
                                     start="2021-06-07", end="2021-06-09", timezone="Asia/Shanghai", city="Chengdu")
        agenda.add_session(s, seminar_id=other.id, title="Welcome", title_zh="欢迎", start="2021-06-07 09:00",
                           end="2021-06-07 10:00")
    _, cal = _write(db, tmp_path, "curriculum", curriculum_id=chinese.curriculum, lang="zh")
    assert str(cal["x-wr-calname"]) == "巴塞罗那学习中心 2021"
    summaries = {str(e["summary"]) for e in _events(cal)}
    assert {"超级街区线上课程", "Study visit to Chengdu", "欢迎", "每周辅导", "Closing"} <= summaries
    _, both = _write(db, tmp_path, "curriculum-both", curriculum_id=chinese.curriculum, lang="en+zh")
    assert str(both["x-wr-calname"]) == "Learning Hub Barcelona 2021 / 巴塞罗那学习中心 2021"


def test_moderator_and_language_lines_in_chinese(db, chinese: World, tmp_path: Path) -> None:
    with db.transaction() as s:
        agenda.add_session(s, seminar_id=chinese.seminar, title="Panel", start="2021-04-13 10:00",
                           end="2021-04-13 11:00", moderator_id=chinese.people["han"], language="en",
                           speaker_ids=[chinese.people["li"], chinese.people["eleni"]])
    _, cal = _write(db, tmp_path, "zh", seminar_id=chinese.seminar, lang="zh")
    panel = next(e for e in _events(cal) if str(e["summary"]) == "Panel")
    assert str(panel["description"]) == (
        "发言人：李佳 (Jia Li)、Ελένη Παπαδοπούλου (Eleni Papadopoulou)\n主持人：한현숙 (Hyeon-suk Han)\n语言：en")
    assert _language(panel["description"]) == "zh-CN"  # only Chinese labels
    _, english = _write(db, tmp_path, "en", seminar_id=chinese.seminar)
    panel = next(e for e in _events(english) if str(e["summary"]) == "Panel")
    assert str(panel["description"]) == (
        "Speakers: 李佳 (Jia Li), Ελένη Παπαδοπούλου (Eleni Papadopoulou)\nModerator: 한현숙 (Hyeon-suk Han)\n"
        "Language: en")


def test_an_unknown_language_is_refused_before_writing(db, world: World, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match="'fr' is not one of"):
        export_ics(db, out / "x.ics", seminar_id=world.seminar, lang="fr")
    with pytest.raises(ValidationError, match="'fr' is not one of"):
        export_attendance(db, world.seminar, out / "x.xlsx", lang="fr")
    assert list(out.iterdir()) == []


def _sheet(path: Path) -> tuple[str, list[tuple[object, ...]]]:
    ws = openpyxl.load_workbook(path).active
    return ws.title, list(ws.iter_rows(values_only=True))


def test_attendance_headers_in_chinese(db, chinese: World, tmp_path: Path) -> None:
    path = tmp_path / "zh.xlsx"
    export_attendance(db, chinese.seminar, path, lang="zh")
    title, rows = _sheet(path)
    header, total = rows[0], rows[-1]
    assert title == "签到"
    assert header[:5] == ("姓", "名", "本国文字姓名", "单位", "状态") and header[-1] == "合计"
    assert header[5] == "周二 2021-03-16\n14:00–15:30 CET\n每周辅导"
    assert header[7] == "周二 2021-03-30\n14:00–15:30 CEST\n每周辅导"
    assert header[9] == "周二 2021-04-20\n10:00–11:00 CEST\nClosing"  # no Chinese title
    assert total[0] == "合计" and total[5:] == (2, 1, 0, 0, 1, 4)
    assert {r[2] for r in rows[1:-1]} >= {"李佳", "한현숙"}


def test_attendance_headers_in_both_languages(db, chinese: World, tmp_path: Path) -> None:
    path = tmp_path / "both.xlsx"
    export_attendance(db, chinese.seminar, path, lang="en+zh")
    title, rows = _sheet(path)
    header = rows[0]
    assert title == "Attendance 签到"
    assert header[0] == "Family name\n姓" and header[-1] == "Total\n合计"
    assert header[5] == "Tue 周二 2021-03-16\n14:00–15:30 CET\nWeekly tutorial\n每周辅导"
    assert header[9] == "Tue 周二 2021-04-20\n10:00–11:00 CEST\nClosing"
    assert rows[-1][0] == "Total 合计"


def test_attendance_in_english_is_unchanged(db, chinese: World, tmp_path: Path) -> None:
    with db.reading() as s:
        omitted, english = attendance_table(s, chinese.seminar), attendance_table(s, chinese.seminar, "en")
    assert omitted == english
    assert english.headers[:5] == ["Family name", "Given name", "Native name", "Organisation", "Status"]
    assert english.headers[5] == "Tue 2021-03-16\n14:00–15:30 CET\nWeekly tutorial"
    assert english.title == "Attendance" and english.rows[-1][0] == "Total" and english.headers[-1] == "Total"


def test_cli_lang_zh_for_the_calendar_and_the_matrix(run_cli, db, chinese: World, tmp_path: Path) -> None:
    code, out, err = run_cli("export", "ics", "--seminar", chinese.seminar, "-o", tmp_path / "s.ics", "--lang", "zh",
                             "--json")
    assert code == 0, err
    assert json.loads(out)["events"] == 3
    cal = icalendar.Calendar.from_ical((tmp_path / "s.ics").read_bytes())
    assert {str(e["summary"]) for e in cal.walk("VEVENT")} == {"超级街区线上课程", "每周辅导", "Closing"}
    code, _, err = run_cli("export", "ics", "--curriculum", chinese.curriculum, "-o", tmp_path / "c.ics",
                           "--lang", "en+zh")
    assert code == 0, err
    curriculum = icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert str(curriculum["x-wr-calname"]) == "Learning Hub Barcelona 2021 / 巴塞罗那学习中心 2021"
    code, out, err = run_cli("export", "attendance", "--seminar", chinese.seminar, "-o", tmp_path / "a.xlsx",
                             "--lang", "zh")
    assert code == 0, err
    assert "(4 people × 5 sessions)" in out
    _, rows = _sheet(tmp_path / "a.xlsx")
    assert rows[0][0] == "姓" and rows[0][5].endswith("\n每周辅导") and rows[0][-1] == "合计"


def test_attendance_statuses_in_the_sheet_language(db, chinese: World, tmp_path: Path) -> None:
    """The Status column speaks the sheet's language: 已出席 under 状态, not 'attended'; English
    keeps the stored values."""
    from learninghub.core.services import registration
    from learninghub.exporting.attendance import status_text

    with db.transaction() as s:
        ids = {r.person_id: r.id for r in registration.list_registrations(s, seminar_id=chinese.seminar)}
        registration.set_status(s, ids[chinese.people["li"]], "attended")
        registration.set_status(s, ids[chinese.people["han"]], "no-show")
    sheets = {}
    for lang in ("en", "zh", "en+zh"):
        export_attendance(db, chinese.seminar, tmp_path / f"{lang}.xlsx", lang=lang)
        _, rows = _sheet(tmp_path / f"{lang}.xlsx")
        sheets[lang] = {r[0]: r[4] for r in rows[1:-1]}
    assert sheets["en"] == {"Li": "attended", "Han": "no-show", "Papadopoulou": "attended", "+1": "registered"}
    assert sheets["zh"] == {"Li": "已出席", "Han": "未出席", "Papadopoulou": "已出席", "+1": "已报名"}
    assert sheets["en+zh"] == {"Li": "Attended / 已出席", "Han": "No-show / 未出席",
                               "Papadopoulou": "Attended / 已出席", "+1": "Registered / 已报名"}
    assert [status_text(None, lang) for lang in ("en", "zh", "en+zh")] == [
        "(not registered)", "（未报名）", "(not registered) / （未报名）"]
