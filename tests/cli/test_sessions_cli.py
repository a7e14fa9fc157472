"""Sessions from the command line: a second zone with the day difference, series edits, cancelled occurrences."""

from __future__ import annotations

from tests.cli.conftest import make_programme


def test_second_zone_shows_the_day_difference(cli) -> None:
    ids = make_programme(cli)
    cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Opening", "--start", "2020-07-13 09:00",
             "--end", "2020-07-13 09:45")
    cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Night market walk",
             "--start", "2020-07-13 23:30", "--end", "2020-07-14 01:00")
    code, out, _ = cli("session", "list", "--seminar", str(ids["seminar"]), "--tz", "America/Mexico_City")
    assert code == 0
    opening = next(line for line in out.splitlines() if "Opening" in line)
    assert "09:00–09:45" in opening and "20:00–20:45 -1 day" in opening  # the evening before in Mexico City
    walk = next(line for line in out.splitlines() if "Night market" in line)
    assert "23:30–01:00 +1 day" in walk
    auckland = cli.json("session", "list", "--seminar", str(ids["seminar"]), "--tz", "Pacific/Auckland")
    assert auckland[0]["start"] == "2020-07-13T13:00:00+12:00"


def test_edit_all_and_cancel_one_occurrence(cli) -> None:
    ids = make_programme(cli)
    rows = cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Morning walk",
                    "--start", "2020-07-13 07:00", "--end", "2020-07-13 07:30", "--repeat", "FREQ=DAILY;COUNT=5")
    assert len(rows) == 5
    moved = cli.json("session", "edit", str(rows[0]["id"]), "--all", "--start", "06:30", "--end", "07:15",
                     "--title", "Morning walk along the Jinjiang")
    assert [r["start"][11:16] for r in moved] == ["06:30"] * 5
    assert {r["title"] for r in moved} == {"Morning walk along the Jinjiang"}
    cancelled = cli.json("session", "cancel-occurrence", str(rows[2]["id"]))
    assert cancelled["exdates"] == ["20200715T063000"]
    assert len(cli.json("session", "list", "--seminar", str(ids["seminar"]))) == 4
    code, _, err = cli("session", "edit", str(rows[0]["id"]), "--all", "--start", "7pm")
    assert code == 1 and "is not a time of day" in err
