"""The Check-in tab: pick a session, tick who is present.

At the door it works from the keyboard or a scanner (which types and presses Enter):
type part of a name in Find, Enter checks in the one person it matches and empties Find
for the next one; with several matches Enter or Down goes into the list, where Space
ticks (or unticks) and Enter checks in and comes back to Find. Typing in the list goes
on in Find.

Each tick is a core command (``CheckIn`` / ``UndoCheckIn``) run off the GUI thread: the
box is ticked at once, the check-in saved in the background, and it is one step on the
undo stack (undoing a tick keeps nobody checked in; undoing an untick checks the person
in again at the time they first arrived). A refused tick is told and the list read again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QWidget

from ...core import folding, timezones
from ...core.errors import LearningHubError
from ...core.pages.seminar import SeminarPage
from ...core.services.attendance import RosterLine
from .. import forms, i18n
from ..bilingual import shown
from ..core_text import error_message
from ..counts import words
from .host import SeminarHost

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


class CheckInTab(QWidget):
    def __init__(self, host: SeminarHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("check_in_tab").Ui_CheckInTab()
        self.form.setupUi(self)
        self.host = host
        self.seminar_id = 0
        self._loading = False
        f = self.form
        f.checkInSession.currentIndexChanged.connect(lambda _i: self._session_chosen())
        f.checkInFilter.textChanged.connect(self.apply_filter)
        f.checkInList.itemChanged.connect(self._ticked)
        f.checkInFilter.installEventFilter(self)  # Enter and Down: see the module's doc
        f.checkInList.installEventFilter(self)

    def show_page(self, page: SeminarPage) -> None:
        """The session chooser (sessions in the seminar's local time) and the roster the page holds
        for the session it was read for. A session of this seminar the user chose while the page was
        being read stays chosen (its roster is read again): the page was read for the one chosen before."""
        combo = self.form.checkInSession
        chosen = self.session_id() if page.id == self.seminar_id else 0
        self.seminar_id = page.id
        tz = timezones.zone(page.timezone)
        combo.blockSignals(True)
        combo.clear()
        for item in page.checkin_sessions:
            start = item.starts_at.astimezone(tz)
            combo.addItem(f"{i18n.format_date(start, 'day_time')} — {shown(item.title, item.title_zh)}", item.id)
        still_chosen = chosen and chosen != page.checkin_session_id and combo.findData(chosen) >= 0
        combo.setCurrentIndex(max(0, combo.findData(chosen if still_chosen else page.checkin_session_id)))
        combo.blockSignals(False)
        if still_chosen:
            self._session_chosen()
        else:
            self.host.runner.forget("roster")  # a roster still being read is older than this page's
            self.show_roster(page.roster)

    def session_id(self) -> int:
        """The session chosen (0: none yet): the page of the same seminar is read again for it."""
        return int(self.form.checkInSession.currentData() or 0)

    def _session_chosen(self) -> None:
        from ...core.pages.seminar import roster_query

        seminar_id, session_id = self.seminar_id, self.session_id()
        if not session_id:
            self.host.runner.forget("roster")
            self.show_roster(())
            return
        # Until its roster is read, the list shows another session's: nobody is ticked into the wrong one.
        self.form.checkInList.setEnabled(False)
        self.host.runner.load("roster", lambda db: db.read(roster_query(seminar_id, session_id))[0],
                              self._roster_read(session_id))

    def _roster_read(self, session_id: int):  # type: ignore[no-untyped-def]
        def show(roster: tuple[RosterLine, ...]) -> None:
            if session_id == self.session_id():
                self.show_roster(roster)
        return show

    def show_roster(self, roster: tuple[RosterLine, ...]) -> None:
        """The roster as read. The same people as on screen (a tick saved, the page read again): only the
        ticks and labels change, so the list keeps its scroll position and the item in hand."""
        lst = self.form.checkInList
        self._loading = True
        lst.setEnabled(True)
        same = [lst.item(r).data(PERSON_ROLE) for r in range(lst.count())] == [line.person_id for line in roster]
        if not same:
            lst.clear()
        for row, line in enumerate(roster):
            label = f"{line.name} — {line.organisation}" if line.organisation else line.name
            if line.status == "waitlisted":
                label += QCoreApplication.translate("CheckIn", "  (waiting list)")
            item = lst.item(row) if same else QListWidgetItem(label)
            item.setText(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if line.present else Qt.CheckState.Unchecked)
            item.setData(PERSON_ROLE, line.person_id)
            item.setData(SEARCH_ROLE, folding.text_search_key(line.name, line.organisation))
            item.setData(NAME_ROLE, line.name)
            if not same:
                lst.addItem(item)
        self._loading = False
        self.apply_filter(self.form.checkInFilter.text())

    def apply_filter(self, text: str) -> None:
        """Only the people matching what is typed, as the People directory finds them (core.folding:
        accents and case ignored in every script, Chinese names by their pinyin, one or two letters a
        name's word starts)."""
        needle = folding.needle(text)
        lst = self.form.checkInList
        for row in range(lst.count()):
            item = lst.item(row)
            item.setHidden(bool(needle.kind) and not folding.matches(needle, item.data(SEARCH_ROLE)))
        self._count()

    # -- the keyboard (and a scanner) at the door
    def _shown_items(self) -> list[QListWidgetItem]:
        lst = self.form.checkInList
        return [lst.item(r) for r in range(lst.count()) if not lst.item(r).isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.form.checkInFilter:
            if enter:
                self.check_in_typed()
                return True
            if key == Qt.Key.Key_Down:
                self._into_list()
                return True
        elif watched is self.form.checkInList:
            lst = self.form.checkInList
            shown = self._shown_items()
            if enter and lst.currentItem() is not None and not lst.currentItem().isHidden():
                self._check_in(lst.currentItem())
                self._back_to_find(clear=True)
                return True
            if key == Qt.Key.Key_Up and shown and lst.currentItem() is shown[0]:
                self._back_to_find(clear=False)
                return True
            if self._types_text(event):  # type: ignore[arg-type]
                self._back_to_find(clear=False)
                self.form.checkInFilter.insert(event.text())  # type: ignore[attr-defined]
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _types_text(event: QKeyEvent) -> bool:
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        return plain and bool(text) and text.isprintable() and not text.isspace()

    def check_in_typed(self) -> None:
        """Enter in Find: the one person matching checked in (Find emptied for the next); several: into the list."""
        f = self.form
        if not f.checkInList.isEnabled():
            return  # the session's list is being read
        typed = f.checkInFilter.text().strip()
        shown = self._shown_items()
        if not typed:
            return
        if len(shown) > 1:
            self._into_list()
            return
        if not shown:
            self.host.show_status(QCoreApplication.translate("CheckIn", "No one on this list matches “{typed}”").format(
                typed=typed))
            f.checkInFilter.selectAll()  # the next scan replaces it
            return
        self._check_in(shown[0])
        f.checkInFilter.clear()

    def _check_in(self, item: QListWidgetItem) -> None:
        name = item.data(NAME_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self.host.show_status(QCoreApplication.translate("CheckIn", "{name} is already checked in").format(name=name))
            return
        item.setCheckState(Qt.CheckState.Checked)  # saved as any tick is; the status line says so once it is

    def _into_list(self) -> None:
        shown = self._shown_items()
        if not shown:
            return
        lst = self.form.checkInList
        lst.setFocus(Qt.FocusReason.TabFocusReason)
        lst.setCurrentItem(shown[0])

    def _back_to_find(self, *, clear: bool) -> None:
        find = self.form.checkInFilter
        if clear:
            find.clear()
        find.setFocus(Qt.FocusReason.OtherFocusReason)

    def _count(self) -> None:
        lst = self.form.checkInList
        present = sum(lst.item(r).checkState() == Qt.CheckState.Checked for r in range(lst.count()))
        self.form.checkInCount.setText(words().present_of(present, lst.count()))

    def _ticked(self, item: QListWidgetItem) -> None:
        """Saved at once, off the GUI thread; the tick stays while it is saved, and goes if refused."""
        from ...core.commands.attendance import CheckIn, RemoveCheckIn

        if self._loading:
            return
        person_id, session_id = int(item.data(PERSON_ROLE)), self.session_id()
        ticked = item.checkState() == Qt.CheckState.Checked
        command = CheckIn(session_id, person_id) if ticked else RemoveCheckIn(session_id, person_id)
        self.host.history.apply(command, refused=self._refused)
        self._count()

    def _refused(self, exc: LearningHubError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("CheckIn", "Not checked in"),
                          error_message(exc), parent=self.host.dialog_parent())
        box.setObjectName("checkInRefusedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._session_chosen()  # the list as stored

    def restore_layout(self) -> None:
        """Nothing to remember on this tab."""

    def save_layout(self) -> None:
        """Nothing to remember on this tab."""
