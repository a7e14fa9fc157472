"""The certificate batch: codes issued in one transaction, files written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from learninghub.core.errors import RuleViolation, ValidationError
from learninghub.core.services import certificate_settings, certificates, demo, seminars
from learninghub.core.services.certificate_settings import Rule
from learninghub.documents import certificates_batch
from learninghub.documents.certificate_pdf import Cancelled

HALF = Rule(min_attendance_pct=50)  # eight people of the Park City demo


@pytest.fixture
def park(db) -> int:
    with db.transaction() as s:
        demo.load_demo(s)
        return next(x.id for x in seminars.list_seminars(s) if x.title == "Park City Project")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the PDFs alone (the database file lives in tmp_path)."""
    folder = tmp_path / "documents"
    folder.mkdir()
    return folder


def _codes(db, seminar: int) -> dict[int, str]:
    with db.reading() as s:
        return {c.person_id: c.code for c in certificates.list_certificates(s, seminar_id=seminar)}


def test_one_pdf_in_family_name_order_with_progress(db, park, out: Path):
    seen: list[tuple[int, int]] = []
    target = out / "park.pdf"
    result = certificates_batch.make_certificates(db, park, output=target, rule=HALF,
                                                  progress=lambda done, total: seen.append((done, total)))
    assert result.pages == len(result.certificates) == 8 == result.new_codes
    assert seen[0] == (0, 8) and seen[-1] == (8, 8) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    pages = [p.extract_text() for p in PdfReader(target).pages]
    assert [c.name.split(" (")[0] in page for c, page in zip(result.certificates, pages)] == [True] * 8
    assert "黄志强" in pages[0] and "周敏" in pages[-1]  # Huang ... Zhou
    assert sorted(p.name for p in out.iterdir()) == ["park.pdf"]


def test_cancel_leaves_no_file_but_keeps_the_codes(db, park, out: Path):
    target = out / "park.pdf"
    target.write_bytes(b"the previous batch")
    with pytest.raises(Cancelled):
        certificates_batch.make_certificates(db, park, output=target, rule=HALF,
                                             progress=lambda done, total: None,
                                             cancelled=iter([False, False, True]).__next__)
    assert target.read_bytes() == b"the previous batch"
    assert sorted(p.name for p in out.iterdir()) == ["park.pdf"]
    issued = _codes(db, park)
    assert len(issued) == 8, "codes issued before the pages stay issued"
    result = certificates_batch.make_certificates(db, park, output=target, rule=HALF)
    assert {c.person_id: c.code.replace("-", "") for c in result.certificates} == issued
    assert result.new_codes == 0


def test_a_cancelled_split_into_a_new_folder_leaves_no_folder(db, park, out: Path):
    folder = out / "new"
    with pytest.raises(Cancelled):
        certificates_batch.make_certificates(db, park, split_dir=folder, rule=HALF,
                                             cancelled=iter([False] * 5 + [True]).__next__)
    assert list(out.iterdir()) == []


def test_a_failed_split_into_an_existing_folder_leaves_it_as_it_was(db, park, out: Path):
    folder = out / "out"
    folder.mkdir()
    (folder / "李佳 Jia Li.pdf").write_bytes(b"last year's")
    (folder / "notes.txt").write_text("keep me")

    def fail(done: int, total: int) -> None:
        if done == 4:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        certificates_batch.make_certificates(db, park, split_dir=folder, rule=HALF, progress=fail)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "李佳 Jia Li.pdf"]
    assert (folder / "李佳 Jia Li.pdf").read_bytes() == b"last year's"
    result = certificates_batch.make_certificates(db, park, split_dir=folder, rule=HALF)
    assert len(list(folder.iterdir())) == 9 and all(c.file and c.file.parent == folder for c in result.certificates)
    assert (folder / "李佳 Jia Li.pdf").read_bytes().startswith(b"%PDF")


def test_an_unreadable_logo_fails_before_any_file(db, park, out: Path):
    logo = out / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with db.transaction() as s:
        certificate_settings.set_settings(s, park, logos=[str(logo)])
    with pytest.raises(ValidationError, match="logo"):
        certificates_batch.make_certificates(db, park, output=out / "c.pdf", rule=HALF)
    assert sorted(p.name for p in out.iterdir()) == ["logo.png"]


def test_nobody_eligible_is_refused_and_issues_nothing(db, park, out: Path):
    with pytest.raises(RuleViolation, match="nobody of the 30 people registered"):
        certificates_batch.make_certificates(db, park, output=out / "c.pdf", rule=Rule(min_hours=1000))
    assert _codes(db, park) == {} and list(out.iterdir()) == []


def test_bad_targets_are_refused_before_issuing(db, park, out: Path):
    with pytest.raises(ValidationError, match="is a folder"):
        certificates_batch.make_certificates(db, park, output=out, rule=HALF)
    a_file = out / "f"
    a_file.write_text("x")
    with pytest.raises(ValidationError, match="is a file, not a folder"):
        certificates_batch.make_certificates(db, park, split_dir=a_file, rule=HALF)
    with pytest.raises(ValidationError, match="does not exist"):
        certificates_batch.make_certificates(db, park, split_dir=out / "a" / "b", rule=HALF)
    assert _codes(db, park) == {}


def test_what_a_page_prints_comes_from_the_register_and_settings(db, park, out: Path):
    with db.transaction() as s:
        certificate_settings.set_settings(s, park, bilingual=True, signatories=[("余建华", "Director")])
    batch = certificates_batch.issue(db, park, rule=HALF)
    issued, page = next((i, d) for i, d in batch if i.name == "李佳 (Jia Li)")
    assert (page.code, page.holder_name, page.holder_latin) == (issued.code, "李佳", "Jia Li")
    assert (page.seminar_title, page.city, str(page.first_day), str(page.last_day)) == (
        "Park City Project", "Chengdu", "2020-07-13", "2020-07-17")
    assert page.hours == 29.0 and page.bilingual and [s.name for s in page.signatories] == ["余建华"]
