"""The left-hand tree: curricula → years → seminars, each seminar with its status."""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ...core.quickread import CurriculumOutline
from .. import bilingual, i18n, labels

SEMINAR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CURRICULUM_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _item(text: str, curriculum_id: int, seminar_id: int = 0) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(seminar_id, SEMINAR_ID_ROLE)  # 0 = not a seminar (never None: see the PySide6 trap)
    item.setData(curriculum_id, CURRICULUM_ID_ROLE)  # the curriculum a row belongs to
    return item


class ProgrammeTreeModel(QStandardItemModel):
    # The outline shown (the curricula a new seminar can go in).
    outline: tuple[CurriculumOutline, ...] = ()

    def show_outline(self, outline: list[CurriculumOutline]) -> None:
        """Fill the tree from an outline (read by the core, or by quickread for the first screen)."""
        self.outline = tuple(outline)
        self.clear()
        for curriculum in outline:
            shown = bilingual.shown(curriculum.title, curriculum.title_zh)
            span = f"{curriculum.start_year}–{curriculum.end_year}" if curriculum.start_year else ""
            # "… 2020–2022" already says its years: no "(2020–2022)" after it.
            years = f" ({span})" if span and span not in shown else ""
            top = _item(shown + years, curriculum.id)
            top.setToolTip(bilingual.other(curriculum.title, curriculum.title_zh))
            for year, group in groupby(curriculum.seminars, key=lambda sem: sem.start_date.year):
                year_item = _item(str(year), curriculum.id)
                for sem in group:
                    title = bilingual.shown(sem.title, sem.title_zh)
                    label = f"{title}  ·  {i18n.format_date(sem.start_date, 'day_month')}"
                    if sem.status != "planned":
                        label += f"  ·  {labels.seminar_status(sem.status).lower()}"
                    leaf = _item(label, curriculum.id, sem.id)
                    names = "\n".join(n for n in (title, bilingual.other(sem.title, sem.title_zh)) if n)
                    leaf.setToolTip(f"{names}\n{sem.start_date} – {sem.end_date}, {sem.timezone}")
                    year_item.appendRow(leaf)
                top.appendRow(year_item)
            self.appendRow(top)

    def seminar_id(self, index: object) -> int:
        value = index.data(SEMINAR_ID_ROLE) if index is not None and index.isValid() else 0  # type: ignore[attr-defined]
        return int(value or 0)

    def curriculum_id(self, index: object) -> int:
        value = index.data(CURRICULUM_ID_ROLE) if index is not None and index.isValid() else 0  # type: ignore[attr-defined]
        return int(value or 0)

    def index_of_curriculum(self, curriculum_id: int):  # type: ignore[no-untyped-def]
        for row in range(self.rowCount()):
            if self.curriculum_id(self.index(row, 0)) == curriculum_id:
                return self.index(row, 0)
        return None

    def index_of_seminar(self, seminar_id: int):  # type: ignore[no-untyped-def]
        matches = self.match(self.index(0, 0), SEMINAR_ID_ROLE, seminar_id, 1,
                             Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        return matches[0] if matches else None
