"""Alembic environment: migrations run on the connection the app hands over.

The app (``learninghub.core.store.upgrade``) opens the connection, begins one
transaction and passes it in ``config.attributes["connection"]``, so an upgrade
is applied whole or not at all. ``render_as_batch`` makes ALTERs work on SQLite.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from learninghub.core.models import Base

target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # `alembic` run by hand: only for developers making a revision
        url = context.config.get_main_option("sqlalchemy.url")
        assert url, "set sqlalchemy.url or pass a connection"
        with create_engine(url).connect() as conn:
            context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
