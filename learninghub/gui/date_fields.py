"""Date and time fields that take what people type, used by every form with a day or a time.

Why not QDateEdit / QDateTimeEdit: they edit one section at a time. With the weekday as the
first section, typing ``2022-03-14`` over the selected text did nothing; in the date section
it gave 2022-12-20, and an hour typed over 10 was dropped. Here a day is plain text, read
when it is typed: ISO (``2022-03-14``, ``2022/3/14``, ``20220314``), the user's own way
(``14/03/2022`` or ``3/14/2022`` as the system writes days, ``14 Mar 2022``,
``2022年3月14日``, a day and month alone in the year shown), and a weekday typed along
is ignored. The weekday shows beside the field, outside the text. A calendar opens from
the button or Alt+Down / F4; Up and Down move a day (PageUp/PageDown a month). Times read
``14:30``, ``1430``, ``9``, ``2:30 pm``, ``下午2:30``; Up and Down move 5 minutes.

What cannot be read as a day or a time is put back to the value it had when the field is
left (a tooltip says what to type): the value a dialog saves is always the one shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

ISO_DATE = "yyyy-MM-dd"


# -- reading what was typed
def _locales() -> list:  # type: ignore[type-arg]
    """The system's locale first (its order of day and month), then the interface's, then English."""
    from PySide6.QtCore import QLocale

    from . import i18n

    seen, out = set(), []
    for loc in (QLocale.system(), i18n.locale(), QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)):
        if loc.name() not in seen:
            seen.add(loc.name())
            out.append(loc)
    return out


def _order(locale) -> str:  # type: ignore[no-untyped-def]
    """'DMY', 'MDY' or 'YMD': the order of day, month and year in ``locale``'s short date format."""
    from PySide6.QtCore import QLocale

    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    places = {letter: fmt.find(letter) for letter in "dMy"}
    if min(places.values()) < 0:
        return "YMD"
    return "".join({"d": "D", "M": "M", "y": "Y"}[k] for k in sorted(places, key=places.__getitem__))


@lru_cache(maxsize=8)
def _names(locale_names: tuple[str, ...]) -> tuple[dict[str, int], list[str]]:
    """Month names (long and short, any case) → month, and weekday names, of the locales named."""
    from PySide6.QtCore import QLocale

    months: dict[str, int] = {}
    weekdays: list[str] = []
    for loc in map(QLocale, locale_names):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            for month in range(1, 13):
                for name in (loc.monthName(month, kind), loc.standaloneMonthName(month, kind)):
                    if name and not name.isdigit():
                        months[name.casefold().rstrip(".")] = month
            for day in range(1, 8):
                for name in (loc.dayName(day, kind), loc.standaloneDayName(day, kind)):
                    if name:
                        weekdays.append(name.casefold().rstrip("."))
    weekdays += ["周" + "一二三四五六日天"[i] for i in range(8)]
    return months, sorted(set(weekdays), key=len, reverse=True)


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) <= 2 else value


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if 1000 <= year <= 9999 else None
    except ValueError:
        return None


def parse_date(text: str, reference: dt.date | None = None, locales: Iterable | None = None) -> dt.date | None:  # type: ignore[type-arg]
    """The day ``text`` means, or None. A day and month without a year are in ``reference``'s year."""
    reference = reference or dt.date.today()
    locales = list(locales) if locales is not None else _locales()
    value = " ".join(text.split()).casefold()
    if not value:
        return None
    months, weekdays = _names(tuple(loc.name() for loc in locales))
    for name in weekdays:  # "Mon 2022-03-14", "2022年3月14日 星期一"
        value = value.replace(name, " ")
    named_month = None
    if re.search(r"[^\W\d_]", value) and "年" not in value and "月" not in value:
        for name in sorted(months, key=len, reverse=True):
            if name in value:
                named_month = months[name]
                value = value.replace(name, " ", 1)
                break
        if named_month is None or re.search(r"[^\W\d_]", value):
            return None  # letters that are neither a month nor a weekday
    groups = re.findall(r"\d+", value)
    if named_month is not None:  # "14 Mar 2022", "March 14, 2022", "14 Mar"
        if len(groups) == 1:
            return _make(reference.year, named_month, int(groups[0]))
        if len(groups) == 2:
            day, year = (groups[1], groups[0]) if len(groups[0]) == 4 else (groups[0], groups[1])
            return _make(_year(year), named_month, int(day))
        return None
    if len(groups) == 1 and len(groups[0]) == 8:  # 20220314
        g = groups[0]
        return _make(int(g[:4]), int(g[4:6]), int(g[6:]))
    if len(groups) == 3:
        if len(groups[0]) == 4:  # ISO's order, whatever the locale: 2022-03-14, 2022/3/14, 2022年3月14日
            return _make(int(groups[0]), int(groups[1]), int(groups[2]))
        for order in dict.fromkeys(_order(loc) for loc in locales):
            parts = dict(zip(order, groups, strict=True))
            if len(parts["Y"]) in (2, 4) and (found := _make(_year(parts["Y"]), int(parts["M"]), int(parts["D"]))):
                return found
        return None
    if len(groups) == 2:  # a day in the year shown: 14/3, 3/14, 3月14日
        orders = ["MD"] if "月" in value else [_order(loc).replace("Y", "") for loc in locales]
        for order in dict.fromkeys(orders):
            parts = dict(zip(order, groups, strict=True))
            if found := _make(reference.year, int(parts["M"]), int(parts["D"])):
                return found
    return None


_PM = ("p.m.", "pm", "下午", "晚上", "p")
_AM = ("a.m.", "am", "上午", "早上", "凌晨", "a")


def parse_time(text: str) -> dt.time | None:
    """The time of day ``text`` means (14:30, 1430, 14.30, 14h30, 9, 2:30 pm, 下午2点30分), or None."""
    value = " ".join(text.split()).casefold()
    if not value:
        return None
    afternoon = morning = False
    for marker in _PM:
        if marker in value:
            afternoon, value = True, value.replace(marker, " ")
            break
    else:
        for marker in _AM:
            if marker in value:
                morning, value = True, value.replace(marker, " ")
                break
    value = re.sub(r"[时時点點h]", ":", value).replace("分", " ").replace("半", "30")
    if re.search(r"[^\d\s:.]", value):
        return None
    groups = re.findall(r"\d+", value)
    if len(groups) == 1:
        g = groups[0]
        if len(g) <= 2:
            hour, minute = int(g), 0
        elif len(g) in (3, 4):
            hour, minute = int(g[:-2]), int(g[-2:])
        else:
            return None
    elif len(groups) == 2 and len(groups[1]) <= 2:
        hour, minute = int(groups[0]), int(groups[1])
    else:
        return None
    if afternoon or morning:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if afternoon else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _qdate(value: QDate | dt.date) -> QDate:
    return value if isinstance(value, QDate) else QDate(value.year, value.month, value.day)


def _weekday(day: int) -> str:
    """Mon … Sun, 周一 … 周日: the short weekday name of the interface language (1 = Monday)."""
    from PySide6.QtCore import QLocale

    from . import i18n

    return i18n.locale().dayName(day, QLocale.FormatType.ShortFormat)


def _tell(widget: QWidget, text: str) -> None:
    QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())), text, widget)


# -- the widgets
class _Calendar(QFrame):
    """The calendar that drops down under a date field; Enter or a click chooses, Escape closes."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("calendarPopup")
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)

    def _choose(self, day: QDate) -> None:
        self.hide()
        self.chosen.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class DateEdit(QWidget):
    """A day typed as ISO or in the user's way, the weekday beside it, a calendar on demand.

    Takes the place of QDateEdit in forms: ``date()``, ``setDate()`` (a QDate or a date),
    ``dateChanged``."""

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate.currentDate()
        self._marked: tuple[QDate, QDate] | None = None
        self._style = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(QCoreApplication.translate("DateEdit", "2022-03-14"))
        self.edit.setToolTip(QCoreApplication.translate(
            "DateEdit", "Type the day as 2022-03-14 or your usual way (14/03/2022, 14 Mar); "
            "Up/Down: a day earlier or later; Alt+Down: a calendar"))
        # wide enough for "2022-03-14" and a little typed around it, not the whole row
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2022-03-14") + 24)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("Monday 14 March 2022") + 24)
        self.weekday = QLabel(self)
        self.weekday.setObjectName("weekdayLabel")
        self.weekday.setMinimumWidth(max(self.weekday.fontMetrics().horizontalAdvance(_weekday(day))
                                         for day in range(1, 8)))
        self.button = QToolButton(self)
        self.button.setObjectName("calendarButton")
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(QCoreApplication.translate("DateEdit", "Choose on a calendar (Alt+Down)"))
        self.button.setAccessibleName(QCoreApplication.translate("DateEdit", "Calendar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.weekday)
        layout.addStretch(0)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a label's mnemonic focuses only a widget that takes focus
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.edit.installEventFilter(self)
        self.button.clicked.connect(self.show_calendar)
        self.popup: _Calendar | None = None
        self._show_text()

    # -- the value
    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate | dt.date) -> None:
        self._set(_qdate(value))
        self._show_text()

    def value(self) -> dt.date:
        return self._date.toPython()  # type: ignore[no-any-return]

    def _set(self, day: QDate) -> None:
        if not day.isValid():
            return
        changed = day != self._date
        self._date = QDate(day)
        self.weekday.setText(self._weekday_name())
        if changed:
            self.dateChanged.emit(QDate(day))

    def _weekday_name(self) -> str:
        return _weekday(self._date.dayOfWeek())

    def _show_text(self) -> None:
        self.edit.setText(self._date.toString(ISO_DATE))
        self.weekday.setText(self._weekday_name())

    # -- typing
    def _typed(self, text: str) -> None:
        found = parse_date(text, self.value())
        if found is not None:
            self._set(_qdate(found))
        else:
            self.weekday.setText("")

    def _finished(self) -> None:
        text = self.edit.text()
        if parse_date(text, self.value()) is None and text.strip():
            _tell(self.edit, QCoreApplication.translate(
                "DateEdit", "“{text}” is not a day: type it as 2022-03-14 or 14/03/2022").format(text=text.strip()))
        self._show_text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
                self.show_calendar()
                return True
            steps = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_PageUp: (0, 1),
                     Qt.Key.Key_PageDown: (0, -1)}
            if key in steps and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                days, months = steps[key]
                self.setDate(self._date.addDays(days).addMonths(months))
                self.edit.selectAll()
                return True
        return super().eventFilter(watched, event)

    # -- the calendar
    def mark_days(self, first: QDate | dt.date, last: QDate | dt.date) -> None:
        """Show ``first`` to ``last`` (the seminar's days) in bold on the calendar."""
        self._marked = (_qdate(first), _qdate(last))

    def show_calendar(self) -> _Calendar:
        if self.popup is None:
            self.popup = _Calendar(self)
            self.popup.chosen.connect(self._chosen)
        calendar = self.popup.calendar
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # no marks left from before
        if self._marked is not None:
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            day, last = self._marked
            while day <= last and day.daysTo(last) < 400:
                calendar.setDateTextFormat(day, bold)
                day = day.addDays(1)
        calendar.setSelectedDate(self._date)
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        calendar.setFocus()
        return self.popup

    def _chosen(self, day: QDate) -> None:
        self.setDate(day)
        self.edit.setFocus()
        self.edit.selectAll()

    # -- a refusal outlines the text, not the weekday and the button
    def setStyleSheet(self, sheet: str) -> None:
        self._style = sheet
        self.edit.setStyleSheet(sheet)

    def styleSheet(self) -> str:
        return self._style


class TimeEdit(QLineEdit):
    """A time of day typed as 14:30, 1430, 9 or 2:30 pm; Up/Down move 5 minutes, PageUp/PageDown an hour."""

    timeChanged = Signal(QTime)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time = QTime(9, 0)
        self.setObjectName("timeText")
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "14:30"))
        self.setToolTip(QCoreApplication.translate("DateEdit", "Type the time as 14:30, 1430 or 2:30 pm; "
                                                   "Up/Down: 5 minutes earlier or later"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00 pm") + 24)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)
        self._show_text()

    def time(self) -> QTime:
        return QTime(self._time)

    def setTime(self, value: QTime | dt.time) -> None:
        value = value if isinstance(value, QTime) else QTime(value.hour, value.minute)
        self._set(QTime(value.hour(), value.minute()))
        self._show_text()

    def _set(self, value: QTime) -> None:
        if value.isValid() and value != self._time:
            self._time = value
            self.timeChanged.emit(QTime(value))

    def _show_text(self) -> None:
        self.setText(self._time.toString("HH:mm"))

    def _typed(self, text: str) -> None:
        found = parse_time(text)
        if found is not None:
            self._set(QTime(found.hour, found.minute))

    def _finished(self) -> None:
        if parse_time(self.text()) is None and self.text().strip():
            _tell(self, QCoreApplication.translate("DateEdit", "“{text}” is not a time: type it as 14:30").format(
                text=self.text().strip()))
        self._show_text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Up: 5, Qt.Key.Key_Down: -5, Qt.Key.Key_PageUp: 60, Qt.Key.Key_PageDown: -60}
        if event.key() in steps and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            minutes = self._time.hour() * 60 + self._time.minute() + steps[event.key()]
            minutes = max(0, min(23 * 60 + 59, minutes))
            self.setTime(QTime(minutes // 60, minutes % 60))
            self.selectAll()
            return
        super().keyPressEvent(event)


class DateTimeEdit(QWidget):
    """A day and a time of day side by side (both typed, see above); takes the place of QDateTimeEdit:
    ``dateTime()``, ``setDateTime()`` (a QDateTime or a naive datetime: a wall-clock reading, never
    converted), ``dateTimeChanged``; ``value()`` gives the datetime."""

    dateTimeChanged = Signal(QDateTime)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = DateEdit(self)
        self.time_edit = TimeEdit(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.time_edit)
        layout.addStretch(1)
        self.setFocusProxy(self.date_edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.date_edit.dateChanged.connect(lambda _d: self.dateTimeChanged.emit(self.dateTime()))
        self.time_edit.timeChanged.connect(lambda _t: self.dateTimeChanged.emit(self.dateTime()))

    def value(self) -> dt.datetime:
        t = self.time_edit.time()
        return dt.datetime.combine(self.date_edit.value(), dt.time(t.hour(), t.minute()))

    def dateTime(self) -> QDateTime:
        return QDateTime(self.date_edit.date(), self.time_edit.time())

    def setDateTime(self, value: QDateTime | dt.datetime) -> None:
        if isinstance(value, dt.datetime):
            day, time = QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)
        else:
            day, time = value.date(), value.time()
        blocked = self.blockSignals(True)
        try:
            before = self.value()
            self.date_edit.setDate(day)
            self.time_edit.setTime(time)
        finally:
            self.blockSignals(blocked)
        if self.value() != before:
            self.dateTimeChanged.emit(self.dateTime())

    def mark_days(self, first: dt.date, last: dt.date) -> None:
        self.date_edit.mark_days(first, last)

    def setStyleSheet(self, sheet: str) -> None:
        self.date_edit.setStyleSheet(sheet)
        self.time_edit.setStyleSheet(sheet)

    def styleSheet(self) -> str:
        return self.date_edit.styleSheet()
