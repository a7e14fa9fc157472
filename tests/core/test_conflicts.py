"""Conflict checks across all seminars of all curricula: each kind, across zones and curricula,
the edges (touching times, midnight, adjacent days in far zones), what is ignored, and speed."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass

import pytest
from sqlalchemy import insert, update

from learninghub.core.errors import NotFound
from learninghub.core.models import AgendaSession, Person, Registration, SessionSpeaker
from learninghub.core.services import agenda, curricula, people, registration, seminars
from learninghub.core.services.conflicts import KINDS, Conflict, find_conflicts

UTC = dt.UTC


@dataclass
class World:
    """The hub (Park City Project, Chengdu, 13–17 July 2020, Asia/Shanghai) plus a one-day
    Brussels webinar on 13 July 2020 in another curriculum."""

    hub: object
    brussels: int


@pytest.fixture
def world(hub, db) -> World:
    with db.transaction() as s:
        iurc = curricula.add_curriculum(s, title="IURC Asia 2020", start_year=2020, end_year=2020)
        web = seminars.add_seminar(s, curriculum_id=iurc.id, title="IURC webinar", start="2020-07-13",
                                   end="2020-07-13", timezone="Europe/Brussels", kind="webinar", format="online")
        return World(hub, web.id)


def _all(db, seminar_id: int | None = None) -> list[Conflict]:
    with db.reading() as s:
        return find_conflicts(s, seminar_id)


def _kind(db, kind: str, seminar_id: int | None = None) -> list[Conflict]:
    return [c for c in _all(db, seminar_id) if c.kind == kind]


def _session(db, seminar_id: int, title: str, start: str, end: str, **kw) -> int:
    with db.transaction() as s:
        return agenda.add_session(s, seminar_id=seminar_id, title=title, start=start, end=end, **kw)[0].id


def _seminar(db, hub, title: str, start: str, end: str, zone: str, **kw) -> int:
    kw.setdefault("curriculum_id", hub.curriculum)
    with db.transaction() as s:
        return seminars.add_seminar(s, title=title, start=start, end=end, timezone=zone, **kw).id


# --- a speaker in two sessions at once ------------------------------------------------------


def test_speaker_in_chengdu_and_in_a_brussels_webinar_at_the_same_time(world, db):
    hub = world.hub
    keynote = _session(db, world.brussels, "Keynote", "2020-07-13 03:30", "2020-07-13 04:30", speaker_ids=[hub.li])
    [conflict] = _all(db)
    assert conflict.kind == "speaker-double-booked"
    assert conflict.message == (
        '李佳 (Jia Li) speaks in "Opening ceremony" (Park City Project, Mon 2020-07-13 09:00–09:45 Asia/Shanghai) '
        'and in "Keynote" (IURC webinar, Mon 2020-07-13 03:30–04:30 Europe/Brussels) at the same time'
    )
    assert [(i.type, i.id, i.seminar_id) for i in conflict.items] == [
        ("session", hub.session, hub.seminar), ("session", keynote, world.brussels), ("person", hub.li, None)]
    assert conflict.id == f"speaker-double-booked:person-{hub.li},session-{hub.session},session-{keynote}"


def test_speaker_at_10_30_brussels_is_no_conflict(world, db):
    _session(db, world.brussels, "Keynote", "2020-07-13 10:30", "2020-07-13 11:30", speaker_ids=[world.hub.li])
    assert _all(db) == []


@pytest.mark.parametrize("start, end", [("2020-07-13 03:45", "2020-07-13 04:30"),  # from 09:45 Chengdu
                                        ("2020-07-13 02:00", "2020-07-13 03:00")])  # until 09:00 Chengdu
def test_touching_sessions_in_two_zones_are_no_conflict(world, db, start, end):
    _session(db, world.brussels, "Keynote", start, end, speaker_ids=[world.hub.li])
    assert _all(db) == []


def test_touching_sessions_in_one_seminar_are_no_conflict(world, db):
    hub = world.hub
    with db.transaction() as s:
        agenda.edit_session(s, hub.session, room="Hall A")
    _session(db, hub.seminar, "Site visit", "2020-07-13 09:45", "2020-07-13 11:00", speaker_ids=[hub.li],
             moderator_id=hub.li, room="Hall A")
    assert _all(db) == []


def test_moderator_counts_as_being_there_and_both_roles_make_one_conflict(world, db):
    hub = world.hub
    panel = _session(db, hub.seminar, "Panel", "2020-07-13 09:30", "2020-07-13 10:30", moderator_id=hub.li)
    [moderating] = _all(db)
    assert '李佳 (Jia Li) speaks in "Opening ceremony"' in moderating.message
    assert 'and moderates "Panel" (Park City Project, Mon 2020-07-13 09:30–10:30 Asia/Shanghai)' in moderating.message
    with db.transaction() as s:
        agenda.edit_session(s, panel, speaker_ids=[hub.li, hub.han])
    [both] = _all(db)
    assert both.id == moderating.id and 'and in "Panel"' in both.message
    _session(db, world.brussels, "Q&A", "2020-07-13 03:00", "2020-07-13 05:00", moderator_id=hub.li)
    messages = [c.message.split(" (Park City")[0].split(" (IURC")[0] for c in _kind(db, "speaker-double-booked")]
    assert messages == ['李佳 (Jia Li) speaks in "Opening ceremony"'] * 2 + ['李佳 (Jia Li) moderates "Q&A"']
    second_sides = [c.message.split(") and ")[1].split(" (")[0] for c in _kind(db, "speaker-double-booked")]
    assert second_sides == ['moderates "Q&A"', 'in "Panel"', 'speaks in "Panel"']
    _session(db, world.brussels, "Wrap-up", "2020-07-13 03:00", "2020-07-13 04:00", moderator_id=hub.kostya)
    _session(db, hub.seminar, "Walk", "2020-07-13 09:00", "2020-07-13 10:00", moderator_id=hub.kostya)
    [twice] = [c.message for c in _kind(db, "speaker-double-booked") if "Konstantin" in c.message]
    assert twice.startswith('Константин Петров (Konstantin Petrov) moderates "Wrap-up" (IURC webinar, ')
    assert ') and "Walk" (Park City Project, Mon 2020-07-13 09:00–10:00 Asia/Shanghai) at the same time' in twice


def test_each_shared_speaker_of_each_pair_is_one_conflict(world, db):
    hub = world.hub
    _session(db, hub.seminar, "Talk", "2020-07-13 09:00", "2020-07-13 10:00", speaker_ids=[hub.han, hub.li])
    _session(db, world.brussels, "Talk", "2020-07-13 03:00", "2020-07-13 04:00", speaker_ids=[hub.li, hub.han])
    people_in = sorted(c.items[2].id for c in _kind(db, "speaker-double-booked"))
    assert people_in == sorted([hub.li] * 3 + [hub.han])  # li: three sessions, three pairs; han: one pair


def test_erased_speaker_and_cancelled_seminar_are_ignored(world, db):
    hub = world.hub
    _session(db, world.brussels, "Keynote", "2020-07-13 03:30", "2020-07-13 04:30", speaker_ids=[hub.li])
    with db.transaction() as s:
        seminars.cancel_seminar(s, world.brussels)
    assert _all(db) == []
    assert _all(db, world.brussels) == []
    _session(db, hub.seminar, "Again", "2020-07-13 09:15", "2020-07-13 09:30", speaker_ids=[hub.li])
    assert len(_all(db)) == 1
    with db.transaction() as s:
        people.erase_person(s, hub.li)
    assert _all(db) == []


# --- a room booked twice --------------------------------------------------------------------


def test_room_booked_twice_in_one_seminar_ignoring_case_and_spaces(world, db):
    hub = world.hub
    with db.transaction() as s:
        agenda.edit_session(s, hub.session, room="Hall A")
    other = _session(db, hub.seminar, "Workshop", "2020-07-13 09:30", "2020-07-13 10:30", room="  hall a ")
    _session(db, hub.seminar, "Side event", "2020-07-13 09:00", "2020-07-13 10:00", room="Hall B")
    _session(db, hub.seminar, "Coffee", "2020-07-13 09:00", "2020-07-13 10:00")
    [conflict] = _all(db)
    assert conflict.kind == "room-double-booked"
    assert [i.id for i in conflict.items] == [hub.session, other]
    assert conflict.message.startswith('room "Hall A" at Park City Project is booked for "Opening ceremony"')


def test_room_at_the_same_venue_across_seminars_and_curricula(world, db):
    hub = world.hub
    venue = "Tianfu International Conference Center"
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, venue=venue)
        agenda.edit_session(s, hub.session, room="Zoom")
        other = curricula.add_curriculum(s, title="UNESCO GNLC").id
    same = _seminar(db, hub, "GNLC meeting", "2020-07-13", "2020-07-13", "Asia/Shanghai", venue=venue.upper(),
                    city="Chengdu", country="CN", curriculum_id=other)
    elsewhere = _seminar(db, hub, "Sofia meeting", "2020-07-13", "2020-07-13", "Asia/Shanghai", venue=venue,
                         city="Sofia", country="BG")
    _session(db, world.brussels, "Webinar", "2020-07-13 03:00", "2020-07-13 04:00", room="Zoom")  # another venue
    _session(db, elsewhere, "Meeting", "2020-07-13 09:00", "2020-07-13 10:00", room="Zoom")  # another city
    assert _all(db) == []
    clash = _session(db, same, "Cluster call", "2020-07-13 09:40", "2020-07-13 10:00", room="zoom")
    [conflict] = _all(db)
    assert (conflict.kind, [i.id for i in conflict.items]) == ("room-double-booked", [hub.session, clash])
    assert [c.id for c in _all(db, same)] == [conflict.id]


# --- a session outside its seminar's days ---------------------------------------------------


def _move(db, session_id: int, start: dt.datetime, end: dt.datetime) -> None:
    """What older or imported data may hold: the services refuse it."""
    with db.transaction() as s:
        s.execute(update(AgendaSession).where(AgendaSession.id == session_id).values(starts_at=start, ends_at=end))


def test_session_outside_the_seminars_days(world, db):
    hub = world.hub
    # 18 July 10:00–11:00 in Chengdu (UTC+8): the day after the last.
    _move(db, hub.session, dt.datetime(2020, 7, 18, 2, tzinfo=UTC), dt.datetime(2020, 7, 18, 3, tzinfo=UTC))
    [conflict] = _all(db)
    assert conflict.kind == "outside-seminar-days"
    assert conflict.message == ('"Opening ceremony" (Park City Project, Sat 2020-07-18 10:00–11:00 Asia/Shanghai) '
                                "is outside the seminar's days 2020-07-13 – 2020-07-17 (Asia/Shanghai)")
    assert [(i.type, i.id) for i in conflict.items] == [("session", hub.session), ("seminar", hub.seminar)]
    assert _all(db, world.brussels) == []


@pytest.mark.parametrize("start, end, outside", [
    ((7, 12, 15, 59), (7, 12, 16, 30), True),  # starts 12 July 23:59 in Chengdu
    ((7, 12, 16, 0), (7, 12, 17, 0), False),  # starts 13 July 00:00
    ((7, 17, 15, 0), (7, 17, 16, 0), False),  # ends at 24:00 of the last day: the day before
    ((7, 17, 15, 0), (7, 17, 16, 1), True),  # ends at 00:01 on 18 July
])
def test_outside_days_are_the_seminars_local_days(hub, db, start, end, outside):
    _move(db, hub.session, dt.datetime(2020, *start, tzinfo=UTC), dt.datetime(2020, *end, tzinfo=UTC))
    assert bool(_kind(db, "outside-seminar-days")) is outside


# --- a participant in two overlapping seminars ----------------------------------------------


@pytest.mark.parametrize("start, end, overlap", [
    ("2020-07-17", "2020-07-18", "18 h"),  # Madrid's 17 July starts while Chengdu's 17th runs
    ("2020-07-18", "2020-07-19", None),  # Madrid's 18th starts after Chengdu's 17th ended
    ("2020-07-11", "2020-07-12", "6 h"),  # Madrid's 12th ends after Chengdu's 13th began
    ("2020-07-10", "2020-07-11", None),
])
def test_participant_in_seminars_on_adjacent_days_in_far_zones(hub, db, start, end, overlap):
    madrid = _seminar(db, hub, "Barcelona visit", start, end, "Europe/Madrid")
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya, status="confirmed")
        registration.register(s, seminar_id=madrid, person_id=hub.kostya, status="invited")
    found = _kind(db, "participant-overlap")
    if overlap is None:
        assert found == []
        return
    [conflict] = found
    assert conflict.message.startswith("Константин Петров (Konstantin Petrov) is ")
    assert f"which overlap by {overlap}" in conflict.message
    assert 'confirmed for "Park City Project" (2020-07-13 – 2020-07-17 Asia/Shanghai)' in conflict.message
    assert f'invited to "Barcelona visit" ({start} – {end} Europe/Madrid)' in conflict.message
    assert {i.type for i in conflict.items} == {"registration", "person"}
    assert {i.seminar_id for i in conflict.items} == {hub.seminar, madrid, None}


def test_participant_overlap_ignores_cancelled_registrations_people_and_seminars(world, db):
    hub = world.hub
    with db.transaction() as s:
        for person in (hub.li, hub.han, hub.kostya):
            registration.register(s, seminar_id=world.brussels, person_id=person, status="registered")
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li, status="registered")
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han, status="cancelled")
        registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya, status="waitlisted")
    assert sorted(c.items[-1].id for c in _kind(db, "participant-overlap")) == [hub.li, hub.kostya]
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    assert [c.items[-1].id for c in _kind(db, "participant-overlap")] == [hub.li]
    with db.transaction() as s:
        seminars.cancel_seminar(s, hub.seminar)
    assert _kind(db, "participant-overlap") == []


# --- more registrations than seats ----------------------------------------------------------


def test_over_capacity_after_the_capacity_was_lowered(hub, db):
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
        registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        waiting = registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya)
        assert waiting.status == "waitlisted"  # the service keeps a full seminar full
    assert _all(db) == []
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, capacity=1)
    [conflict] = _all(db)
    assert conflict.kind == "over-capacity" and conflict.id == f"over-capacity:seminar-{hub.seminar}"
    assert conflict.message == '"Park City Project" has 2 seats taken for a capacity of 1 (1 too many)'
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, capacity=None)
    assert _all(db) == []


# --- the seminar filter ---------------------------------------------------------------------


def test_seminar_filter_keeps_the_other_seminars_side(world, db):
    hub = world.hub
    keynote = _session(db, world.brussels, "Keynote", "2020-07-13 03:30", "2020-07-13 04:30", speaker_ids=[hub.li])
    unrelated = _seminar(db, hub, "Later", "2021-01-01", "2021-01-02", "Asia/Seoul", capacity=1)
    with db.transaction() as s:
        registration.register(s, seminar_id=unrelated, person_id=hub.li)
        registration.register(s, seminar_id=unrelated, person_id=hub.han)
        s.execute(update(Registration).where(Registration.person_id == hub.han).values(status="confirmed"))
    everything = _all(db)
    assert sorted(c.kind for c in everything) == ["over-capacity", "speaker-double-booked"]
    for seminar_id in (hub.seminar, world.brussels, unrelated):
        expected = [c for c in everything if seminar_id in {i.seminar_id for i in c.items}]
        assert _all(db, seminar_id) == expected
    [from_brussels] = _all(db, world.brussels)
    assert {(i.id, i.seminar_id) for i in from_brussels.items if i.type == "session"} == {
        (hub.session, hub.seminar), (keynote, world.brussels)}


def test_unknown_seminar_is_not_found(hub, db):
    with pytest.raises(NotFound, match="there is no seminar with id 999"):
        _all(db, 999)


# --- the demo and speed ---------------------------------------------------------------------


def test_demo_has_only_two_participant_overlaps(db):
    from learninghub.core.services.demo import load_demo

    with db.transaction() as s:
        load_demo(s)
    found = _all(db)
    assert [c.kind for c in found] == ["participant-overlap"] * 2
    # The cluster's coordination meetings run Feb–June 2021 as one seminar, so two people who
    # also came to the one-day May webinar are on both lists.
    assert all('"Entrepreneurship Cluster coordination meetings 2021"' in c.message for c in found)
    assert {c.items[-1].label for c in found} == {"胡欣 (Xin Hu)", "Δήμητρα Καράλη (Dimitra Karali)"}
    assert set(KINDS) >= {c.kind for c in found}


def test_five_thousand_sessions_take_well_under_a_second(hub, db):
    with db.transaction() as s:
        speakers = [p.id for p in (people.add_person(s, given_name=f"P{i}", family_name="X") for i in range(200))]
        ids = [seminars.add_seminar(s, curriculum_id=hub.curriculum, title=f"S{i}", start=dt.date(2021, 1, 1)
                                    + dt.timedelta(days=7 * i), end=dt.date(2021, 1, 5) + dt.timedelta(days=7 * i),
                                    timezone="Asia/Shanghai", venue="Hall", city="Chengdu").id for i in range(50)]
        rows, links = [], []
        for n in range(5000):
            start = dt.datetime(2021, 1, 1, 1, tzinfo=UTC) + dt.timedelta(days=7 * (n // 100) + n % 5, hours=n % 10)
            rows.append({"id": 10_000 + n, "seminar_id": ids[n // 100], "title": f"T{n}", "kind": "talk",
                         "starts_at": start, "ends_at": start + dt.timedelta(minutes=90), "room": "Main hall" if n % 50 == 0 else f"R{n % 100}",
                         "version": 1})
            pair = [speakers[(n * 7) % 150]] + ([speakers[150 + n % 50]] if n % 10 == 0 else [])
            links += [{"session_id": 10_000 + n, "person_id": p, "position": k} for k, p in enumerate(pair)]
        s.execute(insert(AgendaSession), rows)
        s.execute(insert(SessionSpeaker), links)
    with db.reading() as s:
        assert s.query(Person).count() == 203
        began = time.perf_counter()
        found = find_conflicts(s)
        took = time.perf_counter() - began
    assert Counter(c.kind for c in found) == {"speaker-double-booked": 250, "room-double-booked": 50}
    assert took < 1.0, f"{len(found)} conflicts in {took:.2f} s"
