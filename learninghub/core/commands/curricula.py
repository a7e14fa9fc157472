"""A curriculum's fields (title, years, descriptions), edited with an exact undo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..messages import QT_TRANSLATE_NOOP, say, titled
from ..services import curricula
from .base import Done, Touched
from .expect import Seen, row_digest, state_of, version_to_expect

#: The fields ``curricula.edit_curriculum`` takes.
_FIELDS = ("title", "title_zh", "start_year", "end_year", "description", "description_zh")


@dataclass(frozen=True)
class EditCurriculum:
    """Change a curriculum's fields (``values`` as ``curricula.edit_curriculum`` takes them); ``Done.result``:
    the curriculum's version after it."""

    curriculum_id: int
    values: dict[str, Any]
    expected_version: int | None = None
    seen: Seen = ()

    def run(self, session: Session) -> Done:
        curriculum = curricula.get_curriculum(session, self.curriculum_id)
        version = version_to_expect(curriculum, self.expected_version, self.seen, "curriculum")
        before = {k: getattr(curriculum, k) for k in self.values if k in _FIELDS}
        title, unchanged = titled(curriculum), row_digest(curriculum)
        curricula.edit_curriculum(session, self.curriculum_id, expected_version=version, **self.values)
        saw = state_of(session, curriculum)
        undo = EditCurriculum(self.curriculum_id, before, curriculum.version, saw) if saw[0][2] != unchanged else None
        return Done(say(QT_TRANSLATE_NOOP("core", "edit of “{title}”"), title=title), undo,
                    Touched.CURRICULUM | Touched.PROGRAMME,
                    say(QT_TRANSLATE_NOOP("core", "Saved “{title}”"), title=titled(curriculum)), result=curriculum.version)
