"""The attendance matrix: people × sessions, ✓ marks, totals, local session times."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from learninghub.core.errors import ValidationError
from learninghub.exporting.attendance import MARK, export_attendance

from .conftest import World


def test_matrix_values_and_totals(db, world: World, tmp_path: Path) -> None:
    path = tmp_path / "attendance.xlsx"
    export_attendance(db, world.seminar, path)
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:5] == ("Family name", "Given name", "Native name", "Organisation", "Status")
    assert header[-1] == "Total" and len(header) == 5 + 5 + 1  # 4 series occurrences + closing
    # Local times in Barcelona, with the zone's abbreviation changing at the DST switch.
    assert header[5].startswith("Tue 2021-03-16\n14:00–15:30 CET\nWeekly tutorial")
    assert header[7].startswith("Tue 2021-03-30\n14:00–15:30 CEST")
    assert header[9].startswith("Tue 2021-04-20\n10:00–11:00 CEST\nClosing")
    by_name = {r[0]: r for r in body}
    assert set(by_name) == {"Li", "Han", "Papadopoulou", "+1"}
    assert by_name["Li"][2] == "李佳"
    assert by_name["Li"][5:11] == (MARK, MARK, None, None, None, 2)
    assert by_name["Han"][5:11] == (MARK, None, None, None, None, 1)
    assert by_name["Papadopoulou"][5:11] == (None, None, None, None, MARK, 1)
    assert by_name["+1"][5:11] == (None, None, None, None, None, 0)
    assert total[0] == "Total" and total[5:] == (2, 1, 0, 0, 1, 4)
    assert ws.freeze_panes == "C2"


def test_attendance_must_be_xlsx(db, world: World, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        export_attendance(db, world.seminar, tmp_path / "attendance.csv")
