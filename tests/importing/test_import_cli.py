"""``learninghub import people``: dry run, mapping, JSON, and refusals with exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import cli, make_programme  # noqa: F401  (the CLI fixture, on SQLite and PostgreSQL)
from tests.importing.conftest import write_csv, write_xlsx


def test_dry_run_then_import_then_nothing_new(cli, files: Path) -> None:  # noqa: F811
    ids = make_programme(cli)  # seminar with 1 seat; Li Jia (li.jia@example.cn) exists
    path = write_csv(files / "名单.csv", [["姓名", "邮箱", "单位"], ["李佳", "LI.JIA@example.cn", "成都开放大学"],
                                          ["王小明", "wang@example.cn", "四川大学"]], encoding="gb18030")
    code, out, err = cli("import", "people", str(path), "--seminar", str(ids["seminar"]), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "名单.csv (CSV, GB18030, comma-separated): 2 rows",
        ("  dry run, nothing changed; would be: created 1, updated 0, kept 1 (known, kept as stored), "
         "skipped 0 (already stored), merged 0 (repeating an earlier row)"),
        f"  seminar {ids['seminar']}: registered 1, waiting list 1",
        "  known, kept as stored; --update-existing would change, field by field:",
        f'    row 2: 李佳 (Jia Li) (id {ids["person"]}): organisation "Chengdu Open University" → "成都开放大学"',
    ]
    assert len(cli.json("person", "list")) == 1
    result = cli.json("import", "people", str(path), "--seminar", str(ids["seminar"]), "--update-existing")
    assert result["counts"] == {"rows": 2, "created": 1, "updated": 1, "kept": 0, "skipped": 0, "merged": 0,
                                     "registered": 1, "waitlisted": 1, "problems": 0}
    assert [(r["action"], r["registration"]) for r in result["rows"]] == [("update", "registered"),
                                                                          ("create", "waitlisted")]
    assert result["rows"][0]["differences"] == [
        {"field": "organisation", "stored": "Chengdu Open University", "file": "成都开放大学"}]
    assert result["rows"][0]["id"] == ids["person"]
    again = cli.json("import", "people", str(path), "--seminar", str(ids["seminar"]))
    assert [(r["action"], r["registration"]) for r in again["rows"]] == [("skip", None), ("skip", None)]
    assert len(cli.json("person", "list")) == 2


def test_problems_exit_1_one_line_each_and_nothing_imported(cli, files: Path) -> None:  # noqa: F811
    path = write_xlsx(files / "bad.xlsx", [["Name", "Email", "Country"], ["Ana Ruiz", "ana@", "ES"],
                                           ["Tom Berg", "tom@example.se", "Atlantis"]])
    code, out, err = cli("import", "people", str(path))
    assert code == 1
    assert err.splitlines() == [
        "learninghub: error: bad.xlsx: 2 problems; nothing was imported",
        "  row 2, column Email: 'ana@' is not an email address",
        "  row 3, column Country: 'Atlantis' is not a country (a name or a two-letter code: CN, ES, KR...)",
    ]
    code, out, _ = cli("import", "people", str(path), "--json")
    assert code == 1 and json.loads(out)["problems"][1] == {
        "row": 3, "column": "Country", "message": "'Atlantis' is not a country (a name or a two-letter code: CN, ES, KR...)"}
    assert cli.json("person", "list") == []


def test_map_overrides_the_guess(cli, files: Path) -> None:  # noqa: F811
    path = write_csv(files / "x.csv", [["Who", "Contact", "Mail"], ["Ana Ruiz", "ana@example.es", "not used"]])
    code, _, err = cli("import", "people", str(path))
    assert code == 1 and "no column holds names" in err
    result = cli.json("import", "people", str(path), "--map", "Who=name", "--map", "Contact=email",
                      "--map", "Mail=ignore")
    assert result["mapping"] == {"Who": "name", "Contact": "email", "Mail": None}
    person = cli.json("person", "list")[0]
    assert (person["family_name"], person["given_name"], person["email"]) == ("Ruiz", "Ana", "ana@example.es")


def test_empty_and_binary_files_refused_in_one_line(cli, files: Path) -> None:  # noqa: F811
    empty = files / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = cli("import", "people", str(empty))
    assert (code, err) == (1, "learninghub: error: empty.csv: the file is empty: no header row and no people\n")
    binary = files / "photo.csv"
    binary.write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 64)
    code, _, err = cli("import", "people", str(binary))
    assert code == 1 and err.count("\n") == 1 and "photo.csv: is not a text spreadsheet" in err


def test_hostile_files_refused_on_one_line_saying_where(cli, files: Path) -> None:  # noqa: F811
    from tests.importing.conftest import write_zip_bomb

    unclosed = files / "unclosed.csv"
    unclosed.write_text('Name,Email\r\nAna Ruiz,ana@example.es\r\n"Tom Berg,tom@example.se\r\nEva Novak,eva@x.cz\r\n',
                        encoding="utf-8")
    long = write_csv(files / "long.csv", [["Name", "Email"], ["Ana Ruiz", "a" * 150_000]])
    expected = {
        unclosed: 'unclosed.csv: row 3, column Name: a quote (") opens this cell and is never closed, so everything '
                  "after it to the end of the file (line 4) would be one cell; close the quote or remove it",
        long: "long.csv: row 2, column Email: the cell holds 150,000 characters, more than the 131,072 a cell may "
              "have (no field takes more than 20,000)",
        write_zip_bomb(files / "bomb.xlsx"): 'bomb.xlsx: is refused unread: it would unpack to 1,023 MB, more than '
                                             'the 256 MB a workbook may take (a "zip bomb"?); split it, or save it as CSV',
    }
    for path, said in expected.items():
        for extra in ((), ("--dry-run",), ("--json",)):
            code, out, err = cli("import", "people", str(path), *extra)
            assert (code, out, err) == (1, "", f"learninghub: error: {said}\n")
    assert cli.json("person", "list") == []


def test_update_existing_shows_then_writes_the_differences(cli, files: Path) -> None:  # noqa: F811
    ids = make_programme(cli)  # Li Jia (li.jia@example.cn) of the Chengdu Open University
    path = write_csv(files / "li.csv", [["Name", "Email", "Organisation", "Phone", "City"],
                                        ["Jia Li", "li.jia@example.cn", "Sichuan University", "+86 28 1234", ""]])
    code, out, _ = cli("import", "people", str(path), "--dry-run", "--update-existing")
    assert code == 0 and out.splitlines()[1:] == [
        ("  dry run, nothing changed; would be: created 0, updated 1, kept 0 (known, kept as stored), "
         "skipped 0 (already stored), merged 0 (repeating an earlier row)"),
        "  would be updated, field by field:",
        (f'    row 2: Jia Li (id {ids["person"]}): organisation "Chengdu Open University" → "Sichuan University"; '
         'phone (empty) → "+86 28 1234"')]
    assert cli.json("person", "list")[0]["organisation"] == "Chengdu Open University"
    kept = cli.json("import", "people", str(path))
    assert [(r["action"], r["changes"]) for r in kept["rows"]] == [("keep", ["organisation", "phone"])]
    assert kept["update_existing"] is False and kept["counts"]["kept"] == 1
    assert cli.json("person", "list")[0]["organisation"] == "Chengdu Open University"
    updated = cli.json("import", "people", str(path), "--update-existing")
    assert [r["action"] for r in updated["rows"]] == ["update"]
    person = cli.json("person", "list")[0]
    assert (person["organisation"], person["phone"], person["city"]) == ("Sichuan University", "+86 28 1234",
                                                                         "Chengdu")
