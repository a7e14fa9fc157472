"""The Agenda tab: a seminar's sessions by day, conflicts tinted with their reason; new, edit,
duplicate, delete and cancel one occurrence — each a core command, undoable.

The table reads like a printed programme: each day's name once, on its first session, and a
line between days (a row per session still: the arrow keys go session by session); the title takes the width (room and speakers are short columns that wrap);
a session of a repeating series carries the repeat sign. Sorted by another column (room,
speaker…) the rows are a plain list again. Edit, Duplicate and Delete wait for a chosen
session, Cancel occurrence for one of a series.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from ...core import timezones
from ...core.pages.seminar import AgendaItem, SeminarPage
from .. import bilingual, columns, forms, i18n, labels, layout_memory
from ..core_text import localized
from ..counts import words
from ..table_model import RowsModel, show_rows
from .choice import repaint_keeping_choice
from .host import SeminarHost

DAY, TIME, TITLE, KIND, ROOM, SPEAKERS = range(6)
# Column widths the user may drag (the title takes what is left); remembered under LAYOUT_KEY. The key
# changed with the layout, so widths saved for the old one (a narrow title) are not brought back.
LONG_COLUMNS = {ROOM: 150, SPEAKERS: 220}
LAYOUT_KEY = "agenda-by-day"

Index = QModelIndex | QPersistentModelIndex


def agenda_row(item: AgendaItem, zone: str) -> tuple[str, ...]:
    """One session as the table shows it, in the seminar's zone: day, time (and "+1 day"), title, kind, room, speakers."""
    tz = timezones.zone(zone)
    start, end = item.starts_at.astimezone(tz), item.ends_at.astimezone(tz)
    wrap = (end.date() - start.date()).days
    return (i18n.format_date(start), f"{start:%H:%M}–{end:%H:%M}" + (words().days_later(wrap) if wrap else ""),
            bilingual.shown(item.title, item.title_zh), labels.session_kind(item.kind), item.room or "",
            ", ".join(item.speakers))


class AgendaModel(RowsModel):
    """The agenda's rows, knowing where each day starts (while they are in time order) and which sessions
    belong to a repeating series."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(columns.AGENDA_HEADERS, parent, natural=(DAY, TIME))
        self._series: dict[int, bool] = {}
        self._repeat_icon = None

    def set_agenda(self, rows: Sequence[tuple[str, ...]], tooltips: Sequence[str | None], keys: Sequence[int],
                   series: Sequence[bool]) -> None:
        self._series = dict(zip(keys, series, strict=True))
        self.set_rows(rows, tooltips=tooltips, keys=keys)

    def in_time_order(self) -> bool:
        """Rows in the order of the day and time (either way): each day's sessions are together."""
        return self._sort is None or self._sort[0] in (DAY, TIME)

    def starts_day(self, row: int) -> bool:
        return 0 < row < self.rowCount() and self.in_time_order() and self.row(row)[DAY] != self.row(row - 1)[DAY]

    def in_series(self, row: int) -> bool:
        return self._series.get(self.key(row), False)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == TITLE and self.in_series(index.row()):
            if role == Qt.ItemDataRole.DecorationRole:
                if self._repeat_icon is None:
                    from PySide6.QtWidgets import QApplication

                    self._repeat_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
                return self._repeat_icon
            if role == Qt.ItemDataRole.ToolTipRole:
                note = QCoreApplication.translate("AgendaTab", "One of a repeating series (Cancel occurrence takes "
                                                  "out this one; Edit can change them all)")
                conflict = super().data(index, role)
                return f"{conflict}\n{note}" if conflict else note
        if index.isValid() and index.column() == DAY:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if role == Qt.ItemDataRole.DisplayRole and self.in_time_order() and index.row() > 0 \
                    and self.row(index.row())[DAY] == self.row(index.row() - 1)[DAY]:
                return ""  # the day is named once, on its first session
        return super().data(index, role)


class DayBreaks(QStyledItemDelegate):
    """A line above the first session of each day (but the first)."""

    def __init__(self, model: AgendaModel, parent: QTableView) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if self.model.starts_day(index.row()):
            painter.save()
            painter.setPen(QPen(option.palette.color(option.palette.ColorRole.Text), 2))  # type: ignore[attr-defined]
            top = option.rect.top()  # type: ignore[attr-defined]
            painter.drawLine(option.rect.left(), top, option.rect.right(), top)  # type: ignore[attr-defined]
            painter.restore()


class AgendaTab(QWidget):
    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("agenda_tab").Ui_AgendaTab()
        self.form.setupUi(self)
        self.host = host
        # Day, time and name sort in the order the core gives, not as text.
        self.model = AgendaModel(self)
        f = self.form
        show_rows(f.agendaView, self.model, stretch=TITLE, fixed=LONG_COLUMNS)
        f.agendaView.setItemDelegate(DayBreaks(self.model, f.agendaView))
        # Wrapped titles: rows follow the column widths as the window is resized.
        f.agendaView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        f.addSessionButton.clicked.connect(self.new_session)
        f.editSessionButton.clicked.connect(self.edit_session)
        f.duplicateSessionButton.clicked.connect(self.duplicate_session)
        f.deleteSessionButton.clicked.connect(self.delete_session)
        f.cancelOccurrenceButton.clicked.connect(self.cancel_occurrence)
        choice = f.agendaView.selectionModel()
        choice.selectionChanged.connect(lambda *_a: self._enable_actions())
        choice.currentChanged.connect(lambda *_a: self._enable_actions())
        self._add_timetable()
        self.page: SeminarPage | None = None
        # The session dialog opened last (it opens once its values are read).
        self.dialog: Any = None
        self._enable_actions()

    def _add_timetable(self) -> None:
        """The timetable beside the table: a List / Timetable switch where the table was (the last one chosen
        comes back)."""
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QTabWidget

        from .timetable import TimetablePanel

        layout = self.layout()
        at = layout.indexOf(self.form.agendaView)
        self.views = QTabWidget(self)
        self.views.setObjectName("agendaViews")
        self.timetable = TimetablePanel(self.host, self.views)
        self.views.addTab(self.form.agendaView, self.tr("List"))
        self.views.addTab(self.timetable, self.tr("Timetable"))
        layout.insertWidget(at, self.views, 1)  # type: ignore[attr-defined]
        self.views.setCurrentIndex(int(QSettings().value("agenda/view", 0)))  # type: ignore[arg-type]
        self.views.currentChanged.connect(lambda index: QSettings().setValue("agenda/view", index))
        self.timetable.view.chosen.connect(self._choose_row)  # Edit, Delete… act on the block chosen too

    def _choose_row(self, session_id: int) -> None:
        row = next((r for r in range(self.model.rowCount()) if self.model.key(r) == session_id), -1)
        if row >= 0:
            self.form.agendaView.selectRow(row)
        else:
            self.form.agendaView.clearSelection()

    def show_page(self, page: SeminarPage) -> None:
        self.page = page
        self.timetable.show_page(page)
        notes: dict[int, list[str]] = {}
        for conflict in page.conflicts:
            for item in conflict.items:
                if item.type == "session" and item.seminar_id == page.id:
                    notes.setdefault(item.id, []).append(localized(conflict.message))
        repaint_keeping_choice(self.form.agendaView, self.model, lambda: self.model.set_agenda(
            [agenda_row(item, page.timezone) for item in page.agenda],
            tooltips=["\n".join(notes[i.id]) if i.id in notes else None for i in page.agenda],
            keys=[item.id for item in page.agenda], series=[item.series_id is not None for item in page.agenda]))
        messages = [localized(c.message) for c in page.conflicts]
        self.form.conflictsLabel.setText(
            (self.tr("⚠ %n conflict(s) (warnings; nothing is blocked):", None, len(messages)) + "\n• "
             + "\n• ".join(messages)) if messages else "")
        self._enable_actions()

    def selected(self) -> int:
        """The chosen session: the selected row, else the row with the keyboard focus."""
        view = self.form.agendaView
        rows = view.selectionModel().selectedRows()
        row = rows[0].row() if rows else (view.currentIndex().row() if view.currentIndex().isValid() else -1)
        return self.model.key(row) if 0 <= row < self.model.rowCount() else 0

    def _enable_actions(self) -> None:
        """Edit, Duplicate and Delete need a session chosen; Cancel occurrence one of a series."""
        f = self.form
        item = self._item(self.selected())
        for button in (f.editSessionButton, f.duplicateSessionButton, f.deleteSessionButton):
            button.setEnabled(item is not None)
        f.cancelOccurrenceButton.setEnabled(item is not None and item.series_id is not None)

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
        layout_memory.restore_columns(self.form.agendaView.horizontalHeader(), LAYOUT_KEY)

    def save_layout(self) -> None:
        layout_memory.save_columns(self.form.agendaView.horizontalHeader(), LAYOUT_KEY)
