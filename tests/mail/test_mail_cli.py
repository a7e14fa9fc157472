"""``learninghub mail …`` against a real SMTP server, and a ``kill -9`` of the sending process mid-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from learninghub.cli import main
from learninghub.core import outbox
from learninghub.core.store import open_database
from tests.mail.conftest import SENDER, Server, make_programme


def _cli(capsys, db: str, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hub_file(db_path: Path) -> Path:
    db = open_database(str(db_path))
    make_programme(db)
    db.close()
    return db_path


def test_templates_preview_send_outbox(hub_file: Path, smtp_server: Server, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(hub_file)
    code, out, _ = _cli(capsys, db, "mail", "templates", "--json")
    assert code == 0 and "certificate_code" in json.loads(out)["placeholders"]
    code, out, _ = _cli(capsys, db, "mail", "preview", "--seminar", "1", "--template", "reminder", "--from", SENDER,
                        "--person", "2", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["recipients"][0]["subject"].startswith("提醒：公园城市建设将于2020年7月13日")
    code, out, _ = _cli(capsys, db, "mail", "preview", "--seminar", "1", "--template", "reminder", "--from", SENDER,
                        "--json")
    assert {p["reason"] for p in json.loads(out)["left_out"]} == {"no consent to be contacted", "no e-mail address"}
    code, out, err = _cli(capsys, db, "mail", "send", "--seminar", "1", "--template", "reminder", "--from", SENDER,
                          "--attach", "", "--smtp", smtp_server.address, "--security", "none", "--json")
    assert code == 0, err
    assert json.loads(out) == {"id": 1, "sent": 50, "failed": 0, "left": 0, "unknown": 0, "stopped": None,
                               "complete": True}
    assert smtp_server.count() == 50
    code, out, _ = _cli(capsys, db, "mail", "outbox", "--json")
    assert json.loads(out)[0]["sent"] == 50
    code, out, _ = _cli(capsys, db, "mail", "outbox", "--person", "2", "--json")
    assert [m["status"] for m in json.loads(out)] == ["sent"]
    code, out, err = _cli(capsys, db, "mail", "send", "--seminar", "1", "--template", "certificate", "--from", SENDER,
                          "--person", "1", "--eml", str(tmp_path / "drafts"))
    assert code == 0, err
    (draft,) = (tmp_path / "drafts").glob("*.eml")
    msg = message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and [p.get_content_type() for p in msg.iter_attachments()] == ["application/pdf"]


def test_the_password_is_no_argument_and_a_bad_server_is_refused(hub_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        main(["--db", str(hub_file), "mail", "send", "--seminar", "1", "--template", "free", "--from", SENDER,
              "--smtp", "x:25", "--password", "secret"])
    assert info.value.code == 2
    code, _, err = _cli(capsys, str(hub_file), "mail", "send", "--seminar", "1", "--template", "free", "--from",
                        SENDER, "--smtp", "host:99999")
    assert code == 1 and "is not a server" in err
    with open_database(str(hub_file)).reading() as s:
        assert outbox.list_batches(s) == []


@pytest.mark.slow
def test_kill_9_mid_batch_then_resume_every_recipient_gets_exactly_one(hub_file: Path, smtp_server: Server) -> None:
    env = {**os.environ, "LEARNINGHUB_MAIL_FROM": SENDER}
    command = [sys.executable, "-m", "learninghub", "--db", str(hub_file), "mail", "send", "--seminar", "1",
               "--template", "reminder", "--attach", "ics", "--smtp", smtp_server.address, "--security", "none",
               "--per-minute", "600"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while smtp_server.count() < 12 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    got = smtp_server.count()
    assert 12 <= got < 50
    db = open_database(str(hub_file))
    try:
        with db.reading() as s:
            unknown = outbox.batch_messages(s, 1, states=["sending"])
        arrived = {m["Message-ID"] for m in smtp_server.messages()}
        settle = []
        if unknown:  # the user checks the Sent folder; here, the server's own list
            settle = ["--mark-unknown-sent"] if unknown[0].message_id in arrived else ["--resend-unknown"]
    finally:
        db.close()
    done = subprocess.run([sys.executable, "-m", "learninghub", "--db", str(hub_file), "mail", "resume", "1",
                           "--smtp", smtp_server.address, "--security", "none", "--json", *settle],
                          check=False, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["complete"]
    rcpts = [r for _, tos, _ in smtp_server.received for r in tos]
    assert sorted(rcpts) == sorted(f"p{n}@example.org" for n in range(1, 51))  # each exactly once


def test_a_drop_after_17_then_resume_through_the_command_line_on_both_databases(fresh_db_url, smtp_server: Server,
                                                                               capsys) -> None:  # type: ignore[no-untyped-def]
    url = fresh_db_url("hub")
    db = open_database(url)
    try:
        make_programme(db)
    finally:
        db.close()
    smtp_server.drop_after = 17
    code, out, err = _cli(capsys, url, "mail", "send", "--seminar", "1", "--template", "reminder", "--from", SENDER,
                          "--attach", "ics", "--smtp", smtp_server.address, "--security", "none", "--json")
    assert code == 1 and "`learninghub mail resume 1` sends exactly those" in err
    assert {k: v for k, v in json.loads(out).items() if k != "stopped"} == {
        "id": 1, "sent": 17, "failed": 0, "left": 33, "unknown": 0, "complete": False}
    smtp_server.drop_after = None
    code, out, err = _cli(capsys, url, "mail", "resume", "1", "--smtp", smtp_server.address, "--security", "none",
                          "--json")
    assert code == 0, err
    assert json.loads(out)["sent"] == 33 and json.loads(out)["complete"]
    rcpts = [r for _, tos, _ in smtp_server.received for r in tos]
    assert sorted(rcpts) == sorted(f"p{n}@example.org" for n in range(1, 51))
    code, out, _ = _cli(capsys, url, "mail", "outbox", "--json")
    assert (json.loads(out)[0]["sent"], json.loads(out)[0]["total"]) == (50, 50)
