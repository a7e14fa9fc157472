"""Add, edit or duplicate an agenda session, in the seminar's local time.

The dialog collects values; ``agenda.add_session`` / ``agenda.edit_session`` decide.
A refusal is shown in the dialog, which stays open with what the user typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from ..core import recurrence, timezones
from ..core.errors import LearningHubError
from ..core.services import agenda, people, seminars
from ..core.store import Database
from . import bilingual, forms, keys, labels
from .core_text import error_message
from .discard_guard import DiscardGuard

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOLDS = [("", QT_TRANSLATE_NOOP("SessionDialog", "ask me (refuse)")),
         ("earlier", QT_TRANSLATE_NOOP("SessionDialog", "the earlier one")),
         ("later", QT_TRANSLATE_NOOP("SessionDialog", "the later one"))]


class SessionDialog(DiscardGuard, QDialog):
    def __init__(self, db: Database, seminar_id: int, session_id: int = 0, *, duplicate: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.seminar_id, self.session_id = db, seminar_id, 0 if duplicate else session_id
        self.form = forms.load("session_dialog").Ui_SessionDialog()
        self.form.setupUi(self)
        f = self.form
        for value, label in labels.choices("SessionKind"):
            f.kindCombo.addItem(label, value)
        for value, label in FOLDS:
            f.foldCombo.addItem(self.tr(label), value)
        f.repeatUnit.addItem(self.tr("weeks"), "weeks")
        f.repeatUnit.addItem(self.tr("days"), "days")
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        f.speakerFind.textChanged.connect(self._find_speakers)
        f.speakerFind.returnPressed.connect(self._add_first_match)
        f.speakerMatches.itemActivated.connect(self._add_speaker)
        keys.shortcut(QKeySequence.StandardKey.Delete, f.speakersList, self._remove_selected_speaker,
                      Qt.ShortcutContext.WidgetShortcut)
        #: What the last successful save did: ids made (add) or (before, after, version) (edit).
        self.created_ids: list[int] = []
        self.edit: tuple[dict[str, Any], dict[str, Any], int] | None = None
        self.loaded: dict[str, Any] = {}
        with db.reading() as s:
            seminar = seminars.get_seminar(s, seminar_id)
            self.tz = timezones.zone(seminar.timezone)
            f.zoneHint.setText(self.tr("{title} — times in {zone}").format(
                title=bilingual.shown(seminar.title, seminar.title_zh), zone=seminar.timezone))
            if session_id:
                self.loaded = agenda.snapshot(s, session_id)
            else:
                start = dt.datetime.combine(seminar.start_date, dt.time(9, 0))
                self.loaded = {"title": "", "kind": "talk", "start": start, "end": start + dt.timedelta(hours=1),
                               "room": None, "language": None, "description": None, "speaker_ids": [],
                               "title_zh": None, "description_zh": None}
            names = {p.id: p.display_name for p in self._speaker_rows(s, self.loaded["speaker_ids"])}
        self._show(self.loaded, names)
        f.repeatGroup.setVisible(not self.session_id)
        f.wholeSeriesCheck.setVisible(bool(self.session_id and self.loaded.get("series_id")))
        #: For a whole-series edit: (series id, values before, values after) in edit_series terms.
        self.series_edit: tuple[int, dict[str, Any], dict[str, Any]] | None = None
        self.setWindowTitle(self.tr("Edit session") if self.session_id else (
            self.tr("Duplicate session") if duplicate else self.tr("New session")))

    # -- values
    @staticmethod
    def _speaker_rows(s: Any, ids: list[int]) -> list[Any]:
        return [people.get_person(s, pid) for pid in ids]

    def _show(self, v: dict[str, Any], names: dict[int, str]) -> None:
        f = self.form
        f.titleEdit.setText(v["title"])
        f.titleZhEdit.setText(v["title_zh"] or "")
        f.kindCombo.setCurrentIndex(max(0, f.kindCombo.findData(v["kind"])))
        f.startEdit.setDateTime(QDateTime(v["start"]))
        f.endEdit.setDateTime(QDateTime(v["end"]))
        f.roomEdit.setText(v["room"] or "")
        f.languageEdit.setText(v["language"] or "")
        f.descriptionEdit.setPlainText(v["description"] or "")
        f.descriptionZhEdit.setPlainText(v["description_zh"] or "")
        f.repeatUntil.setDate(v["start"].date() + dt.timedelta(weeks=4))
        for pid in v["speaker_ids"]:
            self._append_speaker(pid, names[pid])

    def values(self) -> dict[str, Any]:
        f = self.form
        return {
            "title": f.titleEdit.text(), "title_zh": f.titleZhEdit.text().strip() or None,
            "kind": f.kindCombo.currentData(),
            "start": f.startEdit.dateTime().toPython().replace(second=0, microsecond=0),
            "end": f.endEdit.dateTime().toPython().replace(second=0, microsecond=0),
            "room": f.roomEdit.text().strip() or None, "language": f.languageEdit.text().strip() or None,
            "description": f.descriptionEdit.toPlainText().strip() or None,
            "description_zh": f.descriptionZhEdit.toPlainText().strip() or None,
            "speaker_ids": [f.speakersList.item(i).data(PERSON_ID_ROLE) for i in range(f.speakersList.count())],
        }

    def current_values(self) -> Any:
        """What backing out would lose: the fields and the repeat rule (DiscardGuard)."""
        return self.values(), self.repeat()

    def repeat(self) -> str | None:
        f = self.form
        if self.session_id or not f.repeatGroup.isChecked():
            return None
        if f.repeatCountRadio.isChecked():
            return recurrence.repeat_rule(f.repeatEvery.value(), f.repeatUnit.currentData(), count=f.repeatCount.value())
        return recurrence.repeat_rule(f.repeatEvery.value(), f.repeatUnit.currentData(),
                                      until=f.repeatUntil.date().toPython())

    # -- speakers
    def _find_speakers(self, text: str) -> None:
        self.form.speakerMatches.clear()
        if not text.strip():
            return
        with self.db.reading() as s:
            for p in people.list_people(s, search_text=text, limit=20):
                item = QListWidgetItem(f"{p.display_name} — {p.organisation_name or ''}".rstrip(" —"))
                item.setData(PERSON_ID_ROLE, p.id)
                item.setData(Qt.ItemDataRole.UserRole + 2, p.display_name)
                self.form.speakerMatches.addItem(item)

    def _add_first_match(self) -> None:
        if self.form.speakerMatches.count():
            self._add_speaker(self.form.speakerMatches.item(0))

    def _add_speaker(self, item: QListWidgetItem) -> None:
        pid = item.data(PERSON_ID_ROLE)
        chosen = [self.form.speakersList.item(i).data(PERSON_ID_ROLE) for i in range(self.form.speakersList.count())]
        if pid not in chosen:
            self._append_speaker(pid, item.data(Qt.ItemDataRole.UserRole + 2))
        self.form.speakerFind.clear()

    def _append_speaker(self, pid: int, name: str) -> None:
        item = QListWidgetItem(name)
        item.setData(PERSON_ID_ROLE, pid)
        self.form.speakersList.addItem(item)

    def _remove_selected_speaker(self) -> None:
        for item in self.form.speakersList.selectedItems():
            self.form.speakersList.takeItem(self.form.speakersList.row(item))

    # -- saving
    def _series_terms(self, v: dict[str, Any]) -> dict[str, Any]:
        """Dialog values as edit_series takes them: times of day instead of date-times."""
        out = {k: v[k] for k in ("title", "title_zh", "kind", "room", "language", "description",
                                 "description_zh", "speaker_ids")}
        out["start_time"], out["end_time"] = v["start"].time(), v["end"].time()
        return out

    def _save_series(self, values: dict[str, Any], fold: Any) -> None:
        before, after = self._series_terms(self.loaded), self._series_terms(values)
        changes = {k: v for k, v in after.items() if v != before[k]}
        series_id = int(self.loaded["series_id"])
        with self.db.transaction() as s:
            agenda.edit_series(s, series_id, fold=fold, **changes)
        self.series_edit = (series_id, {k: before[k] for k in changes}, changes)

    def accept(self) -> None:
        """Save through the core; stay open with the message if it refuses."""
        self.form.errorLabel.setText("")
        fold = self.form.foldCombo.currentData() or None
        try:
            values = self.values()
            if self.session_id and self.form.wholeSeriesCheck.isChecked():
                self._save_series(values, fold)
            elif self.session_id:
                changes = {k: v for k, v in values.items() if v != self.loaded.get(k)}
                if not changes:
                    super().accept()
                    return
                with self.db.transaction() as s:
                    row = agenda.edit_session(s, self.session_id, expected_version=self.loaded["version"],
                                              fold=fold, **changes)
                    self.edit = ({k: self.loaded[k] for k in changes}, changes, row.version)
            else:
                with self.db.transaction() as s:
                    rows = agenda.add_session(s, seminar_id=self.seminar_id, repeat=self.repeat(), fold=fold, **values)
                    self.created_ids = [r.id for r in rows]
        except LearningHubError as exc:
            self.form.errorLabel.setText(error_message(exc))
            return
        super().accept()
