"""The Agenda tab's timetable: the week as a grid beside the table, changed by dragging.

Every gesture becomes one of the session commands the session dialog uses (``EditSession``,
``EditSeries``, ``AddSessions``) and goes through ``history.apply``: the same rules, the same
refusals, one undo step each. What the core refuses is said next to the block, which goes back.
Moving one occurrence of a series asks first: this one or every one (a whole series keeps its
days; only its time of day moves, as the dialog's "every occurrence" edit does).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import timetable as tt
from ...core import timezones
from ...core.commands import Command
from ...core.errors import LearningHubError
from ...core.pages.seminar import AgendaItem, SeminarPage
from .. import bilingual, i18n
from ..core_text import error_message, localized
from .host import SeminarHost
from .timetable_view import TimetableView, city

SECOND_ZONE_KEY = "timetable/second-zone"
BY_ROOM_KEY = "timetable/by-room"
NO_ZONE = ""
#: Kept when a session is copied: everything but its times (and its series: a copy stands alone).
COPIED_FIELDS = ("title", "title_zh", "kind", "room", "language", "description", "description_zh", "speaker_ids",
                 "moderator_id")


def default_second_zone(zone: str) -> str:
    """The other office's zone: Barcelona's beside Chengdu, Chengdu's beside anywhere else."""
    return "Europe/Madrid" if zone == "Asia/Shanghai" else "Asia/Shanghai"


class TimetablePanel(QWidget):
    """The second zone's choice (remembered), rooms side by side, Save PDF…, and the view."""

    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timetablePanel")
        self.host = host
        self.page: SeminarPage | None = None
        self.dialog: Any = None  # the session dialog opened last from here
        self.series_box: QMessageBox | None = None  # "this one or all?" while it is asked
        self.copied = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.zone_label = QLabel(self.tr("Second time zone:"))
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("secondZoneCombo")
        self.zone_combo.addItem(self.tr("(none)"), NO_ZONE)
        for name in timezones.names():
            self.zone_combo.addItem(name, name)
        self.zone_label.setBuddy(self.zone_combo)
        self.rooms_check = QCheckBox(self.tr("Rooms side by side"))
        self.rooms_check.setObjectName("roomsCheck")
        self.rooms_check.setChecked(QSettings().value(BY_ROOM_KEY, False, type=bool))  # type: ignore[call-overload]
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("timetablePdfButton")
        bar.addWidget(self.zone_label)
        bar.addWidget(self.zone_combo)
        bar.addWidget(self.rooms_check)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        self.view = TimetableView(self)
        layout.addWidget(self.view, 1)
        self.hint = QLabel(self.tr("Drag a session to move it, its lower edge to change its length, an empty slot to "
                                   "add one. Arrows choose, Alt+arrows move (5 minutes, a day), Enter edits, "
                                   "Ctrl+C / Ctrl+V copy to the slot clicked."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.zone_combo.currentIndexChanged.connect(self._zone_chosen)
        self.rooms_check.toggled.connect(self._rooms_toggled)
        self.pdf_button.clicked.connect(self.save_pdf)
        v = self.view
        v.moved.connect(self.move_session)
        v.resized.connect(self.resize_session)
        v.drawn.connect(self.new_session)
        v.opened.connect(self.edit_session)
        v.copy_asked.connect(self.copy)
        v.paste_asked.connect(self.paste)

    # -- what is shown
    def show_page(self, page: SeminarPage) -> None:
        self.page = page
        wanted = str(QSettings().value(SECOND_ZONE_KEY, default_second_zone(page.timezone)))
        index = self.zone_combo.findData(wanted)
        self.zone_combo.blockSignals(True)
        self.zone_combo.setCurrentIndex(max(0, index))
        self.zone_combo.blockSignals(False)
        self._paint()

    def second_zone(self) -> str | None:
        return self.zone_combo.currentData() or None

    def _paint(self) -> None:
        page = self.page
        if page is None:
            return
        clashes = {sid: [localized(c.message) for c in found]  # type: ignore[attr-defined]
                   for sid, found in tt.conflicted(page.conflicts, page.id).items()}
        self.view.show_agenda(page.agenda, page.timezone, page.values["start"], page.values["end"], clashes=clashes,
                              second_zone=self.second_zone(), by_room=self.rooms_check.isChecked())

    def _zone_chosen(self, _index: int) -> None:
        QSettings().setValue(SECOND_ZONE_KEY, self.zone_combo.currentData())
        self._paint()

    def _rooms_toggled(self, on: bool) -> None:
        QSettings().setValue(BY_ROOM_KEY, on)
        self._paint()

    def _item(self, session_id: int) -> AgendaItem | None:
        return self.view.items.get(session_id)

    # -- gestures → commands
    def _apply(self, command: Command, session_id: int) -> None:
        """Run one gesture's command, undoable; a refusal is said next to the block, which goes back."""
        self.host.history.apply(command, refused=lambda exc: self.view.refuse(session_id, error_message(exc)))

    def _planned(self, session_id: int, plan: Callable[[], tt.Move]) -> tt.Move | None:
        try:
            return plan()
        except LearningHubError as exc:
            self.view.refuse(session_id, error_message(exc))
            return None

    def move_session(self, session_id: int, days: int, minutes: float, room: object = None) -> None:
        """A block dropped ``days`` and ``minutes`` away (into ``room``'s column when rooms are side by side)."""
        item, page = self._item(session_id), self.page
        if item is None or page is None:
            return
        move = self._planned(session_id, lambda: tt.plan_move(item, page.timezone, minutes=minutes, days=days))
        if move is None:
            return
        extra = {"room": room} if isinstance(room, str) else {}
        self._one_or_all(item, move, extra, whole_keeps_days=days == 0)

    def resize_session(self, session_id: int, minutes: float) -> None:
        """A block's lower edge dragged ``minutes`` down (up when negative)."""
        item, page = self._item(session_id), self.page
        if item is None or page is None:
            return
        move = self._planned(session_id, lambda: tt.plan_resize(item, page.timezone, minutes=minutes))
        if move is not None:
            self._one_or_all(item, move, {}, whole_keeps_days=True, ends_only=True)

    def _one_or_all(self, item: AgendaItem, move: tt.Move, extra: dict[str, Any], *, whole_keeps_days: bool,
                    ends_only: bool = False) -> None:
        from ...core.commands.agenda import EditSeries, EditSession

        times: dict[str, Any] = {"end": move.end} if ends_only else {"start": move.start, "end": move.end}
        one = EditSession(item.id, {**times, **extra}, fold=move.fold)
        if item.series_id is None:
            self._apply(one, item.id)
            return
        series_id = item.series_id

        def answered(whole: bool | None) -> None:
            if whole is None:
                self.view.put_back(item.id)
                self._paint()
            elif not whole:
                self._apply(one, item.id)
            elif not whole_keeps_days:
                self.view.refuse(item.id, self.tr("A whole series keeps its days: only its time of day moves. "
                                                  "Move this one alone to change its day."))
            else:
                hours = {"end_time": move.end.time()} if ends_only else {"start_time": move.start.time(),
                                                                         "end_time": move.end.time()}
                self._apply(EditSeries(series_id, {**hours, **extra}, fold=move.fold), item.id)

        self._ask_series(item, answered)

    def _ask_series(self, item: AgendaItem, answered: Callable[[bool | None], None]) -> None:
        """This occurrence only, or every one of the series? (window-modal, never blocking)"""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Repeating session"),
                          self.tr("“{title}” is one of a repeating series. Change only this one, or every "
                                  "one?").format(title=bilingual.shown(item.title, item.title_zh)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("seriesQuestion")
        this = box.addButton(self.tr("Only this one"), QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton(self.tr("Every one"), QMessageBox.ButtonRole.YesRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(this)
        self.series_box = box

        def finished(_result: int) -> None:
            clicked = box.clickedButton()
            self.series_box = None
            answered(False if clicked is this else True if clicked is every else None)

        box.finished.connect(finished)
        box.open()

    def new_session(self, day: object, top: float, bottom: float, room: object = None) -> None:
        """A slot dragged out: the session dialog, its times (and room) filled in."""
        page = self.page
        if page is None or not isinstance(day, dt.date):
            return
        try:
            move = tt.plan_new(day, top, bottom, page.timezone)
        except LearningHubError as exc:
            self.view.say(error_message(exc), self.view.mapToScene(self.view.point_at(day, top)[0] - 200,
                                                                  self.view.point_at(day, top)[1]))
            return

        def fill(dialog: Any) -> None:
            dialog.form.startEdit.setDateTime(move.start)
            dialog.form.endEdit.setDateTime(move.end)
            if isinstance(room, str):
                dialog.form.roomEdit.setText(room)
            if move.fold:
                dialog.form.foldCombo.setCurrentIndex(max(0, dialog.form.foldCombo.findData(move.fold)))
            self.dialog = dialog

        self._open_dialog(0, fill)

    def edit_session(self, session_id: int) -> None:
        self._open_dialog(session_id, lambda dialog: setattr(self, "dialog", dialog))

    def _open_dialog(self, session_id: int, opened: Callable[[Any], None]) -> None:
        from .session_dialog import open_session_dialog

        if self.page is not None:
            open_session_dialog(self.host, self.page.id, session_id, last_day=self.page.values["end"], opened=opened)

    # -- copy and paste
    def copy(self) -> None:
        item = self._item(self.view.selected_id)
        if item is not None:
            self.copied = item.id
            self.host.show_status(self.tr("Copied “{title}”: click a free slot and press Ctrl+V").format(
                title=bilingual.shown(item.title, item.title_zh)))

    def paste(self) -> None:
        """A copy of the copied session at the slot clicked last (else right after the original)."""
        from ...core.commands.agenda import AddSessions
        from ...core.pages.session_form import session_form

        item, page = self._item(self.copied), self.page
        if item is None or page is None:
            return
        tz = timezones.zone(page.timezone)
        start, end = tt.local_span(item, tz)
        length = (end - start).total_seconds() / 60
        if self.view.slot is not None:
            day, top, room = self.view.slot
        else:
            day, top, room = end.date(), end.hour * 60 + end.minute, None
        try:
            move = tt.plan_new(day, top, top + length, page.timezone)
        except LearningHubError as exc:
            self.view.refuse(item.id, error_message(exc))
            return

        def add(form: Any) -> None:
            values = {k: form.values[k] for k in COPIED_FIELDS if k in form.values}
            values.update(start=move.start, end=move.end)
            if room is not None:
                values["room"] = room
            self._apply(AddSessions(page.id, values, fold=move.fold), item.id)

        self.host.runner.load("timetable-paste", lambda db: db.read(session_form(page.id, item.id))[0], add)

    # -- printing
    def save_pdf(self, path: str | None = None) -> None:
        """The timetable as a PDF, a page a day (made off the GUI thread); ``path`` skips the file dialog."""
        page = self.page
        if page is None:
            return
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save timetable as PDF"),
                                                        f"timetable-{page.id}.pdf", self.tr("PDF files (*.pdf)"))
        if not path:
            return
        lang = "zh" if i18n.language().startswith("zh") else "en"
        second, seminar_id, target, by_room = self.second_zone(), page.id, path, self.rooms_check.isChecked()

        def make(db: Any) -> int:
            from ...documents import timetable_pdf

            rendered = timetable_pdf.build(db, seminar_id, second_zone=second, lang=lang,
                                           by_room=by_room)
            rendered.save(target)
            return rendered.pages

        self.host.runner.load("timetable-pdf", make, lambda pages: self.host.show_status(
            self.tr("Timetable saved to {file} ({pages} pages)").format(file=target, pages=pages)))


__all__ = ["TimetablePanel", "city", "default_second_zone"]
