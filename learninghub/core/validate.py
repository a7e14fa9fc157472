"""Small checks on values a user typed, each refusing with the field's name."""

from __future__ import annotations

import re

from .errors import ValidationError

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str | None, field: str, *, required: bool = False, max_len: int = 300) -> str | None:
    """Trimmed text, or None when empty and optional. Refuses control characters."""
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise ValidationError("is required", where=field)
        return None
    if _CONTROL.search(cleaned):
        raise ValidationError("contains control characters", where=field)
    if len(cleaned) > max_len:
        raise ValidationError(f"is {len(cleaned)} characters long; at most {max_len} fit", where=field)
    return cleaned


def required_text(value: str | None, field: str, *, max_len: int = 300) -> str:
    result = text(value, field, required=True, max_len=max_len)
    assert result is not None
    return result


def long_text(value: str | None, field: str) -> str | None:
    """Free text (notes, descriptions): newlines and tabs allowed."""
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    if _CONTROL.search(cleaned.replace("\n", "").replace("\t", "").replace("\r", "")):
        raise ValidationError("contains control characters", where=field)
    if len(cleaned) > 20_000:
        raise ValidationError("is longer than 20,000 characters", where=field)
    return cleaned


def email(value: str | None, field: str = "email") -> str | None:
    cleaned = text(value, field, max_len=320)
    if cleaned is None:
        return None
    if not _EMAIL.match(cleaned):
        raise ValidationError(f"{cleaned!r} is not an email address", where=field)
    return cleaned


def country(value: str | None, field: str = "country") -> str | None:
    """An ISO 3166-1 alpha-2 code, upper-cased."""
    cleaned = text(value, field, max_len=10)
    if cleaned is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2}", cleaned):
        raise ValidationError(f"{cleaned!r} is not a two-letter country code (CN, ES, KR...)", where=field)
    return cleaned.upper()


def positive_int(value: int | None, field: str, *, allow_none: bool = True) -> int | None:
    if value is None:
        if allow_none:
            return None
        raise ValidationError("is required", where=field)
    if value < 1:
        raise ValidationError(f"must be at least 1 (got {value})", where=field)
    return value
