"""Benchmark the start: from process start until the tray icon shows and the next break is armed.

Reconnect (the installed ``reconnect``, with a data folder holding a generated history and a
break just done) is started again and again on a virtual desktop with a tray host, alternately
with a bare PySide6 app that only shows a tray icon (``bench/bare_tray.py``). Each writes the
monotonic time to ``RECONNECT_READY_FILE`` once its event loop runs, the tray icon shown and,
for Reconnect, the next break armed; the time from just before the process was started until
then is one run. Medians are compared; the target is 1.3 times the bare app or less.

    python -m bench.bench_start [--runs 10] [--years 1] [--quick] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.harness import ROOT, BenchDesktop, DesktopUnavailable, prepare_data, reconnect_command

TARGET_RATIO = 1.3
READY_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Plan:
    runs: int
    years: float


FULL = Plan(runs=10, years=1.0)
QUICK = Plan(runs=2, years=0.02)


class BenchFailed(RuntimeError):
    """An app did not get ready; the message says which and where its log is."""


@dataclass
class App:
    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    quit_command: list[str] | None = None  # a clean quit; otherwise SIGTERM


def _stop(app: App, process: subprocess.Popen[bytes]) -> None:
    if app.quit_command is not None and process.poll() is None:
        subprocess.run(app.quit_command, env=app.env, capture_output=True, timeout=30, check=False)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _tail(log: Path, lines: int = 15) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def time_start(
    app: App, ready_file: Path, while_running: Callable[[int], object] | None = None
) -> float:
    """Start the app once and return milliseconds until it said it was ready.

    Args:
        app: what to start.
        ready_file: where it writes its time stamp.
        while_running: called with the process id once it is ready, before it is ended.
    """
    ready_file.unlink(missing_ok=True)
    with app.log.open("ab") as log:
        began = time.monotonic()
        process = subprocess.Popen(app.command, env=app.env, stdout=log, stderr=log)
    try:
        deadline = began + READY_TIMEOUT_S
        while True:
            # The app writes its own time stamp, so how often this looks doesn't matter.
            text = ready_file.read_text(encoding="utf-8") if ready_file.exists() else ""
            if text.endswith("\n"):
                if while_running is not None:
                    while_running(process.pid)
                return (float(text) - began) * 1000.0
            if process.poll() is not None:
                raise BenchFailed(
                    f"{app.name} ended (status {process.returncode}) before it was ready:\n"
                    + _tail(app.log)
                )
            if time.monotonic() > deadline:
                raise BenchFailed(
                    f"{app.name} was not ready in {READY_TIMEOUT_S:g} s:\n" + _tail(app.log)
                )
            time.sleep(0.01)
    finally:
        _stop(app, process)


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


def run(plan: Plan, work: Path) -> tuple[list[str], list[dict[str, object]]]:
    """Measure; returns the lines to print and the rows for the table."""
    from reconnect.paths import icons_dir

    ready_file = work / "ready"
    with BenchDesktop(home=work / "home") as desk:
        data_dir = work / "data"
        contents = prepare_data(data_dir, plan.years, desk.env())
        reconnect_env = desk.env(
            RECONNECT_DATA_DIR=str(data_dir), RECONNECT_READY_FILE=str(ready_file)
        )
        bare = App(
            "bare PySide6 tray app",
            [
                sys.executable,
                str(ROOT / "bench" / "bare_tray.py"),
                str(icons_dir() / "tray-active.svg"),
            ],
            desk.env(RECONNECT_READY_FILE=str(ready_file)),
            work / "bare.log",
        )
        reconnect = App(
            "Reconnect",
            reconnect_command(),
            reconnect_env,
            work / "reconnect.log",
            quit_command=[*reconnect_command(), "quit"],
        )
        # One untimed start each: bytecode caches written, files in the page cache, the
        # database tidied after the break logged; and a look that the icon is really in the tray.
        in_tray: dict[str, bool] = {}
        for app in (bare, reconnect):
            time_start(
                app,
                ready_file,
                lambda pid, app=app: in_tray.update({app.name: _in_tray(desk, pid)}),
            )
        times: dict[str, list[float]] = {bare.name: [], reconnect.name: []}
        for number in range(plan.runs):
            order = (bare, reconnect) if number % 2 == 0 else (reconnect, bare)
            for app in order:
                times[app.name].append(time_start(app, ready_file))
    base = statistics.median(times[bare.name])
    ours = statistics.median(times[reconnect.name])
    ratio = ours / base
    met = ratio <= TARGET_RATIO
    lines = [
        "Start: from process start until the tray icon shows and the next break is armed "
        f"({plan.runs} runs each, alternating)",
        "Icon seen in the tray: "
        + ", ".join(f"{name} {'yes' if seen else 'NO'}" for name, seen in in_tray.items()),
        f"Reconnect's data folder: {contents}",
        _summary(bare.name, times[bare.name]),
        _summary(reconnect.name, times[reconnect.name]),
        f"{'start ratio':<28} x{ratio:.2f}   target <= x{TARGET_RATIO:g}   "
        f"{'PASS' if met else 'MISS'}   baseline bare PySide6 tray app {base:.1f} ms",
    ]
    rows: list[dict[str, object]] = [
        {
            "benchmark": "Start",
            "figure": "tray shown and next break armed, median",
            "target": f"<= x{TARGET_RATIO:g} the bare app",
            "measured": f"{ours:.0f} ms (x{ratio:.2f})",
            "peer": f"bare PySide6 tray app {base:.0f} ms",
            "met": met,
        }
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
        except (DesktopUnavailable, BenchFailed) as error:
            print(f"bench_start: {error}", file=sys.stderr)
            return 1
    for line in lines:
        print(line)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
