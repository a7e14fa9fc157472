"""`learninghub registration remove ID`: a registration made by mistake, taken out."""

from __future__ import annotations

from tests.cli.conftest import make_programme


def test_remove_frees_the_seat_for_the_first_person_waiting(cli) -> None:
    ids = make_programme(cli)  # one seat
    other = cli.json("person", "add", "--given", "Hyeon-suk", "--family", "Han", "--native-name", "한현숙")
    mistake = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    waiting = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(other["id"]))
    assert waiting["status"] == "waitlisted"
    result = cli.json("registration", "remove", str(mistake["id"]), "--expect-version", str(mistake["version"]))
    assert result["removed"]["id"] == mistake["id"] and result["removed"]["person"] == "李佳 (Jia Li)"
    assert [(p["id"], p["status"]) for p in result["promoted"]] == [(waiting["id"], "registered")]
    rows = cli.json("registration", "list", "--seminar", str(ids["seminar"]))
    assert [(r["id"], r["status"]) for r in rows] == [(waiting["id"], "registered")]
    code, out, err = cli("registration", "history", str(mistake["id"]))
    assert code == 1 and err.strip() == f"learninghub: error: registration: there is no registration with id {mistake['id']}"


def test_remove_refused_in_one_line_after_a_check_in(cli) -> None:
    ids = make_programme(cli)
    session = cli.json("session", "add", "--seminar", str(ids["seminar"]), "--title", "Talk",
                       "--start", "2020-07-13 09:00", "--end", "2020-07-13 10:00")
    reg = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    cli.json("attend", "--session", str(session["id"]), "--person", str(ids["person"]))
    code, out, err = cli("registration", "remove", str(reg["id"]))
    assert code == 1 and out == ""
    assert err.strip() == (f"learninghub: error: registration: registration {reg['id']} (李佳 (Jia Li), seminar {ids['seminar']} "
                           "'Park City Project') has 1 check-in and cannot be removed; "
                           "undo the check-in or cancel it instead")
    code, out, _ = cli("registration", "remove", str(reg["id"]), "--expect-version", "1")
    assert code == 1


def test_remove_in_words(cli) -> None:
    ids = make_programme(cli)
    reg = cli.json("register", "--seminar", str(ids["seminar"]), "--person", str(ids["person"]))
    code, out, err = cli("registration", "remove", str(reg["id"]))
    assert code == 0, err
    assert out.strip() == f"removed registration {reg['id']}: 李佳 (Jia Li) — seminar {ids['seminar']}"
