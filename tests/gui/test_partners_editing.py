"""Organisers and partners of a seminar edited on the Overview tab: added, re-roled, removed, undone."""

from __future__ import annotations

from learninghub.core.services import seminars
from tests.conftest import table_snapshot
from tests.gui.conftest import settle, visible_box


def _partners(db, seminar_id: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return {p.organisation.name: p.role for p in seminars.get_seminar(s, seminar_id).partners}


def _shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.overview.form.partnersList.item(i).text() for i in range(window.overview.form.partnersList.count())]


def test_add_a_new_organisation_then_undo_and_redo(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    before = _partners(demo_db, seminar_id)
    assert _shown(window) and all(": " in line for line in _shown(window))
    f = window.overview.form
    f.partnerEdit.setText("成都市规划设计研究院")
    f.partnerRoleCombo.setCurrentIndex(f.partnerRoleCombo.findData("organiser"))
    f.addPartnerButton.click()
    settle(qtbot, window)
    assert _partners(demo_db, seminar_id) == {**before, "成都市规划设计研究院": "organiser"}
    assert "Organiser: 成都市规划设计研究院" in _shown(window) and f.partnerEdit.text() == ""
    window.undo_action.trigger()
    settle(qtbot, window)
    assert _partners(demo_db, seminar_id) == before
    assert "Organiser: 成都市规划设计研究院" not in _shown(window)
    window.redo_action.trigger()
    settle(qtbot, window)
    assert _partners(demo_db, seminar_id)["成都市规划设计研究院"] == "organiser"
    assert "Organiser: 成都市规划设计研究院" in _shown(window)


def test_change_a_role_and_remove_both_undoable(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    before = _partners(demo_db, seminar_id)
    name, role = next(iter(before.items()))
    other = "partner" if role == "organiser" else "organiser"
    f = window.overview.form
    f.partnerEdit.setText(name.upper())  # the same organisation, found case-insensitively
    f.partnerRoleCombo.setCurrentIndex(f.partnerRoleCombo.findData(other))
    f.addPartnerButton.click()
    settle(qtbot, window)
    assert _partners(demo_db, seminar_id) == {**before, name: other}
    window.undo_action.trigger()
    settle(qtbot, window)
    assert _partners(demo_db, seminar_id) == before

    row = next(i for i, line in enumerate(_shown(window)) if line.endswith(f": {name}"))
    f.partnersList.setCurrentRow(row)
    assert f.removePartnerButton.isEnabled()
    f.removePartnerButton.click()
    settle(qtbot, window)
    assert name not in _partners(demo_db, seminar_id)
    window.undo_action.trigger()
    settle(qtbot, window)
    assert _partners(demo_db, seminar_id) == before


def test_an_empty_name_is_refused_and_nothing_changes(qtbot, demo_db, park_city) -> None:
    window, seminar_id = park_city
    snapshot = table_snapshot(demo_db.target.sqlite_path)
    window.overview.form.partnerEdit.setText("   ")
    window.overview.form.addPartnerButton.click()
    settle(qtbot, window)  # the core refuses, on the change thread
    assert table_snapshot(demo_db.target.sqlite_path) == snapshot and window.undo_stack.count() == 0
    box = visible_box(window, "refusalBox")
    assert box is not None and "organisation" in box.text()
