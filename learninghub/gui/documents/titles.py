"""The names of the kinds of document the Documents tab makes (one place for the tab and its parts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TITLES = {"agenda": QT_TRANSLATE_NOOP("DocumentsTab", "Agenda"),
          "programme": QT_TRANSLATE_NOOP("DocumentsTab", "Programme"),
          "certificates": QT_TRANSLATE_NOOP("DocumentsTab", "Certificates"),
          "badges": QT_TRANSLATE_NOOP("DocumentsTab", "Badges"),
          "signin": QT_TRANSLATE_NOOP("DocumentsTab", "Sign-in sheet")}


def document_title(kind: str) -> str:
    """The name of a kind of document (a key of TITLES) in the interface language."""
    return QCoreApplication.translate("DocumentsTab", TITLES.get(kind, kind))
