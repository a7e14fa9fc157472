"""A person's name as printed documents show it: large in its own script, Latin below.

One rule for certificates, badges and sign-in sheets, so a person reads the same
name on each: the native name (李佳, 김민준, Александра Петрова) when there is
one, with the Latin "given family" under it; else the Latin name alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.models import Person


def latin_name(person: Person) -> str:
    return " ".join(x for x in (person.given_name.strip(), person.family_name.strip()) if x)


def printed_names(person: Person) -> tuple[str, str | None]:
    """(name in its own script, Latin name to print below it or None)."""
    latin = latin_name(person)
    native = (person.native_name or "").strip()
    if native and native != latin:
        return native, latin or None
    return latin or native, None
