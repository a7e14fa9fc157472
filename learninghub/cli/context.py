"""What every command needs: the database, opened lazily, and the errors users may see."""

from __future__ import annotations

import shlex

from ..core.errors import LearningHubError


class Context:
    user_errors: tuple[type[BaseException], ...] = (LearningHubError,)

    def __init__(self, db: str | None, *, restoring: bool = False) -> None:
        self._db_arg = db
        self._database = None
        #: ``restore`` replaces the whole database: a damaged file is opened for it, not refused.
        self._restoring = restoring

    @property
    def db(self):  # type: ignore[no-untyped-def]
        """The open database (created and migrated on first use)."""
        if self._database is None:
            from .. import config
            from ..core.store import DatabaseDamaged, FolderMissing, open_database

            where = config.resolve_database(self._db_arg)
            try:
                self._database = open_database(where, check_integrity=not self._restoring)
            except DatabaseDamaged as exc:
                raise _with_hint(exc, _restore_hint(exc)) from None
            except FolderMissing as exc:
                raise _with_hint(exc, f"check the path; to make a new database there on purpose: mkdir -p "
                                      f"{shlex.quote(str(exc.path.parent))} && learninghub --db "
                                      f"{shlex.quote(str(exc.path))} init") from None
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


def _restore_hint(exc) -> str:  # type: ignore[no-untyped-def]
    import datetime as dt

    if exc.backup is None:
        return (f"no backup of it was found; a copy you kept elsewhere is restored with: "
                f"learninghub --db {shlex.quote(str(exc.path))} restore FILE")
    made = dt.datetime.fromtimestamp(exc.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return (f"the newest good backup is {exc.backup} (made {made}); restore it with: "
            f"learninghub --db {shlex.quote(str(exc.path))} restore {shlex.quote(str(exc.backup))}")


def _with_hint(exc: LearningHubError, hint: str) -> LearningHubError:
    """The same refusal, with what the user can do about it on the command line."""
    from ..core.errors import DatabaseRefused

    return DatabaseRefused("{refusal}; {hint}", refusal=exc.user_message, hint=hint)
