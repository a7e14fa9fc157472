"""The Documents tab: the seminar's agenda and the curriculum's programme as PDFs.

Documents are made off the GUI thread (operations.BackgroundOp) by the same core
calls as the command line (documents/build.py), then saved where the user chose or
opened in their PDF viewer, which also prints them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.errors import LearningHubError
from ..core.store import Database
from .operations import BackgroundOp, Progress

SECOND_ZONES = ["", "Europe/Madrid", "Asia/Shanghai", "Europe/Brussels", "Europe/Rome", "Europe/Sofia",
                "Europe/Athens", "Europe/Ljubljana", "Asia/Seoul", "America/Mexico_City", "UTC"]


class DocumentsTab:
    def __init__(self, window: Any, db_getter: Callable[[], Database]) -> None:
        self.w, self._db = window, db_getter
        f = window.form
        f.secondZoneCombo.addItems(SECOND_ZONES)
        f.paperCombo.addItem("A4", "a4")
        f.paperCombo.addItem("US letter", "letter")
        f.saveAgendaButton.clicked.connect(lambda: self._ask_and_save("agenda"))
        f.openAgendaButton.clicked.connect(lambda: self.make("agenda", None))
        f.saveProgrammeButton.clicked.connect(lambda: self._ask_and_save("programme"))
        f.openProgrammeButton.clicked.connect(lambda: self.make("programme", None))
        self.op: BackgroundOp[Any] | None = None
        #: Where the last document went (tests and the status line read it).
        self.last_file: Path | None = None
        self.opener: Callable[[Path], None] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _ask_and_save(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, f"Save {kind}", f"{kind}.pdf", "PDF files (*.pdf)")
        if path:
            self.make(kind, Path(path))

    def make(self, kind: str, target: Path | None) -> BackgroundOp[Any] | None:
        """Make the agenda or programme off the GUI thread; save it to ``target`` or open it."""
        from ..core.services import seminars
        from ..documents import build

        seminar_id, db = self.w.current_seminar, self._db()
        if not seminar_id:
            return None
        f = self.w.form
        paper, zone = f.paperCombo.currentData(), f.secondZoneCombo.currentText().strip() or None
        with db.reading() as s:
            curriculum_id = seminars.get_seminar(s, seminar_id).curriculum_id

        def work(progress: Progress) -> Any:
            progress.step(0, 1, f"Making the {kind}…")
            if kind == "agenda":
                return build.agenda(db, seminar_id, second_tz=zone, paper=paper)
            return build.programme(db, curriculum_id, paper=paper)

        self.op = BackgroundOp(self.w, f"Making the {kind}", work, lambda r: self._done(kind, r, target), self._failed)
        return self.op.start()

    def _done(self, kind: str, rendered: Any, target: Path | None) -> None:
        path = target or Path(tempfile.mkdtemp(prefix="learninghub-")) / f"{kind}.pdf"
        try:
            rendered.save(path)
        except OSError as exc:
            self._failed(LearningHubError(f"cannot write {path}: {exc.strerror or exc}"))
            return
        self.last_file = path
        note = f" — no font has: {' '.join(rendered.missing)}" if rendered.missing else ""
        self.w.form.documentsStatus.setText(f"{kind.capitalize()}: {rendered.pages} pages, {path}{note}")
        if target is None:
            self.opener(path)

    def _failed(self, exc: BaseException) -> None:
        message = exc.user_message if isinstance(exc, LearningHubError) else f"The document could not be made: {exc}"
        QMessageBox(QMessageBox.Icon.Warning, "No document", message, parent=self.w).open()
