"""Fixtures the document tests share: the demo programme, loaded once per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from learninghub.core.store import Database, open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo database in a file of its own; module-scoped because loading it is slow and tests only read it."""
    from learninghub.core.services.demo import load_demo

    database = open_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite"))
    with database.transaction() as s:
        load_demo(s)
    yield database
    database.close()
