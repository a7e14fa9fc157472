"""Listing and searching people fast: light rows, the trigram index over folded keys, a sort index.

What is typed is folded as the index keys are (``core/folding.py``: accents and case gone in every
script, names joined, Chinese in pinyin, word starts) and becomes a :class:`folding.Needle`:

- three characters or more: a substring of the key, as typed or joined (``puig i ferrer`` or
  ``puigiferrer``, ``wang xiaoming`` or ``wangxiaoming``), or each of several words anywhere
  (``maria garcia`` for María José García López);
- one or two letters or digits: the start of a word of a name, organisation or city (``ǂǂnu``,
  ``ǂǂ李``): three characters or more in the index, so the trigram index serves them too (they used
  to scan every row's text with LIKE, 30–70 ms on 100,000 people); they no longer match inside a
  word, or in an email;
- one or two characters with punctuation (``%``, ``e*``): the old scan with LIKE.

The index has two columns (migration 0008): ``doc``, the text as written and folded, and ``words``,
what is met only from the start of a word. On SQLite the FTS5 trigram table answers (``MATCH``
with a column filter); the plan then depends on how many people match.
Few matches: fetch and sort them. Many: walk the ``sort_key`` index in order, keeping matches, and
stop after one page. PostgreSQL matches the same columns with LIKE (the text holds every name folded
as well as written), which its ``pg_trgm`` GIN indexes serve (``ǂ`` is a letter to pg_trgm, so ``ǂǂn``
is one trigram there too), in one statement that picks the same two plans by the number of matches
(:func:`_postgresql_page`). Other databases use ILIKE on the columns, unfolded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import (
    Float,
    Integer,
    Select,
    String,
    TextualSelect,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal,
    not_,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from ..folding import Needle, needle
from ..models import City, Organisation, Person, display_name

#: Above this many matches, walking the sort index beats sorting the matches.
MANY_MATCHES = 2_000
#: How many pages of the index table PostgreSQL samples to guess how many people match (~1,000 rows).
PG_SAMPLE_PAGES = 40
#: PostgreSQL walks the name order when matches^2 > this * page * rows. Fetching and sorting a match costs
#: about as much as checking three rows in the walk (the covering index of migration 0010), which alone
#: would give 0.3; but matches bunch up in name order (Chinese given names, 'ang' in family names), which
#: only the walk pays for, so near the line the fetch, whose cost is known, is chosen.
PG_WALK_FACTOR = 0.5
#: The rows migration 0010's covering index holds, written as there (the planner matches the text):
#: an index row must stay under a third of a page (2,704 bytes), which a person with every name,
#: organisation and city at its longest would not.
PG_FITS_WALK_INDEX = "octet_length(sort_key) + octet_length(doc) + octet_length(words) < 2400"

#: The orders a list of people can be shown in; ties fall back to the name order.
ORDERS = {
    "name": Person.sort_key,
    "organisation": Organisation.name,
    "city": City.name,
    "country": Person.country,
    "role": Person.role,
    "email": Person.email_key,
}


@dataclass(frozen=True)
class PersonRow:
    """What a list of people shows: plain values, no lazy loading."""

    id: int
    given_name: str
    family_name: str
    native_name: str | None
    title: str | None
    organisation_name: str | None
    city_name: str | None
    country: str | None
    role: str
    email: str | None
    phone: str | None
    notes: str | None
    consent_contact: bool
    gender: str | None
    version: int
    erased_at: None = None

    @property
    def display_name(self) -> str:
        return display_name(self.given_name, self.family_name, self.native_name)


def _row_query() -> Select:
    return (
        select(
            Person.id, Person.given_name, Person.family_name, Person.native_name, Person.title,
            Organisation.name, City.name, Person.country, Person.role, Person.email, Person.phone,
            Person.notes, Person.consent_contact, Person.gender, Person.version,
        )
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .outerjoin(City, City.id == Person.city_id)
        .where(Person.erased_at.is_(None))
    )


def _escape_like(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(fragment: str) -> str:
    return '"' + fragment.replace('"', '""') + '"'


def list_people(
    session: Session,
    search_text: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    order: str = "name",
    descending: bool = False,
) -> list[PersonRow]:
    """People in list order (family, given name, or ``order``), optionally those matching
    ``search_text`` (the module says how: any name, email, organisation or city, accents and case
    ignored in every script, Chinese names by their pinyin; one or two letters: the start of a word of a
    name, organisation or city).
    ``limit`` and ``offset`` page through them (a directory fetches one page at a time)."""
    fragment = (search_text or "").strip()
    key = ORDERS[order]
    first = key.desc() if descending else key.asc()
    query = _row_query().order_by(first, Person.sort_key, Person.id)
    # The index walk for many matches only helps in name order.
    window = limit + offset if limit and order == "name" and not descending else None
    if fragment:
        found = needle(fragment)
        dialect = session.get_bind().dialect.name
        if not found.kind:
            pass
        elif dialect == "sqlite":
            query = _sqlite_filter(session, query, found, window)
        elif dialect == "postgresql" and window:
            return [PersonRow(*row) for row in session.execute(_postgresql_page(found, query, limit, offset))]
        elif dialect == "postgresql":
            query = query.where(Person.id.in_(_postgresql_matches(found)))
        else:
            query = query.where(_ilike_filter(fragment))
    if limit:
        query = query.limit(limit).offset(offset)
    return [PersonRow(*row) for row in session.execute(query)]


def _fts_query(found: Needle) -> str:
    """The FTS5 query: each term a phrase in its column; any alternative, all of its terms."""
    return " OR ".join("(" + " AND ".join(f"{column} : {_fts_phrase(text)}" for column, text in group) + ")"
                       for group in found.any_of)


def _sqlite_filter(session: Session, query: Select, found: Needle, limit: int | None) -> Select:
    if found.kind == "scan":
        ids = text("SELECT rowid FROM people_search WHERE doc LIKE :pattern ESCAPE '\\'").bindparams(
            pattern=f"%{_escape_like(found.terms[0][1])}%"
        )
        return query.where(Person.id.in_(ids.columns(column("rowid", Integer))))
    phrase = _fts_query(found)
    probe = session.execute(
        text("SELECT rowid FROM people_search WHERE people_search MATCH :phrase LIMIT :cap"),
        {"phrase": phrase, "cap": MANY_MATCHES + 1},
    ).scalars().all()
    if len(probe) <= MANY_MATCHES:
        # Few matches: take exactly these ids and sort them.
        chosen = text("SELECT value FROM json_each(:ids)").bindparams(ids=json.dumps(probe))
        return query.where(Person.id.in_(chosen.columns(column("value", Integer))))
    if not limit:
        return query.where(Person.id.in_(_all_matches(phrase)))
    # Many matches and one page wanted: walk the sort index in order, keep matches, stop early.
    # "id + 0" keeps SQLite from looking people up by id (then sorting them all), which it
    # otherwise prefers: 8 ms instead of 30 ms for a fragment a quarter of all people match.
    return query.where((Person.id + 0).in_(_all_matches(phrase)))


def _all_matches(phrase: str) -> TextualSelect:
    ids = text("SELECT rowid FROM people_search WHERE people_search MATCH :phrase").bindparams(phrase=phrase)
    return ids.columns(column("rowid", Integer))


def _postgresql_matches(found: Needle) -> TextualSelect:
    """Every person matching ``found`` (another order than by name, or no page)."""
    condition = _postgresql_condition(found)
    ids = text(f"SELECT person_id FROM people_search WHERE {condition.text}").bindparams(*condition.params)
    return ids.columns(column("person_id", Integer))


def _postgresql_page(found: Needle, ordered: Select, limit: int, offset: int) -> Select:
    """One page in name order, in one statement that picks its plan by the number of matches, as
    :func:`_sqlite_filter` does with a probe (a second round trip, which a far server makes dear).

    The index table holds each person's ``sort_key`` and text in one covering index (migrations 0008,
    0010), so the page is found there alone, and only its people are then read. Few matches: take
    them all from the trigram indexes and sort them, ~1 µs each. Many: walk the covering index in
    name order, checking each row's text (~0.6 µs), until the page is full; a fragment one person in
    ten matches fills 500 rows after ~5,000. How many match is guessed from a fixed sample of the
    table's pages (~0.5 ms), not counted: counting to 10,000 cost as much as the walk it decided on.
    Left to itself the planner chose one plan for all (a parallel scan checking every row's text, or
    every match looked up in ``people``): 90-250 ms on 100,000 people.
    """
    condition = _postgresql_condition(found)
    window = int(limit + offset)
    columns = (column("person_id", Integer), column("sort_key", String))
    # About PG_SAMPLE_PAGES pages of the table, the same ones each time (REPEATABLE): the share of them
    # that match stands for the share of all rows that do.
    percent = (f"(SELECT least(100, 100.0 * {PG_SAMPLE_PAGES} / greatest(1, pg_relation_size('people_search') "
               f"/ current_setting('block_size')::int)))::real")
    sample = (text(f"SELECT count(*) FILTER (WHERE {condition.text}) AS hits, count(*) AS seen, "
                   f"{percent} / 100 AS fraction FROM people_search TABLESAMPLE SYSTEM ({percent}) REPEATABLE (0)")
              .bindparams(*condition.params)
              .columns(column("hits", Integer), column("seen", Integer), column("fraction", Float))
              .cte("sample"))
    # Walking checks about window / share rows, sorting takes share * rows matches: with share = hits /
    # seen and rows = seen / fraction, walk when hits^2 > factor * window * seen * fraction.
    walk = (select(sample.c.hits * sample.c.hits > PG_WALK_FACTOR * window * sample.c.fraction * sample.c.seen)
            .scalar_subquery())
    matches = (text(f"SELECT person_id, sort_key FROM people_search WHERE {condition.text}")
               .bindparams(*condition.params).columns(*columns).cte("matches").prefix_with("MATERIALIZED"))
    from_few = (select(matches.c.person_id).where(not_(walk))
                .order_by(matches.c.sort_key, matches.c.person_id).limit(window))
    # Two walks merged in order: rows whose text fits in the covering index, and the rare rest.
    order = f"ORDER BY sort_key, person_id LIMIT {window}"
    walked = (text(f"SELECT person_id, sort_key FROM ("
                   f"(SELECT person_id, sort_key FROM people_search WHERE {PG_FITS_WALK_INDEX} AND {condition.text} "
                   f"{order}) UNION ALL "
                   f"(SELECT person_id, sort_key FROM people_search WHERE NOT ({PG_FITS_WALK_INDEX}) AND "
                   f"{condition.text} {order})) AS both_walks {order}")
              .bindparams(*condition.params).columns(*columns).subquery("walked"))
    from_many = select(walked.c.person_id).where(walk)
    page = union_all(from_few, from_many).subquery("page")
    return ordered.where(Person.id.in_(select(page.c.person_id))).limit(limit).offset(offset)


@dataclass(frozen=True)
class _Condition:
    """SQL text for ``people_search``'s WHERE, and its patterns (written into the statement)."""

    text: str
    params: tuple[BindParameter, ...]


def _postgresql_condition(found: Needle) -> _Condition:
    """What the pg_trgm indexes serve: LIKE on the text (which holds every name folded too) and on the
    words; any alternative, all of its terms.

    The patterns are written into the statement (literal_execute): psycopg prepares a statement run
    five times, and PostgreSQL may then plan it once for any pattern (a generic plan), blind to how
    many rows a pattern matches: 'a' took 140 ms instead of 17 ms from its third run on."""
    numbered = iter(range(len(found.terms)))
    condition = " OR ".join(
        "(" + " AND ".join(f"{column} LIKE :t{next(numbered)} ESCAPE '\\'" for column, _ in group) + ")"
        for group in found.any_of)
    params = tuple(bindparam(f"t{i}", f"%{_escape_like(term)}%", literal_execute=True)
                   for i, (_, term) in enumerate(found.terms))
    return _Condition(f"({condition})", params)


def _ilike_filter(fragment: str):  # type: ignore[no-untyped-def]
    pattern = f"%{_escape_like(fragment)}%"

    def like(column):  # type: ignore[no-untyped-def]
        return column.ilike(pattern, escape="\\")

    org_ids = select(Organisation.id).where(or_(like(Organisation.name), like(Organisation.native_name)))
    city_ids = select(City.id).where(or_(like(City.name), like(City.native_name)))
    full_name = func.coalesce(Person.given_name, literal("")) + " " + cast(Person.family_name, String)
    return or_(
        *(like(c) for c in (Person.given_name, Person.family_name, Person.native_name, Person.email)),
        like(full_name),
        and_(Person.organisation_id.is_not(None), Person.organisation_id.in_(org_ids)),
        and_(Person.city_id.is_not(None), Person.city_id.in_(city_ids)),
    )


def purge_deleted_terms(session: Session) -> None:
    """Merge the search index so terms of deleted or erased rows are really gone.

    FTS5 only marks deleted entries until its segments merge; after erasing a person
    their name must not survive inside the index. Costs a full merge, so only for erasure.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO people_search(people_search) VALUES('optimize')"))
