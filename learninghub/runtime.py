"""Process-wide tuning shared by the command line and the desktop app."""

from __future__ import annotations


def freeze_startup_objects() -> None:
    """Move the objects made at start-up (modules, classes) out of the garbage collector's
    sight, so a collection during a query does not walk them all: without it, one search
    in forty took 45 ms instead of 10 (bench/seed_and_search.py)."""
    import gc

    gc.collect()
    gc.freeze()
