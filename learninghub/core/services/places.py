"""Cities and organisations, looked up by name and created on first mention."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import validate
from ..models import City, Organisation


def find_city(session: Session, name: str, country: str | None = None) -> City | None:
    query = select(City).where(func.lower(City.name) == name.strip().lower())
    if country:
        query = query.where(City.country == country.upper())
    return session.scalars(query.order_by(City.id)).first()


def city_named(
    session: Session, name: str | None, country: str | None = None, native_name: str | None = None
) -> City | None:
    """The city called ``name`` (in ``country`` if given), created if new; None for no name."""
    cleaned = validate.text(name, "city", max_len=200)
    if cleaned is None:
        return None
    country = validate.country(country)
    city = find_city(session, cleaned, country)
    if city is None:
        city = City(name=cleaned, country=country, native_name=validate.text(native_name, "city native name"))
        session.add(city)
        session.flush()
    return city


def organisation_named(
    session: Session,
    name: str | None,
    *,
    city: City | None = None,
    country: str | None = None,
    native_name: str | None = None,
) -> Organisation | None:
    """The organisation called ``name`` (case-insensitive), created if new; None for no name."""
    cleaned = validate.text(name, "organisation", max_len=300)
    if cleaned is None:
        return None
    # The exact name first: SQLite's lower() leaves non-ASCII letters alone, so 'Àrea Metropolitana' was
    # not found by it, and creating it again clashed with the unique name.
    found = session.scalars(select(Organisation).where(Organisation.name == cleaned)).first() or session.scalars(
        select(Organisation).where(func.lower(Organisation.name) == cleaned.lower())
    ).first()
    if found is None:
        found = Organisation(
            name=cleaned,
            city=city,
            country=validate.country(country),
            native_name=validate.text(native_name, "organisation native name"),
        )
        session.add(found)
        session.flush()
    return found


def list_cities(session: Session) -> list[City]:
    return list(session.scalars(select(City).order_by(City.country, City.name)))


def list_organisations(session: Session) -> list[Organisation]:
    return list(session.scalars(select(Organisation).order_by(func.lower(Organisation.name))))
