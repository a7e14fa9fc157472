"""Person search: case-insensitive substrings over names, email, organisation and city, any script."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from learninghub.core.models import Organisation
from learninghub.core.services import people


def _found(db, text: str) -> list[int]:
    with db.reading() as s:
        return [p.id for p in people.list_people(s, search_text=text)]


@pytest.mark.parametrize(
    ("fragment", "who"),
    [
        ("jia", "li"),  # given name
        ("PETR", "kostya"),  # family name, other case
        ("hyeon-SUK", "han"),  # given name with a hyphen
        ("한현숙", "han"),  # native name
        ("example.kr", "han"),  # email
        ("LI.JIA@", "li"),  # email, other case
        ("foreign affairs", "li"),  # organisation name
        ("yeonsu", "han"),  # city name
        ("SOFIA", "kostya"),  # city name, other case
        ("jia li", "li"),  # given and family name together
    ],
)
def test_three_or_more_characters_match_case_insensitively(hub, db, fragment, who):
    assert _found(db, fragment) == [getattr(hub, who)]


def test_fragment_matching_nobody_finds_nobody(hub, db):
    assert _found(db, "zzzz") == []
    assert _found(db, "jiax") == []


@pytest.mark.parametrize("fragment", ["李佳", "李", "佳", "현숙", "한"])
def test_short_cjk_fragments_find_the_person(hub, db, fragment):
    expected = hub.li if fragment in "李佳" else hub.han
    assert _found(db, fragment) == [expected]


@pytest.mark.parametrize("fragment", ["констан", "КОНСТАН", "Петров", "пЕТРОВ"])
def test_cyrillic_is_case_insensitive(hub, db, fragment):
    assert _found(db, fragment) == [hub.kostya]


def test_greek_is_case_insensitive(db):
    with db.transaction() as s:
        ident = people.add_person(s, given_name="Giorgos", family_name="Papadopoulos", native_name="Γιώργος Παπαδόπουλος").id
    assert _found(db, "ΠΑΠΑΔ") == [ident]
    assert _found(db, "παπαδ") == [ident]


@pytest.fixture
def oddly_named(hub, db) -> dict[str, int]:
    with db.transaction() as s:
        return {
            "percent": people.add_person(s, given_name="Per", family_name="Cent", email="100%sure@example.com").id,
            "underscore": people.add_person(s, given_name="Under", family_name="Score", email="u_s@example.com").id,
            "quote": people.add_person(s, given_name='Ann "Nan"', family_name="Quote").id,
            "star": people.add_person(s, given_name="Star", family_name="Five*", email="five@example.com").id,
        }


@pytest.mark.parametrize(
    ("fragment", "who"),
    [
        ("%", "percent"),
        ("0%", "percent"),
        ("100%s", "percent"),
        ("_", "underscore"),
        ("u_", "underscore"),
        ("u_s@", "underscore"),
        ('"', "quote"),
        ('"N', "quote"),
        ('Ann "Nan"', "quote"),
        ("*", "star"),
        ("e*", "star"),
        ("Five*", "star"),
    ],
)
def test_special_characters_match_literally(oddly_named, db, fragment, who):
    assert _found(db, fragment) == [oddly_named[who]]


@pytest.mark.parametrize("fragment", ["%%%", "a%e", "___", "j_a", '"""', "li*", "***", "jia OR han", "NEAR(", "li AND"])
def test_special_characters_do_not_crash_or_act_as_wildcards(oddly_named, hub, db, fragment):
    # "j_a" would match "jia" and "li*" would match "li.jia" if they were wildcards.
    assert _found(db, fragment) == []


def test_erased_people_are_not_found(hub, db):
    assert _found(db, "Petrov") == [hub.kostya]
    with db.transaction() as s:
        people.erase_person(s, hub.kostya)
    for fragment in ("Petrov", "Konstantin", "Константин", "k.petrov", "Sofia", "Пе"):
        assert _found(db, fragment) == [], fragment
    with db.reading() as s:
        assert hub.kostya not in [p.id for p in people.list_people(s)]


def test_renamed_organisation_is_found_by_its_new_name(hub, db):
    with db.transaction() as s:
        org = s.scalars(select(Organisation).where(Organisation.name == "Chengdu Foreign Affairs Office")).one()
        org.name = "Sichuan International Exchange Bureau"
    assert _found(db, "exchange bureau") == [hub.li]
    assert _found(db, "foreign affairs") == []


def test_edited_person_is_found_by_the_new_values_only(hub, db):
    with db.transaction() as s:
        people.edit_person(s, hub.han, family_name="Kim", city="Incheon", country="KR")
    assert _found(db, "incheon") == [hub.han]
    assert _found(db, "yeonsu") == []
