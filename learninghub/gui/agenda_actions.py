"""The Agenda tab's actions: new, edit, duplicate and delete sessions, each undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..core.errors import LearningHubError
from ..core.services import agenda
from ..core.store import Database
from . import i18n
from .bilingual import shown
from .core_text import error_message
from .session_dialog import SessionDialog
from .undo import ActionCommand, EditCommand


class AgendaActions:
    def __init__(self, window: Any, db_getter: Callable[[], Database]) -> None:
        self.w = window
        self._db = db_getter
        f = window.form
        f.addSessionButton.clicked.connect(self.new_session)
        f.editSessionButton.clicked.connect(self.edit_session)
        f.duplicateSessionButton.clicked.connect(self.duplicate_session)
        f.deleteSessionButton.clicked.connect(self.delete_session)
        f.cancelOccurrenceButton.clicked.connect(self.cancel_occurrence)

    def selected(self) -> int:
        """The chosen session: the selected row, else the row with the keyboard focus."""
        view = self.w.form.agendaView
        rows = view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (view.currentIndex().row() if view.currentIndex().isValid() else -1)
        return self.w.agenda_model.key(row) if row >= 0 else 0

    # -- dialogs (window-modal, never blocking: open() and a signal)
    def _dialog(self, session_id: int = 0, *, duplicate: bool = False) -> SessionDialog | None:
        if not self.w.current_seminar:
            return None
        dialog = SessionDialog(self._db(), self.w.current_seminar, session_id, duplicate=duplicate, parent=self.w)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def new_session(self) -> SessionDialog | None:
        return self._dialog()

    def edit_session(self) -> SessionDialog | None:
        return self._dialog(self.selected()) if self.selected() else None

    def duplicate_session(self) -> SessionDialog | None:
        return self._dialog(self.selected(), duplicate=True) if self.selected() else None

    def _saved(self, dialog: SessionDialog) -> None:
        title = dialog.form.titleEdit.text()
        if dialog.created_ids:
            made = {"ids": dialog.created_ids}
            values, repeat = dialog.values(), dialog.repeat()
            seminar_id = self.w.current_seminar

            def redo() -> None:
                with self._db().transaction() as s:
                    made["ids"] = [r.id for r in agenda.add_session(s, seminar_id=seminar_id, repeat=repeat, **values)]

            def undo() -> None:
                with self._db().transaction() as s:
                    for session_id in made["ids"]:
                        agenda.delete_session(s, session_id)

            self._push(ActionCommand(QCoreApplication.translate("AgendaActions", "adding “{title}”").format(title=title),
                                     redo, undo, self.w.refresh, self.report))
        elif dialog.series_edit is not None:
            series_id, before, after = dialog.series_edit

            def apply_series(values: dict[str, Any]) -> Callable[[], None]:
                def run() -> None:
                    with self._db().transaction() as s:
                        agenda.edit_series(s, series_id, **values)
                return run

            self._push(ActionCommand(QCoreApplication.translate("AgendaActions", "edit of every “{title}”").format(title=title),
                                     apply_series(after), apply_series(before),
                                     self.w.refresh, self.report))
        elif dialog.edit is not None:
            before, after, version = dialog.edit
            session_id = dialog.session_id

            def apply(expected: int, values: dict[str, Any]) -> int:
                with self._db().transaction() as s:
                    return agenda.edit_session(s, session_id, expected_version=expected, **values).version

            self._push(EditCommand(QCoreApplication.translate("AgendaActions", "edit of “{title}”").format(title=title),
                                   apply, before, after, version, self.w.refresh, self.report))
        self.w.refresh()

    def delete_session(self) -> None:
        """Delete the selected session at once; Ctrl+Z puts it back."""
        self._remove_undoably(QCoreApplication.translate("AgendaActions", "deleting {what}"),
                              QCoreApplication.translate("AgendaActions", "Deleted {what} — Ctrl+Z brings it back"), agenda.delete_session)

    def cancel_occurrence(self) -> None:
        """Cancel the selected occurrence of a repeating session (the rest stays); Ctrl+Z restores it."""
        self._remove_undoably(QCoreApplication.translate("AgendaActions", "cancelling {what}"),
                              QCoreApplication.translate("AgendaActions", "Cancelled {what} — Ctrl+Z brings it back"),
                              lambda s, session_id: agenda.cancel_occurrence(s, session_id))

    def _remove_undoably(self, doing: str, done: str, remove: Callable[[Any, int], Any]) -> None:
        """Remove the selected session through ``remove``; undo restores it from a snapshot.
        ``doing`` names the undo step and ``done`` the status line, each with a ``{what}``."""
        session_id = self.selected()
        if not session_id:
            return
        try:
            with self._db().transaction() as s:
                kept = agenda.snapshot(s, session_id)
                remove(s, session_id)
        except LearningHubError as exc:
            self.report(exc)
            return
        current = {"id": session_id}

        def undo() -> None:
            with self._db().transaction() as s:
                current["id"] = agenda.restore_session(s, kept).id

        def redo() -> None:
            with self._db().transaction() as s:
                remove(s, current["id"])

        what = QCoreApplication.translate("AgendaActions", "“{title}” on {day}").format(
            title=shown(kept["title"], kept.get("title_zh")), day=i18n.format_date(kept["start"]))
        self._push(ActionCommand(doing.format(what=what), redo, undo, self.w.refresh, self.report))
        self.w.refresh()
        self.w.statusBar().showMessage(done.format(what=what), 8000)

    def _push(self, command: Any) -> None:
        self.w.undo_stack.push(command)

    def report(self, exc: LearningHubError) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("AgendaActions", "Not done"), error_message(exc),
                          parent=self.w)
        box.open()
        return box

