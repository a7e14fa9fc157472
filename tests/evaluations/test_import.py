"""Result files of Microsoft Forms, Google Forms and 问卷星 imported; wrong files refused by row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from learninghub.core.evaluations import forms
from learninghub.core.evaluations.results import evaluation_results
from learninghub.importing.evaluations import detect_tool, plan_import
from learninghub.importing.reading import read_table
from tests.databases import snapshot

from .conftest import google_forms_csv, ms_forms_xlsx, wjx_csv


def _import(db, course, path, **kw):
    with db.transaction() as s:
        plan = plan_import(s, course.seminar, path, **kw)
        if plan.ok:
            forms.add_responses(s, course.form, plan.responses)
    return plan


def _results(db, course):
    return db.read(evaluation_results(course.seminar))[0]


def test_microsoft_forms_xlsx(db, course, tmp_path: Path):
    plan = _import(db, course, ms_forms_xlsx(tmp_path / "Seminar evaluation(1-3).xlsx"))
    assert plan.problems == [] and plan.tool == "msforms"
    assert len(plan.responses) == 3 and plan.linked == 2  # li.jia and HAN@ (case folded); 'anonymous' is no one
    r = _results(db, course)
    assert r.responses == 3 and r.linked == 2
    overall = r.questions[0]
    assert overall.answered == 3 and overall.mean == pytest.approx((5 + 4 + 4) / 3)
    assert overall.distribution == (0, 0, 0, 2, 1)
    site = next(q for q in r.questions if q.about == "Site visit")
    assert site.session_id == course.sessions[2] and site.answered == 2 and site.mean == pytest.approx(3.5)
    usefulness = r.block("usefulness")
    assert usefulness.answered == 8 and usefulness.mean == pytest.approx((5 + 4 + 3 + 4 + 5 + 3 + 5 + 4) / 8)
    topics = r.block("topics")
    assert topics.distribution == (1, 0, 1, 0, 1)  # policy, digital, partnerships
    comments = next(q for q in r.questions if q.code == "comments")
    assert comments.comments == ("Very well organised.", "More time for the site visit, please")
    fmt = r.block("format")
    assert fmt.distribution == (1, 1, 1)


def test_google_forms_csv(db, course, tmp_path: Path):
    plan = _import(db, course, google_forms_csv(tmp_path / "Seminar evaluation (Responses) - Form responses 1.csv"))
    assert plan.problems == [] and plan.tool == "google"
    assert plan.linked == 1 and plan.unknown_emails == 1
    first = plan.responses[0]
    assert first.submitted_at.isoformat() == "2021-11-16T17:10:11+08:00"
    r = _results(db, course)
    assert r.questions[0].mean == pytest.approx(4.0)  # 5 and 3
    assert r.block("topics").distribution == (0, 0, 1, 1, 0)
    assert next(q for q in r.questions if q.code == "comments").comments == ("Good",)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"])
def test_wenjuanxing_csv_with_chinese_titles(db, course, tmp_path: Path, encoding: str):
    path = wjx_csv(tmp_path / "123456789_2_公园城市项目评估_2_2.csv", encoding)
    assert detect_tool(read_table(path).headers) == "wjx"
    plan = _import(db, course, path)
    assert plan.problems == [], [str(p) for p in plan.problems]
    assert [x.external_id for x in plan.responses] == ["1", "2"]
    r = _results(db, course)
    assert r.questions[0].distribution == (0, 0, 0, 1, 1) and r.questions[0].mean == pytest.approx(4.5)
    assert r.questions[2].mean == pytest.approx(4.5)  # 良好 4, 优秀 5
    opening = next(q for q in r.questions if q.about == "Opening")
    assert opening.mean == pytest.approx(4.5)  # 非常有帮助 5, "4"
    assert r.block("topics").distribution == (0, 1, 0, 0, 1)  # the skipped one is no answer
    assert next(q for q in r.questions if q.code == "comments").comments == ("希望多安排交流",)


def test_the_same_file_twice_is_counted_once(db, course, tmp_path: Path):
    path = ms_forms_xlsx(tmp_path / "ms.xlsx")
    _import(db, course, path)
    again = _import(db, course, path)
    assert again.ok and again.skipped == 3 and again.responses == []
    assert _results(db, course).responses == 3


def test_a_wrong_file_is_refused_by_row_and_column_and_nothing_is_stored(db, course, tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_text('Timestamp,"Overall, how satisfied are you with the seminar?",How well was the seminar organised?,'
                    "Which format suits you best for future seminars?\n"
                    "2021/11/16 17:00:00,5,4,Hybrid\n"
                    "2021/11/16 17:01:00,7,Good,By pigeon\n"
                    "yesterday,,4,Online\n", encoding="utf-8")
    before = snapshot(db)
    plan = _import(db, course, path)
    found = {(p.row, p.column) for p in plan.problems}
    assert found == {(3, "Overall, how satisfied are you with the seminar?"),
                     (3, "Which format suits you best for future seminars?"),
                     (4, "Timestamp"), (4, "Overall, how satisfied are you with the seminar?")}
    texts = [str(p) for p in plan.problems]
    assert "row 3, column Overall, how satisfied are you with the seminar?: '7' is not a rating" in texts[0]
    assert any("no answer to a required question" in t for t in texts)
    assert snapshot(db) == before


def test_an_unknown_column_is_named_and_a_mapping_reads_it(db, course, tmp_path: Path):
    path = tmp_path / "renamed.csv"
    path.write_text("Timestamp,Your overall rating,Remarks\n2021/11/16 17:00:00,4,ok\n", encoding="utf-8")
    with db.reading() as s:
        plan = plan_import(s, course.seminar, path)
    assert [(p.row, p.column) for p in plan.problems] == [(None, "Your overall rating"), (None, "Remarks")]
    with db.reading() as s:
        plan = plan_import(s, course.seminar, path, {"Your overall rating": "1", "Remarks": "-"})
    assert plan.ok and plan.responses[0].answers[0][1:] == (4, None)


def test_a_dry_run_on_the_command_line_changes_nothing(db, course, tmp_path: Path):
    from learninghub.cli import main

    db_url = db.engine.url.render_as_string(hide_password=False)
    path = ms_forms_xlsx(tmp_path / "ms.xlsx")
    before = snapshot(db)
    assert main(["--db", db_url, "evaluation", "import", str(course.seminar), str(path), "--dry-run"]) == 0
    assert snapshot(db) == before
    assert main(["--db", db_url, "evaluation", "import", str(course.seminar), str(path)]) == 0
    assert _results(db, course).responses == 3
