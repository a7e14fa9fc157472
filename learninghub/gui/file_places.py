"""Where files go, and opening them in the system's programs.

Save dialogs open in the folder the user last saved or exported to (else Documents), not the
program's folder, with a name made from what is saved: ``Park City Project – agenda.pdf``, not
``agenda.pdf`` (``filenames.title_stem`` keeps it legal on every system). The dialog is opened
window-modal and answers through a callback, so the window never waits on it.

Opening a file needs a program for it; ``QDesktopServices.openUrl`` only returns False when
there is none (no PDF viewer installed), so that is said in plain words, with where the file is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..filenames import title_stem

# The folder of the last file saved or exported (exports have used this key from the start).
FOLDER_KEY = "export/folder"


def last_folder() -> Path:
    """The folder of the last file saved or exported, else Documents (else home)."""
    remembered = QSettings().value(FOLDER_KEY, "")
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(path: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(path.parent))


def named_after(title: str, what: str, suffix: str) -> str:
    """``Park City Project – agenda.pdf``: a file name from a title and what the file is."""
    stem = title_stem(title, "") if title.strip() else ""
    what = title_stem(what.lower(), "document")
    return f"{stem} – {what}.{suffix}" if stem else f"{what}.{suffix}"


def ask_save_path(parent: QWidget, caption: str, file_name: str, filters: str,
                  then: Callable[[Path], object]) -> QFileDialog:
    """Ask where to save ``file_name`` (in the last folder used), window-modal; ``then(path)`` once chosen,
    the folder remembered for next time. Returns the dialog (open)."""
    dialog = QFileDialog(parent, caption, str(last_folder()), filters)
    dialog.setObjectName("saveFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    suffix = Path(file_name).suffix.lstrip(".")
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(path: str) -> None:
        target = Path(path)
        remember_folder(target)
        then(target)

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def open_in_system(parent: QWidget, path: Path) -> bool:
    """Open ``path`` in the program the system has for it; without one, say so (and where the file is)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("FilePlaces", "Not opened"),
                      QCoreApplication.translate("FilePlaces", "No program on this computer opens {name}.").format(
                          name=path.name), parent=parent)
    box.setInformativeText(QCoreApplication.translate(
        "FilePlaces", "The file is here: {path}\nInstall a program for this kind of file (a PDF viewer for PDF "
        "files), or open the file from its folder.").format(path=path))
    box.setObjectName("notOpenedBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return False
