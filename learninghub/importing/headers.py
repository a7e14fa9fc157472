"""Which column holds which field: header names recognised in English and Chinese, and the
user's own choices on top.

Headers are compared normalised (NFKC, case-folded, without spaces and punctuation), so
"E-mail", "e mail", "EMAIL:" and "Ｅｍａｉｌ" are one name. A mapping is a list with one
field (or None: not imported) per column, so the GUI can show it as one combo box per column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP, join, word

#: Fields a column can fill, with the label screens show.
FIELDS: dict[str, str] = {
    "name": "Full name",
    "family_name": "Family name",
    "given_name": "Given name",
    "native_name": "Native name",
    "email": "Email",
    "organisation": "Organisation",
    "city": "City",
    "country": "Country",
    "title": "Title",
    "phone": "Phone",
    "role": "Role",
    "gender": "Gender",
    "notes": "Notes",
    "registered_on": "Registration date",
}

_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname", "participant", "participant name", "attendee", "姓名", "名字",
             "全名", "参会人", "参会人员", "与会者"),
    "family_name": ("family name", "surname", "last name", "family", "lastname", "姓", "姓氏"),
    "given_name": ("given name", "first name", "forename", "given", "firstname", "given names", "名"),
    "native_name": ("native name", "name in native script", "native", "local name", "original name",
                    "chinese name", "name (native)", "name native", "中文名", "中文姓名", "本名", "原名"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "邮箱", "电子邮件", "电子邮箱",
              "邮件", "邮箱地址", "电邮", "电子信箱"),
    "organisation": ("organisation", "organization", "org", "institution", "company", "affiliation",
                     "employer", "agency", "单位", "机构", "工作单位", "组织", "所在单位", "公司", "单位名称"),
    "city": ("city", "town", "municipality", "城市", "所在城市", "市"),
    "country": ("country", "country code", "nation", "国家", "国家/地区", "国家地区", "国别"),
    "title": ("title", "job title", "position", "function", "职务", "职位", "职称", "头衔"),
    "phone": ("phone", "telephone", "tel", "mobile", "phone number", "mobile phone", "cell", "电话", "手机",
              "联系电话", "手机号", "手机号码", "电话号码"),
    "role": ("role", "category", "participant type", "type", "角色", "身份", "类别"),
    "gender": ("gender", "sex", "gender identity", "性别", "性別"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "备注", "说明"),
    "registered_on": ("date", "registration date", "registered on", "registered", "date registered",
                      "signup date", "sign-up date", "日期", "报名日期", "注册日期", "登记日期"),
}

_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_header(text: str) -> str:
    """'E-mail :' → 'email'; '电子 邮件' → '电子邮件'."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text or "").casefold())


_BY_NAME: dict[str, str] = {normalise_header(alias): f for f, aliases in _ALIASES.items() for alias in aliases}
_BY_NAME.update({normalise_header(label): f for f, label in FIELDS.items()})
_BY_NAME.update({normalise_header(f): f for f in FIELDS})


def field_for_header(header: str) -> str | None:
    return _BY_NAME.get(normalise_header(header))


def guess_mapping(headers: Sequence[str]) -> list[str | None]:
    """One field (or None) per column; a field goes to the first column naming it."""
    mapping: list[str | None] = []
    taken: set[str] = set()
    for header in headers:
        found = field_for_header(header)
        if found in taken:
            found = None
        if found:
            taken.add(found)
        mapping.append(found)
    return mapping


def parse_field(text: str) -> str | None:
    """A field typed by a user ('email', 'Family name', '邮箱', 'ignore') or ValidationError."""
    if normalise_header(text) in ("", "ignore", "none", "skip", "忽略"):
        return None
    found = field_for_header(text)
    if found is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{value!r} is not a field; use one of: {fields} (or ignore)"),
                              where="mapping", value=text, fields=", ".join(FIELDS))
    return found


def parse_overrides(pairs: Sequence[str]) -> dict[str, str | None]:
    """``["Header=field", ...]`` from the command line → {header: field or None}."""
    result: dict[str, str | None] = {}
    for pair in pairs:
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "{value!r} is not HEADER=FIELD (for example \"Mail=email\")"),
                where="--map", value=pair)
        result[header.strip()] = parse_field(target)
    return result


def apply_overrides(headers: Sequence[str], mapping: Sequence[str | None],
                    overrides: Mapping[str, str | None]) -> list[str | None]:
    """``mapping`` with the user's choices applied; a field chosen for one column leaves any other."""
    result = list(mapping)
    for header, target in overrides.items():
        wanted = normalise_header(header)
        columns = [i for i, h in enumerate(headers) if h.strip() == header.strip()] or \
                  [i for i, h in enumerate(headers) if normalise_header(h) == wanted]
        if not columns:
            shown = ", ".join(repr(h) for h in headers)
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "the file has no column {header!r} (its columns: {columns})"),
                where="mapping", header=header, columns=shown)
        for i, current in enumerate(result):
            if target is not None and current == target:
                result[i] = None
        result[columns[0]] = target
    return result


def check_mapping(mapping: Sequence[str | None]) -> None:
    """Refuse a mapping the import cannot work with, saying what to choose."""
    chosen = [f for f in mapping if f]
    duplicated = sorted({f for f in chosen if chosen.count(f) > 1})
    if duplicated:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "more than one column is mapped to {fields}"), where="mapping",
                              fields=join([word("ImportField", FIELDS[f]) for f in duplicated], ", "))
    if not {"name", "family_name", "given_name", "native_name"} & set(chosen):
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "no column holds names; map a column to Full name, Family name, Given name or "
                                      "Native name"),
            where="mapping",
        )
