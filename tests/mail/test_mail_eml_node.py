"""The .eml drafts read by an independent parser, postal-mime on Node.js (tools/eml_in_node), as well as
by Python's ``email``: names in five scripts, subject, body and every attachment (name, type, size,
SHA-256) agree with each other and with the outbox. Skipped, saying why, when node or postal-mime is
not installed (``cd tools/eml_in_node && npm install --no-save postal-mime@2``: the suite needs no network)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from learninghub import config
from learninghub.core.store import Database
from tests.mail.conftest import SENDER, Programme

CHECK = config.PROJECT_ROOT / "tools" / "eml_in_node" / "check.py"


def _check():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eml_in_node_check", CHECK)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.sqlite_only(reason="the drafts, not the database, are under test")
def test_drafts_read_alike_by_python_and_postal_mime(db: Database, programme: Programme, tmp_path: Path) -> None:
    check = _check()
    if why := check.node_ready():
        pytest.skip(why)
    expected = check.write_drafts(db, programme.seminar, tmp_path / "drafts", SENDER)
    paths = sorted((tmp_path / "drafts").glob("*.eml"))
    assert len(paths) == 50
    assert check.compare(paths, expected) == []
    views = [check.python_view(p) for p in paths]
    assert all([a["filename"].rsplit(".", 1)[-1] for a in v["attachments"]] == ["pdf", "pdf", "pdf", "ics"]
               for v in views)
    assert {a["method"] for v in views for a in v["attachments"] if a["mimeType"] == "text/calendar"} == {"REQUEST"}
    for word in ("José", "李佳", "한현숙", "Константин", "Ελένη"):
        assert any(word in v["to"][0]["name"] for v in views), word
