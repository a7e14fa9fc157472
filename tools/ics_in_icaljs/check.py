"""Every demo calendar read back by ical.js, Thunderbird's calendar engine (see README.md here).

Exports each seminar's and curriculum's calendar in each language, expands them with ical.js
(expand.cjs, run by Node.js) and counts the instants stored but not shown and shown but not stored.
"""
import datetime as dt
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from learninghub.core.models import AgendaSession, Curriculum, Seminar
from learninghub.core.services import demo
from learninghub.core.store import open_database
from learninghub.documents.language import LANGUAGES
from learninghub.exporting.ics import curriculum_calendar, seminar_calendar

tmp = Path(tempfile.mkdtemp())
db = open_database(str(tmp / "demo.sqlite"))
with db.transaction() as s:
    demo.load_demo(s)
with db.reading() as s:
    seminars = list(s.scalars(select(Seminar.id)))
    curricula = {c.id: [x.id for x in c.seminars] for c in s.scalars(select(Curriculum))}
    def stored(ids):
        rows = s.scalars(select(AgendaSession).where(AgendaSession.seminar_id.in_(ids)))
        return Counter(f"{r.starts_at.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S.000Z} {r.ends_at.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S.000Z}" for r in rows)
    jobs = []
    for lang in LANGUAGES:
        for i in seminars:
            p = tmp / f"seminar{i}-{lang}.ics"; p.write_bytes(seminar_calendar(s, i, lang)); jobs.append((p, stored([i])))
        for c, ids in curricula.items():
            p = tmp / f"curriculum{c}-{lang}.ics"; p.write_bytes(curriculum_calendar(s, c, lang)); jobs.append((p, stored(ids)))
out = subprocess.run(["node", str(Path(__file__).with_name("expand.cjs")), *[str(p) for p, _ in jobs]], capture_output=True, text=True, check=True).stdout
shown, cur = {}, None
for line in out.splitlines():
    if line.startswith("#"):
        cur = line[1:].rsplit(" ", 1)[0]; shown[cur] = Counter()
    else:
        shown[cur][line] += 1
total = wrong = 0
for p, want in jobs:
    got = shown[str(p)]
    total += sum(want.values())
    bad = sum((want - got).values()) + sum((got - want).values())
    wrong += bad
    if bad: print(p.name, "mismatch", bad, list((want-got).items())[:2], list((got-want).items())[:2])
print(f"{len(jobs)} calendars, {total} stored occurrences, {wrong} mismatching instants (ical.js)")
