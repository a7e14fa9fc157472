"""Every template with every audience, previewed and queued, on both databases: the queries behind
the recipients (speakers and moderators, attended, eligible …) and the placeholders hold up."""

from __future__ import annotations

import pytest

from learninghub.core import outbox
from learninghub.core.errors import RuleViolation
from learninghub.core.services import agenda, people, registration, seminars
from learninghub.core.store import Database
from learninghub.mailing import plan, recipients, templates
from tests.mail.conftest import SENDER, make_programme


@pytest.fixture
def small(db: Database):  # type: ignore[no-untyped-def]
    programme = make_programme(db, count=6)
    with db.transaction() as s:
        opening, walk, _ = programme.sessions
        agenda.edit_session(s, opening, speaker_ids=[programme.people[0], programme.people[1]],
                            moderator_id=programme.people[2])
        agenda.edit_session(s, walk, speaker_ids=[programme.people[1]])
        seminars.edit_seminar(s, programme.seminar, capacity=8)  # full: the next one waits
        late = people.add_person(s, given_name="Late", family_name="Comer", email="late@example.org",
                                 city="Sofia", country="BG", consent_contact=True)
        assert registration.register(s, seminar_id=programme.seminar, person_id=late.id).status == "waitlisted"
    return programme


@pytest.mark.parametrize("audience", list(recipients.AUDIENCES))
def test_every_audience_previews_and_queues_every_template(db: Database, small, audience: str) -> None:  # type: ignore[no-untyped-def]
    for template in templates.TEMPLATES:
        req = plan.request(small.seminar, template, sender=SENDER, lang="auto", audience=audience, attachments_=[])
        with db.reading() as s:
            who, filled = plan.preview(s, req)
        if audience == "invited":
            assert who.included == ()
            with pytest.raises(RuleViolation, match="nobody to send to"), db.transaction() as s:
                plan.queue(s, req)
            continue
        assert who.included, (template, audience)
        if (template, audience) == ("certificate", "waitlisted"):  # not eligible: the preview says so, as queueing
            assert [(f.recipient.family_name, lacking) for f, lacking in filled] == [
                ("Comer", ["certificate_code", "verify_hint"])]
            with pytest.raises(RuleViolation, match=r"1 people: Late Comer \(\$certificate_code"), \
                    db.transaction() as s:
                plan.queue(s, req)
            continue
        assert all(not lacking for _, lacking in filled), (template, audience)
        with db.transaction() as s:
            batch = plan.queue(s, req)
        with db.reading() as s:
            assert outbox.get_batch(s, batch).counts["queued"] == len(who.included)
    if audience == "speakers":
        assert {(r.person_id, r.sessions) for r in who.included} == {
            (small.people[0], (small.sessions[0],)), (small.people[1], tuple(small.sessions[:2])),
            (small.people[2], (small.sessions[0],))}
