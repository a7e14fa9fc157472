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


def test_breaks_and_meals_count_in_no_total(db, world: World, tmp_path: Path) -> None:
    """Check-ins at a break or a meal show, but a person's Total counts the programme only, as
    certificate eligibility does (vocab.NOT_ATTENDED_KINDS)."""
    from learninghub.core.services import agenda, attendance
    from learninghub.core.vocab import NOT_ATTENDED_KINDS

    assert NOT_ATTENDED_KINDS == {"break", "meal"}
    with db.transaction() as s:
        coffee = agenda.add_session(s, seminar_id=world.seminar, title="Coffee", start="2021-03-16 15:30",
                                    end="2021-03-16 16:00", kind="break")[0]
        lunch = agenda.add_session(s, seminar_id=world.seminar, title="Lunch", start="2021-04-20 12:00",
                                   end="2021-04-20 13:00", kind="meal")[0]
        for key in ("li", "han", "evil"):
            attendance.check_in(s, session_id=coffee.id, person_id=world.people[key])
        attendance.check_in(s, session_id=lunch.id, person_id=world.people["eleni"])
    path = tmp_path / "attendance.xlsx"
    export_attendance(db, world.seminar, path)
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert [h.split("\n")[2] for h in header[5:-1]] == ["Weekly tutorial", "Coffee", *["Weekly tutorial"] * 3,
                                                        "Closing", "Lunch"]
    by_name = {r[0]: r for r in body}
    assert by_name["Li"][5:] == (MARK, MARK, MARK, None, None, None, None, 2)
    assert by_name["Han"][5:] == (MARK, MARK, None, None, None, None, None, 1)
    assert by_name["+1"][5:] == (None, MARK, None, None, None, None, None, 0)
    assert by_name["Papadopoulou"][5:] == (None, None, None, None, None, MARK, MARK, 1)
    assert total[5:] == (2, 3, 1, 0, 0, 1, 1, 4)  # each session's own count; the grand total is the programme's
    assert total[-1] == sum(r[-1] for r in body)
