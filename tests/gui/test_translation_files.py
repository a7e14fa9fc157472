"""The translation sources: up to date with the code, complete, and the English build still English.

A string added to the interface without running ``make translations`` (and translating
it) fails here, as does a string pyside6-lupdate cannot see (its Python reader is easily
put off: a call it misreads drops the strings after it), found by reading the code's
syntax tree independently.
"""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from learninghub.gui import i18n, labels, translations_update

ZH_TS = i18n.I18N_DIR / "learninghub_zh_CN.ts"
EN_TS = i18n.I18N_DIR / "learninghub_en.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or ""): m
            for ctx in root.iter("context") for m in ctx.iter("message")}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The .ts files as lupdate makes them from the code now (from copies of the committed ones)."""
    folder = tmp_path_factory.mktemp("ts")
    made = {}
    for name, options in translations_update.TS_FILES:
        target = folder / name
        shutil.copyfile(i18n.I18N_DIR / name, target)
        translations_update.update(target, options)
        made[name] = target
    return made


@pytest.mark.parametrize("name", [name for name, _ in translations_update.TS_FILES])
def test_ts_files_hold_exactly_the_strings_of_the_code(fresh: dict[str, Path], name: str) -> None:
    committed, now = set(messages(i18n.I18N_DIR / name)), set(messages(fresh[name]))
    assert not now - committed, f"run `make translations` and translate: new strings {sorted(now - committed)}"
    assert not committed - now, f"run `make translations`: strings gone from the code {sorted(committed - now)}"


def test_every_chinese_entry_is_translated() -> None:
    untranslated = []
    for (context, source), m in messages(ZH_TS).items():
        tr = m.find("translation")
        forms = [f.text for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            untranslated.append((context, source))
            continue
        for form in forms:  # placeholders survive translation: {title}, %n, a mnemonic if the source has one
            assert _fields(form) == _fields(source), (context, source, form)
            assert ("%n" in form) == ("%n" in source), (context, source, form)
            if (key := re.search(r"&(\w)", source)) and "<a " not in source:
                # the same Alt+letter: keys checked unique in English (test_keyboard) stay unique
                got = re.search(r"&(\w)", form)
                assert got and got.group(1).lower() == key.group(1).lower(), f"mnemonic: {context} {source!r} -> {form!r}"
    assert not untranslated, f"untranslated: {untranslated}"


def _fields(text: str) -> list[str]:
    """The ``{name}`` / ``{value!r}`` / ``{share:.1f}`` fields of a template, sorted."""
    return sorted(re.findall(r"\{\w+(?:![rsa])?(?::[^{}]*)?\}", text))


def test_english_plural_forms_read_right() -> None:
    plurals = {k: m for k, m in messages(EN_TS).items() if m.get("numerus") == "yes"}
    assert len(plurals) >= 20
    for (context, source), m in plurals.items():
        forms = [f.text for f in m.iter("numerusform")]
        assert len(forms) == 2 and all(forms), (context, source)
        assert "(s)" not in "".join(forms), (context, source)


def _literal_strings_in_code() -> set[tuple[str, str]]:
    """(context, source) of every tr / translate / QT_TRANSLATE_NOOP call with literal text."""
    found = set()
    for path in [p for p in translations_update.sources() if p.suffix == ".py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner: dict[int, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for inner in ast.walk(node):
                    owner.setdefault(id(inner), node.name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and args[0] and args[1]:
                found.add((args[0], args[1]))
            elif name == "tr" and args and args[0]:
                found.add((owner.get(id(node), "?"), args[0]))
    return found


def test_lupdate_saw_every_string_of_the_code() -> None:
    missing = _literal_strings_in_code() - set(messages(ZH_TS))
    assert not missing, f"lupdate did not see these (rewrite the call plainly): {sorted(missing)}"


def test_every_label_of_the_core_vocabularies_is_listed_for_translation() -> None:
    from learninghub.importing import FIELDS

    wanted = {(context, label) for context, vocab in labels.CONTEXTS.items() for label in vocab.values()}
    wanted |= {("ImportField", label) for label in FIELDS.values()}
    missing = wanted - set(messages(ZH_TS))
    assert not missing, f"add to labels.py (QT_TRANSLATE_NOOP) and run `make translations`: {sorted(missing)}"


def test_the_english_build_shows_english(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """English installed (as for every GUI test): English words, English dates, "1 person"."""
    from learninghub.gui.counts import words
    from tests.gui.conftest import open_seminar
    from tests.gui.test_translation_zh import CJK, Allowed, data_strings, texts_of

    assert i18n.language() == "en"
    window, _ = open_seminar(qtbot, demo_db, lambda seminar: seminar.title == "Park City Project")
    f = window.form
    assert [f.seminarTabs.tabText(i) for i in range(f.seminarTabs.count())] == [
        "&Overview", "&Agenda", "&Participants", "&Check-in", "&Documents"]
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Seminar", "&View", "&Help"]
    assert window.agenda.model.headerData(0, Qt.Orientation.Horizontal) == "Day"
    assert re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
                        window.agenda.model.row(0)[0])
    assert (words().people(1), words().people(41)) == ("1 person", "41 people")
    # and no Chinese of the interface's own: whatever Chinese shows is data
    from learninghub.documents.language import LANGUAGE_NAMES

    # languages are named in their own words ("中文" in the document language menu)
    allowed = Allowed(data_strings(demo_db.target.sqlite_path) | {"中文", *i18n.CHOICES.values(), *LANGUAGE_NAMES.values()})
    chinese = [f"{where}: {text!r}" for where, text in texts_of(window) if CJK.search(allowed.leftover(text))]
    assert not chinese, "\n".join(chinese)
    english = [text for _, text in texts_of(window) if re.search("[A-Za-z]", allowed.leftover(text))]
    assert len(english) > 50  # the same walk that finds nothing English in Chinese finds plenty here


def test_gui_lang_reaches_the_app(monkeypatch, tmp_path: Path) -> None:
    """`learninghub gui --lang zh` hands the language to the app, which installs it before any window."""
    from learninghub import cli
    from learninghub.gui import app

    seen = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(app, "run", lambda database, language=None: seen.append(language) or 0)
    assert cli.main(["--db", str(tmp_path / "x.sqlite"), "gui", "--lang", "zh"]) == 0
    assert cli.main(["--db", str(tmp_path / "x.sqlite"), "gui"]) == 0
    assert seen == ["zh", None]


def test_the_app_starts_in_the_language_asked_for(demo_file: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from learninghub.gui import app, i18n\n"
        "qapp = QApplication([])\n"
        "def done():\n"
        "    w = [w for w in qapp.topLevelWidgets() if w.objectName() == 'MainWindow'][0]\n"
        "    print(i18n.language(), w.form.menuFile.title(), w.statusBar().currentMessage())\n"
        "    qapp.quit()\n"
        "QTimer.singleShot(1500, done)\n"
        "app.run(sys.argv[1], 'zh')\n"
    )
    database = tmp_path / "demo.sqlite"
    database.write_bytes(demo_file.read_bytes())
    # the user's own settings and data untouched (the caches, of compiled forms and translations, shared)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEARNINGHUB_LANG": "en",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", script, str(database)], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.split() == ["zh_CN", "文件(&F)", "2", "个课程体系"], result.stderr
