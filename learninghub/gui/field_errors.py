"""Show a refusal of the core next to the field it names (``LearningHubError.where``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ..core.errors import LearningHubError
from .core_text import error_message

INVALID_STYLE = "border: 2px solid #b00020;"


def show_field_error(label: QLabel, fields: dict[str, QWidget], exc: LearningHubError) -> None:
    """The message in ``label``; the widget of ``exc.where`` outlined in red and focused."""
    clear_field_errors(label, fields)
    label.setText(error_message(exc))
    widget = fields.get(exc.where or "")
    if widget is not None:
        widget.setStyleSheet(INVALID_STYLE)
        widget.setFocus()


def clear_field_errors(label: QLabel, fields: dict[str, QWidget]) -> None:
    label.setText("")
    for widget in fields.values():
        widget.setStyleSheet("")
