"""The Documents tab makes the agenda and the programme off the GUI thread, as the CLI does."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def test_save_the_agenda_with_a_second_zone(qtbot, park_city, tmp_path: Path) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    window.form.secondZoneCombo.setCurrentText("Europe/Madrid")
    target = tmp_path / "park-city agenda.pdf"
    op = window.documents.make("agenda", target)
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Park City Project" in text and "李佳" in text and "03:00" in text  # 09:00 Chengdu = 03:00 Madrid
    assert str(target) in window.form.documentsStatus.text()


def test_open_the_programme_in_the_viewer(qtbot, park_city) -> None:
    window, _ = park_city
    opened: list[Path] = []
    window.documents.opener = opened.append  # the user's PDF viewer
    op = window.documents.make("programme", None)
    qtbot.waitUntil(lambda: not op.running, timeout=30_000)
    assert len(opened) == 1 and opened[0].exists()
    assert "Metropolis Learning Hub Chengdu" in PdfReader(opened[0]).pages[0].extract_text()
