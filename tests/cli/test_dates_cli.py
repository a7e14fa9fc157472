"""A date typed in the day/month order (14/03/2022, 03/04/2022) is refused, never guessed:
exit 1, one line saying which format to use, the database as it was."""

from __future__ import annotations

import pytest

from learninghub.core.store import open_database
from tests.cli.conftest import make_programme
from tests.databases import snapshot


@pytest.fixture
def unchanged(cli):
    """Run a command that must be refused; check the database `cli` runs on did not change."""
    opened = []

    def check(*args: str) -> str:
        if not opened:
            opened.append(open_database(cli.url))
        database = opened[0]
        before = snapshot(database)
        code, out, err = cli(*args)
        assert (code, out) == (1, ""), (code, out, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert snapshot(database) == before, "a refused command changed the database"
        return err.strip()

    yield check
    for database in opened:
        database.close()


SEMINAR = ["--title", "Smart Mobility", "--tz", "Asia/Shanghai"]


@pytest.mark.parametrize("start", ["14/03/2022", "03/04/2022", "2022/03/14", "14 Mar 2022"])
def test_seminar_add_refuses_a_day_month_date(cli, unchanged, start: str) -> None:
    ids = make_programme(cli)
    err = unchanged("seminar", "add", "--curriculum", str(ids["curriculum"]), *SEMINAR,
                    "--start", start, "--end", "2022-03-18")
    assert err == f"learninghub: error: start: {start!r} is not a date (write 2020-07-15)"
    err = unchanged("seminar", "edit", str(ids["seminar"]), "--end", start)
    assert err == f"learninghub: error: end: {start!r} is not a date (write 2020-07-15)"


@pytest.mark.parametrize("start", ["14/03/2022 13:00", "03/04/2022 13:00", "03/14/2022 1pm", "13:00"])
def test_session_add_refuses_a_day_month_date(cli, unchanged, start: str) -> None:
    ids = make_programme(cli)
    seminar = cli.json("seminar", "add", "--curriculum", str(ids["curriculum"]), *SEMINAR,
                       "--start", "2022-03-01", "--end", "2022-04-30")
    err = unchanged("session", "add", "--seminar", str(seminar["id"]), "--title", "Site visit",
                    "--start", start, "--end", "2022-04-03 15:00")
    assert err == f"learninghub: error: start: {start!r} is not a date and time (write 2020-07-15 09:30)"
    err = unchanged("session", "add", "--seminar", str(seminar["id"]), "--title", "Site visit",
                    "--start", "2022-04-03 13:00", "--end", start, "--repeat", "FREQ=DAILY;COUNT=2")
    assert err == f"learninghub: error: end: {start!r} is not a date and time (write 2020-07-15 09:30)"


def test_the_same_day_written_year_first_is_taken(cli) -> None:
    ids = make_programme(cli)
    seminar = cli.json("seminar", "add", "--curriculum", str(ids["curriculum"]), *SEMINAR,
                       "--start", "2022-03-14", "--end", "2022-04-30")
    assert (seminar["start"], seminar["timezone"]) == ("2022-03-14", "Asia/Shanghai")
    session = cli.json("session", "add", "--seminar", str(seminar["id"]), "--title", "Site visit",
                       "--start", "2022-04-03 13:00", "--end", "2022-04-03T15:30")
    assert (session["start"], session["end"]) == ("2022-04-03T13:00:00+08:00", "2022-04-03T15:30:00+08:00")
