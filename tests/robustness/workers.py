"""Code that runs in the child processes of the robustness tests (spawned, so importable by name).

Each worker opens the database itself, waits at a barrier so both start together,
and reports what happened to every attempt: no result is inferred, each is recorded.
"""

from __future__ import annotations

import random
import time
from typing import Any

from learninghub.core.errors import RuleViolation, StaleEdit
from learninghub.core.models import AgendaSession, Person, Registration, Seminar
from learninghub.core.services import agenda, people, registration, seats, seminars
from learninghub.core.store import open_database

#: The rows the edit workers fight over, by kind.
KINDS = ("seminar", "session", "person", "registration")
MODELS = {"seminar": Seminar, "session": AgendaSession, "person": Person, "registration": Registration}


def _edit(s: Any, kind: str, ident: int, version: int, status: str, value: str) -> int:
    """Apply one edit made on ``version`` of the row; return the row's version after it."""
    if kind == "seminar":
        row = seminars.edit_seminar(s, ident, expected_version=version, title=f"Park City Project {value}")
    elif kind == "session":
        row = agenda.edit_session(s, ident, expected_version=version, room=f"Room {value}")
    elif kind == "person":
        row = people.edit_person(s, ident, expected_version=version, notes=value)
    else:
        new = "confirmed" if status == "registered" else "registered"
        row = registration.set_status(s, ident, new, expected_version=version, note=value)
    s.flush()
    return row.version


def edit_worker(url: str, worker: int, attempts: int, ids: dict[str, int], barrier: Any, results: Any) -> None:
    """``attempts`` edits, round the four rows, each made on the version read just before."""
    db = open_database(url)
    rng = random.Random(worker)
    outcomes: list[tuple[Any, ...]] = []
    barrier.wait()
    for i in range(attempts):
        kind = KINDS[i % len(KINDS)]
        ident = ids[kind]
        with db.reading() as s:
            row = s.get(MODELS[kind], ident)
            version, status = row.version, getattr(row, "status", "")
        time.sleep(rng.random() * 0.002)  # the user thinks; the other one may save meanwhile
        value = f"w{worker}-{i}"
        try:
            with db.transaction() as s:
                new_version = _edit(s, kind, ident, version, status, value)
            outcomes.append(("applied", kind, value, version, new_version))
        except StaleEdit as exc:
            outcomes.append(("refused", kind, value, version, exc.fresh.get("version"), str(exc)))
    db.close()
    results.put((worker, outcomes))


def register_worker(url: str, worker: int, seminar_id: int, person_ids: list[int], barrier: Any, results: Any) -> None:
    """Register every person (in a worker-specific order); record each outcome."""
    db = open_database(url)
    order = list(person_ids)
    random.Random(worker).shuffle(order)
    outcomes: list[tuple[int, str]] = []
    barrier.wait()
    for person_id in order:
        try:
            with db.transaction() as s:
                reg = registration.register(s, seminar_id=seminar_id, person_id=person_id)
                outcomes.append((person_id, reg.status))
        except RuleViolation as exc:
            outcomes.append((person_id, f"refused: {exc}"))
        with db.reading() as s:
            outcomes.append((-1, str(seats.seats_taken(s, seminar_id))))
    db.close()
    results.put((worker, outcomes))
