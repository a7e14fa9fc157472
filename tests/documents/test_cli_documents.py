"""`learninghub agenda` and `learninghub programme`: files written, JSON, and one-line refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from learninghub.cli import main

LEARNINGHUB = Path(sys.executable).with_name("learninghub")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-demo") / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_agenda_writes_the_file_and_reports_it_as_json(demo_file: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "agenda.pdf"
    code, out, err = cli(capsys, "--db", str(demo_file), "agenda", "--seminar", "1", "-o", str(target),
                         "--second-tz", "Europe/Madrid", "--paper", "letter", "--json")
    assert code == 0, err
    result = json.loads(out)
    pages = PdfReader(target).pages
    assert result == {"id": 1, "file": str(target), "pages": len(pages)}
    assert "Park City Project" in pages[0].extract_text() and "Europe/Madrid" in pages[0].extract_text()


def test_programme_writes_the_file(demo_file: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "programme.pdf"
    code, out, err = cli(capsys, "--db", str(demo_file), "programme", "--curriculum", "1", "-o", str(target))
    assert code == 0 and err == ""
    assert out.strip() == f"programme of curriculum 1 written to {target} (1 page)"
    assert "Park City Project" in PdfReader(target).pages[0].extract_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["agenda", "--seminar", "999", "-o", "{dir}/a.pdf"], "seminar: there is no seminar with id 999"),
        (["programme", "--curriculum", "999", "-o", "{dir}/p.pdf"], "curriculum: there is no curriculum with id 999"),
        (["agenda", "--seminar", "1", "-o", "{dir}/a.pdf", "--second-tz", "Mars/Olympus"], "--second-tz: unknown time zone"),
        (["agenda", "--seminar", "1", "-o", "{dir}/missing/a.pdf"], "-o: folder"),
        (["agenda", "--seminar", "1", "-o", "{dir}"], "is a folder"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(demo_file: Path, tmp_path: Path, capsys, args, message) -> None:  # noqa: ANN001
    code, out, err = cli(capsys, "--db", str(demo_file), *[a.format(dir=tmp_path) for a in args])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("learninghub: error: ") and message in err
    assert not list(tmp_path.glob("*.pdf"))


def test_bad_paper_is_a_usage_error(demo_file: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as info:
        main(["--db", str(demo_file), "agenda", "--seminar", "1", "-o", str(tmp_path / "a.pdf"), "--paper", "a3"])
    assert info.value.code == 2
    capsys.readouterr()


def test_a_character_no_font_has_is_one_note_on_stderr(demo_file: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = tmp_path / "owl.sqlite"
    assert main(["--db", str(db), "curriculum", "add", "--title", "Owls 🦉", "--start-year", "2024"]) == 0
    for title in ("Owl 🦉 watching", "More 🦉 owls"):
        assert main(["--db", str(db), "seminar", "add", "--curriculum", "1", "--title", title, "--start", "2024-05-01",
                     "--end", "2024-05-02", "--tz", "Europe/Madrid"]) == 0
    capsys.readouterr()
    code, out, err = cli(capsys, "--db", str(db), "programme", "--curriculum", "1", "-o", str(tmp_path / "p.pdf"))
    assert code == 0
    assert err == "learninghub: note: no font has these characters: 🦉 (U+1F989)\n"


def test_the_installed_command_prints_with_the_builtin_cjk_fonts_when_told_to(demo_file: Path, tmp_path: Path) -> None:
    """As on a machine with no CJK TrueType font: Chinese in reportlab's CID font, and still readable."""
    target = tmp_path / "cid.pdf"
    env = {**os.environ, "LEARNINGHUB_PDF_SYSTEM_FONTS": "0"}
    done = subprocess.run([str(LEARNINGHUB), "--db", str(demo_file), "agenda", "--seminar", "1", "-o", str(target)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(target)
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert "/STSong-Light" in fonts
    assert "李佳 (Jia Li)" in reader.pages[0].extract_text()
