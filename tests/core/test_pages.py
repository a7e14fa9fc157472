"""Page loaders: a screen costs a fixed, small number of statements whatever the size of the data, and
shows what the services say — on SQLite and PostgreSQL (where they travel in one round trip)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, insert, select

from learninghub.core.models import AgendaSession, Attendance, Person, Registration, utcnow
from learninghub.core.pages.person import person_page
from learninghub.core.pages.programme import curriculum_page, outline_query
from learninghub.core.pages.seminar import roster_query, seminar_page
from learninghub.core.pages.session_form import session_form
from learninghub.core.services import agenda, attendance, demo, registration, seats, seminars
from learninghub.core.services.conflicts import find_conflicts
from learninghub.core.store import Database

#: What a seminar's page may cost, whatever its size: 13 statements (and SQLite's BEGIN).
SEMINAR_PAGE_STATEMENTS = 14


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    """Every statement sent to the database meanwhile, as SQLAlchemy's listeners are told of them."""
    seen: list[str] = []
    lock = threading.Lock()

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        with lock:
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


@pytest.fixture
def demo_hub(db: Database) -> Database:
    with db.transaction() as s:
        demo.load_demo(s)
    return db


def test_every_demo_seminar_page_costs_the_same_few_statements(demo_hub: Database) -> None:
    with demo_hub.reading() as s:
        ids = [sem.id for sem in seminars.list_seminars(s)]
    costs = {}
    for seminar_id in ids:
        with counting(demo_hub) as seen:
            page = demo_hub.read(seminar_page(seminar_id))[0]
        assert page.id == seminar_id
        costs[seminar_id] = len(seen)
    assert max(costs.values()) <= SEMINAR_PAGE_STATEMENTS, costs
    assert len(set(costs.values())) == 1, f"the cost depends on the seminar: {costs}"


def test_the_page_shows_what_the_services_say(demo_hub: Database) -> None:
    with demo_hub.reading() as s:
        for sem in seminars.list_seminars(s):
            page = demo_hub.read(seminar_page(sem.id))[0]
            sessions = agenda.list_sessions(s, sem.id)
            assert [i.id for i in page.agenda] == [x.id for x in sessions]
            assert [i.speakers for i in page.agenda] == [tuple(p.display_name for p in x.speakers) for x in sessions]
            regs = registration.list_registrations(s, seminar_id=sem.id)
            assert sorted(p.registration_id for p in page.participants) == sorted(r.id for r in regs)
            assert [p.registration_id for p in page.waiting] == [r.id for r in seats.waiting_list(s, sem.id)]
            assert page.seats_taken == seats.seats_taken(s, sem.id)
            assert [c.id for c in page.conflicts] == [c.id for c in find_conflicts(s, sem.id)]
            assert [str(c.message) for c in page.conflicts] == [str(c.message) for c in find_conflicts(s, sem.id)]
            assert {p.name for p in page.partners} == {p.organisation.name for p in sem.partners}
            if page.checkin_session_id:
                expected = attendance.roster(s, session_id=page.checkin_session_id)
                assert page.roster == tuple(expected)
                other = page.checkin_sessions[-1].id
                assert demo_hub.read(roster_query(sem.id, other))[0] == tuple(attendance.roster(s, session_id=other))


def test_a_big_seminar_costs_no_more_statements(demo_hub: Database) -> None:
    """300 sessions with speakers and 2,000 participants with check-ins: the same statements as a small one."""
    from learninghub.core.bulk import insert_people

    with demo_hub.transaction() as s:
        sem = seminars.add_seminar(s, curriculum_id=1, title="Big hybrid course", start="2021-03-01",
                                   end="2021-03-31", timezone="Europe/Madrid", capacity=None)
        speaker = demo_hub_person(s)
        for day in range(30):
            for hour in range(10):
                start = dt.datetime(2021, 3, 1 + day, 8 + hour)
                agenda.add_session(s, seminar_id=sem.id, title=f"Module {day}.{hour}", start=start,
                                   end=start + dt.timedelta(minutes=50), speaker_ids=[speaker], room=f"Room {hour}")
        conn = s.connection()
        insert_people(conn, [{"given_name": f"Given{i}", "family_name": f"Family{i}", "role": "planner",
                              "consent_contact": False, "created_at": utcnow(), "updated_at": utcnow(), "version": 1}
                             for i in range(2000)])
        people_ids = list(s.scalars(select(Person.id).where(Person.given_name.like("Given%")).order_by(Person.id)))
        now = utcnow()
        conn.execute(insert(Registration), [
            {"seminar_id": sem.id, "person_id": pid, "status": "registered", "created_at": now, "updated_at": now,
             "version": 1} for pid in people_ids])
        first = s.scalars(select(AgendaSession.id).where(AgendaSession.seminar_id == sem.id)
                          .order_by(AgendaSession.starts_at)).first()
        conn.execute(insert(Attendance), [{"session_id": first, "person_id": pid, "checked_in_at": now}
                                          for pid in people_ids[:500]])
        big = sem.id
    with counting(demo_hub) as small:
        demo_hub.read(seminar_page(1))
    with counting(demo_hub) as seen:
        page = demo_hub.read(seminar_page(big))[0]
    assert len(page.agenda) == 300 and len(page.participants) == 2000
    assert sum(line.present for line in page.roster) == 500
    assert len(seen) == len(small) <= SEMINAR_PAGE_STATEMENTS


def demo_hub_person(s) -> int:  # type: ignore[no-untyped-def]
    from learninghub.core.services import people

    return people.add_person(s, given_name="Núria", family_name="Puig i Ferrer", email="nuria.big@example.es").id


def test_the_other_pages_cost_a_fixed_few_statements(demo_hub: Database) -> None:
    for query, most in ((outline_query(), 3), (curriculum_page(1), 3), (person_page(3), 4),
                        (session_form(1, 2), 4), (session_form(1), 4)):
        with counting(demo_hub) as seen:
            demo_hub.read(query)
        assert len(seen) <= most, seen


def test_pages_read_together_in_one_snapshot(demo_hub: Database) -> None:
    outline, page = demo_hub.read(outline_query(), seminar_page(1))
    assert any(s.id == 1 for c in outline for s in c.seminars)
    assert page.title == "Park City Project"


def test_an_unknown_seminar_is_refused_in_plain_words(demo_hub: Database) -> None:
    from learninghub.core.errors import NotFound

    with pytest.raises(NotFound, match="there is no seminar with id 999"):
        demo_hub.read(seminar_page(999))


def test_a_cancelled_seminar_shows_no_conflicts(demo_hub: Database) -> None:
    with demo_hub.reading() as s:
        clashing = next(sem.id for sem in seminars.list_seminars(s) if find_conflicts(s, sem.id))
    with demo_hub.transaction() as s:
        seminars.cancel_seminar(s, clashing)
    assert demo_hub.read(seminar_page(clashing))[0].conflicts == ()


def test_the_eligibility_page_says_what_issuing_certificates_would(demo_hub: Database) -> None:
    from learninghub.core.pages.eligibility import eligibility_page
    from learninghub.core.services.certificate_eligibility import eligibility

    with demo_hub.reading() as s:
        ids = [sem.id for sem in seminars.list_seminars(s)]
        for seminar_id in ids:
            with counting(demo_hub) as seen:
                page = demo_hub.read(eligibility_page(seminar_id))[0]
            assert len(seen) <= 7
            assert list(page.rows) == eligibility(s, seminar_id)
            assert [x.id for x in page.sessions] == [x.id for x in agenda.list_sessions(s, seminar_id)
                                                     if x.kind not in ("break", "meal")]
