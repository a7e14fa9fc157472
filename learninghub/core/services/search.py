"""Person search: the FTS5 trigram index on SQLite, a plain ILIKE elsewhere.

Fragments of three characters or more use the trigram index (about 1 ms on
100,000 people). Shorter ones (a two-character Chinese name, say) scan the
index's text with LIKE, which SQLite folds for ASCII letters only.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, String, cast, column, func, literal, or_, select, text
from sqlalchemy.orm import Session

from ..models import City, Organisation, Person


def _escape_like(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def person_matches(session: Session, fragment: str) -> ColumnElement[bool]:
    """A WHERE clause on Person matching ``fragment`` as a case-insensitive substring."""
    if session.get_bind().dialect.name == "sqlite":
        if len(fragment) >= 3:
            phrase = '"' + fragment.replace('"', '""') + '"'
            ids = text("SELECT rowid FROM people_search WHERE people_search MATCH :phrase").bindparams(
                phrase=phrase
            )
        else:
            ids = text("SELECT rowid FROM people_search WHERE doc LIKE :pattern ESCAPE '\\'").bindparams(
                pattern=f"%{_escape_like(fragment)}%"
            )
        return Person.id.in_(ids.columns(column("rowid", Integer)).subquery().select())
    pattern = f"%{_escape_like(fragment)}%"
    org_ids = select(Organisation.id).where(
        or_(Organisation.name.ilike(pattern, escape="\\"), Organisation.native_name.ilike(pattern, escape="\\"))
    )
    city_ids = select(City.id).where(
        or_(City.name.ilike(pattern, escape="\\"), City.native_name.ilike(pattern, escape="\\"))
    )
    return or_(
        *(
            column.ilike(pattern, escape="\\")
            for column in (Person.given_name, Person.family_name, Person.native_name, Person.email)
        ),
        (func.coalesce(Person.given_name, literal("")) + " " + cast(Person.family_name, String)).ilike(
            pattern, escape="\\"
        ),
        Person.organisation_id.in_(org_ids),
        Person.city_id.in_(city_ids),
    )


def purge_deleted_terms(session: Session) -> None:
    """Merge the search index so terms of deleted or erased rows are really gone.

    FTS5 only marks deleted entries until its segments merge; after erasing a person
    their name must not survive inside the index. Costs a full merge, so only for erasure.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO people_search(people_search) VALUES('optimize')"))
