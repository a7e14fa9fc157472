"""How the app feels on a PostgreSQL server far away: launch, seminar clicks, Documents tab, stalls.

Why: the team shares one server between Barcelona and Chengdu, 250 ms round trip apart, and
the window talks to it on the GUI thread. This is the instrument for the refactor that fixes
that: the same figures before and after, at several distances.

How: a throwaway PostgreSQL server (``bench.pg_server``) with the demo loaded; for each
distance a delay proxy in front of it (``bench.delay_proxy``) and the real app in a fresh
process, driven through its event loop (``bench.remote_driver``). The proxy counts the round
trips in each step's time window; the driver counts SQL statements and the GUI thread's
longest stall. Budgets at 250 ms: a seminar click ≤ 1 s, launch ≤ 3 s, longest stall ≤ 100 ms.

    python -m bench.remote_latency [--rtt 0,50,250] [--quick] [--timeout S] [--statements] [--strict]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import pg_server
from .delay_proxy import DelayProxy

REPO = Path(__file__).resolve().parent.parent
DEMO_DATABASE = "bench_demo"
BUDGET_CLICK_S, BUDGET_LAUNCH_S, BUDGET_STALL_MS, BUDGET_RTT = 1.0, 3.0, 100.0, 250


def prepare_demo(base_url: str) -> tuple[str, list[dict[str, Any]]]:
    """A fresh ``bench_demo`` database with the demo, as ``learninghub demo`` loads it; its URL and its
    seminars in the tree's order, each with its number of agenda sessions."""
    from sqlalchemy import create_engine, make_url, text

    from learninghub.core.services import agenda, curricula, demo
    from learninghub.core.services import seminars as seminar_rules
    from learninghub.core.store import open_database

    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DEMO_DATABASE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {DEMO_DATABASE}"))
    admin.dispose()
    url = make_url(base_url).set(database=DEMO_DATABASE).render_as_string(hide_password=False)
    with open_database(url) as db:
        with db.transaction() as s:
            demo.load_demo(s)
        with db.reading() as s:
            seminars = [{"id": sem.id, "title": sem.title, "rows": len(agenda.list_sessions(s, sem.id))}
                        for curriculum in curricula.list_curricula(s)
                        for sem in seminar_rules.list_seminars(s, curriculum.id)]
    return url, seminars


def choose_clicks(seminars: list[dict[str, Any]], quick: bool) -> list[dict[str, Any]]:
    """Park City Project and the Yeonsu conference (the cases users reported), then the largest agendas."""
    first = [next((s for s in seminars if key in s["title"]), None) for key in ("Park City", "Yeonsu")]
    chosen = [s for s in first if s is not None]
    chosen += sorted((s for s in seminars if s not in chosen), key=lambda s: -s["rows"])
    return chosen[:2 if quick else 4]


def run_driver(url: str, plan: dict[str, Any], timeout: float, home: Path) -> dict[str, Any]:
    """One launch of the app in a fresh process; its JSON figures (with "error" set if it failed)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEARNINGHUB_LANG": "en",
           # The offscreen platform warns on every show ("does not support propagateSizeHints"): not a figure.
           "QT_LOGGING_RULES": "qt.qpa.*=false;default.warning=false",
           # Settings, saved places and logs of the bench's own (the compiled-forms cache stays the user's).
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"),
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)}
    cmd = [sys.executable, "-m", "bench.remote_driver", url, json.dumps(plan), "--timeout", str(timeout)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout + 60)
    except subprocess.TimeoutExpired:
        return {"error": f"the driver did not end within {timeout + 60:.0f} s (killed)", "steps": []}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        return {"error": f"the driver printed no figures (exit {done.returncode}):\n{tail}", "steps": []}
    return json.loads(lines[-1])


def add_round_trips(result: dict[str, Any], proxy: DelayProxy) -> None:
    """Each step's client→server chunks (≈ round trips) and new connections, by its time window."""
    if "programme_at" in result:
        result["launch_round_trips"] = proxy.chunks_between(result["t0"], result["programme_at"])
        result["launch_connections"] = proxy.connections_between(result["t0"], result["programme_at"])
    for step in result.get("steps", []):
        step["round_trips"] = proxy.chunks_between(step["start"], step["end"])
        step["connections"] = proxy.connections_between(step["start"], step["end"])


def short(title: str, width: int = 38) -> str:
    return title if len(title) <= width else title[:width - 1] + "…"


def print_distance(rtt: int, r: dict[str, Any], show_statements: bool) -> None:
    print(f"\n{rtt} ms round trip")
    print(f"  {'':<56}{'seconds':>9}{'statements':>12}{'round trips':>13}{'connections':>13}")
    if "launch_s" in r:
        print(f"  {'launch → programme shown':<56}{r['launch_s']:>9.2f}{r['launch_statements']:>12}"
              f"{r.get('launch_round_trips', 0):>13}{r.get('launch_connections', 0):>13}")
    for step in r["steps"]:
        label = ("click → agenda: " if step["kind"] == "click" else "Documents tab: ") + short(step["title"])
        if step.get("method", "mouse") != "mouse":  # the mouse click missed; the tree was told instead
            label += " ¹"
        print(f"  {label:<56}{step['seconds']:>9.2f}{step['statements']:>12}{step.get('round_trips', 0):>13}"
              f"{step.get('connections', 0):>13}")
    if r.get("pending"):  # the run ended (a timeout) while the user was waiting for this
        step = r["pending"]
        label = ("click → agenda: " if step["kind"] == "click" else "Documents tab: ") + short(step["title"])
        print(f"  {label:<56}{'> ' + format(r['end'] - step['start'], '.1f'):>9}  (not shown when the run ended)")
    if any(step.get("method", "mouse") != "mouse" for step in r["steps"]):
        print("  ¹ chosen with setCurrentIndex: the mouse click did not land on the row")
    if "stall_ms" in r:
        print(f"  longest stall of the GUI thread: {r['stall_ms']:.0f} ms (launch {r['stall_launch_ms']:.0f} ms, "
              f"after launch {r.get('stall_after_launch_ms', 0):.0f} ms)")
    if r.get("error"):
        print(f"  ERROR: {r['error']}")
    if show_statements:
        for name, top in [("launch", r.get("launch_top", []))] + [(s["kind"] + " " + short(s["title"], 24), s["top"])
                                                                  for s in r["steps"]]:
            print(f"  statements, {name}: " + "; ".join(f"{n}× {text}" for text, n in top))
    sys.stdout.flush()


def budgets(r: dict[str, Any]) -> list[tuple[str, bool]]:
    clicks = [s["seconds"] for s in r["steps"] if s["kind"] == "click"]
    worst = max(clicks) if clicks else float("inf")
    launch, stall = r.get("launch_s", float("inf")), r.get("stall_ms", float("inf"))
    shown = f"worst {worst:.2f} s" if clicks else "none shown"
    return [(f"seminar click → agenda: {shown} <= {BUDGET_CLICK_S:.1f} s",
             worst <= BUDGET_CLICK_S and not r.get("error")),
            (f"launch → programme shown: {launch:.2f} s <= {BUDGET_LAUNCH_S:.0f} s", launch <= BUDGET_LAUNCH_S),
            (f"longest stall of the GUI thread: {stall:.0f} ms <= {BUDGET_STALL_MS:.0f} ms", stall <= BUDGET_STALL_MS)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rtt", default="0,50,250", help="round trips to simulate, in ms (default 0,50,250)")
    ap.add_argument("--quick", action="store_true", help="2 seminar clicks instead of 4")
    ap.add_argument("--timeout", type=float, default=300, help="seconds one app session may take (default 300)")
    ap.add_argument("--statements", action="store_true", help="print the most frequent statements of each step")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    args = ap.parse_args(argv)
    rtts = [int(v) for v in args.rtt.split(",") if v.strip()]
    # A kill (not only Ctrl+C) unwinds too, so the server and the temporary folders go with us.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        with pg_server.server() as base_url, tempfile.TemporaryDirectory(prefix="lh-bench-home-") as home:
            return measure(base_url, rtts, args, Path(home))
    except pg_server.PostgresUnavailable as exc:
        print(f"remote_latency: skipped: {exc}")
        return 0
    except KeyboardInterrupt:  # the server, the proxy and the app are gone by now
        print("remote_latency: interrupted", file=sys.stderr)
        return 130


def measure(base_url: str, rtts: list[int], args: argparse.Namespace, home: Path) -> int:
    from sqlalchemy import make_url

    t = time.perf_counter()
    demo_url, seminars = prepare_demo(base_url)
    clicks = choose_clicks(seminars, args.quick)
    plan = {"clicks": [[s["id"], s["rows"], s["title"]] for s in clicks], "documents": clicks[0]["id"]}
    target = make_url(demo_url)
    print(f"PostgreSQL at {target.host}:{target.port or 5432}, demo loaded in {time.perf_counter() - t:.1f} s; "
          f"clicks: " + ", ".join(f"{short(s['title'], 30)} ({s['rows']} sessions)" for s in clicks)
          + f"; Documents tab on {short(clicks[0]['title'], 30)}")
    warm = run_driver(demo_url, {"clicks": []}, args.timeout, home)  # forms compiled, files in the page cache
    if warm.get("error"):
        print(f"warm-up launch failed: {warm['error']}")
    results: dict[int, dict[str, Any]] = {}
    for rtt in rtts:
        with DelayProxy(target.host or "127.0.0.1", target.port or 5432, rtt) as proxy:
            url = target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
            results[rtt] = r = run_driver(url, plan, args.timeout, home)
            add_round_trips(r, proxy)
        print_distance(rtt, r, args.statements)
    if BUDGET_RTT not in results:
        print(f"\nbudgets: not checked (they are set at {BUDGET_RTT} ms; run with --rtt {BUDGET_RTT})")
        return 0
    checks = budgets(results[BUDGET_RTT])
    print(f"\nbudgets at {BUDGET_RTT} ms round trip:")
    for label, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {label}")
    return 1 if args.strict and not all(ok for _, ok in checks) else 0


if __name__ == "__main__":
    raise SystemExit(main())
