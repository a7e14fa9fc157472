"""A change to the data as a value: run it in one transaction, get back what it did and its inverse.

Why commands: the app's undo/redo, its worker threads and the command line all need the
same thing from a change — run it once, whole or not at all, and know how to take it back.
A :class:`Command` is a small frozen dataclass (its parameters, no session, no widgets);
``run(session)`` applies it through the services and returns :class:`Done`, which carries
the *inverse*: another command that takes the change back. Running the inverse returns
the inverse of the inverse — the redo — so undo and redo are one mechanism for every kind
of change, and the GUI keeps no undo logic of its own.

Inverses are exact or refused: each carries the row versions it expects, so undoing never
overwrites a change someone else saved meanwhile (the services raise ``StaleEdit``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Touched(enum.Flag):
    """What screens show data a change altered, so the window reloads just those."""

    NOTHING = 0
    PROGRAMME = enum.auto()  # the tree: curricula and seminars' titles, dates, status
    SEMINAR = enum.auto()  # a seminar's page: overview, partners, agenda, participants, check-in, documents
    CURRICULUM = enum.auto()  # a curriculum's page
    PEOPLE = enum.auto()  # the People directory and person dialogs


class Command(Protocol):
    """One change. Implementations are frozen dataclasses; ``run`` is called inside a transaction."""

    def run(self, session: Session) -> Done: ...


@dataclass(frozen=True)
class Done:
    """What a command did.

    ``name`` names the undo step ("registering “李佳 (Jia Li)”"), ``said`` is the status
    line after it ran; both are :class:`~..messages.Text` the interface translates.
    ``undo`` takes the change back (None: the change cannot be undone, as adding a person).
    ``touched`` says which screens to reload; ``seminar_id`` the seminar it concerns (0: none);
    ``result`` is what a caller may need next (the ids of new rows).
    """

    name: str
    undo: Command | None
    touched: Touched
    said: str = ""
    seminar_id: int = 0
    result: Any = None
    details: dict[str, Any] = field(default_factory=dict)
