"""The placeholders a template may use, and the one safe way to fill them.

Why ``string.Template`` with a fixed list: subjects and bodies are typed by users, and
``str.format`` or Jinja on user text can reach attributes (``{person.__class__}``) or run
code. ``$name`` / ``${name}`` can only name a value of :data:`PLACEHOLDERS`; ``$$`` is a
dollar sign. Any other ``$word`` is refused when the template is checked, before anything
is queued, and a value is inserted as it is: never read again as a template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from string import Template

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP

#: name -> what it holds (English; the window shows it beside the name in its "insert" list).
PLACEHOLDERS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("mail", "the name in the person's own script (李佳)"),
    "name_latin": QT_TRANSLATE_NOOP("mail", "the name in Latin letters (Jia Li)"),
    "given_name": QT_TRANSLATE_NOOP("mail", "the given name in Latin letters"),
    "family_name": QT_TRANSLATE_NOOP("mail", "the family name in Latin letters"),
    "title": QT_TRANSLATE_NOOP("mail", "the person's title (Dr, Mayor)"),
    "organisation": QT_TRANSLATE_NOOP("mail", "the person's organisation"),
    "seminar": QT_TRANSLATE_NOOP("mail", "the seminar's title in the message's language"),
    "dates": QT_TRANSLATE_NOOP("mail", "the seminar's days"),
    "start": QT_TRANSLATE_NOOP("mail", "the first session's start in the seminar's time zone"),
    "start_local": QT_TRANSLATE_NOOP("mail", "the first session's start in the recipient's city's time zone"),
    "seminar_zone": QT_TRANSLATE_NOOP("mail", "the seminar's time zone"),
    "local_zone": QT_TRANSLATE_NOOP("mail", "the recipient's time zone (from their city and country)"),
    "venue": QT_TRANSLATE_NOOP("mail", "the seminar's venue"),
    "city": QT_TRANSLATE_NOOP("mail", "the seminar's city"),
    "online_link": QT_TRANSLATE_NOOP("mail", "the online link (the first web address in the venue, a room or "
                                             "the description)"),
    "status": QT_TRANSLATE_NOOP("mail", "the person's registration status"),
    "certificate_code": QT_TRANSLATE_NOOP("mail", "the person's certificate code"),
    "verify_hint": QT_TRANSLATE_NOOP("mail", "how to check the certificate code"),
}

_IDENT = re.compile(r"[_a-z][_a-z0-9]*", re.IGNORECASE)


def used(text: str) -> list[str]:
    """The placeholder names ``text`` uses, in order, each once; refuses a malformed ``$``."""
    template = Template(text)
    if not template.is_valid():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "a lone '$' in the template: write $$ for a dollar sign, "
                                                        "or a placeholder such as $name"), where="template")
    return list(dict.fromkeys(template.get_identifiers()))


def check(text: str, *, where: str = "template") -> list[str]:
    """The names ``text`` uses; refuses one not in :data:`PLACEHOLDERS`, naming it."""
    names = used(text)
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "unknown placeholder ${name} (known: {known})"),
                              where=where, name=unknown[0], known=", ".join(PLACEHOLDERS))
    return names


def missing(text: str, values: Mapping[str, str | None]) -> list[str]:
    """The names ``text`` uses that ``values`` cannot fill (absent or empty)."""
    return [n for n in used(text) if not values.get(n)]


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """``text`` with its placeholders replaced once by ``values`` (checked beforehand)."""
    return Template(text).substitute({k: v or "" for k, v in values.items()})


def token(name: str) -> str:
    """What the window inserts for ``name``: braced, so a letter after it cannot join it."""
    if not _IDENT.fullmatch(name):
        raise ValueError(name)
    return "${" + name + "}"
