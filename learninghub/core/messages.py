"""Messages the core says to people, in English, that an interface can say in another language.

Why not plain f-strings: the Chinese interface must show the core's refusals,
eligibility reasons, conflict notes and import problems in Chinese, but the core knows
no Qt and the command line speaks English. So a message is a :class:`Text`: an English
``str`` (print it, compare it, log it as before) that also keeps its *template* and
*parameters*. The GUI translates the template with Qt and fills in the parameters
(``gui/core_text.py``).

Templates are marked with :func:`QT_TRANSLATE_NOOP` — a function of that exact name so
``pyside6-lupdate`` finds them in the core's files (it reads names, not imports) and
puts them into the ``.ts`` files next to the interface's strings. Contexts:

``core``
    sentences (refusals, reasons, notes, problems);
``field``
    the names of fields and places a refusal points at (``LearningHubError.where``);
``RegistrationStatus`` …
    the vocabularies' labels, shared with the interface (``gui/labels.py``);
``title``
    a title with its Chinese version (:func:`titled`): the interface picks one, nothing is translated.

Write ``say(QT_TRANSLATE_NOOP("core", "seminar {id} is cancelled"), id=7)``; a template
without parameters is used as it is (no ``{{`` needed). ``tests/core/test_messages.py``
fails on a refusal written as an f-string or with parameters its template does not name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Text(str):
    """English text that remembers how it was made: ``context``, ``template``, ``params``."""

    context: str
    template: str
    params: Mapping[str, Any]

    def __new__(cls, english: str, *, template: str | None = None, context: str = "core",
                params: Mapping[str, Any] | None = None) -> Self:
        made = super().__new__(cls, english)
        made.context = context
        made.template = english if template is None else template
        made.params = dict(params or {})
        return made

    def __reduce__(self) -> tuple[Any, ...]:  # keeps template and params across processes
        return (_rebuild, (str(self), self.template, self.context, dict(self.params)))


def _rebuild(english: str, template: str, context: str, params: dict[str, Any]) -> Text:
    return Text(english, template=template, context=context, params=params)


def say(template: str, context: str = "core", **params: Any) -> Text:
    """The English sentence ``template`` with ``params`` filled in, translatable later."""
    english = template.format(**params) if params else template
    return Text(english, template=template, context=context, params=params)


def word(context: str, label: str, english: str | None = None) -> Text:
    """A vocabulary label (``word("RegistrationStatus", "Waiting list", "waitlisted")``).

    ``english`` is what the English sentence shows (a stored code reads better in a
    command-line message than a capitalised label); translated, the label is used.
    """
    return Text(label if english is None else english, template=label, context=context)


#: The context of a title given in two versions (:func:`titled`): not translated, chosen.
TITLE = "title"


def titled(row: Any) -> Text:
    """A curriculum's, seminar's or session's title as a message value: the main title in English,
    the Chinese one (``title_zh``) where set when the interface is Chinese (``gui/bilingual.py``)."""
    main = row.title
    return Text(main, template=getattr(row, "title_zh", None) or main, context=TITLE)


def field(name: str) -> Text:
    """The name of a field or place a refusal points at, translatable (context ``field``); a place
    that is a Text already ("occurrence {day}") is kept as it is, with its own template and values."""
    if isinstance(name, Text):
        return name
    return Text(name, template=name, context="field")


def join(parts: list[str], separator: str = "; ") -> Text:
    """Several messages as one (each translated on its own)."""
    params = {f"part{i}": part for i, part in enumerate(parts)}
    template = separator.join("{" + key + "}" for key in params)
    return Text(separator.join(parts), template=template, context="", params=params)
