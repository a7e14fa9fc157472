"""A person's role in the command line's words and the app's: the code (manager) or the name the app shows
(City manager, 城市管理者), and shown with both."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("typed", "stored"), [
    ("manager", "manager"), ("City manager", "manager"), ("city MANAGER", "manager"), ("city managers", "manager"),
    ("城市管理者", "manager"), ("Elected representative", "elected"), ("Urban planner", "planner"),
    ("participant", "participant"), ("Participants", "participant"), ("学员", "participant"),
])
def test_a_role_is_taken_as_code_or_as_the_apps_name(cli, typed: str, stored: str) -> None:
    person = cli.json("person", "add", "--given", "Jia", "--family", "Li", "--role", typed)
    assert person["role"] == stored  # JSON keeps the code (the contract)


def test_a_role_is_shown_as_the_app_names_it_and_edited_by_name(cli) -> None:
    person = cli.json("person", "add", "--given", "Min", "--family", "Zhou", "--role", "Staff")
    code, out, _ = cli("person", "show", str(person["id"]))
    assert code == 0 and "  role: Staff (staff)" in out
    assert cli.json("person", "edit", str(person["id"]), "--role", "City manager")["role"] == "manager"
    code, out, _ = cli("person", "list")
    assert code == 0 and "Role" in out.splitlines()[0] and "City manager" in out


def test_an_unknown_role_is_refused_with_the_words_to_use(cli) -> None:
    code, out, err = cli("person", "add", "--given", "Jia", "--family", "Li", "--role", "mayor")
    assert code == 1 and out == ""
    assert "'mayor' is not one of: elected (Elected representative), policymaker (Policymaker), " \
           "manager (City manager)" in err and "error: role: " in err
    code, out, _ = cli("person", "list")
    assert "(none)" in out  # nothing was added


def test_participant_is_a_role_in_the_app_the_command_line_badges_and_imports(cli, tmp_path) -> None:
    """The role most people of a seminar have: named alike everywhere, with a badge colour of its own."""
    from learninghub.core import vocab
    from learninghub.documents import badges_pdf
    from learninghub.documents.language import language
    from learninghub.importing.checking import role

    assert vocab.PERSON_ROLES["participant"] == "Participant"
    assert language("zh").term("person_role", "participant") == "学员"
    assert badges_pdf.ROLE_COLOURS["participant"] not in {c for r, c in badges_pdf.ROLE_COLOURS.items()
                                                           if r != "participant"}
    assert role("Participant") == role("participants") == role("学员") == "participant" and role("") == "other"
    code, out, _ = cli("person", "add", "--given", "Ana", "--family", "Puig", "--role", "Participant")
    assert code == 0 and "  role: Participant (participant)" in out
