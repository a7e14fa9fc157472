"""Undoing registrations: remove one made by mistake, take a status change back exactly."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from learninghub.core.errors import NotFound, RuleViolation, StaleEdit
from learninghub.core.services import attendance, people, registration, seats, seminars
from tests.databases import snapshot

#: Columns an undo cannot put back: versions only grow, so a copy read meanwhile stays stale.
_MOVING = ("version", "updated_at")


def _state(db) -> dict[str, Any]:
    """Every table as stored, with the registrations' version and updated_at left out."""
    state: dict[str, Any] = snapshot(db)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM registrations ORDER BY id")).mappings().all()
    state["registrations"] = [{k: v for k, v in row.items() if k not in _MOVING} for row in rows]
    return state


def _statuses(db, *ids: int) -> list[str]:
    with db.reading() as s:
        return [registration.get_registration(s, i).status for i in ids]


def _history(db, registration_id: int) -> list[tuple[str | None, str]]:
    with db.reading() as s:
        return [(e.old_status, e.new_status) for e in registration.get_registration(s, registration_id).events]


@pytest.fixture
def two_free(hub, db) -> dict[str, int]:
    """Capacity 2: Li holds a seat, one seat is free, and Kostya then Ana asked to wait
    (put on the waiting list by hand), so Li's cancellation moves both up."""
    with db.transaction() as s:
        ana = people.add_person(s, given_name="Ana", family_name="Puig", email="ana.puig@example.es").id
        regs = {"li": registration.register(s, seminar_id=hub.seminar, person_id=hub.li).id}
        for name, pid in (("kostya", hub.kostya), ("ana", ana)):
            regs[name] = registration.register(s, seminar_id=hub.seminar, person_id=pid, status="waitlisted").id
    regs["ana_person"] = ana
    return regs


# ---------------------------------------------------------------- unregister
def test_register_then_unregister_leaves_every_table_as_before(hub, db):
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
    before = snapshot(db)
    with db.transaction() as s:
        change = registration.register_change(s, seminar_id=hub.seminar, person_id=hub.han, note="by phone")
    assert change.old_status is None and change.new_status == "registered"
    with db.transaction() as s:
        assert registration.revert_status_change(s, change) is None
    assert snapshot(db) == before


def test_unregister_a_seat_with_nobody_waiting_promotes_nobody(hub, db):
    with db.transaction() as s:
        li = registration.register(s, seminar_id=hub.seminar, person_id=hub.li).id
    before = snapshot(db)
    with db.transaction() as s:
        han = registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        han_id, version = han.id, han.version
    with db.transaction() as s:
        assert registration.unregister(s, han_id, expected_version=version) == []
    assert snapshot(db) == before
    assert _statuses(db, li) == ["registered"]


def test_unregister_a_seat_gives_it_to_whoever_came_to_wait_after(hub, db):
    """Li and Han took both seats, then Kostya had to wait: had Han's registration not been
    made, Kostya would have had the seat."""
    with db.transaction() as s:
        regs = [registration.register(s, seminar_id=hub.seminar, person_id=p).id for p in (hub.li, hub.han, hub.kostya)]
    assert _statuses(db, regs[2]) == ["waitlisted"]
    with db.transaction() as s:
        promoted = [r.id for r in registration.unregister(s, regs[1])]
    assert promoted == [regs[2]]
    assert _statuses(db, regs[0], regs[2]) == ["registered", "registered"]
    assert _history(db, regs[2])[-1] == ("waitlisted", "registered")


def test_unregister_with_a_check_in_refused(hub, db, refused):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han).id
        attendance.check_in(s, session_id=hub.session, person_id=hub.han)
    error = refused(
        lambda s: registration.unregister(s, reg),
        RuleViolation,
        f"registration {reg} (한현숙 (Hyeon-suk Han), seminar {hub.seminar} 'Park City Project') has 1 check-in "
        "and cannot be removed",
    )
    assert error.where == "registration"


def test_unregister_with_a_certificate_refused(hub, db, refused):
    from learninghub.core.models import Certificate

    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han).id
        s.add(Certificate(code="ABCDEFGHJKMN", person_id=hub.han, seminar_id=hub.seminar, holder_name="Han"))
    refused(lambda s: registration.unregister(s, reg), RuleViolation, "has certificate ABCDEFGHJKMN and cannot be removed")


def test_unregister_stale_or_missing_refused(hub, db, refused):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han)
        reg_id, version = reg.id, reg.version
    with db.transaction() as s:
        registration.set_status(s, reg_id, "confirmed")
    error = refused(lambda s: registration.unregister(s, reg_id, expected_version=version), StaleEdit,
                    f"registration {reg_id} was changed by someone else meanwhile")
    assert error.where == "registration"
    refused(lambda s: registration.unregister(s, 9999), NotFound, "there is no registration with id 9999")


# ---------------------------------------------------------------- revert a status change
def test_cancellation_that_promoted_two_is_taken_back_exactly(hub, db, two_free):
    before = _state(db)
    with db.transaction() as s:
        change = registration.change_status(s, two_free["li"], "cancelled", note="flight cancelled")
    assert [p.registration_id for p in change.promoted] == [two_free["kostya"], two_free["ana"]]
    assert _statuses(db, two_free["li"], two_free["kostya"], two_free["ana"]) == ["cancelled", "registered", "registered"]
    with db.transaction() as s:
        registration.revert_status_change(s, change)
    assert _state(db) == before  # statuses, waiting-list times (so order) and history
    with db.reading() as s:
        assert [r.id for r in seats.waiting_list(s, hub.seminar)] == [two_free["kostya"], two_free["ana"]]


def test_redo_after_revert_promotes_again_and_can_be_reverted_again(hub, db, two_free):
    before = _state(db)
    with db.transaction() as s:
        change = registration.change_status(s, two_free["li"], "cancelled")
    with db.transaction() as s:
        version = registration.revert_status_change(s, change).version
    with db.transaction() as s:
        again = registration.change_status(s, two_free["li"], "cancelled", expected_version=version)
    assert len(again.promoted) == 2
    with db.transaction() as s:
        registration.revert_status_change(s, again)
    assert _state(db) == before


def test_revert_refused_when_a_promoted_person_changed_meanwhile(hub, db, two_free, refused):
    with db.transaction() as s:
        change = registration.change_status(s, two_free["li"], "cancelled")
    with db.transaction() as s:
        registration.set_status(s, two_free["ana"], "confirmed", note="paid")
    error = refused(lambda s: registration.revert_status_change(s, change), StaleEdit,
                    f"registration {two_free['ana']} was changed by someone else meanwhile")
    assert error.where == "registration"
    assert _statuses(db, two_free["ana"]) == ["confirmed"]


def test_revert_refused_when_the_registration_changed_meanwhile(hub, db, two_free, refused):
    with db.transaction() as s:
        change = registration.change_status(s, two_free["kostya"], "cancelled")
    with db.transaction() as s:
        registration.set_status(s, two_free["kostya"], "invited")
    refused(lambda s: registration.revert_status_change(s, change), StaleEdit,
            f"registration {two_free['kostya']} was changed by someone else meanwhile")


def test_revert_never_exceeds_capacity(hub, db, refused):
    """Han cancels (nobody waits); Kostya takes the free seat; undoing Han's cancellation
    would make three of two seats."""
    with db.transaction() as s:
        han = registration.register(s, seminar_id=hub.seminar, person_id=hub.han).id
        registration.register(s, seminar_id=hub.seminar, person_id=hub.li)
    with db.transaction() as s:
        change = registration.change_status(s, han, "cancelled")
    assert change.promoted == ()
    with db.transaction() as s:
        registration.register(s, seminar_id=hub.seminar, person_id=hub.kostya)
    error = refused(lambda s: registration.revert_status_change(s, change), RuleViolation,
                    f"seminar {hub.seminar} 'Park City Project' is full (2 seats) since the change; "
                    f"registration {han} (한현숙 (Hyeon-suk Han)) cannot get its seat back")
    assert error.where == "capacity"
    with db.reading() as s:
        assert seats.seats_taken(s, hub.seminar) == 2


def test_revert_of_being_waitlisted_by_a_full_seminar(hub, db):
    with db.transaction() as s:
        for p in (hub.li, hub.han):
            registration.register(s, seminar_id=hub.seminar, person_id=p)
        ana = people.add_person(s, given_name="Ana", family_name="Puig").id
        reg = registration.register(s, seminar_id=hub.seminar, person_id=ana, status="invited").id
    before = _state(db)
    with db.transaction() as s:
        change = registration.change_status(s, reg, "registered")
    assert (change.old_status, change.new_status) == ("invited", "waitlisted")
    with db.transaction() as s:
        registration.revert_status_change(s, change)
    assert _state(db) == before


def test_a_change_to_the_same_status_changes_nothing_and_reverts_to_nothing(hub, db):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.li).id
    before = snapshot(db)
    with db.transaction() as s:
        change = registration.change_status(s, reg, "registered")
        assert not change.changed
        registration.revert_status_change(s, change)
    assert snapshot(db) == before


def test_revert_refused_for_an_erased_person(hub, db, refused):
    with db.transaction() as s:
        reg = registration.register(s, seminar_id=hub.seminar, person_id=hub.han).id
    with db.transaction() as s:
        change = registration.change_status(s, reg, "cancelled")
    with db.transaction() as s:
        people.erase_person(s, hub.han)
    with db.reading() as s:
        if registration.get_registration(s, reg).version != change.version:
            pytest.skip("erasing touches the registration: the version check refuses first")
    refused(lambda s: registration.revert_status_change(s, change), RuleViolation, f"person {hub.han} has been erased")


def test_revert_refused_when_the_capacity_changed_meanwhile(hub, db, two_free, refused):
    """Raised to 5 after Li cancelled: putting Kostya and Ana back on the waiting list would
    keep them waiting beside free seats."""
    with db.transaction() as s:
        change = registration.change_status(s, two_free["li"], "cancelled")
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, capacity=5)
    error = refused(lambda s: registration.revert_status_change(s, change), RuleViolation,
                    f"the capacity of seminar {hub.seminar} 'Park City Project' changed since (2 seats then, 5 seats now); "
                    f"the change of registration {two_free['li']} cannot be taken back")
    assert error.where == "capacity"
