"""The outcome report as sections: a titled table each, most with the chart that shows it.

Why a layer of plain values: the PDF (one page per section, a chart beside its table), the
XLSX (one sheet per section) and the app's Reports view show the same tables with the same
headings in the same language, so they are made once here. No reportlab, no openpyxl, no Qt.
Cells are numbers where they are numbers (rates in per cent, one decimal) and text otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..core import vocab
from ..core.reports import regions
from ..core.reports.outcome import Count, OutcomeReport
from .language import (
    PERSON_GENDERS_ZH,
    PERSON_ROLES_ZH,
    SEMINAR_STATUSES_ZH,
    DocLanguage,
    as_language,
    chinese_name,
)

#: Headings and row labels: key -> (English, Chinese).
WORDS: dict[str, tuple[str, str]] = {
    "report": ("Outcome report", "成果报告"),
    "summary": ("Key figures", "主要数据"),
    "figure": ("Figure", "指标"),
    "value": ("Value", "数值"),
    "seminars": ("Seminars", "研讨会"),
    "sessions": ("Sessions", "日程"),
    "years": ("By year", "按年份"),
    "returning": ("First-time and returning participants", "首次参加与再次参加"),
    "region": ("By world region (UN M49)", "按世界区域（联合国M49）"),
    "sub_region": ("By sub-region (UN M49)", "按次区域（联合国M49）"),
    "country": ("By country", "按国家"),
    "city": ("By city", "按城市"),
    "organisation": ("By organisation", "按单位"),
    "role": ("By role", "按角色"),
    "gender": ("By gender", "按性别"),
    "certificates": ("Certificates", "证书"),
    "speakers": ("Speakers", "发言人"),
    "partners": ("Partner organisations", "合作单位"),
    "seminars_total": ("Seminars in scope", "研讨会总数"),
    "seminars_held": ("Seminars held", "已举办研讨会"),
    "seminars_cancelled": ("Seminars cancelled", "已取消研讨会"),
    "seminars_planned": ("Seminars planned", "计划中研讨会"),
    "sessions_counted": ("Sessions (breaks and meals excluded)", "日程（不含休息和用餐）"),
    "sessions_not_counted": ("Breaks and meals (not counted)", "休息和用餐（不计入）"),
    "contact_hours": ("Contact hours", "学时"),
    "registered": ("Registered", "已报名"),
    "attended": ("Attended", "已出席"),
    "no_shows": ("No-shows", "未出席"),
    "waitlisted": ("Waiting list", "候补名单"),
    "cancelled_registrations": ("Registrations cancelled", "已取消报名"),
    "people_registered": ("People registered", "报名人数"),
    "participants": ("Participants (unique people)", "参加者（人数）"),
    "participants_erased": ("of whom erased", "其中已删除个人资料"),
    "person_sessions": ("Person-sessions", "人次（日程）"),
    "participant_hours": ("Participant hours", "参加者学时"),
    "first_time": ("First-time participants", "首次参加者"),
    "returning_people": ("Returning participants", "再次参加者"),
    "attended_several": ("Attended more than one seminar", "参加多于一场研讨会"),
    "attendance_rate": ("Attendance rate %", "出席率 %"),
    "session_rate": ("Session attendance %", "日程出席率 %"),
    "eligible": ("Eligible for a certificate", "符合证书条件"),
    "completion_rate": ("Completion rate %", "结业率 %"),
    "issued": ("Certificates issued", "已颁发证书"),
    "revoked": ("Certificates revoked", "已撤销证书"),
    "seminar": ("Seminar", "研讨会"),
    "dates": ("Dates", "日期"),
    "status": ("Status", "状态"),
    "city_col": ("City", "城市"),
    "region_col": ("Region", "区域"),
    "sub_region_col": ("Sub-region", "次区域"),
    "country_col": ("Country", "国家"),
    "gender_col": ("Gender", "性别"),
    "hours": ("Hours", "学时"),
    "session": ("Session", "日程"),
    "day": ("Day", "日期"),
    "year": ("Year", "年份"),
    "people": ("People", "人数"),
    "share": ("Share %", "占比 %"),
    "attendances": ("Attendances", "出席人次"),
    "name": ("Name", "姓名"),
    "organisation_col": ("Organisation", "单位"),
    "role_col": ("Role", "角色"),
    "erased": ("(erased)", "（已删除）"),
    "not_recorded": ("Not recorded", "未记录"),
    "none": ("None in this scope.", "此范围内无数据。"),
    "participants_note": (("Each participant is counted once, by what their record says now; erased people count "
                           "as not recorded."), "每位参加者只计一次，按其当前资料统计；已删除个人资料者计为未记录。"),
    "evaluations": ("Evaluation scores", "评估得分"),
    "responses": ("Responses", "问卷数"),
    "ratings": ("Ratings given", "评分数"),
    "mean_score": ("Mean rating", "平均评分"),
    "overall_score": ("Overall satisfaction", "总体满意度"),
    "all_seminars": ("All seminars", "全部研讨会"),
    "organiser": ("Organiser", "主办单位"),
    "partner": ("Partner", "合作单位"),
}

#: At most this many bars in a chart (the table lists every line).
CHART_BARS = 12


@dataclass(frozen=True)
class Chart:
    """What a chart draws: ``bar`` or ``pie``, one value per label."""

    kind: str
    labels: list[str]
    values: list[float]


@dataclass
class Section:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    chart: Chart | None = None
    note: str | None = None
    #: Columns holding numbers (right-aligned in the PDF).
    numeric: set[int] = field(default_factory=set)


def said(lang: DocLanguage, key: str, sep: str = " / ") -> str:
    en, zh = WORDS[key]
    return both(lang, en, zh, sep)


def both(lang: DocLanguage, en: str, zh: str | None, sep: str = " / ") -> str:
    """``en`` in English, ``zh`` in Chinese (``en`` when there is none), both in en+zh."""
    if lang.code == "en" or not zh:
        return en
    if lang.code == "zh":
        return zh
    return en if en == zh else f"{en}{sep}{zh}"


def pct(part: float | None) -> float | None:
    """A rate (0..1) in per cent with one decimal, or None when there is nothing to divide by."""
    return None if part is None else round(part * 100, 1)


def sections(report: OutcomeReport, lang: str | DocLanguage = "en") -> list[Section]:
    """Every section of the report in ``lang``, in the order the PDF prints them."""
    lg = as_language(lang)
    found = [_summary(report, lg), _seminars(report, lg), _sessions(report, lg), _years(report, lg),
             _returning(report, lg)]
    found += [_breakdown(report, lg, key) for key in ("region", "sub_region", "country", "city", "organisation",
                                                       "role", "gender")]
    found += [_certificates(report, lg), _speakers(report, lg), _partners(report, lg), _evaluations(report, lg)]
    return found


def _summary(r: OutcomeReport, lg: DocLanguage) -> Section:
    figures: list[tuple[str, Any]] = [
        ("seminars_total", r.seminars_total), ("seminars_held", r.seminars_held),
        ("seminars_cancelled", r.seminars_cancelled), ("seminars_planned", r.seminars_planned),
        ("sessions_counted", r.sessions), ("sessions_not_counted", r.sessions_not_counted),
        ("contact_hours", round(r.contact_hours, 1)), ("registered", r.registered), ("attended", r.attended),
        ("no_shows", r.no_shows), ("waitlisted", r.waitlisted), ("cancelled_registrations", r.cancelled_registrations),
        ("people_registered", r.people_registered), ("participants", r.participants),
        ("participants_erased", r.participants_erased), ("person_sessions", r.person_sessions),
        ("participant_hours", round(r.participant_minutes / 60, 1)), ("first_time", r.first_time),
        ("returning_people", r.returning), ("attended_several", r.attended_several),
        ("attendance_rate", pct(r.attendance_rate)), ("eligible", r.eligible),
        ("completion_rate", pct(r.completion_rate)), ("issued", r.certificates_issued),
        ("revoked", r.certificates_revoked),
    ]
    keys = ("registered", "attended", "no_shows", "waitlisted")
    chart = Chart("bar", [said(lg, k, "\n") for k in keys], [float(dict(figures)[k]) for k in keys])
    return Section("summary", said(lg, "summary"), [said(lg, "figure"), said(lg, "value")],
                   [[said(lg, key), value] for key, value in figures], chart, numeric={1})


def _seminars(r: OutcomeReport, lg: DocLanguage) -> Section:
    headers = [said(lg, k) for k in ("seminar", "dates", "status", "city_col", "sessions", "hours",
                                     "registered", "attended", "no_shows", "waitlisted", "attendance_rate",
                                     "session_rate")]
    rows = [[lg.text(s.title, s.title_zh), f"{s.first_day.isoformat()}\n{s.last_day.isoformat()}",
             both(lg, vocab.SEMINAR_STATUSES.get(s.status, s.status), SEMINAR_STATUSES_ZH.get(s.status)),
             both(lg, s.city or "", chinese_name(s.city_native)), s.sessions, round(s.contact_minutes / 60, 1),
             s.registered, s.attended, s.no_shows, s.waitlisted, pct(s.attendance_rate),
             pct(s.session_attendance_rate)] for s in r.seminars]
    live = [s for s in r.seminars if s.status != "cancelled"]
    chart = Chart("bar", [_short(lg.text(s.title, s.title_zh, " / ")) for s in live][:CHART_BARS],
                  [float(s.attended) for s in live][:CHART_BARS]) if live else None
    return Section("seminars", said(lg, "seminars"), headers, rows, chart, numeric=set(range(4, 12)))


def _sessions(r: OutcomeReport, lg: DocLanguage) -> Section:
    titles = {s.id: lg.text(s.title, s.title_zh, " / ") for s in r.seminars}
    headers = [said(lg, k) for k in ("day", "session", "seminar", "hours", "registered", "attended",
                                     "attendance_rate")]
    rows = [[s.starts_at.date().isoformat(), lg.text(s.title, s.title_zh, " / "), titles.get(s.seminar_id, ""),
             round(s.minutes / 60, 2), s.registered, s.attended, pct(s.attendance_rate)] for s in r.session_lines]
    return Section("sessions", said(lg, "sessions"), headers, rows, numeric={3, 4, 5, 6})


def _years(r: OutcomeReport, lg: DocLanguage) -> Section:
    headers = [said(lg, k) for k in ("year", "seminars", "participants", "attendances", "first_time")]
    rows = [[y.year, y.seminars, y.participants, y.attendances, y.first_time] for y in r.years]
    chart = Chart("bar", [str(y.year) for y in r.years], [float(y.participants) for y in r.years]) if r.years else None
    return Section("years", said(lg, "years"), headers, rows, chart, numeric={1, 2, 3, 4})


def _returning(r: OutcomeReport, lg: DocLanguage) -> Section:
    lines = [("first_time", r.first_time), ("returning_people", r.returning)]
    rows = [[said(lg, k), n, pct(n / r.participants if r.participants else None)] for k, n in lines]
    rows.append([said(lg, "attended_several"), r.attended_several,
                 pct(r.attended_several / r.participants if r.participants else None)])
    chart = Chart("pie", [said(lg, k, "\n") for k, _ in lines], [float(n) for _, n in lines]) if r.participants \
        else None
    return Section("returning", said(lg, "returning"), [said(lg, "figure"), said(lg, "people"), said(lg, "share")],
                   rows, chart, numeric={1, 2})


def _breakdown(r: OutcomeReport, lg: DocLanguage, key: str) -> Section:
    counts = r.breakdowns[key]
    total = sum(c.count for c in counts)
    names = [count_label(lg, key, c) for c in counts]
    rows = [[name, c.count, pct(c.count / total if total else None)] for name, c in zip(names, counts)]
    shown = [(n, c) for n, c in zip(names, counts) if c.count]
    kind = "pie" if key in ("region", "sub_region", "gender") else "bar"
    chart = Chart(kind, [n for n, _ in shown][:CHART_BARS], [float(c.count) for _, c in shown][:CHART_BARS]) \
        if shown else None
    return Section(key, said(lg, key), [said(lg, _HEAD[key]), said(lg, "people"), said(lg, "share")], rows, chart,
                   note=said(lg, "participants_note", "\n"), numeric={1, 2})


_HEAD = {"region": "region_col", "sub_region": "sub_region_col", "country": "country_col", "city": "city_col",
         "organisation": "organisation_col", "role": "role_col", "gender": "gender_col"}


def count_label(lg: DocLanguage, key: str, c: Count) -> str:
    """A breakdown line's name in ``lg``: vocabularies and regions in Chinese, countries by their Chinese name,
    cities and organisations by their own name when it is written in Chinese."""
    if c.key is None:
        return said(lg, "not_recorded")
    if key in ("region", "sub_region"):
        en, zh = regions.names(c.key)
        return both(lg, en, zh)
    if key == "country":
        return both(lg, c.label, _country_zh(c.key))
    if key == "role":
        return both(lg, c.label, PERSON_ROLES_ZH.get(c.key))
    if key == "gender":
        return both(lg, c.label, PERSON_GENDERS_ZH.get(c.key))
    return both(lg, c.label, chinese_name(c.native))


def _certificates(r: OutcomeReport, lg: DocLanguage) -> Section:
    headers = [said(lg, k) for k in ("seminar", "attended", "eligible", "completion_rate", "issued", "revoked")]
    rows = [[lg.text(s.title, s.title_zh), s.attended, s.eligible, pct(s.completion_rate), s.certificates_issued,
             s.certificates_revoked] for s in r.seminars]
    chart = Chart("bar", [said(lg, k, "\n") for k in ("attended", "eligible", "issued", "revoked")],
                  [float(r.attended), float(r.eligible), float(r.certificates_issued), float(r.certificates_revoked)])
    return Section("certificates", said(lg, "certificates"), headers, rows, chart, numeric={1, 2, 3, 4, 5})


def _speakers(r: OutcomeReport, lg: DocLanguage) -> Section:
    headers = [said(lg, k) for k in ("name", "organisation_col", "sessions")]
    rows = [[s.name if s.name is not None else said(lg, "erased"), s.organisation or "", s.sessions]
            for s in r.speakers]
    return Section("speakers", said(lg, "speakers"), headers, rows, numeric={2})


def _partners(r: OutcomeReport, lg: DocLanguage) -> Section:
    headers = [said(lg, k) for k in ("organisation_col", "role_col", "seminars")]
    rows = [[both(lg, p.name, chinese_name(p.native_name)), said(lg, p.role if p.role in WORDS else "partner"),
             p.seminars] for p in r.partners]
    return Section("partners", said(lg, "partners"), headers, rows, numeric={2})


def _evaluations(r: OutcomeReport, lg: DocLanguage) -> Section:
    """The seminars' evaluation scores (issue 17): responses and mean ratings, then all seminars together."""
    headers = [said(lg, k) for k in ("seminar", "responses", "ratings", "mean_score", "overall_score")]
    rows: list[list[Any]] = [[lg.text(e.title, e.title_zh), e.responses, e.ratings, _score(e.mean), _score(e.overall)]
                             for e in r.evaluations]
    if r.evaluations:
        rows.append([said(lg, "all_seminars"), sum(e.responses for e in r.evaluations),
                     sum(e.ratings for e in r.evaluations), _score(r.evaluation_mean), None])
    scored = [e for e in r.evaluations if e.mean is not None]
    chart = Chart("bar", [_short(lg.text(e.title, e.title_zh, " / ")) for e in scored][:CHART_BARS],
                  [_score(e.mean) or 0.0 for e in scored][:CHART_BARS]) if scored else None
    return Section("evaluations", said(lg, "evaluations"), headers, rows, chart, numeric={1, 2, 3, 4})


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _short(text: str, most: int = 28) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


@cache
def _zh_countries() -> Any:
    import gettext

    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:  # pragma: no cover - translations missing from the install
        return None


_COUNTRY_ZH = {"KR": "韩国", "KP": "朝鲜", "TW": "台湾", "HK": "香港", "MO": "澳门", "RU": "俄罗斯", "US": "美国",
               "GB": "英国", "VN": "越南", "IR": "伊朗", "SY": "叙利亚", "LA": "老挝", "BO": "玻利维亚",
               "VE": "委内瑞拉", "TZ": "坦桑尼亚", "MD": "摩尔多瓦", "CN": "中国"}


def _country_zh(code: str) -> str | None:
    """The country's Chinese name: everyday names for those whose official one is long, else pycountry's."""
    if code in _COUNTRY_ZH:
        return _COUNTRY_ZH[code]
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    zh = _zh_countries()
    if found is None or zh is None:
        return None
    translated = zh.gettext(found.name)
    return translated if translated != found.name else None


def period(report: OutcomeReport, lg: DocLanguage) -> str:
    """The period a report covers: its years as asked, else its seminars' first to last day."""
    scope = report.scope
    if scope.first_year is not None or scope.last_year is not None:
        first = scope.first_year if scope.first_year is not None else (report.first_day.year if report.first_day
                                                                         else "")
        last = scope.last_year if scope.last_year is not None else (report.last_day.year if report.last_day else "")
        return f"{first}–{last}" if first != last else str(first)
    if report.first_day is None or report.last_day is None:
        return ""
    return lg.day_range(report.first_day, report.last_day)


def scope_title(report: OutcomeReport, lg: DocLanguage) -> str:
    """The programme's title, and the seminar's when the report is about one."""
    title = lg.text(report.title, report.title_zh, " / ")
    if report.scope.seminar_id is not None and report.seminars:
        s = report.seminars[0]
        title += " — " + lg.text(s.title, s.title_zh, " / ")
    return title


def table_lines(section: Section) -> Sequence[Sequence[Any]]:
    """The section's header and rows, for a test or a quick look."""
    return [section.headers, *section.rows]


def nice_top(value: float) -> float:
    """A round axis end at or above ``value`` (5 steps of 1, 2 or 5 × a power of ten): the PDF's charts and the
    window's (gui/reports/charts.py) end their axes alike."""
    if value <= 0:
        return 5.0
    step = value / 5
    power = 10 ** len(str(int(step))) / 10 if step >= 1 else 0.1
    for factor in (1, 2, 2.5, 5, 10):
        if step <= factor * power:
            return factor * power * 5
    return value
