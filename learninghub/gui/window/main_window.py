"""The main window: the programme tree on the left, the chosen seminar's tabs (or a curriculum's page) on the right.

Start-up is in two steps so the window appears as fast as a bare Qt window allows: the
shell (form, tree from an outline read without SQLAlchemy) first, then :meth:`attach`
connects the database and the tabs. This module imports nothing of SQLAlchemy at load time.

Nothing here waits on the database: a page is read by the core in one round trip on a
worker (``runner.load``) and painted when it arrives — a newer choice in the tree drops
an older load — and every change runs as a core command through ``history.apply``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QMainWindow, QMessageBox, QProgressBar, QScrollArea, QWidget

from ...core.quickread import CurriculumOutline
from .. import forms, layout_memory
from ..database.server_url import database_label
from ..runner import Runner
from ..undo_steps import History
from .programme_tree import ProgrammeTreeModel

if TYPE_CHECKING:
    from ...core.commands import Done
    from ...core.pages.programme import CurriculumPage
    from ...core.pages.seminar import SeminarPage
    from ...core.store import Database
    from ..people.people_directory import PeopleDirectory


# Every ``runner.load`` slot of the window and what it opens: a read under way when the database changes hands
# is dropped (a page, a dialog's values or a search of the database left behind must not be shown).
class FittingScrollArea(QScrollArea):
    """Scrolls only when the tab does not fit at its *smallest*. Qt sizes a widget whose layout wraps text
    (the seminar's title) to its preferred height for the width, so a roomy window scrolled the Overview
    and hid its Save button below the fold."""

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        widget = self.widget()
        layout = widget.layout() if widget is not None else None
        if layout is not None and layout.hasHeightForWidth():  # other tabs are sized well by Qt already
            smallest = layout.totalMinimumHeightForWidth(self.viewport().width())
            widget.setFixedHeight(max(smallest, self.viewport().height()))
        super().resizeEvent(event)


class MainWindow(QMainWindow):
    # A seminar's page is painted (its id): tests and the latency benchmark wait for it.
    seminar_shown = Signal(int)
    # A curriculum's page is painted (its id).
    curriculum_shown = Signal(int)

    def __init__(self, db: Database | None = None, *, outline: list[CurriculumOutline] | None = None,
                 label: str = "") -> None:
        """A window on ``db``; or, for a fast start, a shell showing ``outline`` until :meth:`attach`."""
        super().__init__()
        self.db: Database | None = None
        self.form = forms.load("main_window").Ui_MainWindow()
        self.form.setupUi(self)
        self.setWindowTitle(self._title(label))
        self.runner = Runner(lambda: self.db, self)
        self.runner.refused = self._tell_refusal
        self.runner.changed.connect(self._after_change)
        self.runner.change_failed.connect(lambda: self.runner.changing() or self._load_page())
        self.history = History(self.runner, self)
        self.undo_stack = self.history.stack
        self._busy = QProgressBar(self)
        self._busy.setObjectName("busyIndicator")
        self._busy.setRange(0, 0)  # "working", no figure
        self._busy.setMaximumWidth(120)
        self._busy.setAccessibleName(self.tr("Working…"))
        self._busy.hide()
        self.statusBar().addPermanentWidget(self._busy)
        self.runner.show_busy = self._busy.setVisible
        self.tree_model = ProgrammeTreeModel(self)
        self.form.programmeTree.setModel(self.tree_model)
        # Some platforms have no standard Quit key (Windows, the offscreen platform): Ctrl+Q there.
        self.form.actionQuit.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        self.form.actionQuit.triggered.connect(self.close)
        self.form.actionPeople.triggered.connect(self.show_people)
        self._add_edit_menu()
        self.form.actionNewDatabase.setShortcut(QKeySequence.StandardKey.New)
        self.form.actionOpenDatabase.setShortcut(QKeySequence.StandardKey.Open)
        self.people_window: PeopleDirectory | None = None
        # File → Save changes (Ctrl+S): the page on screen, enabled while it has unsaved edits.
        self.save_action = QAction(self.tr("&Save changes"), self)
        self.save_action.setObjectName("actionSaveChanges")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self.save_page)
        # A choice in the tree: its current row, once selected (a click, the arrow keys). Given the focus, the
        # tree puts its cursor on the first row without selecting it: not a choice (it would hide the place
        # the window reopens at); a click on that row then selects it without moving the cursor.
        choices = self.form.programmeTree.selectionModel()
        choices.currentChanged.connect(self._on_tree_current)
        choices.selectionChanged.connect(self._on_tree_current)
        self.tabs: tuple[Any, ...] = ()  # made by attach(): the shell shows the tree alone, as fast as it can
        self.current_seminar = 0
        self.current_curriculum = 0  # a curriculum chosen in the tree (its page shown), else 0
        self._selecting = False  # the window itself moves the tree's current item: not the user leaving a page
        self._outline_stale = True  # the tree is read again with the next page
        self._add_help_menu()
        self._restore_layout()
        if outline is not None:
            self._show_outline(outline)
        if db is not None:
            self.attach(db)

    def _make_tabs(self) -> None:
        """One controller per tab, each with its own form, each told only what it needs (SeminarHost);
        their layout as the user left it."""
        from ..documents.documents_tab import DocumentsTab
        from ..seminar.agenda import AgendaTab
        from ..seminar.check_in import CheckInTab
        from ..seminar.overview import OverviewTab
        from ..seminar.participants import ParticipantsTab

        f = self.form
        self.overview = OverviewTab(self, f.overviewTab)
        self.agenda = AgendaTab(self, f.agendaTab)
        self.participants = ParticipantsTab(self, f.participantsTab)
        self.check_in = CheckInTab(self, f.checkInTab)
        self.documents = DocumentsTab(self, f.documentsTab)
        for holder, tab in ((f.overviewTab, self.overview), (f.agendaTab, self.agenda),
                            (f.participantsTab, self.participants), (f.checkInTab, self.check_in),
                            (f.documentsTab, self.documents)):
            # Each tab scrolls rather than growing the window: the Overview's fields and the Documents tab's
            # controls beside its preview would make it wider and taller than a small screen (937×761).
            scroll = FittingScrollArea(holder)
            scroll.setObjectName(f"{holder.objectName()}Scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(tab)
            holder.layout().addWidget(scroll)
        self.tabs = (self.overview, self.agenda, self.participants, self.check_in, self.documents)
        for tab in self.tabs:
            tab.restore_layout()
        f.seminarTabs.currentChanged.connect(lambda _index: self.documents.tab_shown(
            f.seminarTabs.currentWidget() is f.documentsTab))

    def attach(self, db: Database) -> None:
        """Connect the window to an open database: the menus that change data, then the tree and the page."""
        from ..curriculum.curriculum_page import CurriculumPageView
        from ..database.database_menu import DatabaseSwitcher
        from ..database.export_menu import ExportActions
        from ..database.import_wizard import open_for as open_import_wizard
        from ..evaluations.evaluation_window import install as install_evaluations
        from ..mail.mail_window import install as install_mail
        from ..reports.reports_view import install as install_reports
        from . import seminar_menu

        self.db = db
        self._make_tabs()
        self.databases = DatabaseSwitcher(self, self.form.menuRecent, self.use_database)
        self.form.actionNewDatabase.triggered.connect(self.databases.ask_new)
        self.form.actionNewSeminar.triggered.connect(self.new_seminar)
        menu, actions = self.form.menuFile, self.form.menuFile.actions()
        self.import_action = menu.addAction(self.tr("&Import people…"), lambda: open_import_wizard(self))
        menu.insertAction(actions[actions.index(self.form.actionNewSeminar) + 1], self.import_action)
        menu.insertAction(actions[actions.index(self.form.actionNewSeminar) + 1], self.save_action)
        self.form.actionOpenDatabase.triggered.connect(self.databases.ask_open)
        self.curriculum_page = CurriculumPageView(self, self)
        self.form.detailStack.addWidget(self.curriculum_page)
        # The title says "*" while the page on screen has unsaved edits; Save and Reset work only then.
        self.overview.watch_edits(lambda edited: self._mark_edited(self.overview, edited))
        self.curriculum_page.watch_edits(lambda edited: self._mark_edited(self.curriculum_page, edited))
        seminar_menu.install(self)
        install_reports(self)  # View → Outcome report…, Seminar → Outcome report of this seminar…
        install_mail(self)  # Seminar → Send e-mail… (issue 18)
        install_evaluations(self)  # Seminar → Evaluation… (issue 17)
        self.exports = ExportActions(self, lambda: self.db)  # File → Export ▸, Seminar → Export ▸
        self.setWindowTitle(self._title(database_label(db.target)))
        self.welcome.set_ready(True, database_label(db.target))
        if self.current_seminar or self.current_curriculum:
            self.refresh()
        else:
            self._return_to_saved_place()

    # -- SeminarHost (what the tabs see of the window)
    def seminar_title(self) -> str:
        return self.overview.form.seminarTitle.text()

    def curriculum_title(self, curriculum_id: int) -> str:
        from ..bilingual import shown

        return next((shown(c.title, c.title_zh) for c in self.tree_model.outline if c.id == curriculum_id), "")

    def show_status(self, text: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def dialog_parent(self) -> QWidget:
        return self

    # -- where the window opens
    def _place_key(self) -> str:
        """The database, as the saved place names it: its file, or its server and name (never a password)."""
        assert self.db is not None
        return self.db.target.label

    def _return_to_saved_place(self) -> None:
        """Open where the user left this database: the seminar (and its tab) or curriculum, if it still exists
        (the tree is read first; the place is looked up in it)."""
        place = layout_memory.saved_place(self._place_key())

        def shown(outline: list[CurriculumOutline]) -> None:
            self._show_outline(outline)
            if place is None or self.current_seminar or self.current_curriculum:
                return  # nowhere saved, or the user chose something meanwhile: that stays
            seminar_id, curriculum_id, tab = place
            found = (self.tree_model.index_of_seminar(seminar_id) if seminar_id
                     else self.tree_model.index_of_curriculum(curriculum_id) if curriculum_id else None)
            if found is None:
                return
            if seminar_id and 0 <= tab < self.form.seminarTabs.count():
                self.form.seminarTabs.setCurrentIndex(tab)
            self.go_to(seminar_id, curriculum_id)

        from ...core.pages.programme import outline_query

        self.runner.load("outline", lambda db: db.read(outline_query())[0], shown)

    def _add_edit_menu(self) -> None:
        """Edit → Undo / Redo, through the history (Ctrl+Z, Ctrl+Shift+Z), and Preferences."""
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.menuBar().insertMenu(self.form.menuView.menuAction(), menu)
        self.undo_action, self.redo_action = self.history.actions(self)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        self.preferences_action = menu.addAction(self.tr("&Preferences…"), self.show_preferences)
        self.preferences_action.setObjectName("actionPreferences")
        self.preferences_action.setMenuRole(self.preferences_action.MenuRole.PreferencesRole)

    def _add_help_menu(self) -> None:
        """Help → About (the version, the data folder, the error log), and the first-start panel it goes with."""
        from .welcome import DemoLoader, WelcomePanel, show_about

        self.welcome = WelcomePanel(self)
        # In a scroll area: the first steps never make the window wider or taller than the user left it.
        self.welcome_page = QScrollArea(self)
        self.welcome_page.setObjectName("welcomeScroll")
        self.welcome_page.setWidgetResizable(True)
        self.welcome_page.setFrameShape(QFrame.Shape.NoFrame)
        self.welcome_page.setWidget(self.welcome)
        self.form.detailStack.addWidget(self.welcome_page)
        self.demo_loader = DemoLoader(self)
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.setObjectName("menuHelp")
        self.about_action = menu.addAction(self.tr("&About Learning Hub Planner"), lambda: show_about(self))
        self.about_action.setObjectName("actionAbout")
        self.about_action.setMenuRole(self.about_action.MenuRole.AboutRole)

    def load_demo(self) -> None:
        """The first-start panel's "Load the demo programme": into this (empty) database, off the GUI thread."""
        self.demo_loader.start()

    def _show_nothing_chosen(self) -> None:
        """No seminar or curriculum chosen: the first steps on a database without a curriculum, else the hint."""
        empty = self.tree_model.rowCount() == 0
        self.form.detailStack.setCurrentWidget(self.welcome_page if empty else self.form.emptyHint)

    # -- unsaved edits
    def _mark_edited(self, page: Any, edited: bool) -> None:
        if page is self.page_on_screen():
            self._show_edited(edited)

    def _show_edited(self, edited: bool) -> None:
        """The title's "*" and File → Save changes follow the page on screen."""
        self.setWindowModified(edited)
        self.save_action.setEnabled(edited)

    def save_page(self) -> bool:
        """File → Save changes (Ctrl+S): save the page on screen, as its Save button does (the status
        line says so once the core has saved it; a refusal shows next to its field)."""
        page = self.page_on_screen()
        if page is None or not page.unsaved():
            return False
        name = page.page_name()
        page.save(lambda: self.show_status(self.tr("Saved the changes to “{name}”").format(name=name), 5000))
        return True

    def page_on_screen(self) -> Any:
        """The page of fields being edited (the Overview tab or the curriculum page), or None."""
        if self.db is None:
            return None
        if self.current_curriculum:
            return self.curriculum_page
        return self.overview if self.current_seminar else None

    def ask_to_leave(self, then: Any, otherwise: Any = None) -> QMessageBox | None:
        """Run ``then`` once the page on screen has no unsaved edits: at once, or after the user's Save or
        Discard (Cancel runs ``otherwise``). Returns the question box, if one was asked."""
        page = self.page_on_screen()
        if page is None:
            then()
            return None
        return page.ask_to_leave(self, then, otherwise)

    def _title(self, label: str) -> str:
        """The database, and "*" while the page has unsaved edits: ``demo.sqlite*``. Qt adds " — Learning Hub
        Planner" itself (the application's display name) to a title that does not end with it; a title
        that named the app too read "Learning Hub Planner — …/demo.sqlite — Learning Hub Planner"."""
        return f"{label}[*]" if label else self.tr("Learning Hub Planner") + "[*]"

    def show_preferences(self) -> Any:
        """Edit → Preferences…: the interface language (window-modal, never blocking)."""
        from . import language_switch
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self, lambda language: language_switch.offer(self, language))
        dialog.open()
        return dialog

    # -- reading and showing
    def refresh(self) -> None:
        """Show what the database holds now: the tree and the page on screen, read together."""
        self._outline_stale = True
        self._load_page()

    def _load_page(self) -> None:
        """Read the page on screen (and the tree, when it may have changed) in one round trip, off the GUI
        thread; a newer page asked for meanwhile drops this one."""
        from ...core.pages.programme import curriculum_page, outline_query
        from ...core.pages.seminar import seminar_page

        seminar_id, curriculum_id = self.current_seminar, self.current_curriculum
        queries: list[Any] = [outline_query()] if self._outline_stale else []
        if seminar_id:
            queries.append(seminar_page(seminar_id, self.check_in.session_id()))
        elif curriculum_id:
            queries.append(curriculum_page(curriculum_id))
        if not queries:
            return
        # Whether the tree is in this read is decided now: it may be read meanwhile by another load.
        with_outline = self._outline_stale
        self.runner.load("page", lambda db: db.read(*queries), lambda pages: self._show_read(pages, with_outline),
                         failed=self._page_gone)

    def _show_read(self, pages: list[Any], with_outline: bool) -> None:
        if with_outline:
            self._show_outline(pages[0])
            pages = pages[1:]
        if not pages:
            return
        page = pages[0]
        from ...core.pages.seminar import SeminarPage

        if isinstance(page, SeminarPage):
            if page.id == self.current_seminar:
                self._paint_seminar(page)
        elif page.id == self.current_curriculum:
            self._paint_curriculum(page)

    def _page_gone(self, exc: BaseException) -> None:
        """The page asked for no longer exists (deleted by someone else): the tree, read again, and nothing chosen."""
        self.current_seminar = self.current_curriculum = 0
        self._show_nothing_chosen()
        self._tell_refusal(exc, "")
        self.refresh()

    def _paint_seminar(self, page: SeminarPage) -> None:
        for tab in self.tabs:
            tab.show_page(page)
        self._show_edited(bool(self.overview.unsaved()))
        self.form.seminarTabs.setEnabled(True)
        self.form.detailStack.setCurrentWidget(self.form.seminarTabs)
        self.seminar_shown.emit(page.id)

    def _paint_curriculum(self, page: CurriculumPage) -> None:
        self.curriculum_page.show_page(page)
        self._show_edited(bool(self.curriculum_page.unsaved()))
        self.form.detailStack.setCurrentWidget(self.curriculum_page)
        self.curriculum_shown.emit(page.id)

    def _after_change(self, done: Done) -> None:
        """A change was committed: say what it did, and read again what it touched."""
        from ...core.commands import Touched
        from ..core_text import localized

        if done.said:
            self.show_status(localized(done.said))
        if done.touched & Touched.PROGRAMME:
            self._outline_stale = True
        if done.touched & Touched.PEOPLE and self.people_window is not None:
            self.people_window.reload()
        if not self.runner.changing():  # the last of quick changes (two ticks) reads once, after both
            self._load_page()

    def _tell_refusal(self, exc: BaseException, step: str) -> QMessageBox:
        """The core refused a change (or an undo): its words in a message, never a traceback."""
        from ..core_text import error_message

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not done"), error_message(exc), parent=self)
        box.setObjectName("refusalBox")
        if step:
            box.setText(self.tr("Cannot undo or redo: {step}").format(step=step))
            box.setInformativeText(error_message(exc))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def use_database(self, db: Database) -> None:
        """Work on another database from now on (File → New / Open), once the page on screen is saved
        or discarded; kept on this one (``db`` closed again) if the user cancels."""
        if db is self.db:
            return
        self.ask_to_leave(lambda: self._switch_database(db), db.close)

    def hand_over(self) -> Database:
        """Give the database to a window that replaces this one (a language switch); this one no longer
        touches it, and its undo history ends (its steps call into this window)."""
        db = self.db
        assert db is not None
        self._let_go_of_database()
        self.db = None
        return db

    def _let_go_of_database(self) -> None:
        """Before the database changes hands: changes under way commit, the People directory closes, loads
        under way are dropped and the undo history ends (its steps edit the database they were made on)."""
        self.runner.wait_for_changes()
        self.runner.forget_all()
        if self.people_window is not None:
            self.people_window.close()
            self.people_window.deleteLater()
            self.people_window = None
        self.history.clear()

    def _switch_database(self, db: Database) -> None:
        old, self.db = self.db, db
        assert old is not None
        self._let_go_of_database()
        self.current_seminar = self.current_curriculum = 0
        self._show_nothing_chosen()
        self._show_edited(False)
        self.setWindowTitle(self._title(database_label(db.target)))
        self.refresh()
        if old is not db:
            old.close()

    def reload(self) -> None:
        """Read the programme tree again (after a change, or on opening another database)."""
        self._outline_stale = True
        self._load_page()

    def _show_outline(self, outline: list[CurriculumOutline]) -> None:
        self._outline_stale = False
        self._selecting = True  # rebuilding the tree moves its current item row by row: not the user's choice
        try:
            self.tree_model.show_outline(outline)
        finally:
            self._selecting = False
        self.form.programmeTree.expandAll()
        if self.form.detailStack.currentWidget() in (self.welcome_page, self.form.emptyHint):
            self._show_nothing_chosen()  # a first curriculum made (or the last one gone) changes what to say
        # Marked in the tree only: whoever reloaded shows the page, so it is read once.
        self._select(self.current_seminar, self.current_curriculum)
        if not self.statusBar().currentMessage():  # what a change just said ("Saved…") stays until its time is up
            self.statusBar().showMessage(self.tr("%n curricula", None, self.tree_model.rowCount()))

    def show_curriculum(self, curriculum_id: int) -> None:
        """The curriculum's own page (title, years, description) in place of the seminar tabs, once read."""
        self.current_seminar, self.current_curriculum = 0, curriculum_id
        if self.db is not None:
            self._load_page()

    def show_seminar(self, seminar_id: int) -> None:
        """Show ``seminar_id``'s tabs once its page is read (0: none). Until then the tabs of the seminar
        shown before stay, greyed out, so nothing of it can be taken for the new one's."""
        changed = seminar_id != self.current_seminar
        self.current_seminar = seminar_id
        if seminar_id:
            self.current_curriculum = 0
        if not seminar_id or self.db is None:  # before attach(): shown once the database is connected
            self.runner.forget("page")
            self._show_nothing_chosen()
            self._show_edited(False)
            return
        if changed:
            self.form.seminarTabs.setEnabled(False)
        self._load_page()

    def new_seminar(self) -> Any:
        """File → New seminar; the new seminar is selected once it exists."""
        from .new_seminar import NewSeminarDialog

        if self.db is None:
            return None
        chosen = self.current_curriculum or next(
            (c.id for c in self.tree_model.outline for s in c.seminars if s.id == self.current_seminar), 0)
        dialog = NewSeminarDialog(self, self.tree_model.outline, self, curriculum_id=chosen)

        def show_new() -> None:
            self.current_seminar, self.current_curriculum = dialog.seminar_id, 0
            self.refresh()
            self.form.seminarTabs.setCurrentWidget(self.form.overviewTab)

        # The new seminar is made; the page on screen is saved or discarded before it shows (or stays).
        dialog.accepted.connect(lambda: self.ask_to_leave(show_new, self.reload))
        dialog.open()
        return dialog

    def show_people(self) -> PeopleDirectory | None:
        """Open (or raise) the People directory window (once the database is attached: None before)."""
        from ..people.people_directory import PeopleDirectory

        if self.db is None:  # still opening (a server far away): the status line says so
            return None
        if self.people_window is None:
            self.people_window = PeopleDirectory(self, self)
            self.people_window.setWindowFlag(Qt.WindowType.Window)
        self.people_window.show()
        self.people_window.raise_()
        self.people_window.form.filterEdit.setFocus()
        return self.people_window

    def _on_tree_current(self, *_changed: Any) -> None:
        if self._selecting:
            return
        tree = self.form.programmeTree
        current = tree.currentIndex()
        if current.isValid() and not tree.selectionModel().isSelected(current):
            return  # the cursor only (the tree was given the focus): nothing chosen
        seminar_id = self.tree_model.seminar_id(current)
        curriculum_id = 0 if seminar_id else self.tree_model.curriculum_id(current)
        if (seminar_id, curriculum_id) == (self.current_seminar, self.current_curriculum):
            return  # already chosen (a click selects, then moves the cursor: two signals, one choice)
        page = self.page_on_screen()
        staying = page is not None and page.row_id == (curriculum_id if page is self.curriculum_page else seminar_id)
        if page is not None and not staying and page.unsaved():
            # The tree shows the page being edited until the user says what becomes of the edits.
            self._select(self.current_seminar, self.current_curriculum)
            self.ask_to_leave(lambda: self.go_to(seminar_id, curriculum_id))
            return
        self.go_to(seminar_id, curriculum_id, select=False)

    def go_to(self, seminar_id: int, curriculum_id: int, *, select: bool = True) -> None:
        """Show a seminar, a curriculum's page, or nothing (0, 0) — and, with ``select``, mark it in the tree."""
        if select:
            self._select(seminar_id, curriculum_id)
        if curriculum_id:
            self.show_curriculum(curriculum_id)
            return
        self.current_curriculum = 0
        self.show_seminar(seminar_id)

    def _select(self, seminar_id: int, curriculum_id: int) -> None:
        """Make the tree's current item the seminar (or curriculum) without reacting to it as a choice."""
        index = (self.tree_model.index_of_seminar(seminar_id) if seminar_id
                 else self.tree_model.index_of_curriculum(curriculum_id) if curriculum_id else None)
        if index is None or index == self.form.programmeTree.currentIndex():
            return
        self._selecting = True
        try:
            self.form.programmeTree.setCurrentIndex(index)
        finally:
            self._selecting = False

    # -- remembered layout
    def _restore_layout(self) -> None:
        """Window size, splitter and every table's columns as the user left them (QSettings)."""
        layout_memory.restore_geometry(self, "main")
        if not layout_memory.restore_splitter(self.form.mainSplitter, "main"):
            self.form.mainSplitter.setSizes([340, 940])

    def save_layout(self) -> None:
        if self.db is not None:
            layout_memory.save_place(self._place_key(), self.current_seminar, self.current_curriculum,
                                     self.form.seminarTabs.currentIndex())
        layout_memory.save_geometry(self, "main")
        layout_memory.save_splitter(self.form.mainSplitter, "main")
        for tab in self.tabs:
            tab.save_layout()
        if self.people_window is not None:
            self.people_window.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close once nothing typed would be lost: unsaved edits are saved or discarded first (or the
        window stays open), and changes under way are committed."""
        page = self.page_on_screen()
        if page is not None and page.unsaved():
            event.ignore()
            self.ask_to_leave(self.close)
            return
        self.runner.wait_for_changes()
        self.save_layout()
        super().closeEvent(event)
