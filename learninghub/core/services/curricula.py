"""Curricula: multi-year programmes that hold seminars."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import validate
from ..errors import RuleViolation, ValidationError
from ..messages import QT_TRANSLATE_NOOP
from ..models import Curriculum
from .common import UNSET, check_version, get_or_refuse


def _check_years(start_year: int | None, end_year: int | None) -> None:
    for field, year in (("start year", start_year), ("end year", end_year)):
        if year is not None and not 1900 <= year <= 2200:
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{year} is not a plausible year"), where=field, year=year)
    if start_year is not None and end_year is not None and end_year < start_year:
        raise RuleViolation(QT_TRANSLATE_NOOP("core", "ends in {end}, before it starts in {start}"), where="end year",
                            end=end_year, start=start_year)


def add_curriculum(
    session: Session,
    *,
    title: str,
    start_year: int | None = None,
    end_year: int | None = None,
    description: str | None = None,
    title_zh: str | None = None,
    description_zh: str | None = None,
) -> Curriculum:
    _check_years(start_year, end_year)
    curriculum = Curriculum(
        title=validate.required_text(title, "title"),
        title_zh=validate.text(title_zh, "Chinese title"),
        start_year=start_year,
        end_year=end_year,
        description=validate.long_text(description, "description"),
        description_zh=validate.long_text(description_zh, "Chinese description"),
    )
    session.add(curriculum)
    session.flush()
    return curriculum


def get_curriculum(session: Session, curriculum_id: int) -> Curriculum:
    return get_or_refuse(session, Curriculum, curriculum_id, "curriculum")


def list_curricula(session: Session) -> list[Curriculum]:
    return list(session.scalars(select(Curriculum).order_by(Curriculum.start_year, Curriculum.id)))


def edit_curriculum(
    session: Session,
    curriculum_id: int,
    *,
    expected_version: int | None = None,
    title: str = UNSET,
    start_year: int | None = UNSET,
    end_year: int | None = UNSET,
    description: str | None = UNSET,
    title_zh: str | None = UNSET,
    description_zh: str | None = UNSET,
) -> Curriculum:
    curriculum = get_curriculum(session, curriculum_id)
    check_version(curriculum, expected_version, "curriculum")
    new_start = curriculum.start_year if start_year is UNSET else start_year
    new_end = curriculum.end_year if end_year is UNSET else end_year
    _check_years(new_start, new_end)
    curriculum.start_year, curriculum.end_year = new_start, new_end
    if title is not UNSET:
        curriculum.title = validate.required_text(title, "title")
    if description is not UNSET:
        curriculum.description = validate.long_text(description, "description")
    if title_zh is not UNSET:
        curriculum.title_zh = validate.text(title_zh, "Chinese title")
    if description_zh is not UNSET:
        curriculum.description_zh = validate.long_text(description_zh, "Chinese description")
    session.flush()
    return curriculum

