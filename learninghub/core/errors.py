"""One family of user-facing errors.

Every refusal says *what* went wrong and *where* (a field, a row, an id), so the
CLI can print one line and the GUI can put the message next to the field.
"""

from __future__ import annotations

from typing import Any

from .messages import Text, say


class LearningHubError(Exception):
    """Base of every error a user may see. ``where`` names the field or place.

    ``message`` is a template marked with ``QT_TRANSLATE_NOOP("core", ...)`` whose
    ``{names}`` are filled from ``params`` (or a ready :class:`~.messages.Text`), so the
    interface can show it in Chinese; ``message`` itself is the English sentence.
    """

    def __init__(self, message: str, *, where: str | None = None, **params: Any) -> None:
        self.message: Text = message if isinstance(message, Text) and not params else say(message, **params)
        self.where = where
        super().__init__(self.user_message)

    @property
    def user_message(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ValidationError(LearningHubError):
    """A value typed by a user is not acceptable (bad email, unknown zone...)."""


class RuleViolation(LearningHubError):
    """A rule of the domain refuses the change (end before start, duplicate email...)."""


class NotFound(LearningHubError):
    """The thing asked for does not exist."""


class StaleEdit(LearningHubError):
    """Someone else changed the row since it was read: the edit would be lost.

    ``fresh`` holds the stored values (attribute → value) when they are known, so a
    window can show them and the user can apply the change again over them.
    """

    def __init__(self, message: str, *, where: str | None = None, fresh: dict[str, object] | None = None,
                 **params: Any) -> None:
        super().__init__(message, where=where, **params)
        self.fresh: dict[str, object] = dict(fresh or {})


class DatabaseBusy(LearningHubError):
    """Another user's change held the data too long, or crossed this one (nothing was saved)."""


class DatabaseRefused(LearningHubError):
    """The database cannot be opened: not a database, or from a newer version."""


class DatabaseUnreachable(LearningHubError):
    """The server could not be reached, or the connection broke: nothing of the action was done."""
