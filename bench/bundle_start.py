"""The bundle next to the venv: size on disk, and start-up times (``make bundle`` first).

    .venv/bin/python -m bench.bundle_start [--runs 5] [--bundle dist/learninghub] [--drop-caches] [--strict]

Each start is a new process in a clean environment (a home of its own, the offscreen platform):

- ``--version``: the command line's start (Python, the argument parser);
- the window: ``learninghub --db demo.sqlite gui`` until the demo database is open in the window
  (``LEARNINGHUB_EXIT_WHEN_OPEN``, gui/app.py), the first start alone (a venv compiles its forms and
  translations into the user cache then; a bundle carries them compiled) and the median of the next ones.

``--drop-caches`` empties the kernel's file cache before every start (root only: a really cold start).
Budgets (issue 15): the bundle ≤ 250 MB unpacked, its window start ≤ 1.5× the venv's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_BUDGET_MB = 250
START_BUDGET = 1.5


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def environment(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "LEARNINGHUB_EXIT_WHEN_OPEN": "1", "LEARNINGHUB_LANG": "en"}


def timed(command: list[str], env: dict[str, str], cwd: Path, cold: bool) -> float:
    """Seconds from launch to exit of ``command`` (which must succeed)."""
    if cold:
        drop_caches()
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def measure(name: str, executable: Path, runs: int, work: Path, cold: bool) -> dict[str, float]:
    home, work = work / name / "home", work / name
    home.mkdir(parents=True)
    env = environment(home)
    subprocess.run([str(executable), "--db", "demo.sqlite", "demo"], env=env, cwd=work, check=True, capture_output=True)
    version = [timed([str(executable), "--version"], env, work, cold) for _ in range(runs)]
    window = [timed([str(executable), "--db", "demo.sqlite", "gui"], env, work, cold) for _ in range(runs + 1)]
    return {"version": statistics.median(version), "first": window[0], "window": statistics.median(window[1:])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "learninghub")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    parser.add_argument("--drop-caches", action="store_true", help="empty the file cache before each start (root)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = parser.parse_args(argv)
    bundle_exe = args.bundle / ("learninghub.exe" if sys.platform == "win32" else "learninghub")
    if not bundle_exe.exists():
        print(f"no bundle at {args.bundle}: run `make bundle` first")
        return 1
    if args.drop_caches and not drop_caches():
        print("--drop-caches: not allowed here (root only); the starts below are warm")
        args.drop_caches = False
    bundle_mb, venv_mb = size_mb(args.bundle), size_mb(args.venv)
    work = Path(tempfile.mkdtemp(prefix="bundle-start-"))
    try:
        venv = measure("venv", args.venv / "bin" / "learninghub", args.runs, work, args.drop_caches)
        bundled = measure("bundle", bundle_exe, args.runs, work, args.drop_caches)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    kind = "cold (file cache dropped)" if args.drop_caches else "warm file cache"
    print(f"size on disk: bundle {bundle_mb:.0f} MB (budget {SIZE_BUDGET_MB}), "
          f"venv {venv_mb:.0f} MB (with the test and bundle tools)")
    print(f"start, median of {args.runs}, {kind}:")
    print(f"  learninghub --version        venv {venv['version'] * 1000:5.0f} ms   bundle {bundled['version'] * 1000:5.0f} ms")
    print(f"  window open, first start     venv {venv['first'] * 1000:5.0f} ms   bundle {bundled['first'] * 1000:5.0f} ms")
    print(f"  window open, next starts     venv {venv['window'] * 1000:5.0f} ms   bundle {bundled['window'] * 1000:5.0f} ms")
    ratio = bundled["window"] / venv["window"]
    print(f"bundle/venv window start: {ratio:.2f}× (budget {START_BUDGET}×)")
    missed = bundle_mb > SIZE_BUDGET_MB or ratio > START_BUDGET
    if missed:
        print("BUDGET MISSED")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
