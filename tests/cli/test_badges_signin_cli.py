"""`learninghub badges` and `learninghub signin` on the demo programme: files, JSON, refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdftext import squash


@pytest.fixture
def demo(cli):  # noqa: ANN001, ANN201
    code, _out, err = cli("demo")
    assert code == 0, err
    return cli


def test_badges_for_the_demo_seminar(demo, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "badges.pdf"
    code, out, err = demo("badges", "--seminar", "1", "-o", str(target), "--json")
    assert code == 0, err
    result = json.loads(out)
    pages = PdfReader(target).pages
    assert result == {"id": 1, "file": str(target), "pages": len(pages)}
    registered = demo.json("registration", "list", "--seminar", "1")
    holding = [r for r in registered if r["status"] not in ("cancelled", "waitlisted")]
    assert len(pages) == -(-len(holding) // 8)
    first = squash(pages[0].extract_text())
    assert "ParkCityProject" in first and re.search(r"[\u4e00-\u9fff]", first)


def test_signin_for_a_demo_session(demo, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "sheet.pdf"
    code, out, err = demo("signin", "--session", "1", "-o", str(target))
    assert code == 0 and err == ""
    pages = PdfReader(target).pages
    assert out.strip() == f"sign-in sheet of session 1 written to {target} ({len(pages)} page{'s' if len(pages) > 1 else ''})"
    text = squash(pages[0].extract_text())
    assert "Openingceremony" in text and "ParkCityProject" in text and "Asia/Shanghai" in text
    assert f"Page1of{len(pages)}" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["badges", "--seminar", "999", "-o", "{dir}/b.pdf"], "seminar: there is no seminar with id 999"),
        (["signin", "--session", "999", "-o", "{dir}/s.pdf"], "session: there is no session with id 999"),
        (["signin", "--session", "1", "-o", "{dir}/missing/s.pdf"], "-o: folder"),
    ],
)
def test_refusals_are_one_line(demo, tmp_path: Path, args: list[str], message: str) -> None:  # noqa: ANN001
    code, out, err = demo(*[a.format(dir=tmp_path) for a in args])
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
