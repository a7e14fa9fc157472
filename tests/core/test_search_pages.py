"""A page of matches is the same people in the same order whichever plan the search picks.

The search picks its plan by how many people match (services/search.py): few, fetch and sort them;
many, walk the name order until the page is full. On PostgreSQL the walk reads two indexes merged in
order (migration 0010): the covering one, and the one for people whose text is too long for it. Each
plan is forced here and its pages compared with the full, sorted list of matches.
"""

from __future__ import annotations

import pytest

from learninghub.core.services import people, search

PAGE = 7


@pytest.fixture
def crowd(db) -> list[int]:
    """40 people, 30 of them with 'ang' somewhere (name, organisation or city), in no name order."""
    families = ["Wang", "Zhang", "Huang", "Yang", "Tang", "Fang", "Kang", "Lang", "Mangold", "Sanger"]
    with db.transaction() as s:
        ids = []
        for i in range(30):
            ids.append(people.add_person(s, given_name=f"Person {i:02d}", family_name=families[i % 10],
                                         organisation="Urban Planning Bureau" if i % 3 else None).id)
        for i in range(10):
            ids.append(people.add_person(s, given_name=f"Other {i:02d}", family_name="Puig",
                                         city="Barcelona").id)
        return ids


@pytest.fixture
def longest(db) -> int:
    """Someone whose every name, organisation and city is at its longest, and who matches 'ang'.

    The text does not repeat itself: PostgreSQL compresses an index row, and ``王王王…`` would fit."""

    def varied(first: int, n: int) -> str:  # n different characters, in no compressible order
        return "".join(chr(first + (i * 7919) % 4000) for i in range(n))

    with db.transaction() as s:
        return people.add_person(
            s, given_name="Ang" + varied(0x100, 197), family_name="Ang" + varied(0x400, 197),
            native_name="王" + varied(0x4E00, 199), email="ang." + "x" * 300 + "@example.org",
            organisation="Angkor " + varied(0x5E00, 293), city="Angers " + varied(0x6E00, 193), country="FR").id


def _pages(db, fragment: str) -> list[int]:
    found: list[int] = []
    with db.reading() as s:
        while True:
            page = people.list_people(s, search_text=fragment, limit=PAGE, offset=len(found))
            found += [p.id for p in page]
            if len(page) < PAGE:
                return found


def _all(db, fragment: str) -> list[int]:
    with db.reading() as s:
        return [p.id for p in people.list_people(s, search_text=fragment)]


@pytest.mark.parametrize("plan", ["walk", "sort"])
def test_every_page_is_the_same_whichever_plan(crowd, longest, db, monkeypatch, plan):
    walk = plan == "walk"
    # SQLite walks above MANY_MATCHES matches; PostgreSQL when its sample's share is high enough.
    monkeypatch.setattr(search, "MANY_MATCHES", 0 if walk else 10**6)
    monkeypatch.setattr(search, "PG_WALK_FACTOR", -1.0 if walk else 1e12)
    expected = _all(db, "ang")
    assert len(expected) == 31 and longest in expected
    assert _pages(db, "ang") == expected
    assert _pages(db, "zzz") == []


def test_the_longest_person_is_saved_and_found_alone(longest, db):
    assert _all(db, "angkor") == [longest]
    assert _all(db, "王" + chr(0x4E00)) == [longest]
