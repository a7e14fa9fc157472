"""The core's words in the Chinese interface: refusals, eligibility reasons, conflict notes, import problems.

The core writes English (the command line's language) and keeps each message's template
and values; the interface translates the template (gui/core_text.py). Here real refusals
are provoked — through the windows where a user meets them, and straight from the
services for the rest — and what the Chinese interface shows must be Chinese apart from
the data (names, titles, ids, dates, the values the user typed).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox

from learninghub.core.errors import LearningHubError
from learninghub.core.messages import Text
from learninghub.gui import i18n
from learninghub.gui.core_text import error_message
from tests.gui.conftest import settle
from tests.gui.test_translation_zh import CJK, LATIN, Allowed, data_strings

ZH_TS = i18n.I18N_DIR / "learninghub_zh_CN.ts"

#: What a Chinese message may keep in Latin letters: formats, standards, commands, units.
TOKENS = [r"\{[^{}]*\}", r"`[^`]*`", r'pip install "[^"]*"', r"--[a-z][a-z\-/]*", r"\b\d\d:\d\d\b", r"\w*\.[a-z]{2,5}\b",
          r"\b\w+=\w*", r"\b[A-Z][a-z]+/[A-Z][A-Za-z_]+", r"\w+/",
          (r"\b(?:CSV|XLSX|PDF|PNG|JPEG|GIF|ICS|UTF-8|UTF-16|GB18030|Windows-1252|BOM|SQLite|PostgreSQL|RFC 5545|RRULE|"
           r"UNTIL|UTC|Z|ISO 3166-1|CN|ES|KR|QR|URL|SQL|JSON|VACUUM FULL|Excel|Word|OpenDocument|ZIP|7-Zip|gzip|RAR|"
           r"Learning Hub Planner|Learning Hub|learninghub|A4|h|XXXX-XXXX-XXXX|pg_trgm|zh|en|en\+zh|IANA|psycopg|"
           r"sqlite|postgresql\+psycopg|ignore)\b")]
TOKEN = re.compile("|".join(TOKENS))


def translations(context: str) -> dict[str, str]:
    root = ET.parse(ZH_TS).getroot()
    return {m.findtext("source") or "": m.findtext("translation") or ""
            for ctx in root.iter("context") if ctx.findtext("name") == context for m in ctx.iter("message")}


@pytest.mark.parametrize("context", ["core", "field"])
def test_every_message_of_the_core_has_a_chinese_translation(context: str) -> None:
    """Each template the core marks is translated into Chinese words (not copied, not half done)."""
    found = translations(context)
    assert len(found) > (150 if context == "core" else 40)
    left = {source: zh for source, zh in found.items()
            if LATIN.search(TOKEN.sub(" ", zh)) or (not CJK.search(zh) and LATIN.search(TOKEN.sub(" ", source)))}
    assert not left, "\n".join(f"{s!r} -> {z!r}" for s, z in left.items())



def _values(text: Any) -> set[str]:
    """The values filled into a message (recursively): data, allowed in any language."""
    found: set[str] = set()
    if isinstance(text, Text):
        for value in text.params.values():
            found |= _values(value) if isinstance(value, Text) else {str(value)}
    return found


def english_in(shown: str, allowed: Allowed, message: Any = None) -> str:
    """What of ``shown`` is Latin and neither data, a value of ``message``, nor a token."""
    rest = shown
    for value in sorted(_values(message), key=len, reverse=True):
        rest = rest.replace(value, " ")
    rest = allowed.leftover(rest)
    return TOKEN.sub(" ", rest) if LATIN.search(TOKEN.sub(" ", rest)) else ""


@pytest.fixture
def allowed(demo_db) -> Allowed:  # type: ignore[no-untyped-def]
    return Allowed(data_strings(demo_db.target.sqlite_path) | {str(demo_db.target.label)})


def _refusals(db: Any, tmp_path: Path) -> dict[str, Callable[[Any], object]]:
    """Refusals a user can meet, each made by a real call of the core (in a transaction rolled back)."""
    from learninghub.core.services import (
        agenda,
        certificate_settings,
        certificates,
        curricula,
        people,
        registration,
        seminars,
    )

    def park(s: Any) -> Any:
        return next(x for x in seminars.list_seminars(s) if x.title == "Park City Project")

    def register_cancelled(s: Any) -> object:
        seminar = park(s)
        seminars.cancel_seminar(s, seminar.id)
        return registration.register(s, seminar_id=seminar.id, person_id=people.add_person(s, family_name="王", given_name="五").id)

    def taken_email(s: Any) -> object:
        people.add_person(s, family_name="李", given_name="四", email="li.x@example.cn")
        return people.add_person(s, family_name="王", given_name="五", email="LI.X@example.cn")

    def png(s: Any) -> object:
        from learninghub.importing import read_table

        path = tmp_path / "photo.csv"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
        return read_table(path)

    return {
        "required": lambda s: people.add_person(s, family_name="", given_name=""),
        "email": lambda s: people.add_person(s, family_name="王", given_name="五", email="wang@"),
        "country": lambda s: people.add_person(s, family_name="王", given_name="五", country="China"),
        "email taken": taken_email,
        "control characters": lambda s: people.add_person(s, family_name="王\x07", given_name="五"),
        "too long": lambda s: people.add_person(s, family_name="王" * 400, given_name="五"),
        "no such seminar": lambda s: seminars.get_seminar(s, 987654),
        "days reversed": lambda s: seminars.edit_seminar(s, park(s).id, end=dt.date(2020, 7, 1)),
        "stale": lambda s: seminars.edit_seminar(s, park(s).id, expected_version=park(s).version + 5, venue="x"),
        "unknown zone": lambda s: seminars.edit_seminar(s, park(s).id, timezone="Mars/Olympus"),
        "years reversed": lambda s: curricula.edit_curriculum(s, park(s).curriculum_id, start_year=2022,
                                                              end_year=2020),
        "outside days": lambda s: agenda.add_session(s, seminar_id=park(s).id, title="晚", start="2020-07-25 09:00",
                                                     end="2020-07-25 10:00"),
        "ends before": lambda s: agenda.add_session(s, seminar_id=park(s).id, title="晚", start="2020-07-14 10:00",
                                                    end="2020-07-14 09:00"),
        "endless repeat": lambda s: agenda.add_session(s, seminar_id=park(s).id, title="晨", start="2020-07-14 07:00",
                                                       end="2020-07-14 07:30", repeat="FREQ=DAILY"),
        "cancelled seminar": register_cancelled,
        "certificate code": lambda s: certificates.revoke(s, "ABCD-EFGH-JKLM"),
        "rule": lambda s: certificate_settings.check_rule(150, None),
        "png": png,
    }


def test_refusals_of_the_core_read_in_chinese(qtbot, chinese, demo_db, allowed, tmp_path: Path) -> None:
    said: dict[str, str] = {}
    for name, call in _refusals(demo_db, tmp_path).items():
        with pytest.raises(LearningHubError) as caught, demo_db.transaction() as s:
            call(s)
        shown = error_message(caught.value)
        said[name] = shown
        assert CJK.search(shown), f"{name}: {shown!r}"
        assert not english_in(shown, allowed, caught.value.message), f"{name}: {shown!r} (English: {caught.value})"
    assert said["email"].startswith("电子邮箱：") and "'wang@'" in said["email"]
    # titles in the Chinese interface: the Chinese version where one was given
    assert "公园城市项目" in said["cancelled seminar"] and "Park City Project" not in said["cancelled seminar"]


def test_the_english_interface_shows_the_main_title(qapp, demo_db, tmp_path: Path) -> None:
    with pytest.raises(LearningHubError) as caught, demo_db.transaction() as s:
        _refusals(demo_db, tmp_path)["cancelled seminar"](s)
    assert error_message(caught.value) == caught.value.user_message
    assert "'Park City Project' is cancelled" in error_message(caught.value)


def _save_overview(qtbot: Any, window: Any) -> None:
    """Save, and wait until the core refused (or saved) off the GUI thread."""
    window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, window)


def test_refusals_in_the_windows_are_chinese(qtbot, chinese, demo_db, allowed, park_city) -> None:
    window, _ = park_city
    # the Overview tab: last day before the first
    window.overview.form.endDate.setDate(QDate(2020, 7, 1))
    _save_overview(qtbot, window)
    shown = window.overview.form.errorLabel.text()
    assert CJK.search(shown), shown
    assert not LATIN.search(allowed.leftover(re.sub(r"\d{4}-\d\d-\d\d", "", shown))), shown
    window.overview.form.overviewButtons.button(QDialogButtonBox.StandardButton.Reset).click()
    # a session outside the seminar's days
    before = window.agenda.dialog
    window.agenda.new_session()
    qtbot.waitUntil(lambda: window.agenda.dialog is not before)  # it opens once its values are read
    dialog = window.agenda.dialog
    dialog.form.titleEdit.setText("太晚了")
    dialog.form.startEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 20, 9, 0)))
    dialog.form.endEdit.setDateTime(QDateTime(dt.datetime(2020, 7, 20, 10, 0)))
    dialog.accept()
    settle(qtbot, window)  # the core refused, on the change thread
    shown = dialog.form.errorLabel.text()
    assert dialog.isVisible() and CJK.search(shown)
    assert not LATIN.search(allowed.leftover(re.sub(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?", "", shown))), shown
    dialog.reject()


def test_eligibility_reasons_and_the_rule_read_in_chinese(qtbot, chinese, demo_db, allowed, park_city) -> None:
    window, _ = park_city
    f = window.form
    f.seminarTabs.setCurrentWidget(f.documentsTab)
    settle(qtbot, window)  # the list is read when the tab shows
    docs = window.documents.attendance.form
    rows = [docs.eligibilityList.item(i).text() for i in range(docs.eligibilityList.count())]
    assert len(rows) > 20
    left = [t for t in [*rows, docs.eligibilitySummary.text()] if LATIN.search(TOKEN.sub(" ", allowed.leftover(t)))]
    assert not left, "\n".join(left)
    assert any("场" in t for t in rows) and "%" in docs.eligibilitySummary.text()


def test_conflict_notes_read_in_chinese(qtbot, chinese, demo_db, allowed) -> None:
    from learninghub.core.services import agenda, seminars
    from tests.gui.conftest import open_seminar

    with demo_db.transaction() as s:  # the same room booked twice at once
        park = next(x for x in seminars.list_seminars(s) if x.title == "Park City Project")
        for title in ("甲", "乙"):
            agenda.add_session(s, seminar_id=park.id, title=title, start="2020-07-15 20:00", end="2020-07-15 21:00",
                               room="Room 101")
    window, _ = open_seminar(qtbot, demo_db, lambda seminar: seminar.id == park.id)
    # under the agenda: a heading, then one note a line; each note also on its sessions' rows as a tooltip
    heading, *notes = window.agenda.form.conflictsLabel.text().split("\n• ")
    assert CJK.search(heading) and not LATIN.search(TOKEN.sub(" ", heading)), heading
    model = window.agenda.model
    tooltips = {model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())
                if model.index(r, 2).data() in ("甲", "乙")}
    assert all(tip and set(tip.split("\n")) <= set(notes) for tip in tooltips), (tooltips, notes)
    assert notes and all("公园城市项目" in n and "Park City Project" not in n for n in notes), notes
    left = [n for n in notes if LATIN.search(TOKEN.sub(" ", allowed.leftover(n.replace("Room 101", ""))))]
    assert not left, "\n".join(left)


def test_import_problems_read_in_chinese(qtbot, chinese, demo_db, allowed, tmp_path: Path) -> None:
    from learninghub.gui.database.import_wizard import ImportWizard
    from tests.importing.conftest import write_csv

    wizard = ImportWizard(demo_db, None)
    qtbot.addWidget(wizard)
    path = write_csv(tmp_path / "名单.csv", [["姓名", "电子邮件", "国家"], ["王小明", "wang.xm@", "火星"],
                                            ["", "bad", "中国"]])
    op = wizard.load(str(path))
    qtbot.waitUntil(lambda: not op.running and not wizard.busy, timeout=30_000)
    table = wizard.form.problemsTable
    assert table.rowCount() >= 2
    cells = {"wang.xm@", "bad", "火星", "名单.csv"}
    problems = [table.item(r, 2).text() for r in range(table.rowCount())]
    reading = wizard.form.readingLabel.text()
    left = [t for t in [*problems, reading]
            if LATIN.search(TOKEN.sub(" ", allowed.leftover(re.sub("|".join(map(re.escape, cells)), " ", t))))]
    assert not left, "\n".join(left)


def test_choosers_show_the_chinese_titles(qtbot, chinese, demo_db, park_city) -> None:
    """Where a title was given in Chinese, every chooser of the Chinese interface shows it (data, but the
    allowlist cannot tell the English title from the Chinese one): check-in sessions, the new seminar's
    curricula, the titles an export names its file and status line after."""
    window, _ = park_city
    combo = window.check_in.form.checkInSession
    assert "开幕式" in combo.itemText(0) and "Opening ceremony" not in combo.itemText(0)
    dialog = window.new_seminar()
    curricula = [dialog.form.curriculumCombo.itemText(i) for i in range(dialog.form.curriculumCombo.count())]
    assert any(text.startswith("大都市学习中心") for text in curricula), curricula
    dialog.reject()
    assert window.exports._titles()[0] == "公园城市项目"
    waiting = window.participants.form.waitingLabel.text()  # names are listed with the Chinese separator
    assert "1. " in waiting and "；2. " in waiting and ", 2. " not in waiting, waiting


def test_a_place_inside_a_place_keeps_its_translation(chinese) -> None:
    """"occurrence 2020-07-14 start": the occurrence (a Text of its own) is translated inside "{place} start"."""
    import datetime as dt

    from learninghub.core.messages import QT_TRANSLATE_NOOP, field, say
    from learninghub.core.services.agenda import _occurrence
    from learninghub.gui.core_text import localized

    place = say(QT_TRANSLATE_NOOP("field", "{place} start"), "field", place=field(_occurrence(dt.date(2020, 7, 14))))
    assert str(place) == "occurrence 2020-07-14 start"
    shown = localized(place)
    assert "2020-07-14" in shown and "occurrence" not in shown and "start" not in shown, shown
