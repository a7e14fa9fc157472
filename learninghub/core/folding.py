"""Search text folded one way everywhere: accents and case gone in every script, Chinese by its pinyin.

A check-in desk types what its keyboard has: ``Nuria`` for Núria, ``Γιωργος`` for Γιώργος, ``Dang``
for Đặng, ``istanbul`` for İstanbul, ``wang xiaoming`` (or ``wangxiaoming``, ``xiaoming``,
``wáng xiǎomíng``) for 王小明, ``minji`` or ``choi min ji`` for Min-ji Choi. :func:`fold` is the one
folding (NFKD, combining marks dropped, case-folded, and the letters NFKD leaves alone: đ ı ł ø æ œ þ ħ).
The index holds, per row, a *search key* made here (``people.search_key``, ``organisations.search_key``,
``cities.search_key``, kept by the models' validators and ``core/bulk.py``; migration 0008 filled the
rows that existed), and ``services/search.py`` turns what is typed into a :class:`Needle`.

A key is its forms joined by RS (U+001E), so that nothing typed matches across two of them:

- the *head*: the row's text as written, exactly as the index triggers concatenate it (the index uses
  a key only while it starts with the row's current text + RS: a row changed with plain SQL, not
  through the app, is indexed as written, never under a stale key);
- the names folded, where folding changes more than case (``nuria puig i ferrer``); an email or a
  place's name the same;
- the names *joined*, from the start of each word, given name first and family name first:
  ``ǂminjichoi``, ``ǂjichoi``, ``ǂchoiminji``; for a Chinese native name its pinyin the same way
  (``ǂwangxiaoming``, ``ǂxiaomingwang``, ``ǂmingwang``; ``lv`` beside ``lu`` for 吕). One ǂ starts
  them, so a joined form is only met from the start of a word: ``minji`` finds Min-ji, ``yeonsu``
  does not find Hyeon-suk;
- the *word starts*: ``ǂǂ`` and the first two characters of each word of the names, of the pinyin and
  of a place's names (``ǂǂmiǂǂjiǂǂch``), and CJK written a character at a time (``ǂǂ王ǂǂ小ǂǂ明``).

A key is in two parts, GS (U+001D) between them, two columns of the index: ``doc`` (the head and the
folded text: met anywhere) and ``words`` (the joined names and the word starts: met from a word's start).

What is typed is folded the same way (:func:`needle`), then looked for as:

- three or more characters: a substring of the key as typed (``uri``), or joined from the start of
  a word (``ǂ`` + ``puigiferrer``, ``wangxiaoming``, ``choiminji``); several words typed, each of
  them anywhere (``maria garcia`` finds María José García López, ``elena ibanez`` Elena Moreno
  Ibáñez; a word of one or two letters at a word's start); the trigram index serves them all;
- one or two letters or digits (``N``, ``nu``, ``李``, ``小明``, ``成都``): the start of a word of a
  name, an organisation or a city, ``ǂǂ`` + the fragment, three characters, so the same trigram index
  serves it instead of a scan; ``ng`` no longer finds Wang inside a word (``wa`` does), nor an email;
- one or two characters with punctuation (``%``, ``e*``): a plain substring scan, as before.

ǂ (U+01C2, a click letter) is a letter to pg_trgm, so ``ǂǂn`` is one trigram on PostgreSQL as well;
:func:`fold` drops it from anything typed or stored, so it never occurs otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .validate import CONTROL_CHARACTERS, LONE_SURROGATES

#: Starts a joined form (ǂ) and a word start (ǂǂ) in a key.
MARK = "\u01c2"
WORD = MARK * 2
#: Between the forms of a key (and between a person's, organisation's and city's part of the index).
RS = "\x1e"
#: Between a key's text and what is met only from a word's start (two columns of the index).
GS = "\x1d"

#: Letters NFKD does not take apart, after case folding (đ Vietnamese, ı Turkish dotless i, …).
_LETTERS = str.maketrans({
    "đ": "d", "ð": "d", "ı": "i", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h",
    "ŧ": "t", "ƀ": "b", "ɨ": "i", "ʉ": "u", MARK: "", RS: " ", GS: " ",
})
#: Kana voicing marks: combining, but が is not か.
_KEEP_MARKS = frozenset("\u3099\u309a")
#: What may be left out or typed in between name parts: spaces, dashes, apostrophes, dots.
_SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30a0'\u2019\u02bc\u2018`\u00b4\u02bb.\u00b7\u2027\u30fb\u2022"
_CJK = re.compile(
    "[\u3040-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    "\uf900-\ufaff\U00020000-\U0002ffff]"
)
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_SPACE_OR_SEPARATOR = re.compile(f"[\\s{re.escape(_SEPARATORS)}]+")
#: A word: a run of letters and digits, a CJK character alone.
_WORDS = re.compile(f"{_CJK.pattern}|(?:(?!{_CJK.pattern})[^\\W_])+")
_LATIN_WORDS = re.compile("[a-z0-9]+")
_HAN_RUN = re.compile(f"(?:{_HAN.pattern})+")
_CJK_RUN = re.compile(f"(?:{_CJK.pattern})+")
#: Text that folds to itself: Han, Hangul syllables, kana letters.
_PLAIN_CJK = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]+")

#: Two-character Chinese family names (a name starting so has a two-character family name).
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 闾丘 端木 南宫 百里 呼延 独孤 "
    "太史 申屠 澹台 公冶 拓跋 赫连 万俟 西门 东郭 第五 歐陽 司馬 諸葛 尉遲 公孫 長孫 軒轅 鍾離 閭丘 南宮 獨孤".split()
)
#: Family names read otherwise than the character's first reading (曾 is Zeng as a name, not ceng).
_SURNAME_READINGS = {
    "单": "shan", "單": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "區": "ou",
    "查": "zha", "盖": "ge", "蓋": "ge", "乐": "yue", "樂": "yue", "覃": "qin", "种": "chong", "秘": "bi",
    "繁": "po", "员": "yun", "員": "yun", "缪": "miao", "繆": "miao", "翟": "zhai", "重": "chong", "任": "ren",
    "薄": "bo", "牟": "mu", "召": "shao", "都": "du", "藏": "zang", "句": "gou", "长": "zhang", "長": "zhang",
    "万俟": "moqi", "尉迟": "yuchi", "尉遲": "yuchi",
}


def fold(text: str | None) -> str:
    """``text`` with accents and case gone, in any script, spaces collapsed: 'Núria' → 'nuria',
    'ΓΙΏΡΓΟΣ' → 'γιωργοσ', 'Đặng' → 'dang', 'İstanbul' → 'istanbul', '최민지' unchanged."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    if _PLAIN_CJK.fullmatch(text):  # most native names: nothing to fold (and NFKD would split Hangul)
        return text
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    kept = "".join(ch for ch in decomposed if ch in _KEEP_MARKS or not unicodedata.combining(ch))
    return " ".join(unicodedata.normalize("NFC", kept.translate(_LETTERS)).split())


def joined(folded: str) -> str:
    """A folded text's words run together ('min-ji choi' → 'minjichoi')."""
    return "".join(words(folded))


def words(folded: str) -> list[str]:
    """The words of a folded text: runs of letters and digits, each CJK character alone."""
    return _LATIN_WORDS.findall(folded) if folded.isascii() else _WORDS.findall(folded)


def _latin(all_words: list[str]) -> list[str]:
    """The words that are not CJK characters."""
    return [w for w in all_words if w.isascii() or not _CJK.match(w)]


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict  # ~0.2 s to load: only once a Chinese name is met

    return pinyin_dict


#: A character's pinyin as typed: folded, tones gone, and ü written v ('吕' → ('lu', 'lv')).
_TYPED: dict[str, tuple[str, str]] = {}


def _typed(reading: str) -> tuple[str, str]:
    spelled = unicodedata.normalize("NFD", reading)
    return fold(spelled), fold(spelled.replace("u\u0308", "v"))


def _syllables(han: str, family: bool = False) -> list[tuple[str, str]]:
    if family and han in _SURNAME_READINGS:
        return [(_SURNAME_READINGS[han], _SURNAME_READINGS[han])]
    out = []
    for ch in han:
        typed = _TYPED.get(ch)
        if typed is None:
            reading = _readings().get(ord(ch))
            typed = _TYPED[ch] = _typed(reading.split(",", 1)[0]) if reading else (ch, ch)
        out.append(typed)
    return out


def pinyin(native: str) -> tuple[list[str], list[str]]:
    """A Chinese name's pinyin as typed (no tones), family name and given name apart, read one character
    at a time (a name is no phrase), a family name as a name ('曾' zeng, '欧阳' ouyang):
    '王小明' → (['wang'], ['xiao', 'ming'])."""
    family, given = _family_and_given(native)
    return [s for s, _ in _syllables(family, family=True)], [s for s, _ in _syllables(given)]


def _family_and_given(native: str) -> tuple[str, str]:
    parts = native.split()
    if len(parts) == 2 and all(_HAN.search(p) for p in parts):  # written apart: '王 小明'
        family, given = ("".join(_HAN.findall(p)) for p in parts)
        return family, given
    han = "".join(_HAN.findall(native))
    if len(han) >= 3 and han[:2] in _COMPOUND_SURNAMES:
        return han[:2], han[2:]
    return han[:1], han[1:]


def _pinyin_sequences(native: str) -> tuple[list[list[str]], list[str]]:
    """A Chinese name's pinyin syllables as typed, family name first and given name first (and
    with v for ü, as Chinese keyboards type it), and the syllables for the word starts."""
    family, given = _family_and_given(native)
    fam, giv = _syllables(family, family=True), _syllables(given)
    first, then = [s for s, _ in fam], [s for s, _ in giv]
    sequences = [first + then, then + first]
    with_v = [v for _, v in fam + giv]
    if with_v != first + then:
        sequences.append(with_v)
    return sequences, first + then


def _word_starts(all_words: list[str]) -> str:
    """``ǂǂ`` and the first two characters of each word (not CJK characters: :func:`_cjk_runs` has them)."""
    return "".join(WORD + start for start in dict.fromkeys(w[:2] for w in _latin(all_words)))


def _cjk_runs(folded: str) -> list[str]:
    """Each run of CJK characters written a character at a time: '王小明' → 'ǂǂ王ǂǂ小ǂǂ明'."""
    return [WORD + WORD.join(run) for run in _CJK_RUN.findall(folded)] if not folded.isascii() else []


def _from_each_word(sequence: list[str]) -> list[str]:
    """``ǂ`` + the words joined from each one on (those shorter than three letters cannot be met)."""
    return [MARK + "".join(sequence[i:]) for i in range(len(sequence)) if sum(map(len, sequence[i:])) >= 3]


def _unique(forms: list[str]) -> list[str]:
    """Forms without those inside another (which would find nobody more), longest first."""
    kept: list[str] = []
    seen = ""
    for form in sorted(set(forms) - {""}, key=lambda f: (-len(f), f)):
        if form not in seen:
            kept.append(form)
            seen += RS + form
    return kept


def _key(head: str, text: list[str], from_word_starts: list[str] = ()) -> str:  # type: ignore[assignment]
    """The two parts of a key: ``head`` and ``text`` forms (index column ``doc``), GS, and the forms met
    only from the start of a word (column ``words``)."""
    return head + RS + RS.join(_unique(text)) + GS + RS.join(_unique(list(from_word_starts)))


def _folded_if_changed(text: str) -> str:
    """``text`` folded if folding changes it at all (case, accents, a tab or a line break): the index's
    text then holds everything in the form typed text is folded to, so PostgreSQL matches it with LIKE
    (ILIKE lowered every row's text again for each search: 40 ms for 30,000 rows)."""
    folded = fold(text)
    return folded if folded != text else ""


def person_head(given: str | None, family: str | None, native: str | None, email: str | None) -> str:
    """A person's text as the index triggers concatenate it (migration 0008)."""
    return f"{given or ''} {family or ''} {native or ''} {email or ''}"


def person_search_key(given: str | None, family: str | None, native: str | None, email: str | None) -> str:
    """What the index holds for a person (beside their organisation's and city's keys): the module says."""
    g, f, n = fold(given), fold(family), fold(native)
    given_words, family_words, native_words = words(g), words(f), _latin(words(n))
    text = [_folded_if_changed(f"{given or ''} {family or ''}"), _folded_if_changed(native or ""),
            _folded_if_changed(email or "")]
    joined_forms = [*_from_each_word(given_words + family_words), *_from_each_word(family_words + given_words),
                    *_from_each_word(native_words), *_cjk_runs(g), *_cjk_runs(f), *_cjk_runs(n)]
    start_words = given_words + family_words + native_words
    if native and _HAN.search(native):
        sequences, syllables = _pinyin_sequences(native)
        for sequence in sequences:
            joined_forms += _from_each_word(sequence)
        start_words += syllables
    return _key(person_head(given, family, native, email), text, [*joined_forms, _word_starts(start_words)])


def place_head(name: str | None, native: str | None) -> str:
    """An organisation's or city's text as the index triggers concatenate it (migration 0008)."""
    return f"{name or ''} {native or ''}"


def place_search_key(name: str | None, native: str | None) -> str:
    """What the index holds for an organisation or a city: its text, and folded where folding changes
    more than case ('İstanbul' → 'istanbul', 'Politècnica' → 'politecnica'); the start of its words."""
    folded_name, folded_native = fold(name), fold(native)
    return _key(place_head(name, native), [_folded_if_changed(name or ""), _folded_if_changed(native or "")],
                [_word_starts(words(folded_name) + words(folded_native)),
                 *_cjk_runs(folded_name), *_cjk_runs(folded_native)])


def text_search_key(name: str, *more: str | None) -> str:
    """The key of a name as a list shows it ('王小明 (Xiaoming Wang)', 'Min-ji Choi'), and of ``more``
    text beside it (an organisation), for :func:`matches`: the text folded; the name's words joined from
    each word on in every order (which word is the family name is not known here), the pinyin of its
    Chinese, its word starts."""
    folded = fold(name)
    latin = _latin(words(folded))
    joined_forms = [MARK + "".join(latin[i:] + latin[:i]) for i in range(len(latin))] + _cjk_runs(folded)
    start_words = list(latin)
    for run in _HAN_RUN.findall(unicodedata.normalize("NFKC", name)):
        sequences, syllables = _pinyin_sequences(run)
        for sequence in sequences:
            joined_forms += _from_each_word(sequence)
        start_words += syllables
    return _key(folded, [fold(text) for text in more], [*joined_forms, _word_starts(start_words)])


def key_parts(key: str) -> tuple[str, str]:
    """A key's text (index column ``doc``) and what is met only from a word's start (column ``words``)."""
    text, _, from_word_starts = key.partition(GS)
    return text, from_word_starts


Term = tuple[str, str]


@dataclass(frozen=True)
class Needle:
    """What a typed fragment looks for (the module says how): ``any_of`` alternatives, each met when
    all of its ``(column, text)`` terms are, column ``doc`` (the text of the rows, as written and
    folded) or ``words`` (met from a word's start).

    ``kind``: "" (nothing typed), "substring", "word-start" (one or two characters) or "scan" (the one
    term, with no index for it: LIKE).
    """

    kind: str
    any_of: tuple[tuple[Term, ...], ...]

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every term, of every alternative."""
        return tuple(term for group in self.any_of for term in group)


def _word_start_terms(folded: str) -> list[Term]:
    """One or two letters or characters: each word's start; CJK characters one after the other in one
    term, as the key writes them."""
    texts: list[str] = []
    for token in folded.split():  # CJK characters typed apart ('王 明') are two terms
        joining = False
        for word in words(token):
            cjk = bool(_CJK.match(word)) and not word.isascii()
            if joining and cjk:
                texts[-1] += WORD + word
            else:
                texts.append(WORD + word)
            joining = cjk
    return [("words", t) for t in texts]


def needle(fragment: str | None) -> Needle:
    """How to look for what was typed (the module says): folded; joined from a word's start; each word
    typed anywhere (``maria garcia`` finds María José García López); word starts."""
    # what no name holds and no keyboard types is left out of a search (a pasted NUL, a lone surrogate)
    typed = LONE_SURROGATES.sub("", CONTROL_CHARACTERS.sub("", fragment or ""))
    folded = fold(typed)
    compact = _SPACE_OR_SEPARATOR.sub("", folded)
    if not compact:  # a dash, a dot, or nothing
        return Needle("scan", ((("doc", folded),),)) if folded else Needle("", ())
    if len(compact) < 3:
        if not compact.isalnum():
            return Needle("scan", ((("doc", folded),),))
        return Needle("word-start", (tuple(_word_start_terms(folded)),))
    run_together = "".join(_latin(words(folded)))  # CJK: the text has it as written
    joined_form = [(("words", MARK + run_together),)] if len(run_together) >= 3 else []
    tokens = [t for t in folded.split() if _SPACE_OR_SEPARATOR.sub("", t)]
    if len(tokens) < 2:
        return Needle("substring", ((("doc", folded),), *joined_form))
    each: list[Term] = []
    for token in tokens:  # each word typed, anywhere: a long one inside the text, a short one at a word's start
        if len(_SPACE_OR_SEPARATOR.sub("", token)) >= 3:
            each.append(("doc", token))
        elif token.isalnum():
            each += _word_start_terms(token)
    return Needle("substring", (*joined_form, tuple(each)) if each else ((("doc", folded),), *joined_form))


def matches(found: Needle, key: str) -> bool:
    """Whether a key (:func:`text_search_key`) holds what ``found`` looks for, as the index would say."""
    parts = dict(zip(("doc", "words"), key_parts(key)))
    return any(all(text in parts[column] for column, text in group) for group in found.any_of)
