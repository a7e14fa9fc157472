"""The built-in messages, in English and Chinese, that a batch starts from and may edit.

Kept as plain text with ``$placeholders`` (``placeholders.py``): a user edits a copy for one
batch (the copy is stored with the batch), never these.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP

EN, ZH = "en", "zh"
LANGUAGES = (EN, ZH)


@dataclass(frozen=True)
class Wording:
    subject: str
    body: str


#: kind -> English label (the window translates it in the "mail" context).
KINDS: dict[str, str] = {
    "invitation": QT_TRANSLATE_NOOP("mail", "Invitation"),
    "confirmation": QT_TRANSLATE_NOOP("mail", "Confirmation of registration"),
    "place-freed": QT_TRANSLATE_NOOP("mail", "A place freed on the waiting list"),
    "reminder": QT_TRANSLATE_NOOP("mail", "Reminder"),
    "certificate": QT_TRANSLATE_NOOP("mail", "Certificate"),
    "free": QT_TRANSLATE_NOOP("mail", "Free message"),
}

#: What each kind attaches unless the user says otherwise.
DEFAULT_ATTACHMENTS: dict[str, tuple[str, ...]] = {
    "invitation": ("agenda",),
    "confirmation": ("ics",),
    "place-freed": ("ics",),
    "reminder": ("agenda", "ics"),
    "certificate": ("certificate",),
    "free": (),
}

#: Who each kind goes to unless the user says otherwise (``recipients.AUDIENCES``).
DEFAULT_AUDIENCE: dict[str, str] = {
    "invitation": "invited", "confirmation": "registered", "place-freed": "waitlisted",
    "reminder": "registered", "certificate": "eligible", "free": "registered",
}

_SIGN_EN = "\n\nWith best regards,\nThe Learning Hub team\n"
_SIGN_ZH = "\n\n此致\n敬礼\n学习中心团队\n"

TEMPLATES: dict[str, dict[str, Wording]] = {
    "invitation": {
        EN: Wording("Invitation: ${seminar}, ${dates}",
                    "Dear ${name_latin},\n\nWe are pleased to invite you to ${seminar}, ${dates}, at ${venue}, "
                    "${city}.\nThe first session starts ${start}, that is ${start_local} where you are.\n\n"
                    "The agenda is attached." + _SIGN_EN),
        ZH: Wording("邀请函：${seminar}（${dates}）",
                    "尊敬的${name}：\n\n诚挚邀请您参加${seminar}，时间为${dates}，地点：${venue}，${city}。\n"
                    "首场活动开始时间为${start}，即您当地时间${start_local}。"
                    "\n\n附件为活动日程。" + _SIGN_ZH),
    },
    "confirmation": {
        EN: Wording("Your registration: ${seminar}",
                    "Dear ${name_latin},\n\nYour registration for ${seminar} (${dates}) is recorded: ${status}.\n"
                    "The first session starts ${start}, that is ${start_local} where you are.\n\n"
                    "The attached calendar invitation holds your sessions." + _SIGN_EN),
        ZH: Wording("报名确认：${seminar}",
                    "尊敬的${name}：\n\n您已报名参加${seminar}（${dates}），当前状态：${status}。\n"
                    "首场活动开始时间为${start}，即您当地时间${start_local}。\n\n"
                    "附件中的日历邀请包含您的全部场次。" + _SIGN_ZH),
    },
    "place-freed": {
        EN: Wording("A place is free for you: ${seminar}",
                    "Dear ${name_latin},\n\nA place has become free at ${seminar} (${dates}), and you are next on "
                    "the waiting list. Please reply to confirm that you will attend." + _SIGN_EN),
        ZH: Wording("候补名额已空出：${seminar}",
                    "尊敬的${name}：\n\n${seminar}（${dates}）空出了一个名额，您在候补名单中排在首位。"
                    "请回复本邮件确认是否参加。" + _SIGN_ZH),
    },
    "reminder": {
        EN: Wording("Reminder: ${seminar} starts ${start}",
                    "Dear ${name_latin},\n\nA reminder that ${seminar} starts ${start}, that is ${start_local} where "
                    "you are.\nVenue: ${venue}, ${city}\n\nThe agenda and your calendar "
                    "invitation are attached." + _SIGN_EN),
        ZH: Wording("提醒：${seminar}将于${start}开始",
                    "尊敬的${name}：\n\n提醒您，${seminar}将于${start}开始，"
                    "即您当地时间${start_local}。\n地点：${venue}，${city}\n\n附件为日程和您的日历邀请。" + _SIGN_ZH),
    },
    "certificate": {
        EN: Wording("Your certificate: ${seminar}",
                    "Dear ${name_latin},\n\nThank you for taking part in ${seminar} (${dates}). Your certificate is "
                    "attached; its code is ${certificate_code}.\n${verify_hint}" + _SIGN_EN),
        ZH: Wording("您的结业证书：${seminar}",
                    "尊敬的${name}：\n\n感谢您参加${seminar}（${dates}）。附件为您的结业证书，证书编号：${certificate_code}。\n"
                    "${verify_hint}" + _SIGN_ZH),
    },
    "free": {
        EN: Wording("${seminar}", "Dear ${name_latin},\n\n" + _SIGN_EN.lstrip("\n")),
        ZH: Wording("${seminar}", "尊敬的${name}：\n\n" + _SIGN_ZH.lstrip("\n")),
    },
}


def kind(name: str, *, where: str = "template") -> str:
    """``name`` if it is a template kind; refused otherwise, listing them."""
    if name not in TEMPLATES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "no template {name!r} (one of {kinds})"), where=where,
                              name=name, kinds=", ".join(TEMPLATES))
    return name


def wording(name: str, lang: str) -> Wording:
    """The built-in subject and body of kind ``name`` in ``lang`` (en or zh)."""
    return TEMPLATES[kind(name)][lang if lang in LANGUAGES else EN]
