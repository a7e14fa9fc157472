"""The bundle's executable: no arguments opens the window (as double-clicking the app does), arguments
run the command line (``learninghub demo``, ``learninghub agenda …``), exactly as ``learninghub`` does."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from learninghub.cli import main as cli

    if not argv or argv[0].startswith("-psn_"):  # macOS Finder passes a process serial number on old systems
        return cli(["gui"])
    return cli(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
