"""Every kind of change through the window's one helper (``history.apply``), undone and redone through the
same runner, on SQLite and on PostgreSQL: what the pages show afterwards is what they showed before."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from learninghub.core.commands.agenda import AddSessions, EditSeries, EditSession, RemoveSessions
from learninghub.core.commands.attendance import CheckIn, RemoveCheckIn
from learninghub.core.commands.curricula import EditCurriculum
from learninghub.core.commands.people import AddPerson, EditPerson
from learninghub.core.commands.registrations import ChangeStatus, Register
from learninghub.core.commands.seminars import EditSeminar, RemovePartner, SetPartner
from learninghub.core.pages.person import person_page
from learninghub.core.pages.programme import curriculum_page
from learninghub.core.pages.seminar import seminar_page
from learninghub.core.services import demo, people, seminars
from tests.gui.conftest import settle, shown_window

both = pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def hub(request, db_kind):  # type: ignore[no-untyped-def]
    """The demo programme in a fresh database of the test's kind."""
    if db_kind == "postgresql":
        request.getfixturevalue("pg_server")
    db = request.getfixturevalue("db")
    with db.transaction() as s:
        demo.load_demo(s)
    return db


def _view(db, seminar_id: int, curriculum_id: int = 0, person_id: int = 0) -> Any:  # type: ignore[no-untyped-def]
    """What the screens show, without what a change may renumber (row ids, versions)."""
    page = db.read(seminar_page(seminar_id))[0]
    seen = (
        {k: v for k, v in page.values.items() if k != "version"},
        sorted((p.name, p.role) for p in page.partners),
        [(i.title, i.kind, i.starts_at, i.ends_at, i.room, i.speakers) for i in page.agenda],
        [(p.person_id, p.status, p.waiting_place) for p in page.participants],
        [(line.person_id, line.present) for line in page.roster],
    )
    if curriculum_id:
        seen += ({k: v for k, v in db.read(curriculum_page(curriculum_id))[0].values.items() if k != "version"},)
    if person_id:
        seen += ({k: v for k, v in db.read(person_page(person_id))[0].values.items() if k != "version"},)
    return seen


def _ids(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        park = next(x for x in seminars.list_seminars(s) if x.title == "Park City Project")
    page = db.read(seminar_page(park.id))[0]
    seated = next(p for p in page.participants if p.status == "attended")
    present = next(line for line in page.roster if line.present)
    absent = next(line for line in page.roster if not line.present and line.status != "waitlisted")
    return {"park": park.id, "curriculum": park.curriculum_id, "seated": seated.registration_id,
            "seated_person": seated.person_id, "present": present.person_id, "absent": absent.person_id,
            "session": page.checkin_session_id, "first_item": page.agenda[0].id,
            **_unattended(db),
            "partner": page.partners[0].organisation_id}


def _unattended(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """A session nobody checked in to, and its seminar (one with check-ins may not be deleted: their
    attendance would go; every session of the Park City Project has some)."""
    from sqlalchemy import select

    from learninghub.core.models import AgendaSession, Attendance

    with db.reading() as s:
        session_id, seminar_id = s.execute(select(AgendaSession.id, AgendaSession.seminar_id).where(
            ~AgendaSession.id.in_(select(Attendance.session_id))).order_by(AgendaSession.starts_at)).first()
    return {"unattended": session_id, "unattended_seminar": seminar_id}


def _newcomer(db) -> int:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return people.add_person(s, given_name="Seo-yeon", family_name="Park", native_name="박서연",
                                 email="park.seoyeon@example.kr", city="Yeonsu", country="KR").id


def _run(qtbot, window, command) -> None:  # type: ignore[no-untyped-def]
    refused: list[Any] = []
    window.history.apply(command, refused=refused.append)
    settle(qtbot, window)
    assert not refused, refused


def _undo_redo(qtbot, window, db, before, after, **view) -> None:  # type: ignore[no-untyped-def]
    window.history.request(True)
    settle(qtbot, window)
    assert _view(db, **view) == before, "undo did not give back what the screens showed before"
    window.history.request(False)
    settle(qtbot, window)
    assert _view(db, **view) == after, "redo did not make the change again"


CHANGES = {
    "register": lambda ids: Register(ids["park"], ids["newcomer"]),
    "cancel a seat (the first person waiting moves up)": lambda ids: ChangeStatus(ids["seated"], "cancelled"),
    "check in": lambda ids: CheckIn(ids["session"], ids["absent"]),
    "untick a check-in": lambda ids: RemoveCheckIn(ids["session"], ids["present"]),
    "overview edit": lambda ids: EditSeminar(ids["park"], {"venue": "Tianfu Greenway Visitor Centre, 天府绿道",
                                                            "capacity": 30}),
    "new partner": lambda ids: SetPartner(ids["park"], "成都市规划设计研究院", "organiser"),
    "partner removed": lambda ids: RemovePartner(ids["park"], ids["partner"]),
    "new repeating session": lambda ids: AddSessions(ids["park"], {
        "title": "Morning walk, Jincheng Park", "kind": "visit", "start": dt.datetime(2020, 7, 13, 7, 0),
        "end": dt.datetime(2020, 7, 13, 7, 45), "speaker_ids": []}, repeat="FREQ=DAILY;COUNT=5"),
    "session moved": lambda ids: EditSession(ids["first_item"], {"start": dt.datetime(2020, 7, 13, 8, 30),
                                                                "end": dt.datetime(2020, 7, 13, 9, 15)}),
    "session deleted": lambda ids: RemoveSessions((ids["unattended"],)),
    "curriculum edit": lambda ids: EditCurriculum(ids["curriculum"], {"title_zh": "大都市学习中心（成都）"}),
    "new person, registered": lambda ids: AddPerson({"given_name": "Ji-min", "family_name": "Han",
                                                      "native_name": "한지민", "email": "han.jimin@example.kr"},
                                                     register_to=ids["park"]),
    "person edited": lambda ids: EditPerson(ids["seated_person"], {"organisation": "Chengdu Park City Bureau"}),
}


@both
@pytest.mark.parametrize("kind", list(CHANGES))
def test_every_change_undone_and_redone_through_the_window(qtbot, hub, kind) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, hub)
    ids = _ids(hub)
    ids["newcomer"] = _newcomer(hub)
    seminar = ids["unattended_seminar"] if kind == "session deleted" else ids["park"]
    view = {"seminar_id": seminar, "curriculum_id": ids["curriculum"], "person_id": ids["seated_person"]}
    before = _view(hub, **view)
    _run(qtbot, window, CHANGES[kind](ids))
    after = _view(hub, **view)
    assert after != before, "the change changed nothing on screen"
    assert window.undo_stack.count() == 1 and window.undo_action.isEnabled()
    _undo_redo(qtbot, window, hub, before, after, **view)


@both
def test_a_whole_series_edited_then_undone_and_redone(qtbot, hub) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, hub)
    park = _ids(hub)["park"]
    _run(qtbot, window, AddSessions(park, {"title": "Daily stand-up", "kind": "meeting",
                                           "start": dt.datetime(2020, 7, 13, 8, 0), "end": dt.datetime(2020, 7, 13, 8, 15),
                                           "speaker_ids": []}, repeat="FREQ=DAILY;COUNT=4"))
    series = next(i.series_id for i in hub.read(seminar_page(park))[0].agenda if i.title == "Daily stand-up")
    view = {"seminar_id": park}
    before = _view(hub, **view)
    _run(qtbot, window, EditSeries(series, {"title": "Daily briefing", "start_time": dt.time(8, 30),
                                            "end_time": dt.time(8, 50)}))
    after = _view(hub, **view)
    assert [i.title for i in hub.read(seminar_page(park))[0].agenda].count("Daily briefing") == 4
    _undo_redo(qtbot, window, hub, before, after, **view)


@both
def test_two_saves_of_one_seminar_undone_in_turn_with_ctrl_z_pressed_twice(qtbot, hub) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, hub)
    park = _ids(hub)["park"]
    first = _view(hub, park)
    _run(qtbot, window, EditSeminar(park, {"venue": "Tianfu Greenway Visitor Centre"}))
    _run(qtbot, window, EditSeminar(park, {"capacity": 35}))
    window.undo_action.trigger()
    window.undo_action.trigger()  # pressed again before the first undo came back: it waits its turn
    settle(qtbot, window)
    assert _view(hub, park) == first
    assert window.undo_stack.index() == 0 and window.undo_stack.count() == 2


@both
def test_an_undo_someone_else_made_impossible_is_refused_and_leaves_the_history(qtbot, hub) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import visible_box

    window = shown_window(qtbot, hub)
    park = _ids(hub)["park"]
    _run(qtbot, window, EditSeminar(park, {"venue": "Tianfu Greenway Visitor Centre"}))
    with hub.transaction() as s:  # a colleague in the other office saves the same seminar meanwhile
        seminars.edit_seminar(s, park, venue="Jinjiang Hotel, Chengdu")
    window.history.request(True)
    settle(qtbot, window)
    box = visible_box(window, "refusalBox")
    assert box is not None and "Cannot undo or redo" in box.text()
    assert "changed by someone else" in box.informativeText()
    with hub.reading() as s:
        assert seminars.get_seminar(s, park).venue == "Jinjiang Hotel, Chengdu"  # never overwritten
    assert window.undo_stack.count() == 0
    box.close()
