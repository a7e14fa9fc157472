"""The main window: the programme tree on the left, the chosen seminar's tabs on the right.

Start-up is in two steps so the window appears as fast as a bare Qt window allows:
the shell (form, tree from an outline read without SQLAlchemy) first, then
:meth:`MainWindow.attach` connects the database and the editors. This module
therefore imports nothing of SQLAlchemy at load time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QMainWindow

from ..core.quickread import CurriculumOutline
from . import columns, forms, layout_memory
from .programme_tree import ProgrammeTreeModel
from .server_url import database_label
from .table_model import RowsModel

if TYPE_CHECKING:
    from ..core.store import Database
    from .people_directory import PeopleDirectory


class MainWindow(QMainWindow):
    def __init__(self, db: Database | None = None, *, outline: list[CurriculumOutline] | None = None,
                 label: str = "") -> None:
        """A window on ``db``; or, for a fast start, a shell showing ``outline`` until :meth:`attach`."""
        super().__init__()
        self.db: Database | None = None
        self.form = forms.load("main_window").Ui_MainWindow()
        self.form.setupUi(self)
        self.setWindowTitle(self._title(label))
        self.tree_model = ProgrammeTreeModel(self)
        self.form.programmeTree.setModel(self.tree_model)
        # Day, time and name (family-name order) sort in the order the core gives, not as text.
        self.agenda_model = RowsModel(columns.AGENDA_HEADERS, self, natural=(0, 1))
        self.participants_model = RowsModel(columns.PARTICIPANT_HEADERS, self, natural=(0,))
        self._setup_table(self.form.agendaView, self.agenda_model, stretch=2, fixed={4: 200, 5: 300})
        # Wrapped titles: rows follow the column widths as the window is resized.
        self.form.agendaView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._setup_table(self.form.participantsView, self.participants_model, stretch=0, fixed={})
        # Some platforms have no standard Quit key (Windows, the offscreen platform): Ctrl+Q there.
        self.form.actionQuit.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        self.form.actionQuit.triggered.connect(self.close)
        self.form.actionPeople.triggered.connect(self.show_people)
        self.undo_stack = QUndoStack(self)
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
        self.form.programmeTree.selectionModel().currentChanged.connect(self._on_tree_current)
        title_font = self.form.seminarTitle.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.form.seminarTitle.setFont(title_font)
        self.current_seminar = 0
        self.current_curriculum = 0  # a curriculum chosen in the tree (its page shown), else 0
        self._selecting = False  # the window itself moves the tree's current item: not the user leaving a page
        self._restore_layout()
        if outline is not None:
            self._show_outline(outline)
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Connect the window to an open database: the editors and everything that changes data."""
        from .agenda_actions import AgendaActions
        from .check_in import CheckIn
        from .curriculum_editor import CurriculumPage
        from .database_menu import DatabaseSwitcher
        from .documents_tab import DocumentsTab
        from .import_wizard import open_for as open_import_wizard
        from .overview_editor import OverviewEditor
        from .participants import Participants
        from .partners_editor import PartnersEditor

        self.db = db
        self.databases = DatabaseSwitcher(self, self.form.menuRecent, self.use_database)
        self.form.actionNewDatabase.triggered.connect(self.databases.ask_new)
        self.form.actionNewSeminar.triggered.connect(self.new_seminar)
        menu, actions = self.form.menuFile, self.form.menuFile.actions()
        self.import_action = menu.addAction(self.tr("&Import people…"), lambda: open_import_wizard(self))
        menu.insertAction(actions[actions.index(self.form.actionNewSeminar) + 1], self.import_action)
        menu.insertAction(actions[actions.index(self.form.actionNewSeminar) + 1], self.save_action)
        self.form.actionOpenDatabase.triggered.connect(self.databases.ask_open)
        self.overview = OverviewEditor(self.form, lambda: self.db, self.undo_stack, self.refresh)
        self.partners = PartnersEditor(self, lambda: self.db)
        self.agenda_actions = AgendaActions(self, lambda: self.db)
        self.check_in = CheckIn(self.form, lambda: self.db, self)
        self.participants = Participants(self, lambda: self.db)
        self.documents = DocumentsTab(self, lambda: self.db)
        self.curriculum_page = CurriculumPage(lambda: self.db, self.undo_stack, self.refresh, self)
        self.form.detailStack.addWidget(self.curriculum_page)
        # The title says "*" while the page on screen has unsaved edits; Save and Reset work only then.
        save, reset = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Reset
        self.overview.watch_edits(lambda edited: self._mark_edited(self.overview, edited),
                                  (self.form.overviewButtons.button(save), self.form.overviewButtons.button(reset)))
        page_buttons = self.curriculum_page.form.buttons
        self.curriculum_page.watch_edits(lambda edited: self._mark_edited(self.curriculum_page, edited),
                                         (page_buttons.button(save), page_buttons.button(reset)))
        from . import seminar_menu

        seminar_menu.install(self)
        from .export_menu import ExportActions

        self.exports = ExportActions(self, lambda: self.db)  # File → Export ▸, Seminar → Export ▸
        self.setWindowTitle(self._title(database_label(db.target)))
        self.reload()
        if self.current_seminar:
            self.show_seminar(self.current_seminar)
        elif self.current_curriculum:
            self.show_curriculum(self.current_curriculum)
        else:
            self._return_to_saved_place()

    def _place_key(self) -> str:
        """The database, as the saved place names it: its file, or its server and name (never a password)."""
        assert self.db is not None
        return self.db.target.label

    def _return_to_saved_place(self) -> None:
        """Open where the user left this database: the seminar (and its tab) or curriculum, if it still exists."""
        place = layout_memory.saved_place(self._place_key())
        if place is None:
            return
        seminar_id, curriculum_id, tab = place
        found = (self.tree_model.index_of_seminar(seminar_id) if seminar_id
                 else self.tree_model.index_of_curriculum(curriculum_id) if curriculum_id else None)
        if found is None:
            return
        self.go_to(seminar_id, curriculum_id)
        if seminar_id and 0 <= tab < self.form.seminarTabs.count():
            self.form.seminarTabs.setCurrentIndex(tab)

    def _setup_table(self, view, model: RowsModel, *, stretch: int, fixed: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
        """Short columns fit their contents, one column takes the rest, long ones wrap at a set width."""
        view.setModel(model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column, width in fixed.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        view.verticalHeader().setVisible(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        layout_memory.prepare_table(view)

    def _add_edit_menu(self) -> None:
        """Edit → Undo / Redo, driven by the undo stack (Ctrl+Z, Ctrl+Shift+Z)."""
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.menuBar().insertMenu(self.form.menuView.menuAction(), menu)
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        menu.addAction(undo)
        menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        menu.addSeparator()
        self.preferences_action = menu.addAction(self.tr("&Preferences…"), self.show_preferences)
        self.preferences_action.setObjectName("actionPreferences")
        self.preferences_action.setMenuRole(self.preferences_action.MenuRole.PreferencesRole)

    def _mark_edited(self, page, edited: bool) -> None:  # type: ignore[no-untyped-def]
        if page is self.page_on_screen():
            self._show_edited(edited)

    def _show_edited(self, edited: bool) -> None:
        """The title's "*" and File → Save changes follow the page on screen."""
        self.setWindowModified(edited)
        self.save_action.setEnabled(edited)

    def save_page(self) -> bool:
        """File → Save changes (Ctrl+S): save the page on screen, as its Save button does."""
        page = self.page_on_screen()
        if page is None or not page.unsaved():
            return False
        name = page.page_name()
        if not page.save():
            return False  # the refusal is shown next to its field
        self.statusBar().showMessage(self.tr("Saved the changes to “{name}”").format(name=name), 5000)
        return True

    def _title(self, label: str) -> str:
        name = self.tr("Learning Hub Planner") + "[*]"  # Qt shows "*" there while the page has unsaved edits
        return self.tr("{app} — {database}").format(app=name, database=label) if label else name

    def show_preferences(self):  # type: ignore[no-untyped-def]
        """Edit → Preferences…: the interface language (window-modal, never blocking)."""
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        """Show what the database holds now (after an edit, an undo or a redo)."""
        current, curriculum = self.current_seminar, self.current_curriculum
        self.reload()
        if current:
            self.show_seminar(current)
        elif curriculum:
            self.show_curriculum(curriculum)

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
        """Before the database changes hands: the People directory closes and the undo history ends (its
        steps edit the database they were made on, through this window)."""
        if self.people_window is not None:
            self.people_window.close()
            self.people_window.deleteLater()
            self.people_window = None
        self.undo_stack.clear()

    def _switch_database(self, db: Database) -> None:
        old, self.db = self.db, db
        assert old is not None
        self._let_go_of_database()
        self.current_seminar = self.current_curriculum = 0
        self.show_seminar(0)
        self.setWindowTitle(self._title(database_label(db.target)))
        self.reload()
        if old is not db:
            old.close()

    def reload(self) -> None:
        """Read the programme again (after a change, or on opening another database)."""
        from ..core.services.curricula import programme_outline

        assert self.db is not None
        with self.db.reading() as s:
            self._show_outline(programme_outline(s))

    def _show_outline(self, outline: list[CurriculumOutline]) -> None:
        self.tree_model.show_outline(outline)
        self.form.programmeTree.expandAll()
        # Marked in the tree only: whoever reloaded shows the page (refresh, attach), so it is read once.
        self._select(self.current_seminar, self.current_curriculum)
        self.statusBar().showMessage(self.tr("%n curricula", None, self.tree_model.rowCount()))

    def page_on_screen(self):  # type: ignore[no-untyped-def]
        """The page of fields being edited (the Overview tab or the curriculum page), or None."""
        if self.db is None:
            return None
        if self.current_curriculum:
            return self.curriculum_page
        return self.overview if self.current_seminar else None

    def ask_to_leave(self, then, otherwise=None):  # type: ignore[no-untyped-def]
        """Run ``then`` once the page on screen has no unsaved edits: at once, or after the user's Save or
        Discard (Cancel runs ``otherwise``). Returns the question box, if one was asked."""
        page = self.page_on_screen()
        if page is None:
            then()
            return None
        return page.ask_to_leave(self, then, otherwise)

    def show_curriculum(self, curriculum_id: int) -> None:
        """The curriculum's own page (title, years, description) in place of the seminar tabs."""
        self.current_seminar, self.current_curriculum = 0, curriculum_id
        if self.db is None:
            return
        self.curriculum_page.load_keeping_edits(curriculum_id)
        self._show_edited(bool(self.curriculum_page.unsaved()))
        self.form.detailStack.setCurrentWidget(self.curriculum_page)

    def show_seminar(self, seminar_id: int) -> None:
        self.current_seminar = seminar_id
        if seminar_id:
            self.current_curriculum = 0
        if not seminar_id or self.db is None:  # before attach(): shown once the database is connected
            self.form.detailStack.setCurrentWidget(self.form.emptyHint)
            self._show_edited(False)
            return
        from . import seminar_views
        f = self.form
        self.overview.load_keeping_edits(seminar_id)
        self._show_edited(bool(self.overview.unsaved()))
        self.partners.load(seminar_id)
        from .bilingual import other, shown
        title, title_zh = self.overview.loaded["title"], self.overview.loaded["title_zh"]
        f.seminarTitle.setText(shown(title, title_zh))
        f.seminarTitle.setToolTip(other(title, title_zh))
        rows, session_ids = seminar_views.agenda_rows(self.db, seminar_id)
        notes, messages = seminar_views.conflict_notes(self.db, seminar_id)
        self.agenda_model.set_rows(rows, tooltips=[notes.get(i) for i in session_ids], keys=session_ids)
        f.conflictsLabel.setText(
            (self.tr("⚠ %n conflict(s) (warnings; nothing is blocked):", None, len(messages)) + "\n• "
             + "\n• ".join(messages)) if messages else "")
        rows, registration_ids = seminar_views.participant_rows(self.db, seminar_id)
        self.participants_model.set_rows(rows, keys=registration_ids)
        self.check_in.load(seminar_id)
        f.detailStack.setCurrentWidget(f.seminarTabs)

    def new_seminar(self):  # type: ignore[no-untyped-def]
        """File → New seminar; the new seminar is selected once it exists."""
        from .new_seminar import NewSeminarDialog

        if self.db is None:
            return None
        dialog = NewSeminarDialog(self.db, self)

        def show_new() -> None:
            self.current_seminar, self.current_curriculum = dialog.seminar_id, 0
            self.refresh()
            self.form.seminarTabs.setCurrentWidget(self.form.overviewTab)

        # The new seminar is made; the page on screen is saved or discarded before it shows (or stays).
        dialog.accepted.connect(lambda: self.ask_to_leave(show_new, self.reload))
        dialog.open()
        return dialog

    def show_people(self) -> PeopleDirectory:
        """Open (or raise) the People directory window."""
        from .people_directory import PeopleDirectory

        assert self.db is not None
        if self.people_window is None:
            self.people_window = PeopleDirectory(self.db, self)
            self.people_window.setWindowFlag(Qt.WindowType.Window)
        self.people_window.show()
        self.people_window.raise_()
        self.people_window.form.filterEdit.setFocus()
        return self.people_window

    def _on_tree_current(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if self._selecting:
            return
        seminar_id = self.tree_model.seminar_id(current)
        curriculum_id = 0 if seminar_id else self.tree_model.curriculum_id(current)
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
    def _tables(self) -> dict[str, QHeaderView]:
        return {"agenda": self.form.agendaView.horizontalHeader(),
                "participants": self.form.participantsView.horizontalHeader()}

    def _restore_layout(self) -> None:
        """Window size, splitter and every table's columns as the user left them (QSettings)."""
        layout_memory.restore_geometry(self, "main")
        if not layout_memory.restore_splitter(self.form.mainSplitter, "main"):
            self.form.mainSplitter.setSizes([340, 940])
        # The Documents tab: its controls (with the eligibility list) and the preview share the width as the user drags.
        self.form.documentsSplitter.setStretchFactor(1, 1)
        if not layout_memory.restore_splitter(self.form.documentsSplitter, "documents"):
            self.form.documentsSplitter.setSizes([380, 900])
        for key, header in self._tables().items():
            layout_memory.restore_columns(header, key)

    def save_layout(self) -> None:
        if self.db is not None:
            layout_memory.save_place(self._place_key(), self.current_seminar, self.current_curriculum,
                                     self.form.seminarTabs.currentIndex())
        layout_memory.save_geometry(self, "main")
        layout_memory.save_splitter(self.form.mainSplitter, "main")
        layout_memory.save_splitter(self.form.documentsSplitter, "documents")
        for key, header in self._tables().items():
            layout_memory.save_columns(header, key)
        if self.people_window is not None:
            self.people_window.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close once nothing typed would be lost: unsaved edits are saved or discarded first (or the
        window stays open)."""
        page = self.page_on_screen()
        if page is not None and page.unsaved():
            event.ignore()
            self.ask_to_leave(self.close)
            return
        self.save_layout()
        super().closeEvent(event)
