"""Checking each row of a spreadsheet against the rules for a person, without a database.

Every problem is kept (not only the first) and says where it is the way the user sees the
sheet: "row 17, column Email: 'li.jia@' is not an email address". The same validators as
adding a person by hand are used, so an import accepts exactly what the person form accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..core import validate, vocab
from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP, Text, say, word
from .headers import FIELDS
from .names import native_from_parts, split_full_name
from .reading import Table

#: Longest texts the person record holds, per field.
_MAX_LEN = {"given_name": 200, "family_name": 200, "native_name": 200, "title": 200, "organisation": 300,
            "city": 200, "phone": 50}
_NAME_FIELDS = ("name", "family_name", "given_name", "native_name")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: a row and column when it has them."""

    row: int | None
    column: str | None
    message: str  # a Text: the interface shows it translated

    def as_text(self) -> Text:
        """'row 3, column Email: 'li.jia@' is not an email address', translatable."""
        if self.row and self.column:
            return say(QT_TRANSLATE_NOOP("core", "row {row}, column {column}: {message}"), row=self.row,
                       column=self.column, message=self.message)
        if self.row:
            return say(QT_TRANSLATE_NOOP("core", "row {row}: {message}"), row=self.row, message=self.message)
        if self.column:
            return say(QT_TRANSLATE_NOOP("core", "column {column}: {message}"), column=self.column,
                       message=self.message)
        return self.message if isinstance(self.message, Text) else Text(self.message)

    def __str__(self) -> str:
        return self.as_text()


@dataclass
class Candidate:
    """A row that passed the checks: the person it describes, fields cleaned."""

    row: int
    values: dict[str, str | None]  # person fields: given_name, family_name, ..., role
    registered_on: dt.date | None = None
    #: Which column each field came from, to name it in a later problem.
    columns: dict[str, str] = field(default_factory=dict)
    #: Family and given name were split from one "Name" cell: a guess, never overwriting stored names.
    names_guessed: bool = False

    @property
    def display_name(self) -> str:
        latin = f"{self.values.get('given_name') or ''} {self.values.get('family_name') or ''}".strip()
        native = self.values.get("native_name")
        if native:
            return f"{native} ({latin})" if latin else native
        return latin


def check_rows(table: Table, mapping: Sequence[str | None],
               progress: Callable[[int, int], None] | None = None) -> tuple[list[Candidate], list[Problem]]:
    """The rows that are fine, and every problem of the others."""
    columns = {f: i for i, f in enumerate(mapping) if f}
    header = {f: (table.headers[i] if i < len(table.headers) and table.headers[i] else word("ImportField", FIELDS[f]))
              for f, i in columns.items()}
    candidates: list[Candidate] = []
    problems: list[Problem] = []
    total = len(table.rows)
    for index, (cells, number) in enumerate(zip(table.rows, table.row_numbers)):
        if progress and index % 500 == 0:
            progress(index, total)
        raw = {f: (cells[i].strip() if i < len(cells) and cells[i] is not None else "") for f, i in columns.items()}
        if table.kind == "csv":
            raw = {f: _unneutralised(text) for f, text in raw.items()}
        row_problems: list[Problem] = []
        candidate = _check_row(number, raw, header, row_problems)
        if row_problems:
            problems.extend(row_problems)
        elif candidate is not None:
            candidates.append(candidate)
    return candidates, problems


#: What a spreadsheet-safe CSV export (ours, and Excel's habit) puts before a formula-like cell.
_NEUTRALISED = ("'=", "'+", "'-", "'@")


def _unneutralised(text: str) -> str:
    """'+86 28 … back to +86 28 …: the apostrophe only kept a spreadsheet from running the cell.

    Stored values are never formulas to us, so a round trip export → import must not
    grow an apostrophe on every phone number.
    """
    return text[1:] if text.startswith(_NEUTRALISED) else text


def _check_row(number: int, raw: dict[str, str], header: dict[str, str],
               problems: list[Problem]) -> Candidate | None:
    values: dict[str, str | None] = {}

    def check(name: str, cleaner: Callable[[str], object]) -> object:
        if name not in raw:
            return None
        try:
            return cleaner(raw[name])
        except ValidationError as exc:
            problems.append(Problem(number, header[name], exc.message))
            return None

    family, given, native = raw.get("family_name", ""), raw.get("given_name", ""), raw.get("native_name", "")
    full = raw.get("name", "")
    guessed = bool(full and not (family or given))
    if guessed:
        split = split_full_name(full)
        family, given = split.family, split.given
        native = native or (split.native or "")
    elif not native:
        chinese = native_from_parts(family, given)
        if chinese is not None:
            family, given, native = chinese.family, chinese.given, chinese.native or ""
    if not (family or given or native):
        shown = next((header[f] for f in _NAME_FIELDS if f in header), None) or say(QT_TRANSLATE_NOOP("core", "Name"))
        problems.append(Problem(number, shown, say(QT_TRANSLATE_NOOP(
            "core", "no name: a person needs at least a family or given name"))))
    elif not (family or given):
        # Only a native name in a script we do not split: it is the name, family-first.
        family = native
    name_column = {"family_name": header.get("family_name") or header.get("name") or header.get("native_name"),
                   "given_name": header.get("given_name") or header.get("name") or header.get("native_name"),
                   "native_name": header.get("native_name") or header.get("name") or header.get("family_name")}
    named = not problems
    for name, value in (("family_name", family), ("given_name", given), ("native_name", native)):
        try:
            values[name] = validate.text(value, FIELDS[name].lower(), max_len=_MAX_LEN[name])
        except ValidationError as exc:
            named = False
            problems.append(Problem(number, name_column[name] or word("ImportField", FIELDS[name]), exc.message))
    if named and not (values["family_name"] or values["given_name"] or values["native_name"]):
        # The cells held something, but nothing that shows (zero-width spaces, bidi marks...): no name.
        shown = next((header[f] for f in _NAME_FIELDS if f in header and raw.get(f)), None) or \
            say(QT_TRANSLATE_NOOP("core", "Name"))
        problems.append(Problem(number, shown, say(QT_TRANSLATE_NOOP(
            "core", "no name: the cell holds only characters that do not show (zero-width spaces, direction "
                    "marks...)"))))
    for name in ("title", "organisation", "city", "phone"):
        values[name] = check(name, lambda v, n=name: validate.text(v, n, max_len=_MAX_LEN[n]))  # type: ignore[misc]
    values["notes"] = check("notes", lambda v: validate.long_text(v, "notes"))  # type: ignore[assignment]
    values["email"] = check("email", _email)  # type: ignore[assignment]
    values["country"] = check("country", country_code)  # type: ignore[assignment]
    values["role"] = check("role", role) or "other"  # type: ignore[assignment]
    values["gender"] = check("gender", gender)  # type: ignore[assignment]
    registered_on = check("registered_on", parse_date)
    if problems:
        return None
    return Candidate(number, values, registered_on, dict(header), guessed)  # type: ignore[arg-type]


def _email(text: str) -> str | None:
    value = text.strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    try:
        return validate.email(value)
    except ValidationError:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not an email address"), value=text) from None


# --- countries, roles, dates -------------------------------------------------------------------

#: Everyday names pycountry's official ones miss.
_COUNTRY_ALIASES = {
    "china": "CN", "prc": "CN", "中国": "CN", "中华人民共和国": "CN", "中国大陆": "CN",
    "korea": "KR", "south korea": "KR", "republic of korea": "KR", "韩国": "KR", "南韩": "KR", "대한민국": "KR",
    "한국": "KR", "usa": "US", "us": "US", "united states": "US", "america": "US", "美国": "US",
    "uk": "GB", "united kingdom": "GB", "great britain": "GB", "england": "GB", "英国": "GB",
    "russia": "RU", "俄罗斯": "RU", "taiwan": "TW", "台湾": "TW", "hong kong": "HK", "香港": "HK",
    "macau": "MO", "macao": "MO", "澳门": "MO", "vietnam": "VN", "越南": "VN", "türkiye": "TR", "turkey": "TR",
    "españa": "ES", "西班牙": "ES", "法国": "FR", "德国": "DE", "日本": "JP", "意大利": "IT", "葡萄牙": "PT",
    "比利时": "BE", "荷兰": "NL", "瑞典": "SE", "保加利亚": "BG", "希腊": "GR", "巴西": "BR", "墨西哥": "MX",
    "加拿大": "CA", "澳大利亚": "AU", "印度": "IN", "新加坡": "SG", "泰国": "TH", "马来西亚": "MY",
}


@cache
def _country_names() -> dict[str, str]:
    """Lower-cased names (English and Chinese, from pycountry) → alpha-2 codes."""
    import gettext

    import pycountry

    names: dict[str, str] = {}
    try:
        zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:  # pragma: no cover - translations missing from the install
        zh = None
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            value = getattr(country, attr, None)
            if value:
                names[value.casefold()] = country.alpha_2
                if zh is not None and attr != "alpha_3":
                    names[zh.gettext(value).casefold()] = country.alpha_2
    names.update(_COUNTRY_ALIASES)
    return names


def country_code(text: str) -> str | None:
    """'CN', 'China', 'CHN', '中国' → 'CN'."""
    value = text.strip()
    if not value:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", value):
        return validate.country(value)
    found = _country_names().get(value.casefold())
    if found is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{value!r} is not a country (a name or a two-letter code: CN, ES, KR...)"),
            value=value)
    return found


def role(text: str) -> str:
    """A role as a sheet or the command line writes it: the code (``manager``), the name the app shows
    (``City manager``, any case), its plural (``city managers``) or its Chinese name (``城市管理者``);
    an empty cell is ``other``."""
    from ..documents.language import PERSON_ROLES_ZH

    if not text.strip():
        return "other"
    return vocab.choice_code(text, vocab.PERSON_ROLES, "role", vocab.PERSON_ROLES_PLURAL, PERSON_ROLES_ZH)


#: Other ways sheets write a gender (the codes and the app's names, English and Chinese, are read too).
_GENDER_ALIASES = (
    {"woman": "female", "man": "male", "another": "other", "undisclosed": "prefer not to say"},
    {"woman": "f", "man": "m", "another": "non-binary", "undisclosed": "prefers not to answer"},
    {"woman": "女性", "man": "男性", "another": "其他", "undisclosed": "不愿说明"},
)
#: Written for "not recorded": the same as an empty cell.
_GENDER_NOT_RECORDED = frozenset({"not recorded", "unknown", "未记录", "未知"})


def gender(text: str) -> str | None:
    """A gender as a sheet or the command line writes it: the code (``woman``), the name the app shows
    (``Prefers not to say``, any case), its Chinese name (``女``) or a common other word (``female``, ``F``);
    an empty cell (or ``not recorded``) is None, not recorded."""
    from ..documents.language import PERSON_GENDERS_ZH

    typed = " ".join(text.split()).casefold()
    if not typed or typed in _GENDER_NOT_RECORDED:
        return None
    return vocab.choice_code(text, vocab.PERSON_GENDERS, "gender", PERSON_GENDERS_ZH, *_GENDER_ALIASES)


_CJK_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*$")


def parse_date(text: str) -> dt.date | None:
    """A date in any common form: 2020-07-15, 15/07/2020, 15 Jul 2020, 2020年7月15日.
    Numeric day/month orders are read day-first, as outside the US (02/03 = 2 March)."""
    value = text.strip()
    if not value:
        return None
    found = _parse_date(value)
    if found is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not a date (write it like 2020-07-15)"),
                              value=text)
    return found


@lru_cache(maxsize=8192)
def _parse_date(value: str) -> dt.date | None:
    """Cached: a sheet repeats few dates, and dateutil takes ~0.1 ms a call."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    match = _CJK_DATE.match(value)
    if match:
        value = "-".join(match.groups())
    from dateutil import parser

    try:
        iso_like = re.match(r"^\d{4}[-/.]", value) is not None
        return parser.parse(value, dayfirst=not iso_like, yearfirst=iso_like).date()
    except (ValueError, OverflowError):
        return None
