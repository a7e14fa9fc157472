"""The chosen seminar's tabs: Overview (with partners), Agenda, Participants, Check-in.

Each tab is a controller with its own form (``forms/<tab>.ui``) that paints its part of
one :class:`~...core.pages.seminar.SeminarPage` and changes data only through core
commands (``host.history.apply``). What a tab needs from the window is
:class:`.host.SeminarHost`.
"""
