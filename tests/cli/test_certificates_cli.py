"""`certificates`, `verify`, `revoke` and `seminar certificate` on the demo programme."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

CERTIFICATE_FIELDS = {"id", "code", "person_id", "seminar_id", "status"}


@pytest.fixture
def demo_park(cli) -> int:
    """The demo loaded as shipped (its certificate settings too); the Park City seminar's id."""
    code, _, err = cli("demo")
    assert code == 0, err
    return next(s["id"] for s in cli.json("seminar", "list") if s["title"] == "Park City Project")


@pytest.fixture
def park(cli, demo_park) -> int:
    """The demo with Park City's certificates back at the defaults these tests count with:
    75 % of sessions, nobody signs, English wording."""
    code, _, err = cli("seminar", "certificate", str(demo_park), "--min-attendance", "75", "--no-signatories",
                       "--english-only")
    assert code == 0, err
    return demo_park


def _people(cli) -> dict[str, int]:
    return {p["family_name"]: p["id"] for p in cli.json("person", "list", "--limit", "0")}


def _attend_one(cli, seminar: int, person: int) -> None:
    first_talk = next(s for s in cli.json("session", "list", "--seminar", str(seminar)) if s["kind"] == "keynote")
    code, _, err = cli("attend", "--session", str(first_talk["id"]), "--person", str(person))
    assert code == 0, err


def _page_texts(path: Path) -> list[str]:
    return [page.extract_text().replace("\n", "") for page in PdfReader(path).pages]


def test_dry_run_lists_everyone_with_the_reason_and_issues_nothing(cli, park):
    rows = cli.json("certificates", "--seminar", str(park), "--dry-run")
    assert len(rows) == 30
    eligible = {r["name"] for r in rows if r["eligible"]}
    assert eligible == {"李佳 (Jia Li)", "王浩然 (Haoran Wang)"}
    liu = next(r for r in rows if r["name"] == "刘芳 (Fang Liu)")
    assert liu["reason"] == "attended 12 of 19 sessions (63.1 %), 17.5 h; needs 75 % of sessions"
    assert (liu["sessions_attended"], liu["sessions_total"], liu["code"]) == (12, 19, None)
    cancelled = [r for r in rows if r["registration_status"] == "cancelled"]
    assert cancelled and all(r["reason"].startswith("registration cancelled") for r in cancelled)
    code, out, _ = cli("certificates", "--seminar", str(park), "--dry-run")
    assert code == 0 and "2 of 30 registered eligible (rule: 75 % of sessions)" in out
    assert "刘芳 (Fang Liu)" in out and "needs 75 % of sessions" in out
    assert cli.json("certificates", "--seminar", str(park), "--list") == []


def test_one_pdf_names_in_their_own_script_and_the_same_codes_again(cli, park, tmp_path: Path):
    people = _people(cli)
    _attend_one(cli, park, people["Choi"])  # a no-show who came once after all
    target = tmp_path / "all.pdf"
    issued = cli.json("certificates", "--seminar", str(park), "-o", str(target), "--min-hours", "0.5")
    assert all(CERTIFICATE_FIELDS <= set(c) and c["status"] == "valid" for c in issued)
    assert all(c["seminar_id"] == park for c in issued)
    names = [c["name"] for c in issued]
    assert {"최민지 (Min-ji Choi)", "Николай Стоянов (Nikolay Stoyanov)", "李佳 (Jia Li)", "Špela Žagar"} <= set(names)
    assert len({c["code"] for c in issued}) == len(issued) == 26
    texts = _page_texts(target)
    assert len(texts) == len(issued)
    for text, c in zip(texts, issued):
        own = c["name"].split(" (")[0]
        assert own in text and c["code"] in text, (own, text)
        assert "Park City Project" in text
    assert not list(tmp_path.glob(".*")), "no temporary file left behind"
    again = cli.json("certificates", "--seminar", str(park), "-o", str(target), "--min-hours", "0.5")
    assert [(c["person_id"], c["code"]) for c in again] == [(c["person_id"], c["code"]) for c in issued]
    assert not any(c["new"] for c in again)
    for c in issued[:3]:
        code, out, _ = cli("verify", c["code"].lower().replace("-", ""))
        assert code == 0 and out.startswith(f"valid: {c['code']} — {c['name']} — Park City Project")


def test_split_writes_one_file_per_person_named_after_them(cli, park, tmp_path: Path):
    folder = tmp_path / "certificates"
    issued = cli.json("certificates", "--seminar", str(park), "--split", str(folder))
    files = {c["name"]: Path(c["file"]) for c in issued}
    assert set(files) == {"李佳 (Jia Li)", "王浩然 (Haoran Wang)"}
    assert files["李佳 (Jia Li)"] == folder / "李佳 Jia Li.pdf"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files.values())
    assert "李佳" in _page_texts(files["李佳 (Jia Li)"])[0]
    # Into the existing folder again: the same files, replaced, nothing else.
    again = cli.json("certificates", "--seminar", str(park), "--split", str(folder))
    assert [c["file"] for c in again] == [c["file"] for c in issued]
    assert len(list(folder.iterdir())) == 2


def test_verify_valid_revoked_unknown_and_revoke_refusals(cli, park, tmp_path: Path):
    [li, wang] = cli.json("certificates", "--seminar", str(park), "-o", str(tmp_path / "c.pdf"))
    revoked = cli.json("revoke", wang["code"], "--reason", "attendance sheet corrected")
    assert (revoked["status"], revoked["code"], revoked["reason"]) == ("revoked", wang["code"],
                                                                       "attendance sheet corrected")
    code, out, _ = cli("verify", wang["code"])
    assert code == 1 and out.startswith(f"revoked: {wang['code']}") and "attendance sheet corrected" in out
    answer = cli("verify", li["code"], "--json")
    assert answer[0] == 0 and '"status": "valid"' in answer[1] and '"holder": "李佳 (Jia Li)"' in answer[1]

    code, out, err = cli("verify", "0000-0000-0000")
    assert code == 1 and out.startswith("unknown:") and err == ""
    code, out, err = cli("revoke", "0000-0000-0000")
    assert code == 1 and out == ""
    assert err.strip() == "learninghub: error: code: no certificate in the register has code 0000-0000-0000"
    code, _, err = cli("revoke", "not-a-code")
    assert code == 1 and "is not a certificate code" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("revoke", wang["code"])
    assert code == 1 and "already revoked" in err

    # A revoked certificate is not printed again by a new batch, until reinstated.
    again = cli.json("certificates", "--seminar", str(park), "-o", str(tmp_path / "c.pdf"))
    assert [c["code"] for c in again] == [li["code"]]
    assert cli.json("revoke", wang["code"], "--undo")["status"] == "valid"
    assert cli("verify", wang["code"])[0] == 0
    register = cli.json("certificates", "--seminar", str(park), "--list")
    assert {(r["code"], r["status"]) for r in register} == {(li["code"], "valid"), (wang["code"], "valid")}


def test_erased_holder_verifies_as_revoked_without_a_name(cli, park, tmp_path: Path):
    [li, _] = cli.json("certificates", "--seminar", str(park), "-o", str(tmp_path / "c.pdf"))
    assert cli("person", "erase", str(li["person_id"]))[0] == 0
    code, out, _ = cli("verify", li["code"], "--json")
    assert code == 1
    assert '"status": "revoked"' in out and '"holder": "(erased)"' in out and "李佳" not in out


def test_seminar_certificate_settings_are_printed(cli, demo_park, tmp_path: Path):
    park = demo_park
    shown = cli.json("seminar", "certificate", str(park))  # the demo's own settings
    assert (shown["min_attendance"], shown["min_hours"], shown["bilingual"], shown["version"]) == (60.0, 6.0, True, 1)
    assert [x["name"] for x in shown["signatories"]] == ["Núria Puig i Ferrer", "王浩然"]
    assert shown["signatories"][1]["title_zh"] == "成都市人民政府外事办公室国际交流处处长"
    saved = cli.json("seminar", "certificate", str(park), "--min-attendance", "60",
                     "--signatory", "余建华|Director, Chengdu Open University", "--signatory", "Núria Puig",
                     "--bilingual")
    assert saved["rule"] == "60 % of sessions" and saved["bilingual"] and saved["version"] == 2
    assert saved["signatories"] == [{"name": "余建华", "title": "Director, Chengdu Open University", "title_zh": None},
                                    {"name": "Núria Puig", "title": None, "title_zh": None}]
    rows = cli.json("certificates", "--seminar", str(park), "--dry-run")
    assert sum(r["eligible"] for r in rows) == 6  # 12 of 19 (63 %) is enough, 11 of 19 (57.8 %) is not
    target = tmp_path / "c.pdf"
    issued = cli.json("certificates", "--seminar", str(park), "-o", str(target))
    assert len(issued) == 6
    text = _page_texts(target)[0]
    assert "余建华" in text and "Director, Chengdu Open University" in text and "结业证书" in text
    hours = cli.json("seminar", "certificate", str(park), "--min-hours", "20", "--english-only")
    assert (hours["min_attendance"], hours["min_hours"], hours["bilingual"]) == (None, 20.0, False)
    assert hours["signatories"] == saved["signatories"]


@pytest.mark.parametrize(("args", "message"), [
    (["--min-attendance", "120"], "minimum attendance %: must be more than 0 and at most 100 (got 120)"),
    (["--signatory", "|Mayor"], "--signatory 1: '|Mayor': give NAME|TITLE"),
    (["--signatory", "A", "--signatory", "B", "--signatory", "C", "--signatory", "D"], "at most 3 people sign"),
    (["--logo", "/nowhere/logo.png"], "logo 1: there is no file /nowhere/logo.png"),
    (["--expect-version", "3", "--bilingual"], "were changed by someone else meanwhile"),
])
def test_bad_settings_are_refused_in_one_line(cli, park, args, message):
    code, out, err = cli("seminar", "certificate", str(park), *args)
    assert code == 1 and out == ""
    assert err.startswith("learninghub: error: ") and message in err and len(err.strip().splitlines()) == 1


def test_nobody_eligible_writes_nothing(cli, park, tmp_path: Path):
    target = tmp_path / "none.pdf"
    code, _, err = cli("certificates", "--seminar", str(park), "-o", str(target), "--min-hours", "500")
    assert code == 1 and "nobody of the 30 people registered" in err
    assert not target.exists() and not list(tmp_path.glob("*.pdf*")) and not list(tmp_path.glob(".none*"))


def test_usage_errors(cli, park, tmp_path: Path):
    assert cli("certificates", "--seminar", str(park))[0] == 2
    with pytest.raises(SystemExit) as info:
        cli("certificates", "--seminar", str(park), "-o", "x.pdf", "--split", "d")
    assert info.value.code == 2
    code, _, err = cli("certificates", "--seminar", str(park), "-o", str(tmp_path / "missing" / "x.pdf"))
    assert code == 1 and "does not exist" in err
    assert cli.json("certificates", "--seminar", str(park), "--list") == []


def test_the_qr_code_on_the_page_verifies(cli, park, tmp_path: Path):
    """Rendered by PDFium (pip's pypdfium2, no system package) at a scanner's 150 dpi, decoded by zxing-cpp."""
    import pypdfium2 as pdfium
    import zxingcpp

    target = tmp_path / "c.pdf"
    [li, _] = cli.json("certificates", "--seminar", str(park), "-o", str(target))
    image = pdfium.PdfDocument(target)[0].render(scale=150 / 72).to_pil()
    found = [b.text for b in zxingcpp.read_barcodes(image)]
    assert found == [li["code"]]
    code, out, _ = cli("verify", found[0])
    assert code == 0 and "李佳 (Jia Li)" in out
