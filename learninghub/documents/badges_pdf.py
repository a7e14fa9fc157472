"""Name badges: A4 sheets of 8 (2 x 4), each 95 x 66 mm, with cut marks in the margins.

Each badge: a colour band by the person's role (with the role's name, so the colour
is not the only sign), the name large in its own script and in Latin below, the
organisation, the city, and the seminar at the foot. Drawn on the canvas with
measured text (:mod:`.canvas_text`): names shrink to fit, user text is never markup.

:func:`load_badges` copies what the sheet needs out of the database (inside
``db.reading()``); :func:`render_badges` needs no database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from ..core import vocab
from .canvas_text import CENTRE, TextDrawer, clean
from .fonts import SANS, FontSet, font_set
from .heavy import DocCanvas
from .language import DocLanguage
from .names import printed_names
from .page import CREATOR, Rendered

PER_PAGE = 8
COLUMNS, ROWS = 2, 4
BADGE_W, BADGE_H = 95 * mm, 66 * mm
PAGE_W, PAGE_H = A4
LEFT = (PAGE_W - COLUMNS * BADGE_W) / 2
BOTTOM = (PAGE_H - ROWS * BADGE_H) / 2
BAND_H = 11 * mm
PAD = 5 * mm
MARK = 5 * mm  # cut mark length, in the margin only
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
EDGE = colors.HexColor("#d0d0d0")

#: One colour per role (vocab.PERSON_ROLES), dark enough for white text on it.
ROLE_COLOURS: dict[str, str] = {
    "elected": "#8e1b2d",
    "policymaker": "#1f3a5f",
    "manager": "#0f6b6b",
    "planner": "#2e6b1f",
    "expert": "#5b2c83",
    "participant": "#335c99",
    "staff": "#b35900",
    "other": "#555555",
}
#: Badges go to registrations holding a seat, and to people invited; not to the
#: waiting list or cancelled ones.
BADGE_STATUSES = frozenset(vocab.SEAT_HOLDING_STATUSES | {"invited"})


@dataclass(frozen=True)
class Badge:
    name: str  # own script
    latin: str | None
    organisation: str | None
    city: str | None
    role: str  # a key of vocab.PERSON_ROLES


@dataclass(frozen=True)
class BadgeSheet:
    seminar_id: int
    seminar_title: str
    badges: tuple[Badge, ...]
    seminar_title_zh: str | None = None


def load_badges(session: Session, seminar_id: int) -> BadgeSheet:
    """Everyone registered (or invited) to the seminar, not erased, by family name."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from ..core.models import Person, Registration
    from ..core.services import seminars

    seminar = seminars.get_seminar(session, seminar_id)
    regs = session.scalars(
        select(Registration)
        .options(selectinload(Registration.person).selectinload(Person.organisation),
                 selectinload(Registration.person).selectinload(Person.city))
        .where(Registration.seminar_id == seminar_id, Registration.status.in_(BADGE_STATUSES))
    )
    people = sorted((r.person for r in regs if r.person.erased_at is None), key=lambda p: (p.sort_key, p.id))
    return BadgeSheet(seminar.id, seminar.title, tuple(_badge(p) for p in people), seminar.title_zh)


def load_badge(session: Session, seminar_id: int, person_id: int) -> BadgeSheet:
    """One person's badge for the seminar, whatever their status there (a speaker, say): a sheet of one."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from ..core.models import Person
    from ..core.services import seminars

    seminar = seminars.get_seminar(session, seminar_id)
    person = session.scalars(select(Person).options(selectinload(Person.city), selectinload(Person.organisation))
                             .where(Person.id == person_id)).one()
    return BadgeSheet(seminar.id, seminar.title, (_badge(person),), seminar.title_zh)


def _badge(person: object) -> Badge:
    name, latin = printed_names(person)  # type: ignore[arg-type]
    city = person.city  # type: ignore[attr-defined]
    place = None
    if city is not None:
        place = f"{city.name} {city.native_name}" if city.native_name else city.name
        country = person.country or city.country  # type: ignore[attr-defined]
        place = f"{place}, {country}" if country else place
    elif person.country:  # type: ignore[attr-defined]
        place = person.country  # type: ignore[attr-defined]
    return Badge(name, latin, person.organisation_name, place, person.role)  # type: ignore[attr-defined]


def render_badges(sheet: BadgeSheet, *, fonts: FontSet | None = None, lang: str = "en") -> Rendered:
    """The badges, 8 to an A4 page in reading order; an empty seminar gives one page saying so.
    ``lang`` (en, zh, en+zh) names the role in the band and picks the seminar's title."""
    from .language import ZH, language

    lg = language(lang)
    seminar = lg.text(sheet.seminar_title, sheet.seminar_title_zh, " · ")
    text = TextDrawer(fonts or font_set())
    buffer = io.BytesIO()
    c = DocCanvas(buffer, pagesize=A4, pageCompression=1, initialFontName=SANS, lang="zh-CN" if lg.code == ZH else "en")
    c.setTitle(f"Badges – {seminar}")
    c.setAuthor(CREATOR)
    c.setCreator(CREATOR)
    c.setSubject(f"Name badges of seminar {sheet.seminar_id}")
    badges = sheet.badges
    pages = 0
    for start in range(0, max(len(badges), 1), PER_PAGE):
        pages += 1
        chunk = badges[start:start + PER_PAGE]
        if not chunk:
            c.setFillColor(MUTED)
            empty = [f"No one is registered to {clean(sheet.seminar_title)} yet."] if lg.english else []
            if lg.chinese:
                empty.append(f"尚无人报名参加{clean(sheet.seminar_title_zh or sheet.seminar_title)}。")
            for n, line in enumerate(empty):
                text.draw(c, line, PAGE_W / 2, PAGE_H / 2 - n * 18, 12, align=CENTRE)
        for i, badge in enumerate(chunk):
            col, row = i % COLUMNS, i // COLUMNS
            _draw_badge(c, text, badge, seminar, LEFT + col * BADGE_W,
                        BOTTOM + (ROWS - 1 - row) * BADGE_H, lg)
        _cut_marks(c)
        c.showPage()
    c.save()
    return Rendered(buffer.getvalue(), pages, tuple(sorted(text.missing)))


def _draw_badge(c: Canvas, t: TextDrawer, badge: Badge, seminar: str, x: float, y: float,
                lg: DocLanguage | None = None) -> None:
    width = BADGE_W - 2 * PAD
    centre = x + BADGE_W / 2
    c.setStrokeColor(EDGE)  # a faint outline: the cut line, should the cutter miss by a hair
    c.setLineWidth(0.3)
    c.rect(x, y, BADGE_W, BADGE_H)

    top = y + BADGE_H
    c.setFillColor(colors.HexColor(ROLE_COLOURS.get(badge.role, ROLE_COLOURS["other"])))
    c.rect(x, top - BAND_H, BADGE_W, BAND_H, stroke=0, fill=1)
    c.setFillColor(colors.white)
    role = vocab.PERSON_ROLES.get(badge.role, badge.role).upper()
    if lg is not None and lg.chinese:
        from .language import PERSON_ROLES_ZH

        zh = PERSON_ROLES_ZH.get(badge.role, badge.role)
        role = f"{role} · {zh}" if lg.english else zh
    size = t.fit_size(role, width, 10, min_size=7, bold=True)
    t.draw(c, role, centre, top - BAND_H + 3.9 * mm, size, bold=True, align=CENTRE)

    name = clean(badge.name) or "—"
    latin = clean(badge.latin)
    c.setFillColor(INK)
    size = t.fit_size(name, width, 30, min_size=14, bold=True)
    name_y = top - BAND_H - 17 * mm
    if t.width(name, size, bold=True) <= width:
        t.draw(c, name, centre, name_y, size, bold=True, align=CENTRE)
    else:  # very long: two lines
        size, lines = t.fit_lines(name, width, 16, min_size=10, max_lines=2, bold=True)
        for n, line in enumerate(lines):
            t.draw(c, line, centre, name_y + 3 * mm - n * size * 1.15, size, bold=True, align=CENTRE)
    below = name_y - 8 * mm
    if latin:
        c.setFillColor(MUTED)
        size = t.fit_size(latin, width, 13, min_size=8)
        t.draw(c, t.truncate(latin, width, size), centre, below, size, align=CENTRE)
        below -= 8.5 * mm
    else:
        below -= 2 * mm
    c.setFillColor(INK)
    if badge.organisation:
        organisation = clean(badge.organisation)
        size, lines = t.fit_lines(organisation, width, 10.5, min_size=8, max_lines=2)
        for line in lines:
            t.draw(c, line, centre, below, size, align=CENTRE)
            below -= size * 1.2
    if badge.city:
        c.setFillColor(MUTED)
        place = clean(badge.city)
        t.draw(c, t.truncate(place, width, 9), centre, below - 1, 9, align=CENTRE)

    c.setStrokeColor(EDGE)
    c.setLineWidth(0.5)
    c.line(x + PAD, y + 9 * mm, x + BADGE_W - PAD, y + 9 * mm)
    c.setFillColor(MUTED)
    title = clean(seminar)
    size = t.fit_size(title, width, 8, min_size=6)
    t.draw(c, t.truncate(title, width, size), centre, y + 4.5 * mm, size, align=CENTRE)


def _cut_marks(c: Canvas) -> None:
    """Short lines in the page margins along every cut, none across a badge."""
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.4)
    right, top = LEFT + COLUMNS * BADGE_W, BOTTOM + ROWS * BADGE_H
    gap = 1.5 * mm
    for col in range(COLUMNS + 1):
        x = LEFT + col * BADGE_W
        c.line(x, top + gap, x, top + gap + MARK)
        c.line(x, BOTTOM - gap, x, BOTTOM - gap - MARK)
    for row in range(ROWS + 1):
        y = BOTTOM + row * BADGE_H
        c.line(LEFT - gap, y, LEFT - gap - MARK, y)
        c.line(right + gap, y, right + gap + MARK, y)

