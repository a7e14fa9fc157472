"""Add, edit or duplicate an agenda session, in the seminar's local time.

The dialog collects values and makes a core command of them (``AddSessions``,
``EditSession``, ``EditSeries``); the window runs it (``history.apply``: off the GUI
thread, undoable). A refusal is shown in the dialog, which stays open with what the
user typed. The dialog's values are read by the core first (``pages.session_form``).

Moving the start moves the end with it (the length stays), as calendars do. A new
session repeats, when asked, every day until the seminar's last day: "every week, 4
times" ran past a three-day seminar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ...core import recurrence, timezones
from ...core.commands import Command, Done
from ...core.errors import LearningHubError
from ...core.pages.session_form import SessionForm
from .. import bilingual, forms, keys, labels
from ..core_text import error_message
from ..discard_guard import DiscardGuard
from .host import SeminarHost

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FOLDS = [("", QT_TRANSLATE_NOOP("SessionDialog", "ask me (refuse)")),
         ("earlier", QT_TRANSLATE_NOOP("SessionDialog", "the earlier one")),
         ("later", QT_TRANSLATE_NOOP("SessionDialog", "the later one"))]


def open_session_dialog(host: SeminarHost, seminar_id: int, session_id: int = 0, *, duplicate: bool = False,
                        last_day: dt.date | None = None,
                        opened: Callable[[SessionDialog], None] | None = None) -> None:
    """Read what the dialog starts from off the GUI thread, then open it (window-modal, never blocking)
    and hand it to ``opened``. ``last_day``: the seminar's, as the page on screen has it (a repeat stops
    there). A session someone else deleted meanwhile opens no dialog: that is told, and the page is read again."""
    from ...core.pages.session_form import session_form

    def show(form: SessionForm) -> None:
        dialog = SessionDialog(host, form, session_id, duplicate=duplicate, last_day=last_day)
        dialog.open()
        if opened is not None:
            opened(dialog)

    def gone(exc: LearningHubError) -> None:
        host.runner.refused(exc, "")
        host.refresh()

    host.runner.load("session-dialog", lambda db: db.read(session_form(seminar_id, session_id))[0], show,
                     failed=gone)  # type: ignore[arg-type]


class SessionDialog(DiscardGuard, QDialog):
    def __init__(self, host: SeminarHost, start: SessionForm, session_id: int = 0, *, duplicate: bool = False,
                 last_day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent or host.dialog_parent())
        self.host, self.seminar_id = host, start.seminar_id
        self.session_id = 0 if duplicate else session_id
        self.form = forms.load("session_dialog").Ui_SessionDialog()
        self.form.setupUi(self)
        f = self.form
        for value, label in labels.choices("SessionKind"):
            f.kindCombo.addItem(label, value)
        for value, label in FOLDS:
            f.foldCombo.addItem(self.tr(label), value)
        f.repeatUnit.addItem(self.tr("days"), "days")
        f.repeatUnit.addItem(self.tr("weeks"), "weeks")
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)
        f.speakerFind.textChanged.connect(self._find_speakers)
        f.speakerFind.returnPressed.connect(self._add_first_match)
        f.speakerFind.installEventFilter(self)  # its Enter adds a speaker; it does not save the dialog
        f.speakerMatches.itemActivated.connect(self._add_speaker)
        keys.shortcut(QKeySequence.StandardKey.Delete, f.speakersList, self._remove_selected_speaker,
                      Qt.ShortcutContext.WidgetShortcut)
        self.tz = timezones.zone(start.timezone)
        f.zoneHint.setText(self.tr("{title} — times in {zone}").format(
            title=bilingual.shown(start.seminar_title, start.seminar_title_zh), zone=start.timezone))
        self.loaded: dict[str, Any] = dict(start.values)
        self.last_day = last_day if last_day is not None and last_day >= start.first_day else None
        for edit in (f.startEdit, f.endEdit, f.repeatUntil):
            edit.mark_days(start.first_day, self.last_day or start.first_day)
        self._show(self.loaded, start.speaker_names)
        self._start = f.startEdit.value()
        f.startEdit.dateTimeChanged.connect(self._start_moved)
        # Changing the count or the day chooses how the repeat ends.
        f.repeatCount.valueChanged.connect(lambda _n: f.repeatCountRadio.setChecked(True))
        f.repeatUntil.dateChanged.connect(lambda _d: f.repeatUntilRadio.setChecked(True))
        f.repeatGroup.setVisible(not self.session_id)
        f.wholeSeriesCheck.setVisible(bool(self.session_id and self.loaded.get("series_id")))
        self.setWindowTitle(self.tr("Edit session") if self.session_id else (
            self.tr("Duplicate session") if duplicate else self.tr("New session")))
        # What the last save did (the core's Done), once the dialog was accepted.
        self.done_result: Done | None = None
        self._matches_for = ""  # what the speaker matches shown were found for
        self._add_when_found = False  # Enter pressed before the matches of what is typed arrived

    # -- values
    def _show(self, v: dict[str, Any], names: dict[int, str]) -> None:
        f = self.form
        f.titleEdit.setText(v["title"])
        f.titleZhEdit.setText(v["title_zh"] or "")
        f.kindCombo.setCurrentIndex(max(0, f.kindCombo.findData(v["kind"])))
        f.startEdit.setDateTime(v["start"])
        f.endEdit.setDateTime(v["end"])
        f.roomEdit.setText(v["room"] or "")
        f.languageEdit.setText(v["language"] or "")
        f.descriptionEdit.setPlainText(v["description"] or "")
        f.descriptionZhEdit.setPlainText(v["description_zh"] or "")
        # Every day until the seminar's last day (a week on, when it has one day or its days are not known).
        f.repeatUntil.setDate(self.last_day if self.last_day and self.last_day > v["start"].date()
                              else v["start"].date() + dt.timedelta(weeks=1))
        f.repeatUntilRadio.setChecked(True)
        for pid in v["speaker_ids"]:
            self._append_speaker(pid, names[pid])

    def values(self) -> dict[str, Any]:
        f = self.form
        return {
            "title": f.titleEdit.text(), "title_zh": f.titleZhEdit.text().strip() or None,
            "kind": f.kindCombo.currentData(),
            "start": f.startEdit.value(), "end": f.endEdit.value(),
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
                                      until=f.repeatUntil.value())

    def _start_moved(self, _moved: Any) -> None:
        """The end keeps the session's length when the start moves (typed, stepped or chosen on the calendar)."""
        f = self.form
        start, length = f.startEdit.value(), f.endEdit.value() - self._start
        self._start = start
        if length > dt.timedelta(0):
            f.endEdit.setDateTime(start + length)

    # -- speakers
    def _find_speakers(self, text: str) -> None:
        """People matching what is typed, read off the GUI thread (a newer keystroke drops an older search)."""
        from ..people.people_model import people_reader

        needle = text.strip()
        if not needle:
            self.host.runner.forget("speaker-search")
            self.form.speakerMatches.clear()
            self._matches_for, self._add_when_found = "", False
            return

        def shown(found: list[Any]) -> None:
            self.form.speakerMatches.clear()
            for p in found:
                item = QListWidgetItem(f"{p.display_name} — {p.organisation_name or ''}".rstrip(" —"))
                item.setData(PERSON_ID_ROLE, p.id)
                item.setData(Qt.ItemDataRole.UserRole + 2, p.display_name)
                self.form.speakerMatches.addItem(item)
            self._matches_for = needle
            if self._add_when_found:
                self._add_when_found = False
                self._add_first_match()

        self.host.runner.load("speaker-search", people_reader(needle, limit=20), shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the speaker search adds the first match, and goes no further: a dialog's Enter would
        also press OK and save the session while the user is still choosing its speakers."""
        if (watched is self.form.speakerFind and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self._add_first_match()
            return True
        return super().eventFilter(watched, event)

    def _add_first_match(self) -> None:
        """Enter in the search field: the first match of what is typed (once read, if Enter came first)."""
        if self.form.speakerFind.text().strip() != self._matches_for:
            self._add_when_found = True
            return
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

    def command(self) -> Command | None:
        """The change the dialog's values ask for (None: nothing changed)."""
        from ...core.commands.agenda import AddSessions, EditSeries, EditSession

        fold = self.form.foldCombo.currentData() or None
        values = self.values()
        if self.session_id and self.form.wholeSeriesCheck.isChecked():
            before, after = self._series_terms(self.loaded), self._series_terms(values)
            changes = {k: v for k, v in after.items() if v != before[k]}
            return EditSeries(int(self.loaded["series_id"]), changes, fold=fold) if changes else None
        if self.session_id:
            changes = {k: v for k, v in values.items() if v != self.loaded.get(k)}
            return EditSession(self.session_id, changes, self.loaded["version"], fold=fold) if changes else None
        return AddSessions(self.seminar_id, values, repeat=self.repeat(), fold=fold)

    def accept(self) -> None:
        """Save through the core, off the GUI thread; stay open with the message if it refuses."""
        self.form.errorLabel.setText("")
        try:
            command = self.command()
        except LearningHubError as exc:  # a repeat rule the core cannot make
            self.form.errorLabel.setText(error_message(exc))
            return
        if command is None:
            super().accept()
            return
        ok = self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # one save at a time

        def saved(done: Done) -> None:
            self.done_result = done
            QDialog.accept(self)

        def refused(exc: LearningHubError) -> None:
            ok.setEnabled(True)
            self.form.errorLabel.setText(error_message(exc))

        self.host.history.apply(command, then=saved, refused=refused)
