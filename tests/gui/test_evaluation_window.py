"""Seminar → Evaluation…: paper answers typed with the keyboard only, a result file checked and imported,
the results shown (issue 17)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from learninghub.core.evaluations.results import evaluation_results
from tests.gui.conftest import settle


def _open(qtbot, window):  # type: ignore[no-untyped-def]
    from learninghub.gui.evaluations.evaluation_window import open_evaluation

    dialog = open_evaluation(window)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=10_000)
    settle(qtbot, window)
    return dialog


def test_paper_answers_typed_one_response_after_another(qtbot, park_city, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, seminar = park_city
    before = demo_db.read(evaluation_results(seminar))[0]
    dialog = _open(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.entry)
    fields = dialog.entry.fields
    first = fields[0][0]
    first.setFocus()
    # response 1: every rating 4, option 3, options 1 and 3, a comment — Enter after each, Enter on the last saves
    for edit, q in fields:
        qtbot.keyClicks(edit, {"rating": "4", "single": "3", "multiple": "13", "text": "Thank you"}[q.kind])
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.history.pending(), timeout=10_000)
    assert all(edit.text() == "" for edit, _q in fields)  # a new response starts blank, on the first question
    # response 2: a wrong rating stays red until mended; Tab also moves on; blanks are no answer
    qtbot.keyClicks(first, "7")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert "fde2e2" in first.styleSheet() and fields[1][0].text() == ""
    first.clear()
    qtbot.keyClicks(first, "2")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    for edit, _q in fields[1:]:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.results.responses == before.responses + 2, timeout=10_000)
    after = demo_db.read(evaluation_results(seminar))[0]
    overall = after.questions[0]
    assert overall.distribution[3] == before.questions[0].distribution[3] + 1  # the 4
    assert overall.distribution[1] == before.questions[0].distribution[1] + 1  # the 2
    topics = after.block("topics")
    assert topics.distribution[0] == before.block("topics").distribution[0] + 1
    assert "Thank you" in next(q for q in after.questions if q.code == "comments").comments
    assert dialog.entry.count.text().startswith("2 ")
    window.undo_action.trigger()  # the last typed response goes
    settle(qtbot, window)
    assert demo_db.read(evaluation_results(seminar))[0].responses == before.responses + 1


def test_a_wrong_result_file_lists_its_problems_and_a_right_one_imports(qtbot, park_city, demo_db,
                                                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, _seminar = park_city
    dialog = _open(qtbot, window)
    before = dialog.results.responses
    bad = tmp_path / "bad.csv"
    bad.write_text('Timestamp,"Overall, how satisfied are you with the seminar?",Which format suits you best for '
                   'future seminars?\n2020/07/17 17:00:00,9,By boat\n', encoding="utf-8")
    dialog.check_file(str(bad))
    qtbot.waitUntil(lambda: dialog.problems.rowCount() == 2, timeout=10_000)
    assert [dialog.problems.item(0, c).text() for c in (0, 1)] == ["2", "Overall, how satisfied are you with the seminar?"]
    assert not dialog.import_button.isEnabled()
    good = tmp_path / "good.csv"
    good.write_text('Timestamp,"Overall, how satisfied are you with the seminar?",Which format suits you best for '
                    'future seminars?\n2020/07/17 17:00:00,5,Online\n2020/07/17 17:01:00,4,Hybrid\n', encoding="utf-8")
    dialog.check_file(str(good))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert dialog.problems.rowCount() == 0
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.results.responses == before + 2, timeout=10_000)
    assert dialog.results_page.widget().findChild(object, "results_summary") is not None


def test_create_from_a_template(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import open_seminar

    window, _seminar = open_seminar(qtbot, demo_db, lambda s: s.title.startswith("Innovation and human capital"))
    from learninghub.gui.evaluations.evaluation_window import open_evaluation

    dialog = open_evaluation(window)
    qtbot.waitUntil(lambda: "no evaluation questionnaire" in dialog.status.text(), timeout=10_000)
    assert not dialog.tabs.isTabEnabled(1)
    dialog.template.setCurrentIndex(dialog.template.findData("speakers"))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=10_000)
    assert dialog.results.template == "speakers" and dialog.questions.rowCount() == len(dialog.results.questions)
    assert dialog.tabs.isTabEnabled(1) and dialog.entry.fields
    dialog.tabs.setCurrentIndex(3)
    dialog.resize(900, 700)
    dialog.grab().save(str(tmp_path / "evaluation.png"))
