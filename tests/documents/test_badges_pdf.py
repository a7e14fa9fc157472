"""Badge sheets: 8 to a page in reading order, who gets one, names in every script."""

from __future__ import annotations

from learninghub.core.store import Database
from learninghub.documents import badges_pdf
from learninghub.documents.badges_pdf import Badge, BadgeSheet
from tests.conftest import Hub
from tests.pdftext import page_texts, squash


def texts(data: bytes) -> list[str]:
    """Each page's text with whitespace squashed out."""
    return [squash(text) for text in page_texts(data)]


def test_eight_badges_to_a_page_in_order() -> None:
    names = ["李佳", "김민준", "Александра Петрова", "Δημήτρης", "Anna Müller", "王晓明", "佐藤花子", "Jordi Casals",
             "Núria Puig i Ferrer"]
    sheet = BadgeSheet(1, "Park City Project", tuple(Badge(n, None, "Metropolis", "Chengdu, CN", "expert") for n in names))
    rendered = badges_pdf.render_badges(sheet)
    pages = texts(rendered.data)
    assert rendered.pages == len(pages) == 2
    positions = [pages[0].find(squash(n)) for n in names[:8]]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert squash(names[8]) in pages[1] and squash(names[8]) not in pages[0]
    assert pages[0].count("ParkCityProject") == 8 and pages[1].count("ParkCityProject") == 1
    assert pages[0].count("EXPERT") == 8


def test_badge_shows_role_organisation_city_and_literal_text() -> None:
    sheet = BadgeSheet(1, "<i>Seminar</i>", (
        Badge("<b>Li & Co</b>", "Jia Li", "A & B <Ltd>", "Chengdu 成都, CN", "elected"),
        Badge("김민준", "Kim Min-jun", None, None, "no-such-role"),
    ))
    page = texts(badges_pdf.render_badges(sheet).data)[0]
    for expected in ("<b>Li & Co</b>", "Jia Li", "A & B <Ltd>", "Chengdu 成都, CN", "ELECTED REPRESENTATIVE",
                     "<i>Seminar</i>", "김민준", "Kim Min-jun", "NO-SUCH-ROLE"):
        assert squash(expected) in page, expected


def test_every_role_has_a_colour() -> None:
    from learninghub.core import vocab

    assert set(badges_pdf.ROLE_COLOURS) == set(vocab.PERSON_ROLES)
    assert len(set(badges_pdf.ROLE_COLOURS.values())) == len(badges_pdf.ROLE_COLOURS)


def test_no_one_registered_gives_a_page_saying_so() -> None:
    rendered = badges_pdf.render_badges(BadgeSheet(3, "Empty seminar", ()))
    assert rendered.pages == 1
    assert squash("No one is registered to Empty seminar yet.") in texts(rendered.data)[0]


def test_loaded_from_the_database_by_family_name_without_waiting_list_or_cancelled(db: Database, hub: Hub) -> None:
    from learninghub.core.services import people, registration

    with db.transaction() as s:
        # capacity 2: Petrov and Han hold the seats, Li is on the waiting list
        for pid in (hub.kostya, hub.han, hub.li):
            registration.register(s, seminar_id=hub.seminar, person_id=pid)
        zhou = people.add_person(s, given_name="Min", family_name="Zhou", native_name="周敏", role="expert")
        registration.register(s, seminar_id=hub.seminar, person_id=zhou.id, status="invited")
        gone = people.add_person(s, given_name="Erased", family_name="Aaron")
        registration.register(s, seminar_id=hub.seminar, person_id=gone.id, status="invited")
        people.erase_person(s, gone.id)
        ahn = people.add_person(s, given_name="Ji-ho", family_name="Ahn", native_name="안지호")
        reg = registration.register(s, seminar_id=hub.seminar, person_id=ahn.id, status="invited")
        registration.set_status(s, reg.id, "cancelled")
    with db.reading() as s:
        statuses = {r.person_id: r.status for r in registration.list_registrations(s, seminar_id=hub.seminar)}
        sheet = badges_pdf.load_badges(s, hub.seminar)
    assert statuses[hub.li] == "waitlisted"
    assert [b.name for b in sheet.badges] == ["한현숙", "Константин Петров", "周敏"]
    assert sheet.badges[0] == Badge("한현숙", "Hyeon-suk Han", None, "Yeonsu, KR", "manager")
    assert sheet.seminar_title == "Park City Project"
