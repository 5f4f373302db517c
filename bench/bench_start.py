"""Benchmark the start: from process start until the tray icon shows and the next break is armed.

Reconnect (the installed ``reconnect``, with a data folder holding a generated history and a
break just done) is started again and again on a virtual desktop with a tray host, in turn
with a bare PySide6 app that only shows a tray icon (``bench/bare_tray.py``) and with the same
bare app that also arms one job with APScheduler (``bench/bare_tray.py --apscheduler``), the order
rotated each run. Each writes the monotonic time to ``RECONNECT_READY_FILE`` once its event
loop runs, the tray icon shown and, for Reconnect, the next break armed; the time from just
before the process was started until then is one run. Medians are compared; the target is 1.3
times the bare app or less. The bare app with APScheduler has no target: it is the floor of
any app that arms its breaks with APScheduler, shown beside the target in the same run.

    python -m bench.bench_start [--runs 10] [--years 1] [--quick] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.harness import (
    ROOT,
    BenchDesktop,
    DesktopUnavailable,
    NotReady,
    launch,
    prepare_reconnect,
    stop_app,
    wait_ready,
)

TARGET_RATIO = 1.3


@dataclass(frozen=True)
class Plan:
    runs: int
    years: float


FULL = Plan(runs=10, years=1.0)
QUICK = Plan(runs=2, years=0.02)


@dataclass
class App:
    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    quit_command: list[str] | None = None  # a clean quit; otherwise SIGTERM


def time_start(
    app: App, ready_file: Path, while_running: Callable[[int], object] | None = None
) -> float:
    """Start the app once and return milliseconds until it said it was ready.

    Args:
        app: what to start.
        ready_file: where it writes its time stamp.
        while_running: called with the process id once it is ready, before it is ended.

    Raises:
        NotReady: it ended or took too long; the message has its last log lines.
    """
    ready_file.unlink(missing_ok=True)
    began = time.monotonic()
    process = launch(app.command, app.env, app.log)
    try:
        ready_at = wait_ready(app.name, process, ready_file, app.log)
        if while_running is not None:
            while_running(process.pid)
        return (ready_at - began) * 1000.0
    finally:
        stop_app(process, app.env, app.quit_command)


def _in_tray(desk: BenchDesktop, pid: int) -> bool:
    """Whether the process's icon gets embedded in the tray host within a few seconds."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if pid in desk.tray_pids():
            return True
        time.sleep(0.2)
    return False


def _summary(name: str, times: list[float]) -> str:
    return (
        f"{name:<28} median {statistics.median(times):8.1f} ms   "
        f"(min {min(times):.1f}, max {max(times):.1f}, n={len(times)})"
    )


def _rotated(apps: list[App], number: int) -> list[App]:
    """The apps in the order of run ``number``: each goes first, second and last in turn."""
    shift = number % len(apps)
    return apps[shift:] + apps[:shift]


def run(plan: Plan, work: Path) -> tuple[list[str], list[dict[str, object]]]:
    """Measure; returns the lines to print and the rows for the table."""
    from reconnect.paths import icons_dir

    icon = str(icons_dir() / "tray-active.svg")
    with BenchDesktop(home=work / "home") as desk:
        prepared = prepare_reconnect(desk, work, plan.years)
        ready_file = prepared.ready_file
        bare_env = desk.env(RECONNECT_READY_FILE=str(ready_file))
        bare = App(
            "bare PySide6 tray app",
            [sys.executable, str(ROOT / "bench" / "bare_tray.py"), icon],
            bare_env,
            work / "bare.log",
        )
        floor = App(
            "bare app + APScheduler armed",
            [sys.executable, str(ROOT / "bench" / "bare_tray.py"), icon, "--apscheduler"],
            bare_env,
            work / "bare-scheduler.log",
        )
        reconnect = App(
            "Reconnect",
            prepared.tray_command,
            prepared.env,
            work / "reconnect.log",
            quit_command=prepared.quit_command,
        )
        apps = [bare, floor, reconnect]
        # One untimed start each: bytecode caches written, files in the page cache, the
        # database tidied after the break logged; and a look that the icon is really in the tray.
        in_tray: dict[str, bool] = {}
        for app in apps:

            def look(pid: int, name: str = app.name) -> None:
                in_tray[name] = _in_tray(desk, pid)

            time_start(app, ready_file, look)
        times: dict[str, list[float]] = {app.name: [] for app in apps}
        for number in range(plan.runs):
            for app in _rotated(apps, number):
                times[app.name].append(time_start(app, ready_file))
    base = statistics.median(times[bare.name])
    ours_ms = statistics.median(times[reconnect.name])
    floor_ms = statistics.median(times[floor.name])
    ratio = ours_ms / base
    floor_ratio = floor_ms / base
    met = ratio <= TARGET_RATIO
    lines = [
        "Start: from process start until the tray icon shows and the next break is armed "
        f"({plan.runs} runs each, in turn, the order rotated each run)",
        "Icon seen in the tray: "
        + ", ".join(f"{name} {'yes' if seen else 'NO'}" for name, seen in in_tray.items()),
        f"Reconnect's data folder: {prepared.contents}",
        *(_summary(app.name, times[app.name]) for app in apps),
        f"{'start ratio':<28} x{ratio:.2f}   target <= x{TARGET_RATIO:g}   "
        f"{'PASS' if met else 'MISS'}   baseline bare PySide6 tray app {base:.1f} ms",
        f"{'floor ratio':<28} x{floor_ratio:.2f}   (no target)   the bare app with one "
        f"APScheduler job armed, {floor_ms:.1f} ms; Reconnect is x{ours_ms / floor_ms:.2f} that",
    ]
    rows: list[dict[str, object]] = [
        {
            "benchmark": "Start",
            "figure": "tray shown and next break armed, median",
            "target": f"<= x{TARGET_RATIO:g} the bare app",
            "measured": f"{ours_ms:.0f} ms (x{ratio:.2f})",
            "peer": f"bare PySide6 tray app {base:.0f} ms",
            "met": met,
        },
        {
            "benchmark": "Start",
            "figure": "floor: bare app + APScheduler armed",
            "target": "(no target)",
            "measured": f"{floor_ms:.0f} ms (x{floor_ratio:.2f} the bare app)",
            "peer": f"bare PySide6 tray app {base:.0f} ms",
            "met": None,
        },
    ]
    return lines, rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_start", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, help="timed starts of each app (default 10; quick 2)")
    parser.add_argument("--years", type=float, help="years of history (default 1; quick 0.02)")
    parser.add_argument("--quick", action="store_true", help="few runs, a tiny history")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--workdir", type=Path, help="where the temporary folder goes")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    plan = Plan(
        runs=plan.runs if args.runs is None else max(1, args.runs),
        years=plan.years if args.years is None else args.years,
    )
    with tempfile.TemporaryDirectory(prefix="reconnect-start-", dir=args.workdir) as temp:
        try:
            lines, rows = run(plan, Path(temp))
        except (DesktopUnavailable, NotReady) as error:
            print(f"bench_start: {error}", file=sys.stderr)
            return 1
    for line in lines:
        print(line)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
