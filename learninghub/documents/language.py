"""The language a document is printed in: English, Chinese, or both (``en``, ``zh``, ``en+zh``).

One place for what changes with the language: the labels and headings, weekday and
month names, how a date is written, and which version of a bilingual field is shown.
Chinese dates follow the conventions Qt's QLocale uses for zh_CN (CLDR), so the app and
its documents agree: ``2020年7月15日星期三`` (long), ``7月15日周三`` (short), ``星期三``
and ``7月``. English stays as documents always printed it: ``Wednesday 15 July 2020``.
No Qt and no Babel here: the core prints documents without either, and the few
formats needed are fixed by CLDR, not by the process locale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core import vocab
from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from . import dates

EN, ZH, BOTH = "en", "zh", "en+zh"
LANGUAGES: tuple[str, ...] = (EN, ZH, BOTH)
#: How a choice of document language is named, each in its own language (for a menu).
LANGUAGE_NAMES: dict[str, str] = {EN: "English", ZH: "中文", BOTH: "English + 中文"}

#: QLocale("zh_CN").dayName(n) and dayName(n, ShortFormat), Monday first.
WEEKDAYS_ZH = dates.WEEKDAYS_ZH
WEEKDAYS_ZH_SHORT = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

#: Labels and headings of the agenda and the programme: key -> (English, Chinese).
LABELS: dict[str, tuple[str, str]] = {
    "agenda": ("Agenda", "议程"),
    "programme": ("Programme", "培训计划"),
    "venue": ("Venue", "地点"),
    "times_in": ("Times in", "时间"),
    "second_column": ("second column", "第二列"),
    "organisers": ("Organisers", "主办单位"),
    "partners": ("Partners", "合作单位"),
    "cancelled": ("CANCELLED", "已取消"),
    "no_sessions": ("No sessions in the agenda yet.", "议程中尚无日程。"),
    "time": ("Time", "时间"),
    "session": ("Session", "日程"),
    "kind": ("Kind", "类型"),
    "speakers": ("Speakers", "发言人"),
    "room": ("Room", "会场"),
    "moderator": ("Moderator", "主持人"),
    "dates": ("Dates", "日期"),
    "seminar": ("Seminar", "研讨会"),
    "place": ("Place", "地点"),
    "format": ("Format", "形式"),
    "seats_taken": ("Seats taken", "已占座位"),
    "status": ("Status", "状态"),
    "audience": ("Audience", "参加者"),
    "printed": ("Printed", "打印日期"),
    # the exports' (spreadsheets, calendars)
    "family_name": ("Family name", "姓"),
    "given_name": ("Given name", "名"),
    "native_name": ("Native name", "本国文字姓名"),
    "organisation": ("Organisation", "单位"),
    "total": ("Total", "合计"),
    "attendance": ("Attendance", "签到"),
    "language": ("Language", "语言"),
    "not_registered": ("(not registered)", "（未报名）"),
}

#: The controlled vocabularies in Chinese (the English labels live in core.vocab).
SEMINAR_KINDS_ZH = {"seminar": "研讨会", "webinar": "线上研讨会", "meeting": "集群会议", "visit": "考察",
                    "conference": "大会", "course": "课程"}
SEMINAR_FORMATS_ZH = {"onsite": "线下", "online": "线上", "hybrid": "线上线下结合"}
SEMINAR_STATUSES_ZH = {"planned": "计划中", "confirmed": "已确认", "held": "已举办", "cancelled": "已取消"}
SESSION_KINDS_ZH = {"talk": "报告", "keynote": "主旨演讲", "panel": "圆桌讨论", "workshop": "工作坊", "break": "休息",
                    "meal": "用餐", "visit": "现场考察", "ceremony": "仪式", "meeting": "会议", "other": "其他"}
#: As the app's interface says them (RegistrationStatus in resources/i18n/learninghub_zh_CN.ts).
REGISTRATION_STATUSES_ZH = {"invited": "已邀请", "registered": "已报名", "confirmed": "已确认", "waitlisted": "候补名单",
                            "cancelled": "已取消", "attended": "已出席", "no-show": "未出席"}
PERSON_ROLES_ZH = {"elected": "民选代表", "policymaker": "政策制定者", "manager": "城市管理者", "planner": "城市规划师",
                   "expert": "专家", "participant": "学员", "staff": "工作人员", "other": "其他人员"}

PERSON_GENDERS_ZH = {"woman": "女", "man": "男", "another": "其他性别", "undisclosed": "不愿透露"}

_VOCABS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "seminar_kind": (vocab.SEMINAR_KINDS, SEMINAR_KINDS_ZH),
    "seminar_format": (vocab.SEMINAR_FORMATS, SEMINAR_FORMATS_ZH),
    "seminar_status": (vocab.SEMINAR_STATUSES, SEMINAR_STATUSES_ZH),
    "session_kind": (vocab.SESSION_KINDS, SESSION_KINDS_ZH),
    "person_role": (vocab.PERSON_ROLES, PERSON_ROLES_ZH),
    "person_gender": (vocab.PERSON_GENDERS, PERSON_GENDERS_ZH),
    "registration_status": (vocab.REGISTRATION_STATUSES, REGISTRATION_STATUSES_ZH),
}


def check(code: str | None, where: str = "--lang") -> str:
    """``code`` normalised ('EN+ZH', 'zh_CN' and 'zh-Hans' are accepted), or refused naming the choices."""
    value = (code or EN).strip().lower().replace(" ", "")
    value = {"zh_cn": ZH, "zh-cn": ZH, "zh-hans": ZH, "zh+en": BOTH, "en,zh": BOTH}.get(value, value)
    if value not in LANGUAGES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{code!r} is not one of: {choices}"), where=where, code=code,
                              choices=", ".join(LANGUAGES))
    return value


def chinese_name(name: str | None) -> str | None:
    """``name`` if it is written in Chinese characters, else None. A city's own name is
    its Chinese name when the city is Chinese (成都); Incheon's (인천), Ioannina's
    (Ιωάννινα) or Brussels' (Bruxelles) is not, and has no place on a Chinese line."""
    from .fonts import HAN, script_of

    letters = [ch for ch in name or "" if ch.isalpha()]
    return name if letters and all(script_of(ch) == HAN for ch in letters) else None


# ---------------------------------------------------------------- dates in Chinese
def long_day_zh(day: dt.date) -> str:
    """'2020年7月15日星期三' (QLocale zh_CN LongFormat)."""
    return f"{day.year}年{day.month}月{day.day}日{WEEKDAYS_ZH[day.weekday()]}"


def short_day_zh(day: dt.date) -> str:
    """'7月15日周三'."""
    return f"{day.month}月{day.day}日{WEEKDAYS_ZH_SHORT[day.weekday()]}"


def day_shift_zh(days: int) -> str:
    """'+1天', '-2天', or '' for the same day."""
    return f"{days:+d}天" if days else ""


# ---------------------------------------------------------------- one document's language
@dataclass(frozen=True)
class DocLanguage:
    """What a document in one language prints. ``en+zh`` gives English first, Chinese second."""

    code: str = EN

    @property
    def english(self) -> bool:
        return self.code in (EN, BOTH)

    @property
    def chinese(self) -> bool:
        return self.code in (ZH, BOTH)

    def _both(self, en: str, zh: str, sep: str) -> str:
        if self.code == EN:
            return en
        if self.code == ZH:
            return zh
        return en if en == zh or not zh else f"{en}{sep}{zh}"

    def label(self, key: str, sep: str = " / ") -> str:
        """A label or heading: 'Venue', '地点' or 'Venue / 地点'."""
        en, zh = LABELS[key]
        return self._both(en, zh, sep)

    def colon(self) -> str:
        """What follows a label: a full-width colon after Chinese."""
        return "：" if self.code == ZH else ":"

    def term(self, vocabulary: str, value: str, sep: str = " / ") -> str:
        """A value of a controlled vocabulary ('seminar_kind', 'session_kind'...) in this language."""
        english, chinese = _VOCABS[vocabulary]
        en = english.get(value, value)
        return self._both(en, chinese.get(value, en), sep)

    def terms(self, vocabulary: str) -> list[str]:
        """Every label of a vocabulary as this language prints it (to size a column)."""
        english, _ = _VOCABS[vocabulary]
        return [self.term(vocabulary, value) for value in english]

    def pick(self, main: str | None, zh: str | None) -> list[str]:
        """The versions of a bilingual field to print, in order: the main text in English,
        the Chinese version (or the main text when there is none) in Chinese, both in
        en+zh (the Chinese one only when it exists and differs)."""
        if not main and not zh:
            return []
        if self.code == EN:
            return [main] if main else [zh]  # type: ignore[list-item]
        if self.code == ZH:
            return [zh or main]  # type: ignore[list-item]
        return [x for x in dict.fromkeys((main, zh)) if x]

    def text(self, main: str | None, zh: str | None, sep: str = "\n") -> str:
        """:meth:`pick` joined: one line per version."""
        return sep.join(self.pick(main, zh))

    # -- dates
    def long_day(self, day: dt.date, sep: str = " · ") -> str:
        return self._both(dates.long_day(day), long_day_zh(day), sep)

    def short_day(self, day: dt.date, sep: str = "\n") -> str:
        return self._both(dates.short_day(day), short_day_zh(day), sep)

    def day_range(self, first: dt.date, last: dt.date, sep: str = " · ") -> str:
        return self._both(dates.day_range(first, last), dates.day_range(first, last, lang="zh"), sep)

    def short_range(self, first: dt.date, last: dt.date, sep: str = "\n") -> str:
        return self._both(dates.day_range(first, last, style="short"),
                          dates.day_range(first, last, style="short", lang="zh"), sep)

    def day_shift(self, days: int) -> str:
        """'+1 day' / '+1天'; en+zh writes it once in English (the number says it either way,
        and the time column is narrow)."""
        if self.code == BOTH:
            return dates.day_shift(days)
        return day_shift_zh(days) if self.code == ZH else dates.day_shift(days)

    def span(self, start: dt.datetime, end: dt.datetime) -> str:
        """'09:00–09:45', with the day shift ('+1天') when the end is on a later day."""
        shift = self.day_shift((end.date() - start.date()).days)
        return f"{start:%H:%M}–{end:%H:%M}" + (f" {shift}" if shift else "")

    def printed(self, day: dt.date) -> str:
        """The footer's print date: 'Printed 2026-11-23', '打印日期 2026-11-23'."""
        return f"{self.label('printed')} {day.isoformat()}"

    def page_of(self, page: int, total: int) -> str:
        """'Page 1 of 3', '第1页，共3页', or both."""
        return self._both(f"Page {page} of {total}", f"第{page}页，共{total}页", " · ")

    def list_sep(self) -> str:
        """Between items of a list in running text: '、' in Chinese."""
        return "、" if self.code == ZH else ", "

    def short_weekday(self, day: dt.date, sep: str = " ") -> str:
        """'Tue', '周二' or 'Tue 周二'."""
        return self._both(f"{day:%a}", WEEKDAYS_ZH_SHORT[day.weekday()], sep)


def language(code: str | None = None) -> DocLanguage:
    """The :class:`DocLanguage` for ``code`` (checked; None means English)."""
    return DocLanguage(check(code))


def as_language(lang: str | DocLanguage | None) -> DocLanguage:
    """``lang`` if it is a :class:`DocLanguage` already, else :func:`language` of it."""
    return lang if isinstance(lang, DocLanguage) else language(lang)
