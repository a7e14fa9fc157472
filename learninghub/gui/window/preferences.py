"""Edit → Preferences…: the interface language (English, 简体中文, or the system's).

The choice is stored in QSettings (``i18n.SETTING``) for the next starts and applied at
once: the main window is made again in the new language (``language_switch``). At a
start, ``--lang`` and ``$LEARNINGHUB_LANG`` still win for that run (scripts, tests).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from .. import forms, i18n


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, switch: Callable[[str], object] | None = None) -> None:
        """``switch(language)`` offers to show the interface in another language now (the window's)."""
        super().__init__(parent)
        self._switch = switch
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
        """Store the choice; offer to switch the interface now if it names another language than the one shown."""
        i18n.set_preference(self.chosen)
        language = i18n.system_language() if self.chosen == i18n.SYSTEM else self.chosen
        super().accept()
        if language != i18n.language() and self._switch is not None:
            self._switch(language)
