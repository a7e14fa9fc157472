"""The .eml drafts of the mail merge read by a second, independent parser: postal-mime on Node.js
(see README.md here), beside Python's ``email``.

Writes the drafts of a 50-person seminar whose names are in five scripts (every attachment kind:
certificate, badge, agenda, calendar invitation), reads each with both parsers and compares what
they say with each other and with the outbox (names, addresses, subject, body text, X-Unsent, each
attachment's file name, content type, size and SHA-256). Prints the differences and a summary line.
``tests/mail/test_mail_eml_node.py`` runs the same comparison when postal-mime is installed here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
READER = HERE / "read_eml.cjs"


def node_ready() -> str | None:
    """None when node and postal-mime are here; else why not (the test's skip reason)."""
    if shutil.which("node") is None:
        return "no node on PATH (Node.js reads the drafts with postal-mime)"
    if not (HERE / "node_modules" / "postal-mime").is_dir():
        return "postal-mime is not installed: cd tools/eml_in_node && npm install --no-save postal-mime@2"
    return None


def postal_mime_version() -> str:
    return json.loads((HERE / "node_modules" / "postal-mime" / "package.json").read_text())["version"]


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").rstrip("\n")


def python_view(path: Path) -> dict[str, Any]:
    """What Python's ``email`` (policy.default) reads in a draft, in the shape of read_eml.cjs."""
    msg = message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[arg-type]

    def who(header: str) -> list[dict[str, str]]:
        return [{"name": a.display_name, "address": a.addr_spec} for a in msg[header].addresses]

    files = []
    for part in msg.iter_attachments():
        data = part.get_payload(decode=True)
        if part.get_content_type() == "text/calendar":  # as postal-mime gives a calendar: LF, one at the end
            data = data.replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n"
        files.append({"filename": part.get_filename(), "mimeType": part.get_content_type(),
                      "method": part.get_param("method"), "size": len(data),
                      "sha256": hashlib.sha256(data).hexdigest()})
    # RFC 2047 6.2: the space between two encoded words is not part of the text. Python's header registry
    # keeps it inside a display name ("Konstanti n" from two words its own folding made); email.header
    # follows the rule. Names are compared as email.header reads them; the registry's are kept aside.
    registry = who("To")
    name = str(make_header(decode_header(_raw(msg, "To").rsplit("<", 1)[0].strip()))).strip('"')
    to = [{"name": name, "address": registry[0]["address"]}]
    return {"from": who("From")[0], "to": to, "registry_to": registry, "subject": str(msg["Subject"]),
            "messageId": str(msg["Message-ID"]), "unsent": str(msg["X-Unsent"]),
            "text": _text(msg.get_body(("plain",)).get_content()), "attachments": files}  # type: ignore[union-attr]


def _raw(msg: Any, name: str) -> str:
    """A header's text as the file has it (folding undone), before any decoding."""
    return next(v for k, v in msg.raw_items() if k.lower() == name.lower()).replace("\r\n", "").replace("\n", "")


def node_views(paths: list[Path]) -> dict[str, dict[str, Any]]:
    """What postal-mime reads in each draft (one Node.js process for all), by file."""
    out = subprocess.run(["node", str(READER), *map(str, paths)], capture_output=True, text=True, check=True,
                         timeout=300).stdout
    views = {}
    for line in out.splitlines():
        view = json.loads(line)
        view["text"] = _text(view["text"] or "")
        views[view.pop("file")] = view
    return views


def compare(paths: list[Path], expected: dict[str, dict[str, str]]) -> list[str]:
    """Differences between the parsers, and between them and ``expected`` (by address: name, subject,
    body as the outbox holds them); empty when all agree."""
    node = node_views(paths)
    problems = []
    for path in paths:
        mine, theirs = python_view(path), node[str(path)]
        for key in ("from", "to", "subject", "messageId", "unsent", "text", "attachments"):
            if mine[key] != theirs[key]:
                problems.append(f"{path.name}: {key}: python {mine[key]!r} != postal-mime {theirs[key]!r}")
        address = theirs["to"][0]["address"]
        want = expected.get(address)
        if want is None:
            problems.append(f"{path.name}: to {address!r}, not in the outbox")
            continue
        for key, got in (("name", theirs["to"][0]["name"]), ("subject", theirs["subject"]),
                         ("body", theirs["text"])):
            if _text(want[key]) != got:
                problems.append(f"{path.name}: {key}: outbox {want[key]!r} != postal-mime {got!r}")
        if theirs["unsent"] != "1":
            problems.append(f"{path.name}: X-Unsent is {theirs['unsent']!r}")
    return problems


def write_drafts(db: Any, seminar: int, folder: Path, sender: str,
                 kinds: tuple[str, ...] = ("certificate", "badge", "agenda", "ics")) -> dict[str, dict[str, str]]:
    """Queue a certificate batch for everyone eligible with ``kinds`` attached and write it as drafts to
    ``folder``; return what the outbox holds, by address."""
    from learninghub.core import outbox
    from learninghub.mailing import plan, sending
    from learninghub.mailing.transports import EmlTransport

    req = plan.request(seminar, "certificate", sender=sender, lang="auto", attachments_=list(kinds))
    with db.transaction() as s:
        batch = plan.queue(s, req)
    report = sending.send_batch(db, batch, EmlTransport(folder))
    assert report.complete, report
    with db.reading() as s:
        return {m.recipient: {"name": m.recipient_name, "subject": m.subject, "body": m.body}
                for m in outbox.batch_messages(s, batch)}


def main() -> int:
    why = node_ready()
    if why:
        print(why, file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parents[1]))  # the checkout: the tests' seminar of five scripts
    from learninghub.core.store import open_database
    from tests.mail.conftest import SENDER, make_programme

    tmp = Path(tempfile.mkdtemp())
    db = open_database(str(tmp / "hub.sqlite"))
    try:
        programme = make_programme(db, 50)
        expected = write_drafts(db, programme.seminar, tmp / "drafts", SENDER)
    finally:
        db.close()
    paths = sorted((tmp / "drafts").glob("*.eml"))
    problems = compare(paths, expected)
    for line in problems:
        print(line)
    views = [python_view(p) for p in paths]
    files = [a for v in views for a in v["attachments"]]
    scripts = {"Latin": "José", "Han": "李佳", "Hangul": "한현숙", "Cyrillic": "Константин", "Greek": "Ελένη"}
    seen = [k for k, word in scripts.items() if any(word in v["to"][0]["name"] for v in views)]
    types = sorted({a["mimeType"] for a in files})
    split = sum(v["registry_to"][0]["name"] != v["to"][0]["name"] for v in views)
    print(f"{len(paths)} drafts, names in {len(seen)} scripts ({', '.join(seen)}), {len(files)} attachments "
          f"({', '.join(types)}; {sum(a['size'] for a in files):,} bytes), {len(problems)} differences between "
          f"Python's email, postal-mime {postal_mime_version()} and the outbox; Python's header registry adds a "
          f"space inside {split} names (two encoded words, see python_view)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
