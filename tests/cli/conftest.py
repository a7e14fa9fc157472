"""CLI fixtures: run `learninghub --db <tmp file> ...` in process, and a small programme made through it."""

from __future__ import annotations

import json

import pytest

from learninghub.cli import main


@pytest.fixture
def cli(fresh_db_url, capsys: pytest.CaptureFixture[str]):
    """Run ``learninghub --db <tmp> ARGS`` in process; return (exit code, stdout, stderr).

    The database is a new file, or a new PostgreSQL database in the ``[postgresql]`` run;
    ``init`` makes the file's schema itself, so it starts empty."""
    path = fresh_db_url("cli", migrated=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    def ok_json(*args: str):
        code, out, err = run(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    run.json = ok_json  # type: ignore[attr-defined]
    run.url = str(path)  # type: ignore[attr-defined]
    return run


def make_programme(cli) -> dict[str, int]:
    c = cli.json("curriculum", "add", "--title", "Metropolis Learning Hub Chengdu 2020–2022",
                 "--start-year", "2020", "--end-year", "2022")
    s = cli.json("seminar", "add", "--curriculum", str(c["id"]), "--title", "Park City Project",
                 "--start", "2020-07-13", "--end", "2020-07-17", "--tz", "Asia/Shanghai", "--city", "Chengdu",
                 "--country", "CN", "--venue", "Tianfu International Conference Center", "--capacity", "1",
                 "--format", "hybrid")
    p = cli.json("person", "add", "--given", "Jia", "--family", "Li", "--native-name", "李佳",
                 "--email", "li.jia@example.cn", "--organisation", "Chengdu Open University",
                 "--city", "Chengdu", "--country", "CN", "--role", "expert", "--title", "Professor")
    return {"curriculum": c["id"], "seminar": s["id"], "person": p["id"]}


