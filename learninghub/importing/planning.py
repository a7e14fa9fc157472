"""What an import would do to each row: create, update or keep, skip as a duplicate, register.

A row is the same person as a stored one when the email matches (NFKC, case-folded:
Person.email_key); without an email on either side, when family + given name and
organisation match. Rows repeating an earlier row of the same file are merged into it,
so a person listed twice is created once. The plan is computed with reads only, so a
dry run and the real import show the same figures.

A stored person whose row says something else (another organisation, a new phone) is
kept as stored unless the import is asked to update existing people: the plan lists every
difference, field by field (:attr:`RowPlan.differences`), either way, so the user sees
what an update would change before choosing it. Empty cells never clear a stored value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import vocab
from ..core.errors import RuleViolation
from ..core.messages import QT_TRANSLATE_NOOP, say, titled
from ..core.models import Organisation, Person, Registration, email_key, person_sort_key
from ..core.services.seats import seats_taken
from ..core.services.seminars import get_seminar
from .checking import Candidate, Problem, check_rows
from .headers import check_mapping
from .reading import Table

CREATE, UPDATE, KEEP, SKIP, MERGED = "create", "update", "keep", "skip", "merged"
#: Person fields an import may set; empty cells never clear a stored value.
PERSON_FIELDS = ("given_name", "family_name", "native_name", "email", "organisation", "city", "country",
                 "title", "phone", "role", "gender", "notes")
_CHUNK = 500
#: Compared ignoring case: "LI" is the same family name as "Li", "chengdu" the same city.
_CASELESS = frozenset({"organisation", "city", "given_name", "family_name"})


@dataclass
class RowPlan:
    """One row's fate."""

    row: int
    #: create | update | keep (stored, differs, kept as stored) | skip (stored, nothing new) | merged (repeats
    #: an earlier row)
    action: str
    name: str
    person_id: int | None = None
    merged_into: int | None = None  # the earlier row of the file this one repeats
    changes: list[str] = field(default_factory=list)  # fields the row differs in: those an update sets
    #: (field, stored value, value in the file) for each of ``changes``, as the user reads them.
    differences: list[tuple[str, str | None, str]] = field(default_factory=list)
    registration: str | None = None  # status the person gets for the seminar; None: none / unchanged
    reason: str = ""  # why a row is an earlier row or a stored person: "same email", "same name and organisation"


@dataclass
class ImportPlan:
    """The whole answer of a dry run, and what the real import carries out."""

    source: str
    headers: list[str]
    mapping: list[str | None]
    rows: list[RowPlan]
    problems: list[Problem]
    candidates: list[Candidate] = field(repr=False, default_factory=list)
    seminar_id: int | None = None
    status: str = "registered"
    #: Stored people the file says something else about are updated (else kept as stored).
    update_existing: bool = False
    #: How the file was read ('CSV, GB18030, comma-separated'), so a wrong guess shows.
    reading: str = ""
    #: Filled in by the real import: the ids of people created, in row order.
    created_ids: list[int] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "rows": len(self.rows) + len({p.row for p in self.problems if p.row}),
            "created": self.count(CREATE),
            "updated": self.count(UPDATE),
            "kept": self.count(KEEP),
            "skipped": self.count(SKIP),
            "merged": self.count(MERGED),
            "registered": sum(1 for r in self.rows if r.registration and r.registration != "waitlisted"),
            "waitlisted": sum(1 for r in self.rows if r.registration == "waitlisted"),
            "problems": len(self.problems),
        }

    @property
    def ok(self) -> bool:
        return not self.problems


def name_key(values: dict[str, str | None]) -> tuple[str, str] | None:
    if not (values.get("family_name") or values.get("given_name")):
        return None
    return (person_sort_key(values.get("family_name"), values.get("given_name")),
            (values.get("organisation") or "").casefold())


def plan_import(session: Session, table: Table, mapping: Sequence[str | None], *, seminar_id: int | None = None,
                status: str = "registered", update_existing: bool = False,
                progress: Callable[[int, int], None] | None = None) -> ImportPlan:
    """The plan for ``table`` read with ``mapping``: every row's action and every problem. A stored
    person the file differs from is updated with ``update_existing``, else kept as stored."""
    check_mapping(mapping)
    status = vocab.check_choice(status, vocab.REGISTRATION_STATUSES, "status")
    seminar = get_seminar(session, seminar_id) if seminar_id is not None else None
    if seminar is not None and seminar.status == "cancelled":
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "seminar {id} '{title}' is cancelled"), where="seminar",
                            id=seminar.id, title=titled(seminar))
    candidates, problems = check_rows(table, mapping, progress)
    plan = ImportPlan(table.source, list(table.headers), list(mapping), [], problems, candidates,
                      seminar_id, status, update_existing, table.describe())
    by_email, by_name = _stored_matches(session, candidates)
    same_email = say(QT_TRANSLATE_NOOP("core", "same email"))
    same_name = say(QT_TRANSLATE_NOOP("core", "same name and organisation"))
    first_by_email: dict[str, Candidate] = {}
    first_by_name: dict[tuple[str, str], Candidate] = {}
    row_plans: dict[int, RowPlan] = {}
    claimed: set[int] = set()  # stored people an earlier row already stands for
    for cand in candidates:
        key = email_key(cand.values.get("email"))
        nkey = name_key(cand.values)
        earlier, reason = (first_by_email.get(key), same_email) if key else (None, "")
        if earlier is None and nkey and nkey in first_by_name:
            other = first_by_name[nkey]
            if not (key and other.values.get("email")):  # two addresses: two people of one name
                earlier, reason = other, same_name
        if earlier is not None:
            _merge(earlier, cand)
            if key:
                first_by_email.setdefault(key, earlier)
            plan.rows.append(RowPlan(cand.row, MERGED, cand.display_name, merged_into=earlier.row, reason=reason))
            continue
        if key:
            first_by_email[key] = cand
        if nkey:
            first_by_name.setdefault(nkey, cand)
        stored, reason = (by_email.get(key), same_email) if key else (None, "")
        if stored is None and nkey:
            stored, reason = by_name.get(nkey), same_name
            if stored is not None and ((key and stored.email) or stored.id in claimed):
                stored = None
        row_plan = RowPlan(cand.row, CREATE, cand.display_name)
        if stored is not None:
            row_plan.person_id, row_plan.reason = stored.id, reason
            claimed.add(stored.id)
        plan.rows.append(row_plan)
        row_plans[cand.row] = row_plan
    # Merged rows may have filled blanks, so updates are decided once every row was seen.
    stored_by_id = {p.id: p for p in (*by_email.values(), *by_name.values())}
    for cand in candidates:
        row_plan = row_plans.get(cand.row)
        if row_plan is None or row_plan.person_id is None:
            continue
        row_plan.differences = _changes(stored_by_id[row_plan.person_id], cand.values, cand.names_guessed)
        row_plan.changes = [name for name, _, _ in row_plan.differences]
        row_plan.action = SKIP if not row_plan.changes else UPDATE if update_existing else KEEP
    if seminar is not None:
        _plan_registrations(session, seminar, status, [r for r in plan.rows if r.action != MERGED])
    return plan


def _merge(earlier: Candidate, later: Candidate) -> None:
    """Fill the earlier row's blanks from a row repeating it."""
    for name, value in later.values.items():
        blank = not earlier.values.get(name) or (name == "role" and earlier.values[name] == "other")
        if value and blank:
            earlier.values[name] = value
    if earlier.registered_on is None:
        earlier.registered_on = later.registered_on


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _stored_matches(session: Session, candidates: Sequence[Candidate]) -> tuple[dict[str, Person], dict]:
    """Stored, not erased people whose email or (name, organisation) a row has."""
    keys = sorted({k for c in candidates if (k := email_key(c.values.get("email")))})
    by_email: dict[str, Person] = {}
    for part in _chunks(keys):
        for person in session.scalars(select(Person).where(Person.email_key.in_(part),
                                                           Person.erased_at.is_(None))):
            by_email[person.email_key or ""] = person
    names = sorted({nk for c in candidates if (nk := name_key(c.values))})
    by_name: dict[tuple[str, str], Person] = {}
    for part in _chunks(sorted({n for n, _ in names})):
        query = (select(Person, Organisation.name).outerjoin(Organisation, Organisation.id == Person.organisation_id)
                 .where(Person.sort_key.in_(part), Person.erased_at.is_(None)).order_by(Person.id))
        for person, org in session.execute(query):
            by_name.setdefault((person.sort_key, (org or "").casefold()), person)
    wanted = set(names)
    return by_email, {k: p for k, p in by_name.items() if k in wanted}


def _changes(person: Person, values: dict[str, str | None],
             names_guessed: bool = False) -> list[tuple[str, str | None, str]]:
    """(field, stored, new) for each field the row would change: non-empty values differing from the
    stored ones. Names split from one cell are a guess (is "Han Hyeon-suk" family-first?), so they
    only fill blanks."""
    stored = {
        "given_name": person.given_name, "family_name": person.family_name, "native_name": person.native_name,
        "email": person.email, "organisation": person.organisation.name if person.organisation else None,
        "city": person.city.name if person.city else None, "country": person.country, "title": person.title,
        "phone": person.phone, "role": person.role, "gender": person.gender, "notes": person.notes,
    }
    changed = []
    for name in PERSON_FIELDS:
        value = values.get(name)
        if not value or (name == "role" and value == "other"):
            continue
        old = stored[name]
        if names_guessed and name in ("given_name", "family_name") and (person.given_name or person.family_name):
            continue
        same = (email_key(old) == email_key(value)) if name == "email" else \
            ((old or "").casefold() == value.casefold() if name in _CASELESS else old == value)
        if not same:
            changed.append((name, old, value))
    return changed


def describe_differences(row: RowPlan) -> str:
    """'organisation "Ajuntament de Barcelona" → "Àrea Metropolitana"; phone (empty) → "+34 93 000"'."""
    def shown(value: str | None) -> str:
        return f'"{value}"' if value else "(empty)"

    return "; ".join(f"{name} {shown(old)} → {shown(new)}" for name, old, new in row.differences)


def _plan_registrations(session: Session, seminar, status: str, rows: list[RowPlan]) -> None:  # type: ignore[no-untyped-def]
    """Who gets which status, as registration.register would decide it, seat by seat."""
    existing: dict[int, str] = {}
    ids = [r.person_id for r in rows if r.person_id is not None]
    for part in _chunks(ids):
        for person_id, current in session.execute(
            select(Registration.person_id, Registration.status)
            .where(Registration.seminar_id == seminar.id, Registration.person_id.in_(part))
        ):
            existing[person_id] = current
    free = None if seminar.capacity is None else seminar.capacity - seats_taken(session, seminar.id)
    for row in rows:
        current = existing.get(row.person_id) if row.person_id is not None else None
        if current == status:
            continue  # already so: nothing to do
        seated = current in vocab.SEAT_HOLDING_STATUSES
        result = status
        if status in ("registered", "confirmed") and not seated and free is not None and free <= 0:
            result = "waitlisted"
        if current == "waitlisted" and result == "waitlisted":
            continue
        if free is not None:
            free += (1 if seated else 0) - (1 if result in vocab.SEAT_HOLDING_STATUSES else 0)
        row.registration = result
