"""Two processes, one seminar: no lost update, every conflict reported, capacity kept.

Runs on SQLite and on PostgreSQL (tests/databases.py). Two spawned processes start
together at a barrier. Each makes 500 edits, round a seminar, a session, a person and
a registration, every edit made on the version it read just before (as a window
would) after a short random pause. An edit is either applied (the row's version goes
up by exactly one) or refused with StaleEdit carrying the stored values; the versions
produced by applied edits must then be exactly every version from the first to the
last, once each — an edit silently overwritten would leave a gap or a double.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from typing import Any

import pytest

from learninghub.core.models import AgendaSession, Person, Registration, Seminar
from learninghub.core.services import people, registration, search, seats, seminars
from tests.robustness import workers

ATTEMPTS = 500
MODELS = {"seminar": Seminar, "session": AgendaSession, "person": Person, "registration": Registration}


def _url(db) -> str:
    return str(db.target.sqlite_path or db.target.url)


def _run(target, args_per_worker: list[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(args_per_worker))
    results = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, barrier, results)) for args in args_per_worker]
    for p in procs:
        p.start()
    collected = dict(results.get(timeout=300) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return collected


def _stored(db, kind: str, ident: int) -> tuple[int, str]:
    """The row's version and the value the edits write (title, room, notes, last event's note)."""
    with db.reading() as s:
        row = s.get(MODELS[kind], ident)
        value = {
            "seminar": lambda: row.title.removeprefix("Park City Project "),
            "session": lambda: (row.room or "").removeprefix("Room "),
            "person": lambda: row.notes,
            "registration": lambda: row.events[-1].note,
        }[kind]()
        return row.version, value


def test_two_processes_500_conflicting_edits_each_none_lost_every_conflict_reported(db, hub):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
    ids = {"seminar": hub.seminar, "session": hub.session, "person": hub.han, "registration": reg.id}
    start = {kind: _stored(db, kind, ident)[0] for kind, ident in ids.items()}

    outcomes = _run(workers.edit_worker, [(_url(db), w, ATTEMPTS, ids) for w in (1, 2)])

    applied: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    refused: dict[str, int] = defaultdict(int)
    for worker, results in outcomes.items():
        assert len(results) == ATTEMPTS, f"worker {worker} lost track of an attempt"
        for outcome, kind, value, read_version, *rest in results:
            if outcome == "applied":
                assert rest[0] == read_version + 1, f"{kind}: an applied edit skipped a version"
                applied[kind].append((rest[0], read_version, value))
            else:
                fresh_version, message = rest
                assert "changed by someone else meanwhile" in message
                assert fresh_version is not None and fresh_version > read_version, "a refusal without fresh values"
                refused[kind] += 1
    for kind, ident in ids.items():
        attempts = 2 * ATTEMPTS // len(workers.KINDS)
        assert len(applied[kind]) + refused[kind] == attempts, kind
        assert refused[kind] > 0, f"{kind}: the two processes never collided; the test proves nothing"
        final_version, final_value = _stored(db, kind, ident)
        versions = sorted(v for v, _, _ in applied[kind])
        assert versions == list(range(start[kind] + 1, final_version + 1)), f"{kind}: an edit was lost or doubled"
        assert final_value == max(applied[kind])[2], f"{kind}: the stored value is not the last applied edit"
    with db.reading() as s:
        events = s.get(Registration, ids["registration"]).events
        notes = [e.note for e in events if e.note and e.note.startswith("w")]
    assert notes == [value for _, _, value in sorted(applied["registration"])], "history lost a status change"


def test_concurrent_registrations_never_exceed_capacity(db, hub):
    capacity, wanting = 7, 40
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, capacity=capacity)
        person_ids = [
            people.add_person(s, given_name=f"Participant {i}", family_name="成都", email=f"p{i}@example.cn").id
            for i in range(wanting)
        ]

    outcomes = _run(workers.register_worker, [(_url(db), w, hub.seminar, person_ids) for w in (1, 2)])

    seen_seats = [int(v) for results in outcomes.values() for pid, v in results if pid == -1]
    assert max(seen_seats) == capacity, "the seminar held more people than its capacity at some point"
    statuses: dict[int, list[str]] = defaultdict(list)
    for results in outcomes.values():
        for pid, status in results:
            if pid != -1:
                statuses[pid].append(status)
    for pid in person_ids:
        made = [st for st in statuses[pid] if not st.startswith("refused")]
        assert len(made) == 1, f"person {pid} registered {len(made)} times: {statuses[pid]}"
    with db.reading() as s:
        regs = s.query(Registration).filter_by(seminar_id=hub.seminar).all()
        assert len(regs) == wanting
        assert seats.seats_taken(s, hub.seminar) == capacity
        assert sum(r.status == "waitlisted" for r in regs) == wanting - capacity


@pytest.mark.sqlite_only("SQLite's own write lock and busy timeout")
def test_a_writer_waiting_past_the_busy_timeout_gets_a_clear_refusal(tmp_path, monkeypatch):
    import sqlite3

    from learninghub import config
    from learninghub.core.errors import DatabaseBusy
    from learninghub.core.store import open_database

    monkeypatch.setitem(config.DEFAULTS, "sqlite_busy_timeout_ms", 200)
    path = tmp_path / "hub.sqlite"
    db = open_database(str(path))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(DatabaseBusy, match="busy with another program's change; nothing was saved"):
            with db.transaction() as s:
                people.add_person(s, given_name="Jia", family_name="Li")
        other.execute("ROLLBACK")
        with db.reading() as s:
            assert search.list_people(s) == []
    finally:
        other.close()
        db.close()
