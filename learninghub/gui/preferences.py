"""Edit → Preferences…: the interface language (English, 简体中文, or the system's).

The choice is stored in QSettings (``i18n.SETTING``) and used from the next start:
every window takes its words when it is made, so switching a running app would
leave half of it in the old language. ``--lang`` and ``$LEARNINGHUB_LANG`` still win
for one run (scripts, tests).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from . import forms, i18n


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = forms.load("preferences").Ui_PreferencesDialog()
        self.form.setupUi(self)
        f = self.form
        system = i18n.CHOICES[i18n.system_language()]
        f.languageCombo.addItem(self.tr("System default ({language})").format(language=system), i18n.SYSTEM)
        for code, name in i18n.CHOICES.items():  # each language named in its own words
            f.languageCombo.addItem(name, code)
        f.languageCombo.setCurrentIndex(max(0, f.languageCombo.findData(i18n.preference())))
        f.buttons.accepted.connect(self.accept)
        f.buttons.rejected.connect(self.reject)

    @property
    def chosen(self) -> str:
        return str(self.form.languageCombo.currentData())

    def accept(self) -> None:
        """Store the choice; the status bar says when it takes effect."""
        changed = self.chosen != i18n.preference()
        i18n.set_preference(self.chosen)
        window = self.parent()
        if changed and window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("The interface language changes at the next start."), 8000)
        super().accept()
