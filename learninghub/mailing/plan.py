"""A batch checked whole, then queued: nothing is recorded unless every message can be written.

Why check before queueing: "Dear {first_name}" sent unfilled to half a list cannot be taken
back. Every recipient's subject and body are filled first; a placeholder that has no value for
someone (no time zone for their city, no certificate, no online link) refuses the whole batch,
naming the people, and nothing is queued or sent.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..core import outbox
from ..core.errors import RuleViolation, ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.services import certificate_eligibility, certificates
from . import attachments, compose, placeholders, recipients, templates
from .recipients import Recipient
from .values import VERIFY_HINT, SeminarFacts, facts, values_for

#: The languages a batch may be written in: one for all, or each person's own (``auto``).
BATCH_LANGUAGES = ("en", "zh", "auto")
#: How many people a refusal names before "and N more".
NAMED = 5
#: What the preview shows for a certificate code that sending will issue.
CODE_TO_COME = "····-····-····"


@dataclass(frozen=True)
class Request:
    """What the user chose: the seminar, template, language, audience, texts and attachments."""

    seminar_id: int
    template: str
    lang: str
    audience: str
    sender: str
    #: lang -> (subject, body); a language not given uses the built-in wording
    texts: Mapping[str, tuple[str, str]]
    attachments: tuple[str, ...] = ()
    #: only these people of the audience (None: all of it)
    only: tuple[int, ...] | None = None

    def wording(self, lang: str) -> tuple[str, str]:
        if lang in self.texts:
            return self.texts[lang]
        built_in = templates.wording(self.template, lang)
        return built_in.subject, built_in.body


@dataclass(frozen=True)
class Filled:
    """One recipient's message as it will go out."""

    recipient: Recipient
    lang: str
    subject: str
    body: str


def request(seminar_id: int, template: str, *, lang: str = "en", audience: str | None = None, sender: str,
            texts: Mapping[str, tuple[str, str]] | None = None, attachments_: Iterable[str] | None = None,
            only: Iterable[int] | None = None) -> Request:
    """A checked :class:`Request` (unknown template, audience, language, attachment or placeholder refused)."""
    templates.kind(template)
    if lang not in BATCH_LANGUAGES:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "language {lang!r} is not one of {langs}"), where="lang",
                              lang=lang, langs=", ".join(BATCH_LANGUAGES))
    compose.sender_address(sender)
    made = Request(seminar_id, template, lang, recipients.audience(audience or templates.DEFAULT_AUDIENCE[template]),
                   sender, dict(texts or {}),
                   attachments.check_kinds(templates.DEFAULT_ATTACHMENTS[template] if attachments_ is None
                                           else list(attachments_)),
                   tuple(only) if only is not None else None)
    for code in ("en", "zh"):
        subject, body = made.wording(code)
        placeholders.check(subject, where="subject")
        placeholders.check(body, where="body")
    return made


def _needed(req: Request) -> set[str]:
    """Placeholders every recipient must have beyond those the texts use (a certificate to attach needs one)."""
    return {"certificate_code"} if "certificate" in req.attachments else set()


def _issues_certificates(req: Request) -> bool:
    """Whether queueing the batch issues the seminar's certificates (its messages name or attach one)."""
    return req.template == "certificate" or "certificate" in req.attachments or any(
        "certificate_code" in placeholders.used(s + b) for s, b in (req.wording("en"), req.wording("zh")))


def fill(req: Request, seminar: SeminarFacts, person: Recipient, *,
         to_come: frozenset[int] = frozenset()) -> tuple[Filled, list[str]]:
    """``person``'s message and the placeholders that could not be filled for them (``to_come``: the
    people whose certificate queueing will issue, shown with a code still to come)."""
    lang = person.language(req.lang)
    subject, body = req.wording(lang)
    values = values_for(seminar, person, lang)
    if person.person_id in to_come and not values["certificate_code"]:
        values["certificate_code"] = CODE_TO_COME
        values["verify_hint"] = VERIFY_HINT[lang]
    lacking = [n for n in placeholders.missing(subject + "\n" + body, values)]
    lacking += sorted(n for n in _needed(req) if not values.get(n) and n not in lacking)
    shown = {k: (v if v else f"${{{k}}}") for k, v in values.items()}
    one_line = " ".join(placeholders.fill(subject, shown).split())
    return Filled(person, lang, one_line, placeholders.fill(body, shown)), lacking


def preview(session: Session, req: Request) -> tuple[recipients.Audience, list[tuple[Filled, list[str]]]]:
    """Who gets it, who does not, and every message as it would read (codes still to issue shown as such;
    someone not eligible for a certificate lacks one, as queueing would say)."""
    who = recipients.find(session, req.seminar_id, req.audience, only=req.only)
    seminar = facts(session, req.seminar_id)
    to_come = frozenset(e.person_id for e in certificate_eligibility.eligibility(session, req.seminar_id)
                        if e.eligible) if _issues_certificates(req) else frozenset()
    return who, [fill(req, seminar, person, to_come=to_come) for person in who.included]


def _refuse(problems: Sequence[tuple[Recipient, list[str]]]) -> None:
    names = ", ".join(f"{p.display} (${', $'.join(lacking)})" for p, lacking in problems[:NAMED])
    more = len(problems) - NAMED
    raise RuleViolation(
        QT_TRANSLATE_NOOP("core", "the message cannot be filled in for {count} people: {names}{more}; "
                                  "nothing was queued or sent"),
        where="template", count=len(problems), names=names, more=f" and {more} more" if more > 0 else "")


def queue(session: Session, req: Request) -> int:
    """Issue the certificates the batch needs, fill every message, refuse the batch if any cannot be
    filled (naming the people), else record it with its messages ``queued``; return the batch id.
    In the caller's transaction: a refusal leaves nothing behind."""
    texts = req.texts
    if _issues_certificates(req):
        certificates.issue_certificates(session, req.seminar_id)
    who = recipients.find(session, req.seminar_id, req.audience, only=req.only)
    if not who.included:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "nobody to send to: {audience} of seminar {id} has no one with "
                                                      "an e-mail address and consent ({left} left out)"),
                            where="audience", audience=req.audience, id=req.seminar_id, left=len(who.excluded))
    seminar = facts(session, req.seminar_id)
    made = [fill(req, seminar, person) for person in who.included]
    problems = [(f.recipient, lacking) for f, lacking in made if lacking]
    if problems:
        _refuse(problems)
    nonce = secrets.token_hex(16)
    items = []
    for filled, _ in made:
        person = filled.recipient
        key = compose.idempotency_key(nonce, person.person_id)
        items.append(outbox.NewMessage(person.person_id, person.email or "", person.display, filled.lang,
                                       filled.subject, filled.body, compose.message_id(key, req.sender), key))
    used = {lang: req.wording(lang) for lang in ("en", "zh")}
    return outbox.create_batch(session, seminar_id=req.seminar_id, template=req.template, lang=req.lang,
                               audience=req.audience, sender=req.sender, texts={**used, **texts},
                               attachments=req.attachments, items=items)
