"""Certificate codes: unguessable, easy to read aloud and to type back.

A code is 11 random Crockford base32 characters (55 bits from :mod:`secrets`) and one
check character (Luhn mod 32), shown as ``XXXX-XXXX-XXXX``. Crockford's alphabet has no
I, L, O or U, so nothing looks like something else; on input, case, dashes and spaces
do not matter and O/I/L are read as 0/1/1. The check character turns most typing
mistakes (one wrong character, two swapped) into "not a code" instead of another
person's certificate. Codes carry no order: nothing about one tells anything about
another, or how many exist.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
#: Characters of a stored code (without dashes); the last one is the check character.
LENGTH = 12
_RANDOM = LENGTH - 1


def check_char(body: str) -> str:
    """The Luhn mod 32 check character for ``body`` (canonical characters only)."""
    total = 0
    factor = 2
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        total += addend // 32 + addend % 32
        factor = 3 - factor
    return ALPHABET[-total % 32]


def new_code() -> str:
    """A fresh code in canonical form (12 characters, no dashes)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(_RANDOM))
    return body + check_char(body)


def format_code(code: str) -> str:
    """``XXXX-XXXX-XXXX``: how a code is printed and shown."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def parse_code(text: str) -> str | None:
    """The canonical code typed or scanned in ``text``, or None if it cannot be one.

    Accepts any case, dashes and spaces, O/I/L for 0/1/1, and text scanned from a QR
    code that ends with the code after a ``:``, ``/`` or ``=`` (a prefix or a web address).
    """
    raw = (text or "").strip()
    for sep in ("/", ":", "="):
        raw = raw.rsplit(sep, 1)[-1]
    cleaned = "".join(raw.split()).replace("-", "").upper().translate(_READ_AS)
    if len(cleaned) != LENGTH or any(ch not in _INDEX for ch in cleaned):
        return None
    if check_char(cleaned[:-1]) != cleaned[-1]:
        return None
    return cleaned
