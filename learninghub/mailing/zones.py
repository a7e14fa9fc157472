"""A recipient's time zone, guessed from their city and country.

Cities carry no zone in the database, so: the IANA zones of the person's country (``zone.tab``
of the tzdata package, the order the IANA lists them, the country's main zone first); the zone
named after their city when the country has several (Chicago -> America/Chicago); else the
country's first; else ``None`` (the caller says it cannot be told).
"""

from __future__ import annotations

import functools
import importlib.resources
import unicodedata


@functools.cache
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    text = importlib.resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        found.setdefault(parts[0].upper(), []).append(parts[2])
    return {code: tuple(zones) for code, zones in found.items()}


def _plain(text: str) -> str:
    """'São Paulo' -> 'sao_paulo', as the IANA spells a city."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "_".join(bare.casefold().split())


def city_zone(city: str | None, country: str | None) -> str | None:
    """The IANA zone of ``city`` in ``country`` (ISO code), or None when the country is unknown."""
    zones = _zones_by_country().get((country or "").upper(), ())
    if not zones:
        return None
    if city and len(zones) > 1:
        wanted = _plain(city)
        for zone in zones:
            if _plain(zone.rsplit("/", 1)[-1]) == wanted:
                return zone
    return zones[0]
