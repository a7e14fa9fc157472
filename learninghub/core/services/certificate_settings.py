"""A seminar's certificate settings: the attendance rule, who signs, the logos, the wording's language.

- **The rule.** At least N % of the counted sessions and/or at least H hours of them;
  when both are set, meeting either is enough. Without settings: 75 % (config DEFAULTS).
- Settings never saved read as the defaults, version 0; a save with a stale version is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ... import config
from .. import validate
from ..errors import StaleEdit, ValidationError
from ..messages import QT_TRANSLATE_NOOP, Text, say
from ..models import CertificateSettings, Seminar
from .common import UNSET, get_or_refuse

MAX_SIGNATORIES = 3
MAX_LOGOS = 3
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def _num(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Rule:
    """Eligible with at least ``min_attendance_pct`` % of sessions, or ``min_hours`` hours."""

    min_attendance_pct: float | None = None
    min_hours: float | None = None

    @classmethod
    def default(cls) -> Rule:
        return cls(min_attendance_pct=float(config.DEFAULTS["min_attendance_percent"]))  # type: ignore[arg-type]

    def describe(self) -> Text:
        share = hours = None
        if self.min_attendance_pct is not None:
            share = say(QT_TRANSLATE_NOOP("core", "{pct} % of sessions"), pct=_num(self.min_attendance_pct))
        if self.min_hours is not None:
            hours = say(QT_TRANSLATE_NOOP("core", "{hours} h"), hours=_num(self.min_hours))
        if share is not None and hours is not None:
            return say(QT_TRANSLATE_NOOP("core", "{share} or {hours}"), share=share, hours=hours)
        return share or hours or Text("")


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str | None = None
    #: The title in Chinese, printed instead of ``title`` on a Chinese certificate and under it on en+zh.
    title_zh: str | None = None


@dataclass(frozen=True)
class Settings:
    """A seminar's certificate settings; ``version`` 0 means never saved (the defaults)."""

    seminar_id: int
    rule: Rule
    signatories: tuple[Signatory, ...] = ()
    #: The wording's default language: en+zh when set, else English (``certificates --lang`` overrides it).
    bilingual: bool = False
    logos: tuple[str, ...] = ()
    version: int = 0

    @property
    def lang(self) -> str:
        """The document language the certificates print in unless a run asks for another."""
        return "en+zh" if self.bilingual else "en"


def check_rule(min_attendance_pct: float | None, min_hours: float | None, *, where: str = "rule") -> Rule:
    """A rule from typed values: a percentage in (0, 100], hours > 0, at least one of them."""
    if min_attendance_pct is not None:
        pct = float(min_attendance_pct)
        if not 0 < pct <= 100:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "must be more than 0 and at most 100 (got {value})"),
                                  where="minimum attendance %", value=_num(pct))
        min_attendance_pct = pct
    if min_hours is not None:
        hours = float(min_hours)
        if not 0 < hours <= 10_000:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "must be more than 0 and at most 10000 (got {value})"),
                                  where="minimum hours", value=_num(hours))
        min_hours = hours
    if min_attendance_pct is None and min_hours is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "give a minimum attendance % or a minimum of hours (or both)"),
                              where=where)
    return Rule(min_attendance_pct, min_hours)


def _check_signatories(items: Iterable[Signatory | tuple[str, ...]]) -> list[dict[str, str | None]]:
    """Signatories as stored: name and title, and the Chinese title only when there is one
    (settings saved before it existed read the same)."""
    result: list[dict[str, str | None]] = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, Signatory):
            name, title, title_zh = item.name, item.title, item.title_zh
        else:
            name, title, title_zh = (tuple(item) + (None, None))[:3]
        entry = {
            "name": validate.required_text(
                name, say(QT_TRANSLATE_NOOP("field", "signatory {n} name"), context="field", n=i), max_len=200),
            "title": validate.text(
                title, say(QT_TRANSLATE_NOOP("field", "signatory {n} title"), context="field", n=i), max_len=200),
        }
        chinese = validate.text(
            title_zh, say(QT_TRANSLATE_NOOP("field", "signatory {n} Chinese title"), context="field", n=i),
            max_len=200)
        if chinese:
            entry["title_zh"] = chinese
        result.append(entry)
    if len(result) > MAX_SIGNATORIES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "at most {most} people sign a certificate (got {count})"),
                              where="signatories", most=MAX_SIGNATORIES, count=len(result))
    return result


def _check_logos(paths: Iterable[str | Path]) -> list[str]:
    """Existing PNG/JPEG files, stored as absolute paths; a relative name is looked for in
    the current folder, then under ``resources/``."""
    result = []
    for i, raw in enumerate(paths, start=1):
        where = say(QT_TRANSLATE_NOOP("field", "logo {n}"), context="field", n=i)
        text = validate.required_text(str(raw), where, max_len=1000)
        path = Path(text).expanduser()
        if not path.is_absolute() and not path.exists():
            try:
                path = config.resource_path(text)
            except ValueError:
                raise ValidationError(QT_TRANSLATE_NOOP("core", "{path} is outside resources/"), where=where,
                                      path=text) from None
        if not path.is_file():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "there is no file {path}"), where=where, path=text)
        if path.suffix.lower() not in LOGO_SUFFIXES:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{name} is not a PNG or JPEG image"), where=where,
                                  name=path.name)
        result.append(str(path.resolve()))
    if len(result) > MAX_LOGOS:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "at most {most} logos fit on a certificate (got {count})"),
                              where="logos", most=MAX_LOGOS, count=len(result))
    return result


def settings_of(row: Any, seminar_id: int) -> Settings:
    """Settings from their stored row (a CertificateSettings, or a row of its columns), or the defaults for None."""
    if row is None:
        return Settings(seminar_id, Rule.default())
    return Settings(
        seminar_id,
        Rule(row.min_attendance_pct, row.min_hours),
        tuple(Signatory(s["name"], s.get("title"), s.get("title_zh")) for s in row.signatories or ()),
        bool(row.bilingual),
        tuple(row.logos or ()),
        row.version,
    )


def get_settings(session: Session, seminar_id: int) -> Settings:
    """The seminar's settings, or the defaults (75 %, no signatories) if never set."""
    get_or_refuse(session, Seminar, seminar_id, "seminar")
    return settings_of(session.get(CertificateSettings, seminar_id), seminar_id)


def set_settings(
    session: Session,
    seminar_id: int,
    *,
    min_attendance_pct: float | None = UNSET,
    min_hours: float | None = UNSET,
    signatories: Sequence[Signatory | tuple[str, ...]] = UNSET,
    bilingual: bool = UNSET,
    logos: Sequence[str | Path] = UNSET,
    expected_version: int | None = None,
) -> Settings:
    """Change what is given (UNSET leaves a field; None clears one half of the rule)."""
    get_or_refuse(session, Seminar, seminar_id, "seminar")
    row = session.get(CertificateSettings, seminar_id)
    stored = row.version if row is not None else 0  # never saved: the defaults are version 0
    if expected_version is not None and expected_version != stored:
        raise StaleEdit(QT_TRANSLATE_NOOP("core", "the certificate settings of seminar {id} were changed by someone "
                                                  "else meanwhile (you edited version {edited}, they are now version "
                                                  "{stored}); reload them and apply your change again"),
                        where="certificate settings", id=seminar_id, edited=expected_version, stored=stored)
    if row is None:
        default = Rule.default()
        row = CertificateSettings(seminar_id=seminar_id, min_attendance_pct=default.min_attendance_pct,
                                  min_hours=None, signatories=[], bilingual=False, logos=[])
        session.add(row)
    pct = row.min_attendance_pct if min_attendance_pct is UNSET else min_attendance_pct
    hours = row.min_hours if min_hours is UNSET else min_hours
    rule = check_rule(pct, hours)
    row.min_attendance_pct, row.min_hours = rule.min_attendance_pct, rule.min_hours
    if signatories is not UNSET:
        row.signatories = _check_signatories(signatories)
    if bilingual is not UNSET:
        row.bilingual = bool(bilingual)
    if logos is not UNSET:
        row.logos = _check_logos(logos)
    session.flush()
    return settings_of(row, seminar_id)
