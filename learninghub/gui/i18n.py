"""The interface language: English or Simplified Chinese, through Qt's own translation tools.

Why this shape: translators edit ``resources/i18n/learninghub_<lang>.ts`` (made by
``make translations``, i.e. ``pyside6-lupdate``); the binary ``.qm`` Qt loads is never
committed but compiled by ``pyside6-lrelease`` into the user's cache, keyed by the
``.ts`` file's hash, exactly as ``forms`` does for ``.ui`` files: an unchanged
translation costs one stat at start-up, an edited one is recompiled once. A wheel carries
the ``.ts`` files (``learninghub/_data/resources/i18n``) and compiles them with PySide6's lrelease; a
bundle carries them compiled (``config.PREBUILT_DIR``, made by ``packaging/prebuild.py``). Without
lrelease the interface stays English and a log line says why.

The language comes from ``--lang``, else ``$LEARNINGHUB_LANG``, else Preferences
(QSettings), else the system locale. English loads a small plural-only ``.qm``
(``lupdate -pluralonly``) so "1 person" / "41 people" read right.
Dates and weekdays go through :func:`format_date` (QLocale of the chosen language,
also made Qt's default so date editors and calendars follow) with formats that are
themselves translated strings ("ddd dd MMM" is "M月d日 dddd" in Chinese), so every
date in the app is written one way. Counts are plain digits in both languages.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QSettings, QTime, QTranslator

from .. import config

log = logging.getLogger(__name__)

I18N_DIR = config.RESOURCES_DIR / "i18n"
LANG_ENV = "LEARNINGHUB_LANG"
# QSettings key of the Preferences choice: "system", "en" or "zh_CN".
SETTING = "interface/language"
SYSTEM, EN, ZH = "system", "en", "zh_CN"
# The choices in Preferences, each named in its own language.
CHOICES: dict[str, str] = {EN: "English", ZH: "简体中文"}
_LOCALES = {EN: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
            ZH: QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China)}

_state: dict[str, object] = {"language": EN, "locale": _LOCALES[EN], "translators": []}


def normalise(code: str | None) -> str | None:
    """'zh', 'zh_CN', 'zh-Hans', 'cn' → 'zh_CN'; 'en', 'en_GB' → 'en'; 'system', '' or unknown → None."""
    value = (code or "").strip().lower().replace("-", "_")
    if value.startswith("zh") or value == "cn":
        return ZH
    if value.startswith("en") or value in ("c", "posix"):
        return EN
    return None


def system_language() -> str:
    """The language of the system locale, if we have it; English otherwise."""
    return ZH if QLocale.system().language() == QLocale.Language.Chinese else EN


def preference() -> str:
    """What Preferences hold: 'system', 'en' or 'zh_CN'."""
    stored = str(QSettings().value(SETTING, SYSTEM) or SYSTEM)
    return normalise(stored) or SYSTEM


def set_preference(choice: str) -> None:
    QSettings().setValue(SETTING, normalise(choice) or SYSTEM)


def resolve(explicit: str | None = None) -> str:
    """The language to use: ``explicit`` (--lang), $LEARNINGHUB_LANG, Preferences, then the system's."""
    for source, value in (("--lang", explicit), (LANG_ENV, os.environ.get(LANG_ENV)), ("preferences", preference())):
        if value and value.strip().lower() != SYSTEM:
            language = normalise(value)
            if language is not None:
                return language
            log.warning("%s=%r is not a language of the interface (en, zh); ignored", source, value)
    return system_language()


def language() -> str:
    """The language installed now ('en' or 'zh_CN')."""
    return str(_state["language"])


def locale() -> QLocale:
    """The QLocale of the interface language: day and month names, number formats."""
    return _state["locale"]  # type: ignore[return-value]


# -- compiling and loading
def _lrelease() -> list[str] | None:
    import PySide6

    binary = Path(PySide6.__file__).parent / "lrelease"
    if binary.exists():
        return [str(binary)]
    import shutil

    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_ts(ts_file: Path, target: Path) -> None:
    """``.ts`` → ``.qm`` with lrelease; raise with its message on failure."""
    tool = _lrelease()
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease is not installed")
    import subprocess  # compiling is rare (a first start, a changed .ts): not on the way to the first window

    try:
        result = subprocess.run([*tool, "-silent", str(ts_file), "-qm", str(target)],
                                check=False, capture_output=True, text=True, timeout=60)
    except subprocess.SubprocessError as exc:  # a timeout: the caller's RuntimeError path
        raise RuntimeError(f"lrelease could not compile {ts_file.name}: {exc}") from exc
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"lrelease could not compile {ts_file.name}: {(result.stderr or result.stdout).strip()}")


def compiled(language: str) -> Path | None:
    """The compiled ``.qm`` of ``language`` in the user cache (compiled on a miss), or None."""
    from .forms import cached_build

    ts_file = I18N_DIR / f"learninghub_{language}.ts"
    if not ts_file.exists():
        return None
    try:
        return cached_build(ts_file, "i18n", ".qm", compile_ts)
    except (OSError, RuntimeError) as exc:
        log.warning("the %s translation could not be compiled (%s); the interface stays in English", language, exc)
        return None


def install(language: str) -> str:
    """Translate the interface into ``language`` ('en' or 'zh_CN') from now on; the language installed.

    Installs our translation and, for Chinese, Qt's own (qtbase: the OK/Cancel of
    standard dialogs). Widgets made after this speak the language; open ones do not change.
    """
    app = QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    uninstall()
    language = normalise(language) or EN
    translators: list[QTranslator] = []
    qm = compiled(language)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        translators.append(ours)
    elif language != EN:  # half a translation is worse than none: English throughout, and say why
        log.warning("no usable %s translation (%s); the interface is in English", language, qm or "not compiled")
        return install(EN)
    if language != EN:
        qt_own = QTranslator(app)
        if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    _state.update(language=language, locale=_LOCALES[language], translators=translators)
    QLocale.setDefault(_LOCALES[language])
    return language


def uninstall() -> None:
    """Back to the untranslated (English) interface."""
    app = QCoreApplication.instance()
    for translator in _state["translators"]:  # type: ignore[attr-defined]
        if app is not None:
            app.removeTranslator(translator)
    _state.update(language=EN, locale=_LOCALES[EN], translators=[])
    QLocale.setDefault(_LOCALES[EN])


# -- dates, weekdays and numbers in the interface language
def _fmt(kind: str) -> str:
    formats = {
        # a day in a table or a chooser: "Mon 13 Jul" / "7月13日 星期一"
        "day": QCoreApplication.translate("dates", "ddd dd MMM"),
        # a day with its year: "Mon 13 Jul 2020" / "2020年7月13日 星期一"
        "day_year": QCoreApplication.translate("dates", "ddd dd MMM yyyy"),
        # a day and a time of day: "Mon 13 Jul 09:30" / "7月13日 星期一 09:30"
        "day_time": QCoreApplication.translate("dates", "ddd dd MMM HH:mm"),
        # a day without weekday: "13 Jul" / "7月13日"
        "day_month": QCoreApplication.translate("dates", "dd MMM"),
    }
    return formats[kind]


def _qdatetime(value: dt.date | dt.datetime) -> QDateTime:
    """The wall-clock reading of ``value`` (no zone conversion: it is already in the zone shown)."""
    if isinstance(value, dt.datetime):
        return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return QDateTime(QDate(value.year, value.month, value.day), QTime(0, 0))


def format_date(value: dt.date | dt.datetime, kind: str = "day") -> str:
    """``value`` written the interface language's way; ``kind``: day, day_year, day_time, day_month."""
    return locale().toString(_qdatetime(value), _fmt(kind))
