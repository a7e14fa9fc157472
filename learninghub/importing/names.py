"""Splitting a full name from one spreadsheet cell into family and given name.

Why here and not guessed later: people lists sort and search by family name, and a
Chinese or Korean name is written family-first without a space (李佳, 欧阳明华, 한현숙),
while "Li, Jia" puts the family first with a comma and "Jia LI" marks it in capitals.
Chinese names also get a pinyin reading (pypinyin) for the Latin name fields, since
badges and lists need one; the native form is kept as the native name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")

#: Two-character Chinese family names; any other Chinese name starts with a one-character one.
CHINESE_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 轩辕 端木 独孤 南宫 西门 万俟 "
    "闻人 澹台 公冶 宗政 濮阳 太叔 申屠 钟离 呼延 赫连 拓跋".split()
)
#: Surnames read differently from their everyday reading.
SURNAME_READINGS = {
    "单": "Shan", "曾": "Zeng", "解": "Xie", "仇": "Qiu", "区": "Ou", "朴": "Piao", "查": "Zha", "盖": "Ge",
    "乐": "Yue", "覃": "Qin", "翟": "Zhai", "缪": "Miao", "秘": "Bi", "召": "Shao", "尉迟": "Yuchi",
    "万俟": "Moqi", "长孙": "Zhangsun", "重": "Chong", "任": "Ren", "华": "Hua", "沈": "Shen", "柏": "Bai",
}
KOREAN_COMPOUND_SURNAMES = frozenset("남궁 황보 제갈 선우 독고 사공 서문 동방".split())
#: Lower-case words that belong to the family name that follows them.
PARTICLES = frozenset("van von der den de del della di da du le la dos das y bin ibn al el ten ter".split())


@dataclass(frozen=True)
class SplitName:
    family: str
    given: str
    native: str | None = None


def is_chinese(text: str) -> bool:
    return bool(_HAN.search(text)) and not _LATIN_LETTER.search(text) and not _HANGUL.search(text)


def is_korean(text: str) -> bool:
    return bool(_HANGUL.search(text)) and not _LATIN_LETTER.search(text)


@lru_cache(maxsize=65536)
def pinyin(text: str, *, surname: bool = False) -> str:
    """'佳明' → 'Jiaming'; surnames use their surname reading (单 → Shan)."""
    if surname and text in SURNAME_READINGS:
        return SURNAME_READINGS[text]
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).capitalize()


def split_chinese(text: str) -> SplitName:
    native = re.sub(r"\s+", "", text)
    family = native[:2] if len(native) >= 3 and native[:2] in CHINESE_COMPOUND_SURNAMES else native[:1]
    given = native[len(family):]
    return SplitName(pinyin(family, surname=True), pinyin(given) if given else "", native)


def split_korean(text: str) -> SplitName:
    native = re.sub(r"\s+", "", text)
    family = native[:2] if len(native) >= 4 and native[:2] in KOREAN_COMPOUND_SURNAMES else native[:1]
    # No romanisation library is dependable for names; the Latin fields hold the Hangul.
    return SplitName(family, native[len(family):], native)


def split_full_name(text: str) -> SplitName:
    """Family and given name of ``text`` (see the module doc for the rules)."""
    text = " ".join(text.split())
    if not text:
        return SplitName("", "")
    if is_chinese(text):
        return split_chinese(text)
    if is_korean(text):
        return split_korean(text)
    if _HAN.search(text) and _LATIN_LETTER.search(text):
        return _split_mixed(text)
    if "," in text:
        family, _, given = text.partition(",")
        return SplitName(family.strip(), given.strip())
    words = text.split(" ")
    if len(words) == 1:
        return SplitName(words[0], "")
    # A word in capitals is the family name ("LI Jia", "Jia LI", "Maria GARCÍA LÓPEZ").
    capital = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper() and any(c.isalpha() for c in w)]
    if capital and len(capital) < len(words):
        family = " ".join(words[i] for i in capital)
        given = " ".join(w for i, w in enumerate(words) if i not in capital)
        return SplitName(family, given)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return SplitName(" ".join(words[start:]), " ".join(words[:start]))


def _split_mixed(text: str) -> SplitName:
    """'李佳 (LI Jia)' or 'Jia Li 李佳': the Chinese part is the native name, the Latin part the name."""
    native = "".join(_HAN.findall(text))
    latin = " ".join(re.sub(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff()（）]", " ", text).split())
    split = split_full_name(latin) if latin else split_chinese(native)
    return SplitName(split.family, split.given, native)


def native_from_parts(family: str, given: str) -> SplitName | None:
    """Family and given name typed in Chinese columns (姓 李, 名 佳): a pinyin reading
    for the Latin fields and the native name 李佳; None when they are not Chinese."""
    if not (family or given) or not is_chinese(family + given):
        return None
    return SplitName(pinyin(family, surname=True) if family else "", pinyin(given) if given else "",
                     family + given)
