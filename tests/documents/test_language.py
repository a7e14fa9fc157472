"""Documents in English, Chinese or both: dates as QLocale writes them for zh_CN, labels, and
which version of a bilingual title is printed (read back from the PDFs with pypdf)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from learninghub.core.errors import ValidationError
from learninghub.core.store import Database
from learninghub.documents import build, dates, programme_pdf
from learninghub.documents.fonts import font_set
from learninghub.documents.language import (
    DocLanguage,
    check,
    long_day_zh,
    short_day_zh,
)
from tests.pdftext import PRINTED, assert_in_order, page_texts, render_agenda, squash

WEDNESDAY = dt.date(2020, 7, 15)
#: Park City sessions the demo leaves without a Chinese title: printed in English in every language.
UNTRANSLATED = "Barcelona's green infrastructure and biodiversity plan"


# ---------------------------------------------------------------- dates and labels
def test_chinese_dates_are_written_as_qlocale_writes_them_for_zh_cn() -> None:
    """The app shows dates with QLocale("zh_CN"); documents must agree with it, day by day."""
    qtcore = pytest.importorskip("PySide6.QtCore")
    locale = qtcore.QLocale("zh_CN")
    day = dt.date(2020, 1, 1)
    while day < dt.date(2021, 1, 8):  # every weekday and month, a leap day, single-digit days
        qdate = qtcore.QDate(day.year, day.month, day.day)
        assert long_day_zh(day) == locale.toString(qdate, qtcore.QLocale.FormatType.LongFormat)
        short_weekday = locale.dayName(day.isoweekday(), qtcore.QLocale.FormatType.ShortFormat)
        assert short_day_zh(day) == f"{locale.toString(qdate, 'M月d日')}{short_weekday}"
        day += dt.timedelta(days=1)
    assert locale.monthName(7, qtcore.QLocale.FormatType.ShortFormat) == "7月"


def test_dates_in_each_language() -> None:
    assert long_day_zh(WEDNESDAY) == "2020年7月15日星期三"
    assert DocLanguage("en").long_day(WEDNESDAY) == "Wednesday 15 July 2020"
    assert DocLanguage("en+zh").long_day(WEDNESDAY) == "Wednesday 15 July 2020 · 2020年7月15日星期三"
    assert DocLanguage("zh").short_day(WEDNESDAY) == "7月15日周三"
    assert dates.day_range(dt.date(2020, 7, 13), dt.date(2020, 7, 17), lang="zh") == "2020年7月13日星期一至17日星期五"
    assert dates.day_range(dt.date(2021, 2, 16), dt.date(2021, 6, 29), lang="zh") == "2021年2月16日星期二至6月29日星期二"
    assert dates.day_range(dt.date(2020, 12, 28), dt.date(2021, 1, 2), lang="zh") == "2020年12月28日星期一至2021年1月2日星期六"
    assert dates.day_range(WEDNESDAY, WEDNESDAY, lang="zh") == "2020年7月15日星期三"
    assert dates.day_range(dt.date(2020, 7, 13), dt.date(2020, 7, 17), style="short", lang="zh") == "2020年7月13日–17日"
    assert dates.day_range(dt.date(2020, 12, 28), dt.date(2021, 1, 2), style="short", lang="zh") == "2020年12月28日–2021年1月2日"
    start = dt.datetime(2020, 7, 15, 23, 30)
    assert DocLanguage("zh").span(start, start + dt.timedelta(hours=1)) == "23:30–00:30 +1天"
    assert DocLanguage("en").span(start, start + dt.timedelta(hours=1)) == "23:30–00:30 +1\u00a0day"


def test_labels_and_terms_in_each_language() -> None:
    en, zh, both = DocLanguage("en"), DocLanguage("zh"), DocLanguage("en+zh")
    assert (en.label("speakers"), zh.label("speakers"), both.label("speakers")) == ("Speakers", "发言人", "Speakers / 发言人")
    assert (en.colon(), zh.colon()) == (":", "：")
    assert zh.term("seminar_kind", "webinar") == "线上研讨会"
    assert both.term("session_kind", "keynote") == "Keynote / 主旨演讲"
    assert zh.term("session_kind", "unknown-kind") == "unknown-kind"  # an unknown value is shown as stored
    assert (en.page_of(1, 3), zh.page_of(1, 3)) == ("Page 1 of 3", "第1页，共3页")


def test_a_bilingual_field_is_chosen_per_language_with_the_main_text_as_fallback() -> None:
    en, zh, both = DocLanguage("en"), DocLanguage("zh"), DocLanguage("en+zh")
    assert en.pick("Park City Project", "公园城市项目") == ["Park City Project"]
    assert zh.pick("Park City Project", "公园城市项目") == ["公园城市项目"]
    assert both.pick("Park City Project", "公园城市项目") == ["Park City Project", "公园城市项目"]
    assert zh.pick("Lunch", None) == ["Lunch"]
    assert both.pick("Lunch", None) == ["Lunch"]
    assert both.pick("午餐", "午餐") == ["午餐"]  # a main text already in Chinese is not printed twice
    assert en.pick(None, None) == zh.pick(None, None) == []


@pytest.mark.parametrize("code, expected", [("en", "en"), ("ZH", "zh"), ("en+zh", "en+zh"), ("zh_CN", "zh"),
                                            (None, "en")])
def test_language_codes(code: str | None, expected: str) -> None:
    assert check(code) == expected


def test_an_unknown_language_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValidationError, match="en, zh, en\\+zh") as info:
        check("fr")
    assert info.value.where == "--lang"


# ---------------------------------------------------------------- the demo's documents
def _ids(db: Database) -> dict[str, int]:
    from learninghub.core.services import curricula, seminars

    with db.reading() as s:
        found = {x.title: x.id for x in seminars.list_seminars(s)}
        hub = next(c.id for c in curricula.list_curricula(s) if c.title.startswith("Metropolis Learning Hub"))
    return {"park": found["Park City Project"], "hub": hub}


def agenda_text(db: Database, lang: str, tmp_path: Path, *, second_tz: str | None = None) -> str:
    path = tmp_path / f"agenda-{lang}.pdf"
    rendered = render_agenda(db, _ids(db)["park"], path, lang=lang, second_tz=second_tz, system_fonts=None)
    assert rendered.missing == ()
    return "\n".join(page_texts(path))


def programme_text(db: Database, lang: str, tmp_path: Path) -> str:
    with db.reading() as s:
        data = programme_pdf.load_programme(s, _ids(db)["hub"])
    rendered = programme_pdf.render_programme(data, printed=PRINTED, fonts=font_set(), lang=lang)
    assert rendered.missing == ()
    path = tmp_path / f"programme-{lang}.pdf"
    rendered.save(path)
    return "\n".join(page_texts(path))


def test_demo_agenda_in_chinese(demo: Database, tmp_path: Path) -> None:
    text = agenda_text(demo, "zh", tmp_path)
    flat = squash(text)
    assert_in_order(text, [
        "公园城市项目", "2020年7月13日星期一至17日星期五", "研讨会", "线上线下结合",
        "地点：", "时间：", "主办单位：", "成都市人民政府外事办公室",
        "2020年7月13日星期一", "7月13日周一", "日程", "类型", "发言人", "会场", "开幕式", "仪式",
        "2020年7月15日星期三", "7月15日周三",
    ])
    assert "星期三" in flat and "7月" in flat and "主持人：" in flat
    assert squash(UNTRANSLATED) in flat  # no Chinese title: the main text stands in
    assert "第1页，共" in flat and "打印日期2026-11-23" in flat
    for english in ("ParkCityProject", "Monday", "Wednesday", "Speakers", "Venue:", "Openingceremony", "Page1of"):
        assert english not in flat, english


def test_demo_agenda_in_both_languages(demo: Database, tmp_path: Path) -> None:
    text = agenda_text(demo, "en+zh", tmp_path, second_tz="Europe/Madrid")
    flat = squash(text)
    assert_in_order(text, [
        "Park City Project", "公园城市项目", "Monday 13 – Friday 17 July 2020", "Seminar / 研讨会",
        "2020年7月13日星期一至17日星期五", "Venue / 地点:", "second column / 第二列: Europe/Madrid",
        "Monday 13 July 2020", "2020年7月13日星期一", "Session", "日程", "Speakers", "发言人",
        "Opening ceremony", "开幕式",
        "Wednesday 15 July 2020", "2020年7月15日星期三",
    ])
    assert flat.count(squash(UNTRANSLATED)) == 1  # not repeated as its own "Chinese version"
    assert "Page1of" in flat and "第1页" in flat


def test_demo_agenda_in_english_is_as_before(demo: Database, tmp_path: Path) -> None:
    text = agenda_text(demo, "en", tmp_path)
    flat = squash(text)
    assert_in_order(text, ["Park City Project", "Monday 13 – Friday 17 July 2020 · Seminar · Hybrid", "Venue:",
                           "Monday 13 July 2020", "Session", "Speakers", "Opening ceremony",
                           "Wednesday 15 July 2020"])
    for chinese in ("公园城市项目", "开幕式", "星期", "日程", "发言人", "第1页"):
        assert chinese not in flat, chinese


def test_demo_programme_in_chinese_and_both(demo: Database, tmp_path: Path) -> None:
    zh = programme_text(demo, "zh", tmp_path)
    assert_in_order(zh, [
        "大都市学习中心（成都）2020–2022", "2020–2022年培训计划", "共5场研讨会", "其中1场已取消",
        "2020年", "日期", "研讨会", "地点", "形式", "类型", "已占座位", "状态",
        "2020年7月13日–17日", "公园城市项目", "参加者：", "名政策制定者", "已举办",
        "2021年5月20日", "线上研讨会：教育、就业、技能与创业", "线上",
        "Digital governance for city managers",  # no Chinese title: the main text
        "2022年", "创新与人力资本助力绿色经济转型", "已取消",
    ])
    assert "Programme" not in zh and "Audience" not in zh and "Seats" not in zh
    both = programme_text(demo, "en+zh", tmp_path)
    assert_in_order(both, [
        "Metropolis Learning Hub Chengdu 2020–2022", "大都市学习中心（成都）2020–2022",
        "Programme 2020–2022", "2020–2022年培训计划", "Dates", "日期", "13–17 Jul 2020", "2020年7月13日–17日",
        "Park City Project", "公园城市项目", "Audience:", "参加者：", "Held", "已举办",
    ])


def test_build_refuses_an_unknown_language(demo: Database) -> None:
    with pytest.raises(ValidationError, match="'fr' is not one of"):
        build.agenda(demo, _ids(demo)["park"], lang="fr")
    page = PdfReader(io.BytesIO(build.programme(demo, _ids(demo)["hub"], lang="zh").data)).pages[0]
    assert "培训计划" in page.extract_text()


@pytest.mark.parametrize("width", range(60, 200, 4))
def test_chinese_punctuation_never_starts_a_line(width: int) -> None:
    """'：' and '，' hang at the end of a line, as Chinese typesetting wants, at any column width."""
    from learninghub.documents.agenda_pdf import wrap_for
    from learninghub.documents.markup import Markup
    from learninghub.documents.page import Para, styles

    title = "重新思考经济、空间与社会的关系：大都市政府的相互学习，以及城市之间如何互相借鉴？"
    para = Para(Markup(font_set())(title, bold=True), wrap_for(title, styles().cell_bold))
    para.wrap(width, 10_000)
    lines = ["".join(piece for piece in line[1]) if isinstance(line, tuple)
             else "".join(frag.text for frag in line.words) for line in para.blPara.lines]
    assert "".join(lines) == title
    assert not [line for line in lines[1:] if line[0] in "：，；？！、。"], lines


@pytest.mark.parametrize("lang", ["zh", "en+zh"])
def test_demo_badges_in_chinese(demo: Database, tmp_path: Path, lang: str) -> None:
    from learninghub.documents import badges_pdf

    with demo.reading() as s:
        sheet = badges_pdf.load_badges(s, _ids(demo)["park"])
    rendered = badges_pdf.render_badges(sheet, fonts=font_set(), lang=lang)
    assert rendered.missing == ()
    path = tmp_path / "badges.pdf"
    rendered.save(path)
    first = squash(PdfReader(path).pages[0].extract_text())
    assert "公园城市项目" in first and ("专家" in first or "政策制定者" in first)
    assert ("ParkCityProject" in first) == (lang == "en+zh")
    empty = badges_pdf.render_badges(badges_pdf.BadgeSheet(9, "Empty seminar", (), "空的研讨会"), lang=lang)
    empty_path = tmp_path / "empty.pdf"
    empty.save(empty_path)
    assert "尚无人报名参加空的研讨会" in squash(PdfReader(empty_path).pages[0].extract_text())


@pytest.mark.parametrize(("style", "en", "zh"), [
    ("long", "Monday 29 June – Thursday 2 July 2020", "2020年6月29日星期一至7月2日星期四"),
    ("short", "29 Jun – 2 Jul 2020", "2020年6月29日–7月2日"),
    ("plain", "29 June – 2 July 2020", "2020年6月29日至7月2日"),
])
def test_one_day_range_function_for_every_style_and_language(style: str, en: str, zh: str) -> None:
    """English writes the shared month and year at the end, Chinese at the start; one day alone in full."""
    first, last = dt.date(2020, 6, 29), dt.date(2020, 7, 2)
    assert dates.day_range(first, last, style=style) == en
    assert dates.day_range(first, last, style=style, lang="zh") == zh
    for lang in ("en", "zh"):
        alone = dates.day_range(first, first, style=style, lang=lang)
        assert alone.endswith("2020") or alone.startswith("2020年")
    assert dates.day_range(first, last, with_year=False) == "Monday 29 June – Thursday 2 July"
    with pytest.raises(ValueError):
        dates.day_range(first, last, style="fancy")
