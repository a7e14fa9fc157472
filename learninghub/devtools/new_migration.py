"""Autogenerate a new Alembic revision against a scratch database at head.

Usage: ``python -m learninghub.devtools.new_migration "message"``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from learninghub.core import store


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        engine = store.create_engine(f"sqlite:///{Path(tmp) / 'scratch.sqlite'}")
        if store.script_directory().get_current_head() is not None:
            store.upgrade(engine)
        with engine.connect() as conn:
            cfg = store.alembic_config(conn)
            command.revision(cfg, message=argv[0], autogenerate=True)
            conn.commit()
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
