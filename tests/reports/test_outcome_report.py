"""The outcome report of a hand-made programme whose every figure is known in advance, read back from the
JSON, the workbook (openpyxl) and the PDF's text (pypdf), on SQLite and PostgreSQL.

The programme: seminar A (2020, held) with two talks and a coffee break; seminar B (2021, held) with a talk
and a lunch; seminar C (2022, cancelled). Li comes to A (both talks) and B; Puig to one talk of A, then
waits for B; Kim misses A (a no-show) and comes to B; Papadopoulou comes to A, is certified, speaks,
and is erased. Kim's certificate for B is revoked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.pdftext import page_texts, squash


@pytest.fixture
def programme(cli, tmp_path: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    c = cli.json("curriculum", "add", "--title", "Learning Hub", "--title-zh", "学习中心", "--start-year", "2020",
                 "--end-year", "2022")["id"]

    def seminar(title: str, day: str, tz: str, city: str, country: str) -> int:
        return cli.json("seminar", "add", "--curriculum", str(c), "--title", title, "--start", day, "--end", day,
                        "--tz", tz, "--city", city, "--country", country)["id"]

    a = seminar("Park City", "2020-07-13", "Asia/Shanghai", "Chengdu", "CN")
    b = seminar("Superblocks", "2021-05-20", "Europe/Madrid", "Barcelona", "ES")
    cancelled = seminar("Green economy", "2022-04-18", "Asia/Shanghai", "Chengdu", "CN")

    def person(given: str, family: str, *extra: str) -> int:
        return cli.json("person", "add", "--given", given, "--family", family, *extra)["id"]

    li = person("Jia", "Li", "--country", "CN", "--city", "Chengdu", "--role", "expert", "--gender", "女",
                "--organisation", "Chengdu Open University")
    puig = person("Núria", "Puig", "--country", "ES", "--city", "Barcelona", "--role", "manager", "--gender", "man")
    kim = person("Min", "Kim", "--country", "KR", "--city", "Seoul", "--role", "planner")
    papa = person("Eleni", "Papadopoulou", "--country", "GR", "--city", "Ioannina", "--role", "policymaker",
                  "--gender", "woman")

    def session(seminar_id: int, title: str, start: str, end: str, kind: str = "talk", *extra: str) -> int:
        return cli.json("session", "add", "--seminar", str(seminar_id), "--title", title, "--start", start,
                        "--end", end, "--kind", kind, *extra)["id"]

    a1 = session(a, "Opening talk", "2020-07-13 09:00", "2020-07-13 10:00", "talk", "--speaker", str(puig))
    session(a, "Coffee", "2020-07-13 10:00", "2020-07-13 10:30", "break")
    a3 = session(a, "Greenways", "2020-07-13 10:30", "2020-07-13 12:00", "talk", "--speaker", str(papa))
    b1 = session(b, "Superblocks walk", "2021-05-20 09:00", "2021-05-20 11:00")
    session(b, "Lunch", "2021-05-20 12:00", "2021-05-20 13:00", "meal")
    session(cancelled, "Never held", "2022-04-18 09:00", "2022-04-18 10:00")
    cli.json("seminar", "partner", str(a), "--organisation", "Metropolis", "--role", "organiser")

    for who in (li, puig, kim, papa):
        cli.json("register", "--seminar", str(a), "--person", str(who))
    for who in (li, kim):
        cli.json("register", "--seminar", str(b), "--person", str(who))
    cli.json("register", "--seminar", str(b), "--person", str(puig), "--status", "waitlisted")
    cli.json("register", "--seminar", str(cancelled), "--person", str(li))
    for session_id, who in ((a1, li), (a3, li), (a1, puig), (a1, papa), (a3, papa), (b1, li), (b1, kim)):
        cli.json("attend", "--session", str(session_id), "--person", str(who))
    for seminar_id in (a, b):
        cli.json("seminar", "edit", str(seminar_id), "--status", "held")
    cli.json("seminar", "cancel", str(cancelled))
    cli.json("certificates", "--seminar", str(a), "-o", str(tmp_path / "a.pdf"))  # Li, Papadopoulou
    issued_b = cli.json("certificates", "--seminar", str(b), "-o", str(tmp_path / "b.pdf"))  # Li, Kim
    cli.json("revoke", next(x["code"] for x in issued_b if x["person_id"] == kim), "--reason", "left early")
    cli.json("person", "erase", str(papa))
    return {"curriculum": c, "a": a, "b": b, "li": li, "puig": puig, "kim": kim, "papa": papa}


EXPECTED = {
    "seminars_total": 3, "seminars_held": 2, "seminars_cancelled": 1, "seminars_planned": 0,
    "sessions": 3, "sessions_not_counted": 2, "contact_minutes": 270, "contact_hours": 4.5,
    "registered": 6, "attended": 5, "no_shows": 1, "waitlisted": 1, "cancelled_registrations": 0,
    "people_registered": 4, "participants": 4, "participants_erased": 1, "person_sessions": 7,
    "participant_minutes": 600, "first_time": 4, "returning": 0, "attended_several": 1,
    "eligible": 2, "completion_rate": 0.4, "attendance_rate": 0.8333,
    "certificates_issued": 4, "certificates_revoked": 2,
}


def _counts(figures: dict[str, Any], dimension: str) -> dict[str | None, int]:
    return {line["key"]: line["count"] for line in figures["breakdowns"][dimension] if line["count"]}


def test_every_figure_of_the_curriculum_in_the_json(cli, programme, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli.json("report", "--curriculum", str(programme["curriculum"]), "-o", str(tmp_path / "r.pdf"))
    figures = result["figures"]
    assert result["id"] == programme["curriculum"] and result["pages"] >= 15
    assert {key: figures[key] for key in EXPECTED} == EXPECTED
    a, b, cancelled = figures["seminars"]
    assert (a["sessions"], a["contact_minutes"], a["registered"], a["attended"], a["no_shows"], a["eligible"],
            a["first_time"], a["returning"], a["certificates_issued"], a["certificates_revoked"]) == \
        (2, 150, 4, 3, 1, 1, 3, 0, 2, 1)
    assert (b["registered"], b["attended"], b["waitlisted"], b["first_time"], b["returning"], b["eligible"],
            b["certificates_revoked"], b["attendance_rate"]) == (2, 2, 1, 1, 1, 1, 1, 1.0)
    assert (cancelled["status"], cancelled["sessions"], cancelled["registered"]) == ("cancelled", 0, 0)
    assert [(s["title"], s["attended"], s["registered"]) for s in figures["sessions_list"]] == \
        [("Opening talk", 3, 4), ("Greenways", 2, 4), ("Superblocks walk", 2, 2)]  # breaks and meals left out
    assert _counts(figures, "country") == {"CN": 1, "ES": 1, "KR": 1, None: 1}  # the erased person: not recorded
    assert _counts(figures, "region") == {"142": 2, "150": 1, None: 1}
    assert _counts(figures, "sub_region") == {"030": 2, "039": 1, None: 1}
    assert _counts(figures, "gender") == {"woman": 1, "man": 1, None: 2}  # erasing blanked Papadopoulou's
    assert _counts(figures, "role") == {"expert": 1, "manager": 1, "planner": 1, "policymaker": 1}
    assert [(y["year"], y["seminars"], y["participants"], y["attendances"], y["first_time"]) for y in figures["years"]] \
        == [(2020, 1, 3, 3, 3), (2021, 1, 2, 2, 1)]
    assert [(s["name"], s["sessions"]) for s in figures["speakers"]] == [("Núria Puig", 1), (None, 1)]  # erased: unnamed
    assert [(p["name"], p["role"], p["seminars"]) for p in figures["partners"]] == [("Metropolis", "organiser", 1)]
    assert "Papadopoulou" not in str(figures) and "Eleni" not in str(figures)


def test_a_range_of_years_and_one_seminar(cli, programme, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    later = cli.json("report", "--curriculum", str(programme["curriculum"]), "--from", "2021",
                     "-o", str(tmp_path / "r.xlsx"))["figures"]
    assert (later["seminars_total"], later["seminars_cancelled"], later["participants"], later["first_time"],
            later["returning"], later["registered"], later["attended"]) == (2, 1, 2, 1, 1, 2, 2)
    one = cli.json("report", "--seminar", str(programme["a"]), "-o", str(tmp_path / "a.xlsx"))["figures"]
    assert (one["seminars_total"], one["participants"], one["no_shows"], one["eligible"], one["person_sessions"]) == \
        (1, 3, 1, 1, 5)
    code, _, err = cli("report", "--seminar", str(programme["a"]), "--from", "2020", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "--from" in err
    code, _, err = cli("report", "--curriculum", "99", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "there is no curriculum with id 99" in err


def test_the_workbook_holds_every_table_numbers_as_numbers(cli, programme, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "report.xlsx"
    result = cli.json("report", "--curriculum", str(programme["curriculum"]), "-o", str(target), "--lang", "en+zh")
    book = openpyxl.load_workbook(target)
    assert len(book.sheetnames) == result["sheets"] == 16
    summary = book["Key figures"]
    assert summary.freeze_panes == "A2"
    values = {row[0]: row[1] for row in summary.iter_rows(min_row=2, values_only=True)}
    assert values["Registered / 已报名"] == 6 and values["Attended / 已出席"] == 5
    assert values["No-shows / 未出席"] == 1 and values["Contact hours / 学时"] == 4.5
    assert values["Certificates revoked / 已撤销证书"] == 2 and values["Completion rate % / 结业率 %"] == 40.0
    gender = {row[0]: row[1] for row in book["By gender"].iter_rows(min_row=2, values_only=True)}
    assert gender == {"Woman / 女": 1, "Man / 男": 1, "Another gender / 其他性别": 0,
                      "Prefers not to say / 不愿透露": 0, "Not recorded / 未记录": 2}
    assert all(isinstance(v, int) for v in gender.values())


def test_a_formula_in_a_name_stays_text_in_the_workbook(cli, programme, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli.json("seminar", "partner", str(programme["a"]), "--organisation", '=HYPERLINK("http://x","y")')
    target = tmp_path / "report.xlsx"
    cli.json("report", "--curriculum", str(programme["curriculum"]), "-o", str(target))
    cell = next(c for row in openpyxl.load_workbook(target)["Partner organisations"].iter_rows(min_row=2)
                for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize("lang", ["en", "zh", "en+zh"])
def test_the_pdf_says_the_figures_on_numbered_pages(cli, programme, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"report-{lang}.pdf"
    result = cli.json("report", "--curriculum", str(programme["curriculum"]), "-o", str(target), "--lang", lang)
    pages = [squash(text) for text in page_texts(target)]
    assert len(pages) == result["pages"]
    for number, text in enumerate(pages, 1):
        assert ("LearningHub" if lang != "zh" else "学习中心") in text  # the programme's title on every page
        assert (f"Page{number}of{len(pages)}" if lang != "zh" else f"第{number}页，共{len(pages)}页") in text
    first = pages[0]
    registered = {"en": "Registered6", "zh": "已报名6", "en+zh": "Registered/已报名6"}[lang]
    assert registered in first
    assert squash({"en": "Contact hours4.5", "zh": "学时4.5", "en+zh": "Contact hours / 学时4.5"}[lang]) in first
    gender = next(p for p in pages if squash({"en": "By gender", "zh": "按性别", "en+zh": "By gender"}[lang]) in p)
    assert squash({"en": "Not recorded250.0", "zh": "未记录250.0", "en+zh": "Not recorded / 未记录250.0"}[lang]) in gender
    assert not any("Papadopoulou" in p for p in pages)
