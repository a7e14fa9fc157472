"""The Documents tab's language choice also prints certificates, badges and sign-in sheets."""

from __future__ import annotations

import re

from pypdf import PdfReader

from tests.gui.conftest import settle


def _make(qtbot, docs, kind: str) -> str:  # type: ignore[no-untyped-def]
    op = docs.make(kind, None)
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    return re.sub(r"\s+", "", PdfReader(docs.preview.path).pages[0].extract_text())


def test_the_document_language_reaches_certificates_badges_and_sign_in(qtbot, demo_db, park_city) -> None:
    window, _ = park_city
    window.form.seminarTabs.setCurrentWidget(window.form.documentsTab)
    settle(qtbot, window)  # the sessions a sign-in sheet can be made for are read when the tab shows
    docs, combo = window.documents, window.documents.form.docLanguageCombo
    # one choice for every document of the tab, at its top (it sat in the Agenda box, and certificates
    # said "the Language chosen under Agenda")
    top = docs.form.documentsControlsLayout.itemAt(0).layout()
    assert top is not None and top.indexOf(combo) >= 0 and not docs.form.agendaGroup.isAncestorOf(combo)
    combo.setCurrentIndex(combo.findData("zh"))
    certificate = _make(qtbot, docs, "certificates")
    assert "结业证书" in certificate and "公园城市项目" in certificate and "CertificateofParticipation" not in certificate
    assert "签到表" in _make(qtbot, docs, "signin")
    assert "公园城市项目" in _make(qtbot, docs, "badges")
    combo.setCurrentIndex(combo.findData("en"))
    english = _make(qtbot, docs, "certificates")
    assert "CertificateofParticipation" in english and "结业证书" not in english  # the choice beats the setting
    assert "SIGN-INSHEET" in _make(qtbot, docs, "signin")
