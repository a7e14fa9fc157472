"""The programme tree and a curriculum's page, each one :class:`~..reading.Query`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ..models import Curriculum, Seminar
from ..quickread import CurriculumOutline, SeminarOutline
from ..reading import Query
from ..services.common import not_found


def outline_query() -> Query[list[CurriculumOutline]]:
    """Curricula with their seminars in date order: what the programme tree shows (the same
    shape quickread.py reads without SQLAlchemy for the first screen of an SQLite file)."""
    statements = (
        select(Curriculum.id, Curriculum.title, Curriculum.start_year, Curriculum.end_year, Curriculum.title_zh)
        .order_by(Curriculum.start_year, Curriculum.id),
        select(Seminar.curriculum_id, Seminar.id, Seminar.title, Seminar.start_date, Seminar.end_date,
               Seminar.timezone, Seminar.status, Seminar.title_zh).order_by(Seminar.start_date, Seminar.id),
    )

    def build(rows: list[Any]) -> list[CurriculumOutline]:
        curricula, seminars = rows
        outline = {c.id: CurriculumOutline(c.id, c.title, c.start_year, c.end_year, title_zh=c.title_zh)
                   for c in curricula}
        for s in seminars:
            outline[s.curriculum_id].seminars.append(
                SeminarOutline(s.id, s.title, s.start_date, s.end_date, s.timezone, s.status, s.title_zh))
        return list(outline.values())

    return Query(statements, build)


@dataclass(frozen=True)
class CurriculumPage:
    id: int
    #: The editable values, named as ``curricula.edit_curriculum`` takes them, and ``version``.
    values: dict[str, Any]
    seminar_count: int

    @property
    def title(self) -> str:
        return str(self.values["title"])

    @property
    def title_zh(self) -> str | None:
        return self.values["title_zh"]


def curriculum_page(curriculum_id: int) -> Query[CurriculumPage]:
    statements = (
        select(Curriculum.title, Curriculum.start_year, Curriculum.end_year, Curriculum.description,
               Curriculum.title_zh, Curriculum.description_zh, Curriculum.version)
        .where(Curriculum.id == curriculum_id),
        select(func.count(Seminar.id)).where(Seminar.curriculum_id == curriculum_id),
    )

    def build(rows: list[Any]) -> CurriculumPage:
        found, ((count,),) = rows
        if not found:
            raise not_found("curriculum", curriculum_id)
        return CurriculumPage(curriculum_id, found[0]._asdict(), count)

    return Query(statements, build)
