"""Taking data out: people and attendance as CSV / XLSX, agendas as iCalendar, and
whole-database backups (SQLite copies, portable JSON-lines dumps) with restore.

No Qt here: the CLI and the app call the same functions.
"""
