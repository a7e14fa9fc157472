"""What every command needs: the database, opened lazily, and the errors users may see."""

from __future__ import annotations

from ..core.errors import LearningHubError


class Context:
    user_errors: tuple[type[BaseException], ...] = (LearningHubError,)

    def __init__(self, db: str | None) -> None:
        self._db_arg = db
        self._database = None

    @property
    def db(self):  # type: ignore[no-untyped-def]
        """The open database (created and migrated on first use)."""
        if self._database is None:
            from .. import config
            from ..core.store import open_database

            self._database = open_database(config.resolve_database(self._db_arg))
            if self._database.backup_path is not None:
                import sys

                print(
                    f"learninghub: upgraded the database; the old one is kept as {self._database.backup_path}",
                    file=sys.stderr,
                )
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
