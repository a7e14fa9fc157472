"""Certificates (who is eligible, the batch with progress and Cancel), badges and sign-in sheets in the app."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from learninghub.core.services import certificate_eligibility, certificates
from tests.gui.conftest import settle


def _documents(qtbot, window):  # type: ignore[no-untyped-def]
    """The Documents tab, shown, with its eligibility list read (it is read when the tab shows)."""
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    settle(qtbot, window)
    return window.documents


def _rows(docs) -> list[str]:  # type: ignore[no-untyped-def]
    lst = docs.attendance.form.eligibilityList
    return [lst.item(i).text() for i in range(lst.count())]


def test_eligibility_is_listed_with_the_reason(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    docs = _documents(qtbot, window)
    with demo_db.reading() as s:
        judged = certificate_eligibility.eligibility(s, seminar_id)
    rows = _rows(docs)
    assert len(rows) == len(judged)
    first = judged[0]
    assert rows[0].startswith(f"{first.name}: {'eligible' if first.eligible else 'not eligible'} — {first.reason}")
    assert any(": eligible — attended" in r for r in rows) and any(": not eligible — " in r for r in rows)
    eligible = sum(j.eligible for j in judged)
    assert docs.attendance.form.eligibilitySummary.text().startswith(f"{eligible} of {len(judged)} registered")


def test_certificates_are_issued_previewed_and_their_codes_listed(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    docs = _documents(qtbot, window)
    docs.attendance.form.previewCertificatesButton.click()
    op = docs.op
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    with demo_db.reading() as s:
        issued = certificates.list_certificates(s, seminar_id=seminar_id)
        eligible = [j for j in certificate_eligibility.eligibility(s, seminar_id) if j.eligible]
    assert len(issued) == len(eligible) > 0
    assert len(docs.preview.images) == len(PdfReader(docs.preview.path).pages) >= len(eligible)
    assert "new codes issued" in window.documents.form.documentsStatus.text()
    settle(qtbot, window)  # the eligibility list is read again once the codes are issued
    assert all(j.code in " ".join(_rows(docs)) for j in eligible)  # the list shows each code now


def test_cancelling_the_batch_writes_nothing(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    docs = _documents(qtbot, window)
    op = docs.make("certificates", None)
    op.progress.cancel()  # as the Cancel button of the progress dialog does
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    assert window.documents.form.documentsStatus.text() == "Cancelled; nothing was written."
    assert docs.preview.path is None


def test_badges_and_a_sign_in_sheet(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    docs = _documents(qtbot, window)
    docs.attendance.form.previewBadgesButton.click()
    op = docs.op
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    text = " ".join(p.extract_text() for p in PdfReader(docs.preview.path).pages)
    assert "李佳" in text and docs.preview.form.pagesLabel.text().startswith("Badges: ")

    combo = docs.attendance.form.signinSessionCombo
    assert combo.count() > 0
    combo.setCurrentIndex(1)
    title = combo.currentText().split("  ", 1)[1]
    docs.attendance.form.previewSigninButton.click()
    op = docs.op
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    text = " ".join(p.extract_text() for p in PdfReader(docs.preview.path).pages)
    assert title.split()[0] in text and docs.preview.form.pagesLabel.text().startswith("Sign-in sheet: ")


def test_eligibility_reads_in_two_columns_with_the_whole_reason(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    window.resize(1280, 800)
    docs = _documents(qtbot, window)
    lst = docs.attendance.form.eligibilityList
    delegate = lst.itemDelegate()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(lst)
    lefts = set()
    for i in range(lst.count()):
        item = lst.item(i)
        name, verdict = item.data(Qt.ItemDataRole.UserRole + 1), item.data(Qt.ItemDataRole.UserRole + 2)
        assert item.text() == f"{name}: {verdict}" and item.toolTip() == item.text()  # nothing cut from the tooltip
        name_box, verdict_box = delegate._text_rects(option, lst.visualItemRect(item), lst.indexFromItem(item))
        assert name_box.right() < verdict_box.left()
        lefts.add(verdict_box.left())
        assert lst.visualItemRect(item).height() >= verdict_box.height()  # the row holds its wrapped reason
    assert len(lefts) == 1  # verdicts and reasons start in one column
    docs.attendance.grab()
