"""The Agenda tab: a seminar's sessions by day, conflicts tinted with their reason; new, edit,
duplicate, delete and cancel one occurrence — each a core command, undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QWidget

from ...core import timezones
from ...core.pages.seminar import AgendaItem, SeminarPage
from .. import bilingual, columns, forms, i18n, labels, layout_memory
from ..core_text import localized
from ..counts import words
from ..table_model import RowsModel, show_rows
from .choice import repaint_keeping_choice
from .host import SeminarHost


def agenda_row(item: AgendaItem, zone: str) -> tuple[str, ...]:
    """One session as the table shows it, in the seminar's zone: day, time (and "+1 day"), title, kind, room, speakers."""
    tz = timezones.zone(zone)
    start, end = item.starts_at.astimezone(tz), item.ends_at.astimezone(tz)
    wrap = (end.date() - start.date()).days
    return (i18n.format_date(start), f"{start:%H:%M}–{end:%H:%M}" + (words().days_later(wrap) if wrap else ""),
            bilingual.shown(item.title, item.title_zh), labels.session_kind(item.kind), item.room or "",
            ", ".join(item.speakers))


class AgendaTab(QWidget):
    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("agenda_tab").Ui_AgendaTab()
        self.form.setupUi(self)
        self.host = host
        # Day, time and name sort in the order the core gives, not as text.
        self.model = RowsModel(columns.AGENDA_HEADERS, self, natural=(0, 1))
        f = self.form
        show_rows(f.agendaView, self.model, stretch=2, fixed={4: 200, 5: 300})
        # Wrapped titles: rows follow the column widths as the window is resized.
        f.agendaView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        f.addSessionButton.clicked.connect(self.new_session)
        f.editSessionButton.clicked.connect(self.edit_session)
        f.duplicateSessionButton.clicked.connect(self.duplicate_session)
        f.deleteSessionButton.clicked.connect(self.delete_session)
        f.cancelOccurrenceButton.clicked.connect(self.cancel_occurrence)
        self.page: SeminarPage | None = None
        # The session dialog opened last (it opens once its values are read).
        self.dialog: Any = None

    def show_page(self, page: SeminarPage) -> None:
        self.page = page
        notes: dict[int, list[str]] = {}
        for conflict in page.conflicts:
            for item in conflict.items:
                if item.type == "session" and item.seminar_id == page.id:
                    notes.setdefault(item.id, []).append(localized(conflict.message))
        repaint_keeping_choice(self.form.agendaView, self.model, lambda: self.model.set_rows(
            [agenda_row(item, page.timezone) for item in page.agenda],
            tooltips=["\n".join(notes[i.id]) if i.id in notes else None for i in page.agenda],
            keys=[item.id for item in page.agenda]))
        messages = [localized(c.message) for c in page.conflicts]
        self.form.conflictsLabel.setText(
            (self.tr("⚠ %n conflict(s) (warnings; nothing is blocked):", None, len(messages)) + "\n• "
             + "\n• ".join(messages)) if messages else "")

    def selected(self) -> int:
        """The chosen session: the selected row, else the row with the keyboard focus."""
        view = self.form.agendaView
        rows = view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (view.currentIndex().row() if view.currentIndex().isValid() else -1)
        return self.model.key(row) if row >= 0 else 0

    def _item(self, session_id: int) -> AgendaItem | None:
        return next((i for i in self.page.agenda if i.id == session_id), None) if self.page else None

    # -- dialogs (window-modal, never blocking); the dialog reads its values off the GUI thread first
    def _dialog(self, session_id: int = 0, *, duplicate: bool = False) -> None:
        from .session_dialog import open_session_dialog

        seminar_id = self.host.current_seminar
        if seminar_id:
            last_day = self.page.values["end"] if self.page is not None and self.page.id == seminar_id else None
            open_session_dialog(self.host, seminar_id, session_id, duplicate=duplicate, last_day=last_day,
                                opened=lambda dialog: setattr(self, "dialog", dialog))

    def new_session(self) -> None:
        self._dialog()

    def edit_session(self) -> None:
        if self.selected():
            self._dialog(self.selected())

    def duplicate_session(self) -> None:
        if self.selected():
            self._dialog(self.selected(), duplicate=True)

    def delete_session(self) -> None:
        """Delete the selected session at once; Ctrl+Z puts it back."""
        self._remove(cancel=False)

    def cancel_occurrence(self) -> None:
        """Cancel the selected occurrence of a repeating session (the rest stays); Ctrl+Z restores it."""
        self._remove(cancel=True)

    def _remove(self, *, cancel: bool) -> None:
        from ...core.commands.agenda import RemoveSessions

        session_id = self.selected()
        item = self._item(session_id)
        if not session_id or item is None:
            return
        what = QCoreApplication.translate("AgendaActions", "“{title}” on {day}").format(
            title=bilingual.shown(item.title, item.title_zh),
            day=i18n.format_date(item.starts_at.astimezone(timezones.zone(self.page.timezone))))  # type: ignore[union-attr]
        done = (QCoreApplication.translate("AgendaActions", "Cancelled {what} — Ctrl+Z brings it back") if cancel
                else QCoreApplication.translate("AgendaActions", "Deleted {what} — Ctrl+Z brings it back"))
        self.host.history.apply(RemoveSessions((session_id,), cancel=cancel),
                                then=lambda _done: self.host.show_status(done.format(what=what)))

    # -- remembered layout
    def restore_layout(self) -> None:
        layout_memory.restore_columns(self.form.agendaView.horizontalHeader(), "agenda")

    def save_layout(self) -> None:
        layout_memory.save_columns(self.form.agendaView.horizontalHeader(), "agenda")
