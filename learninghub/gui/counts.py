"""Phrases with a count in them ("1 person" / "41 people"), in the interface language.

Why one QObject: Qt's plural forms need the count passed to ``tr()``; pyside6-lupdate
reads that count only in ``self.tr(text, None, n)`` inside a class (it misreads
``QCoreApplication.translate(..., None, n)``), so modules without a QObject of their
own take their counted phrases from here (translation context "Counts").
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counts(QObject):
    def present_of(self, present: int, total: int) -> str:
        return self.tr("{present} of %n present", None, total).format(present=present)

    def new_codes(self, n: int) -> str:
        return self.tr(" — %n new code(s) issued", None, n)

    def people(self, n: int) -> str:
        return self.tr("%n people", None, n)

    def sessions(self, n: int) -> str:
        return self.tr("%n session(s)", None, n)

    def registrations_of(self, n: int, title: str) -> str:
        return self.tr("%n registration(s) of {title}", None, n).format(title=title)

    def calendar_events_of(self, n: int, title: str) -> str:
        return self.tr("%n calendar event(s) of {title}", None, n).format(title=title)

    def once_problems_fixed(self, n: int) -> str:
        return self.tr(" — once the %n problem(s) are fixed", None, n)

    def on_waiting_list(self, n: int) -> str:
        return self.tr(", %n on the waiting list", None, n)

    def seminar_days(self, n: int, start: str, end: str, zone: str) -> str:
        return self.tr("{start} – {end} (%n day(s), times in {zone})", None, n).format(start=start, end=end, zone=zone)

    def days_later(self, n: int) -> str:
        return self.tr(" (+%n day(s))", None, n)

    def waiting_list(self, n: int) -> str:
        return self.tr("Waiting list (%n), first come first served: ", None, n)

    def pages(self, n: int, document: str, path: object) -> str:
        return self.tr("{document}: %n page(s), {path}", None, n).format(document=document, path=path)


# Made here, on the GUI thread (imported there), never first on a worker; tr() looks up at each call.
_WORDS = Counts()


def words() -> Counts:
    """The one instance (its phrases are translated when asked for, in the language installed then)."""
    return _WORDS
