"""Commands: every change run, undone (the data exactly as before), redone (as after the run)
and undone again; an undo after someone else's change refused, changing nothing."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import inspect, text

from learninghub.core.commands.agenda import AddSessions, EditSeries, EditSession, RemoveSessions
from learninghub.core.commands.attendance import CheckIn, RemoveCheckIn
from learninghub.core.commands.base import Done, Touched
from learninghub.core.commands.curricula import EditCurriculum
from learninghub.core.commands.people import AddPerson, EditPerson
from learninghub.core.commands.registrations import ChangeStatus, Register
from learninghub.core.commands.seminars import AddSeminar, EditSeminar, RemovePartner, SetPartner
from learninghub.core.errors import LearningHubError, NotFound, RuleViolation, StaleEdit
from learninghub.core.messages import Text
from learninghub.core.models import SessionSeries
from learninghub.core.services import agenda, attendance, curricula, people, places, registration, seats, seminars
from tests.databases import snapshot

#: Columns an undo cannot put back: they move on every write.
_MOVING = {"version", "updated_at"}
#: Times a redo sets anew (a registration made again is made now).
_WHEN_MADE = {"created_at", "at", "waitlisted_at"}


def _state(db: Any, *, times: bool = True) -> dict[str, list[str]]:
    """Every table as stored, versions and update times left out. Rows an undo or redo makes
    again get new ids, so sessions, series, registrations and what hangs on them are named
    by what they are; with ``times=False`` the times a redo sets anew are left out too."""
    with db.engine.connect() as conn:
        tables = sorted(t for t in set(inspect(conn).get_table_names()) - {"alembic_version"}
                        if not t.startswith("people_search_"))  # SQLite's full-text index pages
        rows = {t: [dict(r) for r in conn.execute(text(f'SELECT * FROM "{t}"')).mappings()] for t in tables}
    series = {r["id"]: ("series", r["seminar_id"], r["rrule"], str(r["local_start"])) for r in rows["session_series"]}
    sessions = {r["id"]: ("session", r["seminar_id"], str(r["starts_at"]), r["title"]) for r in rows["sessions"]}
    regs = {r["id"]: ("registration", r["seminar_id"], r["person_id"]) for r in rows["registrations"]}
    renamed = {"series_id": series, "session_id": sessions, "registration_id": regs}
    drop = _MOVING | (set() if times else _WHEN_MADE)
    out = {}
    for table, found in rows.items():
        if table in ("session_series", "sessions", "registrations", "registration_events", "attendance"):
            found = [{k: v for k, v in r.items() if k != "id"} for r in found]
        out[table] = sorted(repr(sorted((k, renamed[k].get(v, v) if k in renamed else v)
                                        for k, v in r.items() if k not in drop)) for r in found)
    return out


def _run(db: Any, command: Any) -> Done:
    with db.transaction() as s:
        done = command.run(s)
    for message in (done.name, done.said):
        assert isinstance(message, Text) and message.template, f"{message!r} is not a translatable Text"
    return done


def _cycle(db: Any, command: Any, check_after: Callable[[], None] = lambda: None) -> list[Done]:
    """Run, undo, redo, undo: after each undo the data is exactly as before, after the redo as
    after the run. Commands and inverses are plain values (they cross processes). Returns the Dones."""
    before = _state(db)
    done = _run(db, command)
    after = _state(db, times=False)
    check_after()
    assert done.undo is not None
    undone = _run(db, pickle.loads(pickle.dumps(done.undo)))
    assert _state(db) == before
    assert undone.undo is not None
    redone = _run(db, undone.undo)
    assert _state(db, times=False) == after
    check_after()
    again = _run(db, redone.undo)
    assert _state(db) == before
    return [done, undone, redone, again]


def _refused(db: Any, command: Any, error: type[LearningHubError] = LearningHubError) -> LearningHubError:
    before = snapshot(db)
    with pytest.raises(error) as info:
        with db.transaction() as s:
            command.run(s)
    assert snapshot(db) == before, "a refused undo changed the data"
    return info.value


def _is(found: Any, wanted: Any) -> None:
    assert found == wanted


def _statuses(db: Any, seminar_id: int) -> dict[int, str]:
    with db.reading() as s:
        return {r.person_id: r.status for r in registration.list_registrations(s, seminar_id=seminar_id)}


def _waiting(db: Any, seminar_id: int) -> list[int]:
    with db.reading() as s:
        return [r.person_id for r in seats.waiting_list(s, seminar_id)]


@pytest.fixture
def full(hub: Any, db: Any) -> dict[str, int]:
    """Capacity 2: Han and Kostya hold the seats; Li waits, then Ana."""
    with db.transaction() as s:
        ana = people.add_person(s, given_name="Ana", family_name="Puig", email="ana.puig@example.es").id
        regs = {name: registration.register(s, seminar_id=hub.seminar, person_id=pid).id
                for name, pid in (("han", hub.han), ("kostya", hub.kostya), ("li", hub.li), ("ana", ana))}
    regs["ana_person"] = ana
    assert _waiting(db, hub.seminar) == [hub.li, ana]
    return regs


# ---------------------------------------------------------------- registrations
def test_register_undo_redo(hub, db):
    dones = _cycle(db, Register(hub.seminar, hub.li),
                   lambda: _is(_statuses(db, hub.seminar), {hub.li: "registered"}))
    done = dones[0]
    assert (done.name, done.said) == ("registering “李佳 (Jia Li)”", "李佳 (Jia Li): Registered")
    assert done.name.template == "registering “{name}”" and done.touched == Touched.SEMINAR
    assert done.seminar_id == hub.seminar and dones[1].said == "李佳 (Jia Li): registration taken back"


def test_register_on_a_full_seminar_says_so(hub, db):
    with db.transaction() as s:
        for pid in (hub.han, hub.kostya):
            registration.register(s, seminar_id=hub.seminar, person_id=pid)
    done = _cycle(db, Register(hub.seminar, hub.li))[0]
    assert done.said == "李佳 (Jia Li): Waiting list — the seminar is full"
    assert done.said.template == "{name}: {status} — the seminar is full"
    assert done.said.params["status"].context == "RegistrationStatus"


def test_cancellation_that_promoted_is_undone_and_redone(hub, db, full):
    dones = _cycle(db, ChangeStatus(full["han"], "cancelled"),
                   lambda: _is((_statuses(db, hub.seminar)[hub.li], _waiting(db, hub.seminar)),
                               ("registered", [full["ana_person"]])))
    assert dones[0].name == "status of “한현숙 (Hyeon-suk Han)”: Cancelled"
    assert dones[0].said == ("한현숙 (Hyeon-suk Han): Cancelled — moved up from the waiting list: 李佳 (Jia Li)")
    assert dones[1].said == ("한현숙 (Hyeon-suk Han): Registered — back on the waiting list: 李佳 (Jia Li)")
    assert _waiting(db, hub.seminar) == [hub.li, full["ana_person"]]  # at their places again


def test_registration_undo_refused_after_someone_elses_change(hub, db, full):
    done = _run(db, ChangeStatus(full["han"], "cancelled"))
    with db.transaction() as s:
        registration.set_status(s, full["li"], "confirmed", note="paid")  # the promoted person, meanwhile
    error = _refused(db, done.undo, StaleEdit)
    assert f"registration {full['li']} was changed by someone else meanwhile" in str(error)


def test_two_steps_on_one_registration_undo_one_after_the_other(hub, db):
    """Undoing the second step moves the version on; the first step's undo still runs."""
    before = _state(db)
    first = _run(db, Register(hub.seminar, hub.li))
    second = _run(db, ChangeStatus(first.result, "confirmed"))
    _run(db, second.undo)
    _run(db, first.undo)
    assert _state(db) == before


# ---------------------------------------------------------------- attendance
def test_check_in_that_made_attended_undone(hub, db):
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
    at = dt.datetime(2020, 7, 13, 1, 5, tzinfo=dt.UTC)
    dones = _cycle(db, CheckIn(hub.session, hub.li, at),
                   lambda: _is(_statuses(db, hub.seminar)[hub.li], "attended"))
    assert _statuses(db, hub.seminar)[hub.li] == "registered"
    assert dones[0].name == "check-in of “李佳 (Jia Li)”"
    assert dones[0].said == "李佳 (Jia Li): checked in to “Opening ceremony”"
    assert dones[1].undo == CheckIn(hub.session, hub.li, at)  # checked in again when they first arrived


def test_removing_a_check_in_undone(hub, db):
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
        attendance.check_in(s, session_id=hub.session, person_id=hub.li)
    dones = _cycle(db, RemoveCheckIn(hub.session, hub.li),
                   lambda: _is(_statuses(db, hub.seminar)[hub.li], "registered"))
    assert dones[0].name == "removing the check-in of “李佳 (Jia Li)”"
    assert _statuses(db, hub.seminar)[hub.li] == "attended"


def test_check_in_undo_refused_after_someone_elses_change(hub, db):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.li).id
    done = _run(db, CheckIn(hub.session, hub.li))
    with db.transaction() as s:
        registration.set_status(s, reg, "no-show")
    _refused(db, done.undo, StaleEdit)


# ---------------------------------------------------------------- seminars
def test_edit_seminar_and_a_capacity_raise_that_promoted(hub, db, full):
    with db.reading() as s:
        version = seminars.get_seminar(s, hub.seminar).version
    dones = _cycle(db, EditSeminar(hub.seminar, {"capacity": 3, "title": "Park City", "city": "Yeonsu"}, version),
                   lambda: _is(_waiting(db, hub.seminar), [full["ana_person"]]))
    assert dones[0].name == "edit of “Park City Project”"
    assert dones[0].said == "Saved “Park City” — moved up from the waiting list: 李佳 (Jia Li)"
    assert dones[0].touched == Touched.SEMINAR | Touched.PROGRAMME
    with db.reading() as s:
        seminar = seminars.get_seminar(s, hub.seminar)
        assert (seminar.title, seminar.capacity, seminar.city.name) == ("Park City Project", 2, "Chengdu")
    assert _waiting(db, hub.seminar) == [hub.li, full["ana_person"]]


def test_edit_seminar_undo_refused_after_someone_elses_change(hub, db):
    done = _run(db, EditSeminar(hub.seminar, {"title": "Park City"}))
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, venue="Tianfu Hall")
    error = _refused(db, done.undo, StaleEdit)
    assert error.where == "seminar"


def test_two_edits_of_a_seminar_undone_and_redone(hub, db):
    before = _state(db)
    first = _run(db, EditSeminar(hub.seminar, {"title": "Park City"}))
    second = _run(db, EditSeminar(hub.seminar, {"venue": "Tianfu Hall"}))
    after = _state(db)
    undo_second = _run(db, second.undo)
    undo_first = _run(db, first.undo)
    assert _state(db) == before
    _run(db, undo_first.undo)
    _run(db, undo_second.undo)
    assert _state(db) == after


def test_an_edit_that_changes_nothing_has_no_undo(hub, db):
    assert _run(db, EditSeminar(hub.seminar, {"title": "Park City Project"})).undo is None


def test_partner_added_role_changed_and_removed(hub, db):
    name = "Chengdu Foreign Affairs Office"  # exists already: nothing but the link is made
    added = _cycle(db, SetPartner(hub.seminar, name, "organiser"))[0]
    assert (added.name, added.said) == (f"partner “{name}”", f"Organiser: “{name}”")
    _run(db, SetPartner(hub.seminar, name, "organiser"))
    changed = _cycle(db, SetPartner(hub.seminar, name.lower(), "partner"))[0]
    assert changed.undo == SetPartner(hub.seminar, name, "organiser", changed.undo.expected)
    with db.reading() as s:
        org = seminars.get_seminar(s, hub.seminar).partners[0].organisation_id
    removed = _cycle(db, RemovePartner(hub.seminar, org))[0]
    assert removed.said == f"Removed partner “{name}”"


def test_partner_undo_refused_after_someone_elses_change(hub, db):
    done = _run(db, SetPartner(hub.seminar, "Chengdu Foreign Affairs Office", "organiser"))
    with db.transaction() as s:
        seminars.set_partner(s, hub.seminar, "UN-Habitat", "partner")
    _refused(db, done.undo, StaleEdit)


def test_a_new_seminar_in_a_new_curriculum(hub, db):
    done = _run(db, AddSeminar({"title": "Yeonsu Waterfront", "start": dt.date(2021, 5, 3),
                                "end": dt.date(2021, 5, 7), "timezone": "Asia/Seoul", "city": "Yeonsu"},
                               new_curriculum_title="Learning Hub Yeonsu"))
    assert done.undo is None and done.said == "Added “Yeonsu Waterfront”"
    with db.reading() as s:
        seminar = seminars.get_seminar(s, done.result)
        assert (seminar.curriculum.title, seminar.curriculum.start_year, seminar.curriculum.end_year) == \
            ("Learning Hub Yeonsu", 2021, 2021)
    with pytest.raises(LearningHubError):  # no title for the new curriculum: nothing is saved
        _run(db, AddSeminar({"title": "X", "start": "2021-05-03", "end": "2021-05-03", "timezone": "UTC"}))


# ---------------------------------------------------------------- curricula and people
def test_edit_curriculum(hub, db):
    with db.reading() as s:
        version = curricula.get_curriculum(s, hub.curriculum).version
    command = EditCurriculum(hub.curriculum, {"title": "Learning Hub Chengdu", "end_year": 2023}, version)
    assert _cycle(db, command)[0].name == "edit of “Metropolis Learning Hub Chengdu 2020–2022”"
    done = _run(db, replace(command, expected_version=None))
    with db.transaction() as s:
        curricula.edit_curriculum(s, hub.curriculum, description="meanwhile")
    _refused(db, done.undo, StaleEdit)


def test_edit_person(hub, db):
    with db.transaction() as s:
        places.organisation_named(s, "Yeonsu District Office")
    values = {"organisation": "Yeonsu District Office", "country": "KR", "city": "Yeonsu",
              "email": "li.jia@example.org", "native_name": None}
    done = _cycle(db, EditPerson(hub.li, values))[0]
    assert (done.name, done.said) == ("edit of “李佳 (Jia Li)”", "Saved “Jia Li”")
    done = _run(db, EditPerson(hub.li, values))
    with db.transaction() as s:
        people.edit_person(s, hub.li, phone="+86 28 0000")
    _refused(db, done.undo, StaleEdit)


def test_new_person_registered_undo_takes_back_the_registration_only(hub, db):
    before = _state(db)
    done = _run(db, AddPerson({"given_name": "Ji-min", "family_name": "Han", "native_name": "한지민"},
                              register_to=hub.seminar))
    assert (done.name, done.said) == ("registering “한지민 (Ji-min Han)”", "한지민 (Ji-min Han): Registered")
    assert done.touched == Touched.SEMINAR | Touched.PEOPLE
    undone = _run(db, done.undo)
    state = _state(db)
    assert {t: rows for t, rows in state.items() if not t.startswith("people")} == \
        {t: rows for t, rows in before.items() if not t.startswith("people")}
    with db.reading() as s:
        assert people.get_person(s, done.result).display_name == "한지민 (Ji-min Han)"  # stays in the directory
    _run(db, undone.undo)
    assert _statuses(db, hub.seminar) == {done.result: "registered"}
    assert _run(db, AddPerson({"given_name": "Ana", "family_name": "Puig"})).undo is None


# ---------------------------------------------------------------- agenda
def test_edit_session_and_its_speakers(hub, db):
    with db.reading() as s:
        version = agenda.get_session(s, hub.session).version
    values = {"title": "Welcome", "start": dt.datetime(2020, 7, 14, 10, 0), "end": dt.datetime(2020, 7, 14, 11, 0),
              "speaker_ids": [hub.han, hub.li]}
    done = _cycle(db, EditSession(hub.session, values, version))[0]
    assert (done.name, done.said) == ("edit of “Opening ceremony”", "Saved “Welcome”")
    done = _run(db, EditSession(hub.session, values))
    with db.transaction() as s:  # only the speakers: the session's version stays as it was
        agenda.edit_session(s, hub.session, speaker_ids=[hub.kostya])
    _refused(db, done.undo, StaleEdit)


def test_a_repeating_series_added_undone_redone(hub, db):
    command = AddSessions(hub.seminar, {"title": "Site visit", "start": "2020-07-14 14:00",
                                        "end": "2020-07-14 16:00", "speaker_ids": [hub.kostya]},
                          repeat="FREQ=DAILY;COUNT=3")
    dones = _cycle(db, command)
    assert len(dones[0].result) == 3 and dones[0].said == "Added 3 sessions “Site visit” from 2020-07-14"
    assert dones[1].undo == command
    with db.reading() as s:
        assert s.query(SessionSeries).count() == 0  # the series went with the sessions it made
    done = _run(db, command)
    with db.transaction() as s:
        agenda.edit_session(s, done.result[1], room="B2")
    _refused(db, done.undo, StaleEdit)


def test_a_session_deleted_undone_redone(hub, db):
    dones = _cycle(db, RemoveSessions((hub.session,)))
    assert (dones[0].name, dones[0].said) == ("deleting “Opening ceremony” on 2020-07-13",
                                              "Deleted “Opening ceremony” on 2020-07-13")
    done = _run(db, RemoveSessions(dones[-1].result))  # the session restored last
    with db.transaction() as s:  # the seminar now starts a day later: the session cannot come back
        seminars.edit_seminar(s, hub.seminar, start="2020-07-14")
    _refused(db, done.undo, RuleViolation)


def test_an_occurrence_cancelled_undone_redone(hub, db):
    with db.transaction() as s:
        ids = [r.id for r in agenda.add_session(s, seminar_id=hub.seminar, title="Walk", start="2020-07-14 08:00",
                                                 end="2020-07-14 09:00", repeat="FREQ=DAILY;COUNT=3")]

    def exdates() -> str:
        with db.reading() as s:
            return s.query(SessionSeries).one().exdates

    dones = _cycle(db, RemoveSessions((ids[1],), cancel=True),
                   lambda: _is(exdates(), "20200715T080000"))
    assert exdates() == "" and dones[0].name == "cancelling “Walk” on 2020-07-15"


def test_a_whole_series_edit_puts_each_occurrence_back(hub, db):
    with db.transaction() as s:
        rows = agenda.add_session(s, seminar_id=hub.seminar, title="Walk", start="2020-07-14 08:00",
                                  end="2020-07-14 09:00", repeat="FREQ=DAILY;COUNT=3")
        ids, series_id = [r.id for r in rows], rows[0].series_id
        agenda.edit_session(s, ids[2], room="Garden", start="2020-07-16 07:30")  # one of its own
    values = {"title": "Morning walk", "room": "Lobby", "start_time": dt.time(9, 0), "end_time": dt.time(10, 0)}
    done = _cycle(db, EditSeries(series_id, values))[0]
    assert done.name == "edit of every “Walk”"
    with db.reading() as s:
        last = agenda.get_session(s, ids[2])
        assert (last.room, last.starts_at) == ("Garden", dt.datetime(2020, 7, 15, 23, 30, tzinfo=dt.UTC))
    done = _run(db, EditSeries(series_id, values))
    with db.transaction() as s:
        agenda.edit_session(s, ids[0], description="meanwhile")
    _refused(db, done.undo, StaleEdit)


def test_an_undo_of_a_deleted_row_is_refused(hub, db):
    done = _run(db, EditSession(hub.session, {"room": "A1"}))
    with db.transaction() as s:
        agenda.delete_session(s, hub.session)
    _refused(db, done.undo, NotFound)


def test_a_session_in_the_dst_fold_comes_back_at_the_same_instant(db):
    """02:30 on the night the clocks go back in Madrid happens twice: the later one stays the later one."""
    with db.transaction() as s:
        curriculum = curricula.add_curriculum(s, title="Learning Hub Madrid").id
        seminar = seminars.add_seminar(s, curriculum_id=curriculum, title="Night shift", start="2021-10-30",
                                       end="2021-10-31", timezone="Europe/Madrid").id
    added = _run(db, AddSessions(seminar, {"title": "Night walk", "start": "2021-10-31 02:30",
                                           "end": "2021-10-31 02:50"}, fold="later"))
    restored = _cycle(db, RemoveSessions(added.result))[-1]  # the last undo restored it
    with db.reading() as s:
        assert agenda.get_session(s, restored.result[0]).starts_at == dt.datetime(2021, 10, 31, 1, 30, tzinfo=dt.UTC)
