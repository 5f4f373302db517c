"""Benchmark the idle cost: memory, CPU and wake-ups of Reconnect waiting in the tray.

Reconnect, Safe Eyes and Workrave are started together on one virtual desktop (Xvfb, a
session bus, a stand-in system bus, trayer, and openbox and dunst where installed), left
alone for a minute, then watched for the next minute, each with the processes it started:

* PSS (``/proc/PID/smaps_rollup``, summed), RSS and USS (private pages) at the end of the
  window. PSS splits each shared page among all the processes mapping it, others' too, so
  it drops when another process maps the same libraries; USS counts a library page as
  private while no other process maps it, so it moves the other way; RSS depends on
  neither. Any process outside the measured ones that maps the same Qt libraries then (this
  script never loads Qt; a test run from the same virtual environment might) is named in a
  note;
* CPU seconds: run time of every thread (``/proc/PID/task/*/schedstat``) plus children
  reaped meanwhile, per minute;
* wake-ups: voluntary context switches summed over all threads, per minute.

Then Reconnect alone is asked, through its command line, to offer a break and to skip it, and
is looked at again half a minute later: PSS, RSS and USS once it has touched the history (no
target; it shows what the tray keeps after its first break).

Then Reconnect is ended and, the peers still running, the floor of the mandated stack is
measured the same way on the same desktop: a bare PySide6 app that only shows a tray icon
(``bench/bare_tray.py``), then the same app with APScheduler's Qt scheduler started and one
job armed (``bench/bare_tray.py --apscheduler``), one at a time, each left alone as long as the
others were and watched over a window as long. They run after Reconnect, not beside it: they
map the same Qt libraries from the same virtual environment, and PSS would split those pages
among them all. What ran beside Reconnect and beside the floor (peers, other processes mapping
Qt) is said, and where it differed the two PSS figures are said not to be comparable.

Safe Eyes and Workrave are installed with apt-get when missing (and the script says when it
cannot); they are shown as peers. Targets: PSS at most 1.05 times the floor's (the bare app
with APScheduler armed), at most 30 wake-ups per minute, CPU under 0.02 s per minute.

    python -m bench.bench_idle [--warmup 60] [--window 60] [--after-break 30] [--quick]
                               [--no-peers] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import (
    ROOT,
    BenchDesktop,
    DesktopUnavailable,
    NotReady,
    PreparedReconnect,
    install_missing,
    last_lines,
    launch,
    package_version,
    prepare_reconnect,
    process_tree,
    qt_sharers,
    read_quietly,
    stat_fields,
    stop_app,
    wait_ready,
)

PSS_FLOOR_RATIO = 1.05  # at most this times the floor's PSS: the bare app + APScheduler armed
WAKEUPS_TARGET = 30.0
CPU_TARGET_S = 0.02
PEERS = (("Safe Eyes", "safeeyes", ["safeeyes"]), ("Workrave", "workrave", ["workrave"]))
# The floor of the mandated stack, measured after Reconnect, alone: (name, bare_tray.py options).
BARE = "bare PySide6 tray app"
SCHEDULER = "bare app + APScheduler armed"
FLOORS = ((BARE, ()), (SCHEDULER, ("--apscheduler",)))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Plan:
    warmup: float
    window: float
    years: float
    after_break: float  # seconds from the skipped break to the last look


FULL = Plan(warmup=60.0, window=60.0, years=1.0, after_break=30.0)
QUICK = Plan(warmup=2.0, window=3.0, years=0.02, after_break=2.0)


# --- reading /proc ---------------------------------------------------------------------------


# read_quietly, stat_fields and process_tree come from bench/harness.py, which ends apps
# with them too.


@dataclass
class Snapshot:
    """One look at a process tree."""

    run_ns: dict[tuple[int, int], int] = field(default_factory=dict)  # per (pid, tid)
    switches: dict[tuple[int, int], int] = field(default_factory=dict)
    names: dict[tuple[int, int], str] = field(default_factory=dict)
    reaped_ticks: int = 0  # CPU of children already waited for
    pss_kb: int = 0
    rss_kb: int = 0
    uss_kb: int = 0  # private pages: what ending the process would give back
    processes: int = 0


def snapshot(pid: int) -> Snapshot:
    shot = Snapshot()
    for member in process_tree(pid):
        fields = stat_fields(member)
        if len(fields) > 14:
            shot.reaped_ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
        for line in read_quietly(Path(f"/proc/{member}/smaps_rollup")).splitlines():
            label, _, value = line.partition(":")
            if label == "Pss":
                shot.pss_kb += int(value.split()[0])
            elif label == "Rss":
                shot.rss_kb += int(value.split()[0])
            elif label in ("Private_Clean", "Private_Dirty"):
                shot.uss_kb += int(value.split()[0])
        shot.processes += 1
        tasks = Path(f"/proc/{member}/task")
        for task in tasks.iterdir() if tasks.exists() else ():
            key = (member, int(task.name))
            schedstat = read_quietly(task / "schedstat").split()
            if schedstat:
                shot.run_ns[key] = int(schedstat[0])
            for line in read_quietly(task / "status").splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    shot.switches[key] = int(line.split()[1])
            shot.names[key] = read_quietly(task / "comm").strip()
    return shot


@dataclass
class Figures:
    """What one app cost over the window."""

    name: str
    pss_mb: float
    rss_mb: float
    uss_mb: float
    cpu_s_per_min: float
    wakeups_per_min: float
    threads: int
    processes: int
    by_thread: list[tuple[str, float]]  # (thread name, wake-ups per minute), busiest first


def figures(name: str, before: Snapshot, after: Snapshot, seconds: float) -> Figures:
    """The difference of two snapshots, per minute; threads that ended meanwhile are lost."""
    per_minute = 60.0 / seconds
    run_ns = sum(ns - before.run_ns.get(key, 0) for key, ns in after.run_ns.items())
    reaped = max(0, after.reaped_ticks - before.reaped_ticks) / CLOCK_TICKS
    by_name: dict[str, int] = {}
    for key, count in after.switches.items():
        delta = count - before.switches.get(key, 0)
        label = after.names.get(key, "?") + (" (main)" if key[0] == key[1] else "")
        by_name[label] = by_name.get(label, 0) + delta
    switches = sum(by_name.values())
    return Figures(
        name=name,
        pss_mb=after.pss_kb / 1024,
        rss_mb=after.rss_kb / 1024,
        uss_mb=after.uss_kb / 1024,
        cpu_s_per_min=(run_ns / 1e9 + reaped) * per_minute,
        wakeups_per_min=switches * per_minute,
        threads=len(after.switches),
        processes=after.processes,
        by_thread=sorted(
            ((label, n * per_minute) for label, n in by_name.items()),
            key=lambda item: -item[1],
        ),
    )


# --- the apps --------------------------------------------------------------------------------


@dataclass
class Running:
    name: str
    version: str
    process: subprocess.Popen[bytes]
    log: Path
    quit_command: list[str] | None = None

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, env: dict[str, str]) -> None:
        stop_app(self.process, env, self.quit_command)

    def tail(self, lines: int = 8) -> str:
        return last_lines(self.log, lines)


def install_peers() -> str:
    """Install Safe Eyes and Workrave with apt-get if missing; returns what happened."""
    return install_missing([package for _, package, _ in PEERS])


@dataclass
class AfterBreak:
    """Reconnect looked at once more, after a break was offered and skipped from the command line.

    Attributes:
        said: what its commands answered, or why there was nothing to measure.
        shot: the look (None: not measured, ``said`` says why).
        seconds: from the skip to the look.
    """

    said: str
    shot: Snapshot | None = None
    seconds: float = 0.0
    sharers: dict[int, str] = field(default_factory=dict)  # others mapping its Qt meanwhile


# Between the offer and the skip: time for the prompt to be drawn, as someone would see it.
PROMPT_SEEN_S = 1.0


def offer_and_skip(reconnect: PreparedReconnect, app: Running, wait: float) -> AfterBreak:
    """``reconnect break-now``, then ``reconnect skip``, then ``wait`` seconds and a snapshot.

    A refused command (no practice fits now, the history can't be written, a practice under
    way) is told in ``said`` rather than raised: the figure has no target.
    """
    answers: list[str] = []
    for command in ("break-now", "skip"):
        if not app.alive():
            return AfterBreak(f"Reconnect had ended before '{command}'")
        result = reconnect.ask(command)
        said = (result.stdout.strip() or result.stderr.strip() or "(nothing)").splitlines()[-1]
        if result.returncode != 0:
            return AfterBreak(
                f"'reconnect {command}' was refused (status {result.returncode}): {said}"
            )
        answers.append(said)
        if command == "break-now":
            time.sleep(PROMPT_SEEN_S)
    skipped_at = time.monotonic()
    time.sleep(wait)
    if not app.alive():
        return AfterBreak(f"Reconnect ended after the skip:\n{app.tail()}")
    shot = snapshot(app.process.pid)
    seconds = time.monotonic() - skipped_at
    sharers = qt_sharers(process_tree(app.process.pid))
    return AfterBreak(" ".join(answers), shot, seconds, sharers)


@dataclass
class Floor:
    """A floor app, watched alone like the others: its figures, or why there are none."""

    name: str
    result: Figures | None
    in_tray: bool = False
    said: str = ""
    sharers: dict[int, str] = field(default_factory=dict)  # others mapping its Qt meanwhile


def watch_floor(
    desk: BenchDesktop, plan: Plan, work: Path, name: str, options: tuple[str, ...]
) -> Floor:
    """Start one floor app with its own ready file, watch it as the others were, and end it.

    It is left alone ``plan.warmup`` seconds after its start, then watched ``plan.window``
    seconds. One that ends or never gets ready is told in ``said`` rather than raised.
    """
    from reconnect.paths import icons_dir

    stem = "bare_tray" + "".join(option.replace("--", "-") for option in options)
    ready_file = work / f"ready-{stem}"
    log = work / f"{stem}.log"
    env = desk.env(RECONNECT_READY_FILE=str(ready_file))
    icon = str(icons_dir() / "tray-active.svg")
    command = [sys.executable, str(ROOT / "bench" / "bare_tray.py"), icon, *options]
    app = Running(name, "", launch(command, env, log), log)
    try:
        began = time.monotonic()
        try:
            wait_ready(name, app.process, ready_file, log)
        except NotReady as error:
            return Floor(name, None, said=str(error))
        time.sleep(max(0.0, began + plan.warmup - time.monotonic()))
        before = snapshot(app.process.pid)
        window_began = time.monotonic()
        time.sleep(plan.window)
        if not app.alive():
            return Floor(
                name,
                None,
                said=f"it ended (status {app.process.returncode}) while watched:\n{app.tail()}",
            )
        after = snapshot(app.process.pid)
        seconds = time.monotonic() - window_began
        sharers = qt_sharers(process_tree(app.process.pid))
        in_tray = bool(desk.tray_pids() & set(process_tree(app.process.pid)))
        return Floor(name, figures(name, before, after, seconds), in_tray, sharers=sharers)
    finally:
        app.stop(env)


def _mb(value: float) -> str:
    return f"{value:.1f} MB"


def _verdict(met: bool) -> str:
    return "PASS" if met else "MISS"


def run(plan: Plan, work: Path, with_peers: bool) -> tuple[list[str], list[dict[str, object]]]:
    """Measure; returns the lines to print and the rows for the table."""
    from reconnect import __version__

    notes: list[str] = []
    peers = []
    if with_peers:
        installed = install_peers()
        if installed:
            notes.append(f"Peers: {installed}.")
        peers = [peer for peer in PEERS if shutil.which(peer[1]) is not None]
        for name, package, _ in PEERS:
            if shutil.which(package) is None:
                notes.append(f"{name} is not installed, so it is left out.")
    else:
        notes.append("Peers left out (--no-peers).")

    with BenchDesktop(home=work / "home", window_manager=True, notifications=True) as desk:
        prepared = prepare_reconnect(desk, work, plan.years)
        env = desk.env()
        apps: list[Running] = []
        try:
            log_path = work / "reconnect.log"
            reconnect_app = Running(
                "Reconnect",
                __version__,
                launch(prepared.tray_command, prepared.env, log_path),
                log_path,
                quit_command=prepared.quit_command,
            )
            apps.append(reconnect_app)
            began = time.monotonic()
            for name, package, command in peers:
                log_path = work / f"{package}.log"
                apps.append(
                    Running(
                        name, package_version(package), launch(command, env, log_path), log_path
                    )
                )
            wait_ready(
                reconnect_app.name, reconnect_app.process, prepared.ready_file, reconnect_app.log
            )
            time.sleep(max(0.0, began + plan.warmup - time.monotonic()))
            before = {app.name: snapshot(app.process.pid) for app in apps if app.alive()}
            window_began = time.monotonic()
            time.sleep(plan.window)
            after = {app.name: snapshot(app.process.pid) for app in apps if app.alive()}
            seconds = time.monotonic() - window_began
            beside = [app.name for app in apps[1:] if app.alive()]
            sharers = qt_sharers(pid for app in apps for pid in process_tree(app.process.pid))
            icons = desk.tray_pids()
            in_tray = {app.name: bool(icons & set(process_tree(app.process.pid))) for app in apps}
            status = prepared.ask("status").stdout.strip()
            skipped = offer_and_skip(prepared, reconnect_app, plan.after_break)
            # Reconnect ended before the floor apps start: they map the same Qt libraries.
            reconnect_app.stop(env)
            still_running = [app.name for app in apps if app.alive()]
            floors = [watch_floor(desk, plan, work, name, options) for name, options in FLOORS]
            still_after = [app.name for app in apps if app.alive()]
        finally:
            for app in apps:
                app.stop(env)
        extras = ", ".join(["Xvfb", "session bus", "stand-in system bus", "trayer", *desk.extras])

    results: dict[str, Figures] = {}
    table = [
        f"{'app':<{NAME_WIDTH}} {'PSS MB':>8} {'RSS MB':>8} {'USS MB':>8} {'CPU s/min':>10} "
        f"{'wake-ups/min':>13} {'threads':>8} {'in tray':>8}"
    ]
    for app in apps:
        if app.name not in before or app.name not in after:
            notes.append(
                f"{app.name} did not keep running (status {app.process.returncode}); "
                f"its last words:\n{app.tail()}"
            )
            continue
        result = figures(app.name, before[app.name], after[app.name], seconds)
        results[app.name] = result
        table.append(_table_row(f"{app.name} {app.version}", result, in_tray.get(app.name)))
    ours = results.get(apps[0].name)
    if ours is None:
        raise RuntimeError("Reconnect did not keep running:\n" + apps[0].tail())
    safe_eyes = results.get("Safe Eyes")
    others = [f for n, f in results.items() if n != ours.name]
    wake_met = ours.wakeups_per_min <= WAKEUPS_TARGET
    cpu_met = ours.cpu_s_per_min < CPU_TARGET_S

    def peers_of(attribute: str, unit: str, digits: int = 1) -> str:
        return ", ".join(f"{f.name} {getattr(f, attribute):.{digits}f}{unit}" for f in others)

    def of_safe_eyes(pss_mb: float) -> str:
        return f" (x{pss_mb / safe_eyes.pss_mb:.2f} Safe Eyes)" if safe_eyes else ""

    if sharers:
        notes.append(_sharers_note("Reconnect", sharers))
    if skipped.sharers:
        notes.append(_sharers_note("Reconnect after the skipped break", skipped.sharers))
    notes += [_sharers_note(f"the {f.name}", f.sharers) for f in floors if f.sharers]
    floors_when = "one at a time, after Reconnect ended" + (
        f" ({' and '.join(still_running)} still running)" if still_running else ""
    )
    table.append(
        f"then the floor apps, {floors_when}, each {plan.warmup:g} s after its start, "
        f"over the next {plan.window:g} s:"
    )
    for floor in floors:
        if floor.result is None:
            notes.append(f"The {floor.name} was not measured: {floor.said}")
            table.append(f"{floor.name:<{NAME_WIDTH}} (not measured)")
        else:
            table.append(_table_row(floor.name, floor.result, floor.in_tray))
    target = pss_target(
        ours,
        next(f for f in floors if f.name == SCHEDULER),
        Conditions(extras, beside, sharers),
        Conditions(extras, [n for n in still_running if n in still_after], {}),
    )
    floor_pss = {
        f.name: _mb(f.result.pss_mb) if f.result is not None else "not measured" for f in floors
    }
    lines = [
        f"Idle cost: {plan.warmup:g} s after start, over the next {seconds:.1f} s, "
        f"on one virtual desktop ({extras})",
        f"Reconnect's data folder: {prepared.contents}; it says: {status or '(no answer)'}",
        *notes,
        *table,
        f"{'idle PSS':<20} {ours.pss_mb:8.1f} MB     target {target.text}   "
        f"{_verdict(target.met)}{target.ratio}{of_safe_eyes(ours.pss_mb)}",
        f"{'idle wake-ups':<20} {ours.wakeups_per_min:8.1f} /min   target <= "
        f"{WAKEUPS_TARGET:g} /min   {_verdict(wake_met)}",
        f"{'idle CPU':<20} {ours.cpu_s_per_min:8.4f} s/min  target < {CPU_TARGET_S:g} s/min   "
        f"{_verdict(cpu_met)}",
        "Reconnect's wake-ups per minute by thread: "
        + ", ".join(f"{label} {rate:.1f}" for label, rate in ours.by_thread),
        _after_break_line(skipped, ours),
        f"{'floor PSS':<20} the bare Qt tray alone is {floor_pss[BARE]}, with APScheduler "
        f"armed {floor_pss[SCHEDULER]} (the target's floor); Reconnect {_mb(ours.pss_mb)}",
        f"{'PSS conditions':<20} {target.conditions}",
    ]
    rows: list[dict[str, object]] = [
        {
            "benchmark": "Idle",
            "figure": "PSS after a minute",
            "target": target.text,
            "measured": _mb(ours.pss_mb) + target.ratio,
            "peer": "; ".join(
                part
                for part in (peers_of("pss_mb", " MB"), target.conditions, _lowered(sharers))
                if part
            ),
            "met": target.met,
        },
        *(_floor_row(floor, ours, of_safe_eyes, floors_when) for floor in floors),
        {
            "benchmark": "Idle",
            "figure": "RSS after a minute",
            "target": "(no target)",
            "measured": _mb(ours.rss_mb),
            "peer": peers_of("rss_mb", " MB"),
            "met": None,
        },
        {
            "benchmark": "Idle",
            "figure": "USS (private memory) after a minute",
            "target": "(no target)",
            "measured": _mb(ours.uss_mb),
            "peer": peers_of("uss_mb", " MB"),
            "met": None,
        },
        {
            "benchmark": "Idle",
            "figure": "wake-ups per minute",
            "target": f"<= {WAKEUPS_TARGET:g}",
            "measured": f"{ours.wakeups_per_min:.1f}",
            "peer": peers_of("wakeups_per_min", ""),
            "met": wake_met,
        },
        {
            "benchmark": "Idle",
            "figure": "CPU per minute",
            "target": f"< {CPU_TARGET_S:g} s",
            "measured": f"{ours.cpu_s_per_min:.4f} s",
            "peer": peers_of("cpu_s_per_min", " s", 4),
            "met": cpu_met,
        },
        _after_break_row(skipped, ours),
    ]
    return lines, rows


@dataclass(frozen=True)
class Conditions:
    """What else ran while an app's PSS was read: the same for Reconnect and its floor, or said.

    Attributes:
        desktop: the desktop's own processes; peers: the peers running then; sharers: others
            mapping the same Qt libraries then (they lower PSS).
    """

    desktop: str
    peers: list[str]
    sharers: dict[int, str]

    def words(self) -> str:
        peers = " and ".join(self.peers) if self.peers else "no peer"
        shared = f", {len(self.sharers)} other process(es) mapping Qt" if self.sharers else ""
        return f"{peers} running{shared}"


@dataclass(frozen=True)
class PssTarget:
    """The idle PSS target: Reconnect's PSS against its floor's, measured alike."""

    text: str
    met: bool
    ratio: str  # " (x1.02 the floor)", or ""
    conditions: str


def pss_target(ours: Figures, floor: Floor, mine: Conditions, its: Conditions) -> PssTarget:
    """Reconnect's PSS at most ``PSS_FLOOR_RATIO`` times the floor's; not met if the floor was
    not measured. ``conditions`` says what ran beside each, and where that differed."""
    text = f"<= x{PSS_FLOOR_RATIO:g} the floor (bare app + APScheduler armed"
    if floor.result is None:
        return PssTarget(text + ": not measured)", False, "", "the floor was not measured")
    its = Conditions(its.desktop, its.peers, floor.sharers)
    limit = PSS_FLOOR_RATIO * floor.result.pss_mb
    conditions = (
        f"same desktop ({mine.desktop}); Reconnect read with {mine.words()}; "
        f"the floor read with {its.words()}"
    )
    if mine.peers != its.peers or len(mine.sharers) != len(its.sharers):
        conditions += " (NOT alike: the two PSS figures are not comparable)"
    return PssTarget(
        f"{text}, {_mb(floor.result.pss_mb)}: {limit:.1f} MB)",
        ours.pss_mb <= limit,
        f" (x{ours.pss_mb / floor.result.pss_mb:.2f} the floor)",
        conditions,
    )


NAME_WIDTH = 30


def _sharers_note(who: str, sharers: dict[int, str]) -> str:
    listed = ", ".join(f"{name} {pid}" for pid, name in sorted(sharers.items()))
    return (
        f"Note: when {who} was measured, {len(sharers)} other process(es) mapped the same Qt "
        f"libraries ({listed}); PSS splits their pages among them all, so its PSS is lower than "
        "alone."
    )


def _lowered(sharers: dict[int, str]) -> str:
    if not sharers:
        return ""
    return f"PSS lowered: {len(sharers)} other process(es) mapped the same Qt libraries"


def _table_row(label: str, result: Figures, in_tray: bool | None) -> str:
    return (
        f"{label:<{NAME_WIDTH}} {result.pss_mb:8.1f} {result.rss_mb:8.1f} {result.uss_mb:8.1f} "
        f"{result.cpu_s_per_min:10.4f} {result.wakeups_per_min:13.1f} "
        f"{result.threads:8d} {'yes' if in_tray else 'no':>8}"
    )


def _floor_row(
    floor: Floor, ours: Figures, of_safe_eyes: Callable[[float], str], when: str
) -> dict[str, object]:
    result = floor.result
    if result is None:
        measured = f"(not measured: {(floor.said.splitlines() or ['?'])[0]})"
        peer = f"Reconnect {_mb(ours.pss_mb)}"
    else:
        measured = _mb(result.pss_mb) + of_safe_eyes(result.pss_mb)
        peer = (
            f"Reconnect {_mb(ours.pss_mb)}; this app: RSS {_mb(result.rss_mb)}, "
            f"USS {_mb(result.uss_mb)}, CPU {result.cpu_s_per_min:.4f} s/min, "
            f"{result.wakeups_per_min:.1f} wake-ups/min; {when}"
        )
        if floor.sharers:
            peer += "; " + _lowered(floor.sharers)
    return {
        "benchmark": "Idle",
        "figure": f"floor: {floor.name}, PSS",
        "target": "(no target)",
        "measured": measured,
        "peer": peer,
        "met": None,
    }


def _after_break_line(skipped: AfterBreak, idle: Figures) -> str:
    label = f"{'PSS after a skip':<20}"
    if skipped.shot is None:
        return f"{label} not measured: {skipped.said}"
    shot = skipped.shot
    return (
        f"{label} {shot.pss_kb / 1024:8.1f} MB     (no target)   "
        f"{shot.pss_kb / 1024 - idle.pss_mb:+.1f} MB against the idle PSS; "
        f"RSS {shot.rss_kb / 1024:.1f} MB, USS {shot.uss_kb / 1024:.1f} MB; "
        f"{skipped.seconds:.0f} s after a break was offered and skipped. It said: {skipped.said}"
    )


def _after_break_row(skipped: AfterBreak, idle: Figures) -> dict[str, object]:
    if skipped.shot is None:
        measured = f"(not measured: {skipped.said})"
    else:
        shot = skipped.shot
        measured = (
            f"{_mb(shot.pss_kb / 1024)} ({shot.pss_kb / 1024 - idle.pss_mb:+.1f} MB; "
            f"RSS {_mb(shot.rss_kb / 1024)}, USS {_mb(shot.uss_kb / 1024)})"
        )
    return {
        "benchmark": "Idle",
        "figure": "PSS after a break was offered and skipped",
        "target": "(no target)",
        "measured": measured,
        "peer": f"Reconnect before the break: {_mb(idle.pss_mb)}"
        + ("; " + _lowered(skipped.sharers) if skipped.sharers else ""),
        "met": None,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_idle", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--warmup", type=float, help="seconds before watching (default 60)")
    parser.add_argument("--window", type=float, help="seconds watched (default 60)")
    parser.add_argument("--years", type=float, help="years of history (default 1; quick 0.02)")
    parser.add_argument(
        "--after-break",
        type=float,
        metavar="SECONDS",
        help="from the skipped break to the last look (default 30; quick 2)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="2 s of warm-up, 3 s watched, 2 s after the break; each floor app the same",
    )
    parser.add_argument("--no-peers", action="store_true", help="Reconnect alone")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--workdir", type=Path, help="where the temporary folder goes")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    plan = Plan(
        warmup=plan.warmup if args.warmup is None else args.warmup,
        window=plan.window if args.window is None else max(0.5, args.window),
        years=plan.years if args.years is None else args.years,
        after_break=plan.after_break if args.after_break is None else max(0.0, args.after_break),
    )
    with tempfile.TemporaryDirectory(prefix="reconnect-idle-", dir=args.workdir) as temp:
        try:
            lines, rows = run(plan, Path(temp), with_peers=not args.no_peers)
        except (DesktopUnavailable, RuntimeError) as error:
            print(f"bench_idle: {error}", file=sys.stderr)
            return 1
    for line in lines:
        print(line)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
