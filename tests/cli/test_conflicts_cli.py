"""`learninghub conflicts [--seminar ID] [--json]`: warnings that exit 0, one line each, or JSON.

The command is registered on a parser built here (the main parser lists its modules itself)."""

from __future__ import annotations

import argparse
import json

import pytest

from learninghub.cli import conflicts
from learninghub.cli.context import Context
from learninghub.core.errors import LearningHubError, NotFound
from learninghub.core.services import agenda, curricula, seminars


def _run(db_path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[object, str]:
    parser = argparse.ArgumentParser(prog="learninghub")
    conflicts.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["conflicts", *argv])
    ctx = Context(str(db_path))
    try:
        code = args.handler(args, ctx)
    finally:
        ctx.close()
    return code, capsys.readouterr().out


@pytest.fixture
def clash(hub, db) -> dict[str, int]:
    """李佳 speaks at 09:00 in Chengdu and at 03:30 in a Brussels webinar (the same moment);
    two sessions of the Chengdu seminar share Hall A."""
    with db.transaction() as s:
        iurc = curricula.add_curriculum(s, title="IURC Asia 2020")
        web = seminars.add_seminar(s, curriculum_id=iurc.id, title="IURC webinar", start="2020-07-13",
                                   end="2020-07-13", timezone="Europe/Brussels", kind="webinar", format="online")
        keynote = agenda.add_session(s, seminar_id=web.id, title="Keynote", start="2020-07-13 03:30",
                                     end="2020-07-13 04:30", speaker_ids=[hub.li])[0]
        agenda.edit_session(s, hub.session, room="Hall A")
        workshop = agenda.add_session(s, seminar_id=hub.seminar, title="Workshop", start="2020-07-13 09:30",
                                      end="2020-07-13 10:00", room="Hall A")[0]
        return {"webinar": web.id, "keynote": keynote.id, "workshop": workshop.id}


def test_human_output_one_line_per_conflict_and_a_count(hub, clash, db_path, capsys):
    code, out = _run(db_path, capsys)
    assert code in (None, 0)
    lines = out.splitlines()
    assert lines[0].startswith('speaker-double-booked: 李佳 (Jia Li) speaks in "Opening ceremony" '
                               "(Park City Project, Mon 2020-07-13 09:00–09:45 Asia/Shanghai)")
    assert 'in "Keynote" (IURC webinar, Mon 2020-07-13 03:30–04:30 Europe/Brussels)' in lines[0]
    assert lines[1].startswith('room-double-booked: room "Hall A" at Park City Project is booked for ')
    assert lines[2:] == ["2 conflicts"]


def test_no_conflicts_says_so(hub, db_path, capsys):
    assert _run(db_path, capsys) == (None, "no conflicts\n")
    assert json.loads(_run(db_path, capsys, "--json")[1]) == []


def test_json_names_both_items(hub, clash, db_path, capsys):
    code, out = _run(db_path, capsys, "--json")
    assert code in (None, 0)
    speaker, room = json.loads(out)
    assert speaker == {
        "id": f"speaker-double-booked:person-{hub.li},session-{hub.session},session-{clash['keynote']}",
        "kind": "speaker-double-booked",
        "message": speaker["message"],
        "items": [
            {"type": "session", "id": hub.session, "seminar_id": hub.seminar, "label": "Opening ceremony"},
            {"type": "session", "id": clash["keynote"], "seminar_id": clash["webinar"], "label": "Keynote"},
            {"type": "person", "id": hub.li, "seminar_id": None, "label": "李佳 (Jia Li)"},
        ],
    }
    assert room["id"] == f"room-double-booked:session-{hub.session},session-{clash['workshop']}"
    assert [i["seminar_id"] for i in room["items"]] == [hub.seminar, hub.seminar]


def test_seminar_filter_still_shows_the_other_seminars_side(hub, clash, db_path, capsys):
    _, out = _run(db_path, capsys, "--seminar", str(clash["webinar"]), "--json")
    [only] = json.loads(out)
    assert only["kind"] == "speaker-double-booked"
    assert {i["seminar_id"] for i in only["items"]} == {hub.seminar, clash["webinar"], None}
    _, out = _run(db_path, capsys, "--seminar", str(clash["webinar"]))
    assert out.splitlines()[-1] == "1 conflict"
    assert len(json.loads(_run(db_path, capsys, "--seminar", str(hub.seminar), "--json")[1])) == 2


def test_unknown_seminar_is_a_user_error(hub, db_path, capsys):
    with pytest.raises(NotFound, match="there is no seminar with id 999") as info:
        _run(db_path, capsys, "--seminar", "999")
    assert isinstance(info.value, LearningHubError)  # the main command prints it and exits 1
    assert capsys.readouterr().out == ""


def test_seminar_must_be_a_number(capsys):
    parser = argparse.ArgumentParser(prog="learninghub")
    conflicts.register(parser.add_subparsers(dest="command", required=True))
    with pytest.raises(SystemExit) as info:
        parser.parse_args(["conflicts", "--seminar", "park"])
    assert info.value.code == 2
    assert "invalid int value" in capsys.readouterr().err
