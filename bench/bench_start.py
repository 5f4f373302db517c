"""Benchmark the start: from process start until the tray icon shows and the next break is armed.

Reconnect (the installed ``reconnect``, with a data folder holding a generated history and a
break just done) is started again and again on a virtual desktop with a tray host, in turn
with a bare PySide6 app that only shows a tray icon (``bench/bare_tray.py``), with the same
bare app that also arms one job with APScheduler (``bench/bare_tray.py --apscheduler``: the
floor of the stack) and with Safe Eyes, the order rotated each run. Reconnect and the bare apps
write the monotonic time to ``RECONNECT_READY_FILE`` once their event loop runs, the tray icon
shown and, for Reconnect and the floor, the next break armed; the time from just before the
process was started until then is one run. Safe Eyes writes no such file: its time is from just
before its start until its icon is seen embedded in the tray host, looked at every 10 ms
(``harness.wait_for_icon``); Reconnect is also timed that way, in starts of its own, so the
two are compared by the same measure.

Targets: Reconnect's median at most 1.2 times the floor's, and Reconnect's time to its icon
at most half of Safe Eyes' (both by the same polling). The bare app is shown, without target.
Safe Eyes is installed with apt-get when missing; ``--no-peers`` leaves it out.

    python -m bench.bench_start [--runs 10] [--years 1] [--quick] [--no-peers] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import (
    ICON_POLL_S,
    ROOT,
    BenchDesktop,
    DesktopUnavailable,
    NotReady,
    install_missing,
    launch,
    package_version,
    prepare_reconnect,
    stop_app,
    wait_for_icon,
    wait_ready,
)

TARGET_RATIO = 1.2  # Reconnect's start at most this times the floor's
PEER_RATIO = 0.5  # Reconnect's time to its icon at most this times Safe Eyes'
SAFE_EYES = "safeeyes"


@dataclass(frozen=True)
class Plan:
    runs: int
    years: float


FULL = Plan(runs=10, years=1.0)
QUICK = Plan(runs=2, years=0.02)


@dataclass
class App:
    """An app to start; ``by_icon``: timed until its icon is seen in the tray, not by its file."""

    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    quit_command: list[str] | None = None  # a clean quit; otherwise SIGTERM
    by_icon: bool = False
    writes_ready: bool = True  # writes RECONNECT_READY_FILE (Safe Eyes does not)


@dataclass
class Times:
    """One app's timed starts, in milliseconds; for an app timed by its icon that also writes a
    ready file, ``ready`` holds when it said it was ready in those same starts."""

    starts: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    looks: int = 0
    looking_s: float = 0.0


def time_start(
    app: App,
    ready_file: Path,
    desk: BenchDesktop,
    times: Times | None = None,
    while_running: Callable[[int], object] | None = None,
) -> None:
    """Start the app once, time it into ``times`` (none: untimed), and end it.

    Args:
        app: what to start.
        ready_file: where it writes its time stamp.
        desk: the desktop, whose tray host is looked at for an app timed by its icon.
        times: where its time goes.
        while_running: called with the process id once it is ready, before it is ended.

    Raises:
        NotReady: it ended or took too long; the message has its last log lines.
    """
    ready_file.unlink(missing_ok=True)
    began = time.monotonic()
    process = launch(app.command, app.env, app.log)
    try:
        if app.by_icon:
            watch = wait_for_icon(desk, app.name, process, app.log)
            ready_at = watch.seen_at
            said_ready = (
                wait_ready(app.name, process, ready_file, app.log) if app.writes_ready else None
            )
            if times is not None:
                times.looks += watch.looks
                times.looking_s += watch.looking_s
                if said_ready is not None:
                    times.ready.append((said_ready - began) * 1000.0)
        else:
            ready_at = wait_ready(app.name, process, ready_file, app.log)
        if times is not None:
            times.starts.append((ready_at - began) * 1000.0)
        if while_running is not None:
            while_running(process.pid)
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
        f"{name:<34} median {statistics.median(times):8.1f} ms   "
        f"(min {min(times):.1f}, max {max(times):.1f}, n={len(times)})"
    )


def _first_line(error: Exception) -> str:
    return f"did not start: {(str(error).splitlines() or ['?'])[0]}"


def _rotated(apps: list[App], number: int) -> list[App]:
    """The apps in the order of run ``number``: each goes first, second and last in turn."""
    shift = number % len(apps)
    return apps[shift:] + apps[:shift]


def safe_eyes_app(desk: BenchDesktop, work: Path, with_peers: bool) -> tuple[App | None, str]:
    """Safe Eyes to start on the desktop (installed if missing), or None and why not."""
    if not with_peers:
        return None, "left out (--no-peers)"
    installed = install_missing([SAFE_EYES])
    if shutil.which(SAFE_EYES) is None:
        return None, installed or "not installed"
    name = f"Safe Eyes {package_version(SAFE_EYES)}, icon polled"
    log = work / "safeeyes.log"
    return App(name, [SAFE_EYES], desk.env(), log, by_icon=True, writes_ready=False), installed


def run(
    plan: Plan, work: Path, with_peers: bool = True
) -> tuple[list[str], list[dict[str, object]]]:
    """Measure; returns the lines to print and the rows for the table."""
    from reconnect.paths import icons_dir

    icon = str(icons_dir() / "tray-active.svg")
    with BenchDesktop(home=work / "home", window_manager=True, notifications=True) as desk:
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
        polled = App(
            "Reconnect, icon polled",
            reconnect.command,
            reconnect.env,
            reconnect.log,
            reconnect.quit_command,
            by_icon=True,
        )
        safe_eyes, safe_eyes_said = safe_eyes_app(desk, work, with_peers)
        apps = [bare, floor, reconnect, *([polled, safe_eyes] if safe_eyes else [])]
        # One untimed start each: bytecode caches written, files in the page cache, the
        # database tidied after the break logged, Safe Eyes' settings made; and a look that the
        # icon is really in the tray.
        in_tray: dict[str, bool] = {}
        for app in list(apps):

            def look(pid: int, name: str = app.name) -> None:
                in_tray[name] = _in_tray(desk, pid)

            try:
                time_start(app, ready_file, desk, while_running=look)
            except NotReady as error:  # Safe Eyes' own check found another one running, say
                if app is not safe_eyes:
                    raise
                safe_eyes, safe_eyes_said = None, _first_line(error)
                apps = apps[:3]
        times: dict[str, Times] = {app.name: Times() for app in apps}
        for number in range(plan.runs):
            for app in _rotated(apps, number):
                if not app.writes_ready and safe_eyes is None:
                    continue  # Safe Eyes failed in an earlier run: left out since
                try:
                    time_start(app, ready_file, desk, times[app.name])
                except NotReady as error:
                    if app.writes_ready:
                        raise
                    safe_eyes, safe_eyes_said = None, _first_line(error)
        extras = ", ".join(["Xvfb", "session bus", "stand-in system bus", "trayer", *desk.extras])
    base, floor_ms, ours_ms = (
        statistics.median(times[app.name].starts) for app in (bare, floor, reconnect)
    )
    ratio = ours_ms / floor_ms
    met = ratio <= TARGET_RATIO
    lines = [
        "Start: from process start until the tray icon shows and the next break is armed "
        f"({plan.runs} runs each, in turn, the order rotated each run), on one virtual desktop "
        f"({extras})",
        "Icon seen in the tray: "
        + ", ".join(f"{name} {'yes' if seen else 'NO'}" for name, seen in in_tray.items()),
        f"Reconnect's data folder: {prepared.contents}",
        *(_summary(app.name, times[app.name].starts) for app in apps if times[app.name].starts),
        f"{'start ratio':<34} x{ratio:.2f}   target <= x{TARGET_RATIO:g} the floor   "
        f"{'PASS' if met else 'MISS'}   floor (bare app + APScheduler armed) {floor_ms:.1f} ms",
        f"{'bare app alone':<34} {base:.1f} ms   (no target)   "
        f"the floor is x{floor_ms / base:.2f} it, Reconnect x{ours_ms / base:.2f}",
    ]
    rows: list[dict[str, object]] = [
        {
            "benchmark": "Start",
            "figure": "tray shown and next break armed, median",
            "target": f"<= x{TARGET_RATIO:g} the floor (bare app + APScheduler armed)",
            "measured": f"{ours_ms:.0f} ms (x{ratio:.2f} the floor)",
            "peer": f"floor {floor_ms:.0f} ms; bare PySide6 tray app {base:.0f} ms",
            "met": met,
        },
        {
            "benchmark": "Start",
            "figure": "floor: bare app + APScheduler armed",
            "target": "(no target)",
            "measured": f"{floor_ms:.0f} ms (x{floor_ms / base:.2f} the bare app)",
            "peer": f"bare PySide6 tray app {base:.0f} ms",
            "met": None,
        },
        {
            "benchmark": "Start",
            "figure": "bare PySide6 tray app, median",
            "target": "(no target)",
            "measured": f"{base:.0f} ms",
            "peer": f"Reconnect {ours_ms:.0f} ms (x{ours_ms / base:.2f})",
            "met": None,
        },
    ]
    peer_lines, peer_row = _against_safe_eyes(
        times[polled.name] if safe_eyes else None,
        times[safe_eyes.name] if safe_eyes else None,
        ours_ms,
        safe_eyes_said,
    )
    return lines + peer_lines, [*rows, peer_row]


FIGURE_SAFE_EYES = "Safe Eyes: process start to tray icon, median"


def _against_safe_eyes(
    ours: Times | None, theirs: Times | None, ours_ready_ms: float, said: str
) -> tuple[list[str], dict[str, object]]:
    """Reconnect's time to its icon against Safe Eyes', both seen by the same polling."""
    row: dict[str, object] = {
        "benchmark": "Start",
        "figure": FIGURE_SAFE_EYES,
        "target": f"Reconnect <= x{PEER_RATIO:g} this (its icon seen by the same polling)",
    }
    if ours is None or theirs is None:
        why = f"Safe Eyes {said}" if said else "Safe Eyes not measured"
        # Left out on purpose: no verdict; wanted but missing: not met.
        row.update(
            measured=f"(not measured: {why})",
            peer=f"Reconnect {ours_ready_ms:.0f} ms by its ready file",
            met=None if "--no-peers" in said else False,
        )
        return [f"{'Safe Eyes ratio':<34} not measured: the comparison was not made ({why})"], row
    ours_ms, theirs_ms = statistics.median(ours.starts), statistics.median(theirs.starts)
    ratio = ours_ms / theirs_ms
    met = ratio <= PEER_RATIO
    looks = ours.looks + theirs.looks
    look_ms = (ours.looking_s + theirs.looking_s) / max(1, looks) * 1000.0
    lag = (
        f"in those starts it said it was ready at median {statistics.median(ours.ready):.1f} ms, "
        f"against {ours_ready_ms:.1f} ms in the starts not polled (what looking costs the app)"
        if ours.ready
        else "its ready file was not read in those starts"
    )
    lines = [
        f"{'Safe Eyes ratio':<34} x{ratio:.2f}   target <= x{PEER_RATIO:g} Safe Eyes   "
        f"{'PASS' if met else 'MISS'}   Reconnect's icon {ours_ms:.1f} ms, Safe Eyes' "
        f"{theirs_ms:.1f} ms, both seen by the same polling; by its ready file Reconnect is "
        f"x{ours_ready_ms / theirs_ms:.2f} Safe Eyes",
        f"Polling: the tray host looked at every {ICON_POLL_S * 1000:g} ms (one X connection "
        "of our own, XQueryTree); a look "
        f"took {look_ms:.2f} ms on average, and an icon's time is when the look that showed "
        f"it answered. Reconnect's icon was seen at median {ours_ms:.1f} ms; {lag}. Safe Eyes' "
        "icon comes through AppIndicator's fallback to an XEmbed icon, which trayer hosts.",
    ]
    row.update(
        measured=f"{theirs_ms:.0f} ms",
        peer=f"Reconnect's icon {ours_ms:.0f} ms by the same polling (x{ratio:.2f}); "
        f"by its ready file {ours_ready_ms:.0f} ms (x{ours_ready_ms / theirs_ms:.2f})",
        met=met,
    )
    return lines, row


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_start", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, help="timed starts of each app (default 10; quick 2)")
    parser.add_argument("--years", type=float, help="years of history (default 1; quick 0.02)")
    parser.add_argument("--quick", action="store_true", help="few runs, a tiny history")
    parser.add_argument("--no-peers", action="store_true", help="Safe Eyes left out")
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
            lines, rows = run(plan, Path(temp), with_peers=not args.no_peers)
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
