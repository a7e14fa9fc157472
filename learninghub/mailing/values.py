"""The values of the placeholders for one recipient, in the message's language.

What a seminar gives (title, days, first start, venue, online link) is read once per batch
(:class:`SeminarFacts`); what a person gives is added per recipient (:func:`values_for`). An
empty value means "cannot be filled": ``plan`` refuses a batch whose template needs one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import certcodes, timezones, vocab
from ..core.models import AgendaSession, Certificate
from ..core.services import seminars
from ..documents.dates import WEEKDAYS_ZH, day_range, long_day, utc_offset
from ..documents.language import chinese_name
from .recipients import Recipient

_URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)
#: Registration statuses in Chinese (the core's words are English; the message is not translated by Qt).
STATUS_ZH = {"invited": "已邀请", "registered": "已报名", "confirmed": "已确认", "waitlisted": "候补",
             "cancelled": "已取消", "attended": "已出席", "no-show": "未出席"}
VERIFY_HINT = {"en": "The organisers can confirm it at any time: the code is in their register.",
               "zh": "主办方可随时凭此编号核验证书。"}


@dataclass(frozen=True)
class SeminarFacts:
    """What every message of a batch says about the seminar."""

    id: int
    title: str
    title_zh: str | None
    first_day: dt.date
    last_day: dt.date
    zone: str
    venue: str | None
    city: str | None
    city_zh: str | None
    first_start: dt.datetime | None
    online_link: str | None
    #: person id -> their valid certificate's code (XXXX-XXXX-XXXX).
    codes: dict[int, str] = field(default_factory=dict)


def facts(session: Session, seminar_id: int) -> SeminarFacts:
    """Read the seminar once for a batch."""
    seminar = seminars.get_seminar(session, seminar_id)
    rows = session.execute(select(AgendaSession.starts_at, AgendaSession.room)
                           .where(AgendaSession.seminar_id == seminar_id).order_by(AgendaSession.starts_at)).all()
    texts = [seminar.venue, *(room for _, room in rows), seminar.description, seminar.description_zh]
    link = next((m.group(0).rstrip(".,;") for t in texts if t for m in [_URL.search(t)] if m), None)
    codes = {c.person_id: certcodes.format_code(c.code) for c in session.scalars(
        select(Certificate).where(Certificate.seminar_id == seminar_id, Certificate.revoked_at.is_(None)))}
    city = seminar.city
    return SeminarFacts(seminar.id, seminar.title, seminar.title_zh, seminar.start_date, seminar.end_date,
                        seminar.timezone, seminar.venue, city.name if city else None,
                        chinese_name(city.native_name) if city else None, rows[0][0] if rows else None, link, codes)


def moment(instant: dt.datetime, zone: str, lang: str) -> str:
    """The instant on the clocks of ``zone``, the zone said once with its offset: 'Monday 13 July 2020, 09:00
    (Asia/Shanghai, UTC+08:00)' or '2020年7月13日星期一 09:00（Asia/Shanghai，UTC+08:00）'. The templates write
    no zone after it."""
    local = instant.astimezone(timezones.zone(zone))
    if lang == "zh":
        day = local.date()
        return (f"{day.year}年{day.month}月{day.day}日{WEEKDAYS_ZH[day.weekday()]} {local:%H:%M}"
                f"（{zone}，{utc_offset(local)}）")
    return f"{long_day(local.date())}, {local:%H:%M} ({zone}, {utc_offset(local)})"


def values_for(seminar: SeminarFacts, person: Recipient, lang: str) -> dict[str, str | None]:
    """Every placeholder's value for ``person`` in ``lang`` (en or zh); None or '' where there is none."""
    zh = lang == "zh"
    status = person.status
    start = start_local = None
    if seminar.first_start is not None:
        start = moment(seminar.first_start, seminar.zone, lang)
        if person.zone:
            start_local = moment(seminar.first_start, person.zone, lang)
    code = seminar.codes.get(person.person_id)
    return {
        "name": person.own_name,
        "name_latin": person.latin or person.own_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "title": person.title,
        "organisation": person.organisation,
        "seminar": (seminar.title_zh or seminar.title) if zh else seminar.title,
        "dates": day_range(seminar.first_day, seminar.last_day, style="plain", lang=lang),
        "start": start,
        "start_local": start_local,
        "seminar_zone": seminar.zone,
        "local_zone": person.zone,
        "venue": seminar.venue,
        "city": (seminar.city_zh or seminar.city) if zh else seminar.city,
        "online_link": seminar.online_link,
        "status": (STATUS_ZH.get(status, status) if zh else vocab.REGISTRATION_STATUSES.get(status, status).lower())
        if status else None,
        "certificate_code": code,
        "verify_hint": VERIFY_HINT[lang] if code else None,
    }
