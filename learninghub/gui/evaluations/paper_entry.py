"""Typing paper answers, keyboard only: a field per question, Enter or Tab to the next, Enter on the last
stores the response and starts a blank one.

Why one line edit per question and digits for choices: a stack of paper forms is typed fastest with one
hand on the number keys; a rating is its digit, a choice its option's number, several choices their
numbers ("13" or "1 3"). Each answer is checked as an imported one (``core/evaluations/answers.py``);
a wrong one turns its field red and keeps the cursor there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from ...core.evaluations.answers import Question, parse
from ...core.evaluations.results import EvaluationResults, QuestionResult
from ..bilingual import shown


def typed_cell(kind: str, text: str) -> str:
    """What a person typed as the importer reads it: "13" or "1 3" for options 1 and 3 of a multiple choice."""
    text = text.strip()
    if kind == "multiple" and text.replace(" ", "").replace(",", "").isdigit():
        return ";".join(ch for ch in text if ch.isdigit())
    return text


class PaperEntry(QWidget):
    """The fields of one response; ``saved`` gives its answers as (question id, value, text) rows."""

    saved = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperEntry")
        self.fields: list[tuple[QLineEdit, QuestionResult]] = []
        outer = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Type each answer's number (a rating 1–5, an option's number; several options "
                                   "as 13). Enter or Tab goes to the next question; Enter on the last one saves the "
                                   "response and starts a blank one."))
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        outer.addWidget(self.scroll)
        self.count = QLabel()
        self.count.setObjectName("typedCount")
        outer.addWidget(self.count)
        self.typed = 0

    def show_questions(self, results: EvaluationResults) -> None:
        holder = QWidget()
        form = QFormLayout(holder)
        self.fields = []
        for n, q in enumerate(results.questions, 1):
            title = shown(q.text, q.text_zh)
            if q.about:
                title += f" [{shown(q.about, q.about_zh)}]"
            label = QLabel(f"{n}. {title}")
            label.setWordWrap(True)
            edit = QLineEdit()
            edit.setObjectName(f"answer{n}")
            if q.kind != "text":
                edit.setPlaceholderText("  ".join(f"{i} {shown(en, zh)}" for i, (en, zh) in enumerate(q.options, 1)))
                edit.setToolTip(edit.placeholderText())
            edit.installEventFilter(self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.fields.append((edit, q))
        self.scroll.setWidget(holder)
        self._say_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self._next(watched, save=key != Qt.Key.Key_Tab)
                return True
        return super().eventFilter(watched, event)

    def _index(self, edit: QLineEdit) -> int:
        return next(i for i, (e, _q) in enumerate(self.fields) if e is edit)

    def _check(self, edit: QLineEdit, q: QuestionResult) -> list[tuple[int | None, str | None]] | None:
        got, problem = parse(Question(q.id, q.kind, q.options, q.required), typed_cell(q.kind, edit.text()))
        edit.setStyleSheet("" if problem is None else "QLineEdit { background: #fde2e2; }")
        edit.setToolTip(str(problem) if problem is not None else edit.placeholderText())
        return None if problem is not None else got

    def _next(self, edit: QLineEdit, *, save: bool) -> None:
        i = self._index(edit)
        if self._check(edit, self.fields[i][1]) is None:
            return  # wrong: stay here
        if i + 1 < len(self.fields):
            following = self.fields[i + 1][0]
            following.setFocus()
            following.selectAll()
            self.scroll.ensureWidgetVisible(following)
            return
        if save:
            self.save()
        else:
            self.fields[0][0].setFocus()

    def answers(self) -> list[tuple[int, int | None, str | None]] | None:
        """Every field's answer rows, or None when one is wrong (it gets the focus)."""
        rows: list[tuple[int, int | None, str | None]] = []
        for edit, q in self.fields:
            got = self._check(edit, q)
            if got is None:
                edit.setFocus()
                return None
            rows += [(q.id, v, t) for v, t in got]
        return rows

    def save(self) -> None:
        rows = self.answers()
        if rows is None:
            return
        if rows:
            self.saved.emit(rows)
            self.typed += 1
        self.clear()

    def clear(self) -> None:
        for edit, _q in self.fields:
            edit.clear()
            edit.setStyleSheet("")
        if self.fields:
            self.fields[0][0].setFocus()
            self.scroll.ensureWidgetVisible(self.fields[0][0])
        self._say_count()

    def _say_count(self) -> None:
        self.count.setText(self.tr("%n response(s) typed in this window", "", self.typed))

