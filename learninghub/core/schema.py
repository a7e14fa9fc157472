"""The schema revision this program writes, in a module that imports nothing.

Kept apart from store.py so the app's first screen can check a database's
revision without importing SQLAlchemy or Alembic (see quickread.py).
"""

#: The newest migration in db/versions (tests/core/test_migrations.py checks it).
SCHEMA_HEAD = "0012_evaluations"
