"""Header names in English and Chinese, the user's own mapping, and full names split right."""

from __future__ import annotations

import datetime as dt

import pytest

from learninghub.core.errors import ValidationError
from learninghub.importing import apply_overrides, check_mapping, guess_mapping, parse_overrides
from learninghub.importing.checking import country_code, parse_date
from learninghub.importing.names import split_full_name


def test_headers_recognised_in_english_and_chinese_whatever_the_spelling() -> None:
    headers = ["Name", "E-mail", "Organization", "city ", "COUNTRY", "Job title", "Tel.", "Surname", "First name",
               "姓名", "电子邮件", "单位", "备注", "Shoe size"]
    assert guess_mapping(headers) == [
        "name", "email", "organisation", "city", "country", "title", "phone", "family_name", "given_name",
        None, None, None, "notes", None]  # a field goes to its first column only
    assert guess_mapping(["姓", "名", "邮箱", "机构", "城市", "国家", "职务", "电话", "Ｅｍａｉｌ"]) == [
        "family_name", "given_name", "email", "organisation", "city", "country", "title", "phone", None]


def test_user_mapping_overrides_and_moves_a_field() -> None:
    headers = ["Name", "Mail", "Work email"]
    guessed = guess_mapping(headers)
    assert guessed == ["name", "email", None]
    mapping = apply_overrides(headers, guessed, parse_overrides(["Work email=email", "Name=native name"]))
    assert mapping == ["native_name", None, "email"]
    assert apply_overrides(headers, guessed, parse_overrides(["mail=ignore"])) == ["name", None, None]


def test_bad_mappings_are_refused_clearly() -> None:
    with pytest.raises(ValidationError, match="'shoe' is not a field"):
        parse_overrides(["Name=shoe"])
    with pytest.raises(ValidationError, match="not HEADER=FIELD"):
        parse_overrides(["email"])
    with pytest.raises(ValidationError, match="the file has no column 'Phone'"):
        apply_overrides(["Name"], ["name"], {"Phone": "phone"})
    with pytest.raises(ValidationError, match="no column holds names"):
        check_mapping(["email", None])
    with pytest.raises(ValidationError, match="more than one column is mapped to Email"):
        check_mapping(["name", "email", "email"])


@pytest.mark.parametrize("full, family, given, native", [
    ("李佳", "Li", "Jia", "李佳"),
    ("王小明", "Wang", "Xiaoming", "王小明"),
    ("欧阳明华", "Ouyang", "Minghua", "欧阳明华"),
    ("单雪", "Shan", "Xue", "单雪"),
    ("한현숙", "한", "현숙", "한현숙"),
    ("Li, Jia", "Li", "Jia", None),
    ("LI Jia", "LI", "Jia", None),
    ("Jia LI", "LI", "Jia", None),
    ("Maria GARCÍA LÓPEZ", "GARCÍA LÓPEZ", "Maria", None),
    ("Ludwig van Beethoven", "van Beethoven", "Ludwig", None),
    ("Konstantin Petrov", "Petrov", "Konstantin", None),
    ("Madonna", "Madonna", "", None),
    ("李佳 (LI Jia)", "LI", "Jia", "李佳"),
    ("Jia Li 李佳", "Li", "Jia", "李佳"),
])
def test_full_names_split(full: str, family: str, given: str, native: str | None) -> None:
    split = split_full_name(full)
    assert (split.family, split.given, split.native) == (family, given, native)


@pytest.mark.parametrize("text, code", [("cn", "CN"), ("China", "CN"), ("中国", "CN"), ("CHN", "CN"),
                                        ("Spain", "ES"), ("西班牙", "ES"), ("Korea", "KR"), ("韩国", "KR")])
def test_countries_by_code_or_name(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["2020-07-15", "15/07/2020", "15.07.2020", "15 Jul 2020", "July 15, 2020",
                                  "2020年7月15日", "2020/7/15"])
def test_dates_in_common_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2020, 7, 15)


def test_a_non_date_is_refused() -> None:
    with pytest.raises(ValidationError, match="'next Tuesday-ish' is not a date"):
        parse_date("next Tuesday-ish")
