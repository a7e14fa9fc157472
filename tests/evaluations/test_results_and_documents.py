"""Results by hand, the outcome report's scores, the paper form and the results PDF read back, the exports."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from learninghub.core.evaluations import forms
from learninghub.core.evaluations.commands import AddResponses, CreateEvaluation, DeleteEvaluation
from learninghub.core.evaluations.results import evaluation_results
from learninghub.core.evaluations.templates import shipped
from learninghub.core.reports.outcome import Scope, outcome_report
from learninghub.documents.evaluation_form_pdf import render_evaluation_form
from learninghub.documents.evaluation_results_pdf import render_evaluation_results
from learninghub.exporting.evaluation_questions import as_text, write_questions
from learninghub.exporting.evaluation_results import write_results_xlsx
from learninghub.importing.evaluations import plan_import
from tests.databases import snapshot
from tests.pdftext import page_texts, squash


def _answers(db, course, rows):
    """Store responses given as {question position: value or text}."""
    with db.reading() as s:
        from sqlalchemy import select

        from learninghub.core.models import EvaluationQuestion

        ids = dict(s.execute(select(EvaluationQuestion.position, EvaluationQuestion.id)
                             .where(EvaluationQuestion.form_id == course.form)).all())
    made = [forms.NewResponse([(ids[p], v if isinstance(v, int) else None, v if isinstance(v, str) else None)
                               for p, v in row.items()]) for row in rows]
    with db.transaction() as s:
        forms.add_responses(s, course.form, made)


def test_results_are_the_hand_computed_means(db, course):
    # positions: 1 overall, 2 relevance, 3 organisation, 4-6 usefulness per session, 7 format, 8 topics, 9 comments
    _answers(db, course, [{1: 5, 4: 2, 5: 4, 9: "Great"}, {1: 3, 4: 3}, {1: 4, 2: 1, 7: 3}, {8: 2}])
    r = db.read(evaluation_results(course.seminar))[0]
    assert r.responses == 4
    assert [(q.answered, q.mean) for q in r.questions[:4]] == [(3, 4.0), (1, 1.0), (0, None), (2, 2.5)]
    assert r.block("usefulness").mean == pytest.approx((2 + 4 + 3) / 3)
    assert r.overall_mean == pytest.approx((5 + 3 + 4 + 1 + 2 + 4 + 3) / 7)
    assert r.block("format").distribution == (0, 0, 1)
    report = db.read(outcome_report(Scope(seminar_id=course.seminar)))[0]
    (line,) = report.evaluations
    assert (line.responses, line.ratings) == (4, 7)
    assert line.mean == pytest.approx(22 / 7) and line.overall == pytest.approx(4.0)
    assert report.as_json()["evaluation_mean"] == round(22 / 7, 4)


def test_six_statements_whatever_the_responses(db, course):
    from sqlalchemy import event

    seen = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(1))
    db.read(evaluation_results(course.seminar))
    assert len(seen) <= 7  # six SELECTs (and a BEGIN where the driver sends one)


def test_commands_undo_exactly(db, course):
    from learninghub.core.commands.base import Done

    before = snapshot(db)
    with db.transaction() as s:
        done: Done = DeleteEvaluation(course.seminar).run(s)
    with db.transaction() as s:
        done = done.undo.run(s)
    assert snapshot(db) == before
    with db.transaction() as s:
        added = AddResponses(course.seminar, course.form, (forms.NewResponse([(1, 4, None)]),)).run(s)
    with db.transaction() as s:
        added.undo.run(s)
    assert snapshot(db) == before
    with db.transaction() as s:
        DeleteEvaluation(course.seminar).run(s)
        made = CreateEvaluation(course.seminar, shipped("speakers")).run(s)
    assert made.result and db.read(evaluation_results(course.seminar))[0].template == "speakers"


def test_the_paper_form_and_the_results_pdf_read_back(db, course, tmp_path):
    _answers(db, course, [{1: 5, 4: 2, 9: "Plus de temps <b>& moins</b>"}, {1: 3}])
    r = db.read(evaluation_results(course.seminar))[0]
    for lang in ("en", "en+zh"):
        form = render_evaluation_form(r, lang=lang, copies=2)
        pages = [squash(t) for t in page_texts(form.data)]
        text = "".join(pages)
        assert squash("How useful was this session?") in text and "Greenways" in text and "Sitevisit" in text
        assert "Coffee" not in text  # breaks are not evaluated
        assert (squash("现场考察") in text) == (lang == "en+zh")
        assert text.count(squash("Overall, how satisfied")) == 2  # two copies, each on its own sheet
        assert form.missing == ()
        res = render_evaluation_results(r, lang=lang)
        text = "".join(squash(t) for t in page_texts(res.data))
        assert "4.0" in text and squash("Plus de temps <b>& moins</b>") in text  # escaped, printed as typed
        assert (squash("评估结果") in text) == (lang == "en+zh")


def test_the_workbook_and_the_listing_for_form_tools(db, course, tmp_path: Path):
    _answers(db, course, [{1: 5, 8: 1}, {1: 4, 8: 1}, {8: 3}])
    r = db.read(evaluation_results(course.seminar))[0]
    target = tmp_path / "results.xlsx"
    assert write_results_xlsx(r, target, lang="en+zh") == 4  # questions, per session, choices, comments
    book = openpyxl.load_workbook(target)
    first = next(iter(book.worksheets[0].iter_rows(min_row=2, values_only=True)))
    assert first[1:3] == (2, 4.5)
    text = as_text(r, "zh")
    assert "1. 您对本次研讨会的总体满意度如何？*[量表题]" in text and "本场次对您有多大帮助？ [现场考察]" in text
    # what the listing names, the importer finds: a file with exactly those titles maps without help
    for lang in ("en", "zh", "en+zh"):
        listing = tmp_path / f"q-{lang}.csv"
        write_questions(r, listing, lang)
        import csv

        with open(listing, encoding="utf-8-sig") as fh:
            asked = [row[1] for row in list(csv.reader(fh))[1:]]
        sample = tmp_path / f"answers-{lang}.csv"
        with open(sample, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["Timestamp", *asked], ["2021/11/16 17:00:00", "5", *[""] * (len(asked) - 1)]])
        with db.reading() as s:
            plan = plan_import(s, course.seminar, sample)
        assert plan.ok, [str(p) for p in plan.problems]


def test_the_command_line(db, course, tmp_path: Path, capsys):
    from learninghub.cli import main

    url = db.engine.url.render_as_string(hide_password=False)
    _answers(db, course, [{1: 5}, {1: 4}])
    assert main(["--db", url, "evaluation", "results", str(course.seminar), "--json",
                 "-o", str(tmp_path / "r.pdf")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["questions"][0]["mean"] == 4.5 and data["pages"] >= 1
    assert main(["--db", url, "evaluation", "form", str(course.seminar), "-o", str(tmp_path / "f.pdf"),
                 "--lang", "en+zh", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] >= 1
    assert main(["--db", url, "evaluation", "create", str(course.seminar)]) == 1
    assert "has an evaluation questionnaire already" in capsys.readouterr().err
    assert main(["--db", url, "evaluation", "show", "999"]) == 1
    assert "there is no seminar with id 999" in capsys.readouterr().err
    assert main(["--db", url, "evaluation", "template", "standard", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["questions"][0]["code"] == "overall"
