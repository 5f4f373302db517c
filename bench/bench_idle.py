"""Benchmark the idle cost: memory, CPU and wake-ups of Reconnect waiting in the tray.

Reconnect, Safe Eyes and Workrave are started together on one virtual desktop (Xvfb, a
session bus, a stand-in system bus, trayer, and openbox and dunst where installed), left
alone for a minute, then watched for the next minute, each with the processes it started:

* PSS (``/proc/PID/smaps_rollup``, summed), RSS and USS (private pages) at the end of the
  window; PSS shares libraries among all the processes mapping them, others' too, while
  USS does not depend on what else runs;
* CPU seconds: run time of every thread (``/proc/PID/task/*/schedstat``) plus children
  reaped meanwhile, per minute;
* wake-ups: voluntary context switches summed over all threads, per minute.

Safe Eyes and Workrave are installed with apt-get when missing (and the script says when it
cannot). Targets: PSS 60 MB or less and at most 0.8 times Safe Eyes', at most 30 wake-ups
per minute, CPU under 0.02 s per minute.

    python -m bench.bench_idle [--warmup 60] [--window 60] [--quick] [--no-peers] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import BenchDesktop, DesktopUnavailable, prepare_data, reconnect_command

PSS_TARGET_MB = 60.0
PSS_PEER_RATIO = 0.8
WAKEUPS_TARGET = 30.0
CPU_TARGET_S = 0.02
PEERS = (("Safe Eyes", "safeeyes", ["safeeyes"]), ("Workrave", "workrave", ["workrave"]))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Plan:
    warmup: float
    window: float
    years: float


FULL = Plan(warmup=60.0, window=60.0, years=1.0)
QUICK = Plan(warmup=2.0, window=3.0, years=0.02)


# --- reading /proc ---------------------------------------------------------------------------


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # the process or thread ended meanwhile
        return ""


def _stat_fields(pid: int) -> list[str]:
    text = _read(Path(f"/proc/{pid}/stat"))
    # The command name (field 2) may hold spaces and parentheses: split after the last ")".
    return text[text.rfind(")") + 2 :].split() if text else []


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants that are alive now."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, queue = [], [pid]
    while queue:
        current = queue.pop()
        if Path(f"/proc/{current}").exists():
            tree.append(current)
            queue.extend(children.get(current, []))
    return tree


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
        fields = _stat_fields(member)
        if len(fields) > 14:
            shot.reaped_ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
        for line in _read(Path(f"/proc/{member}/smaps_rollup")).splitlines():
            key, _, value = line.partition(":")
            if key == "Pss":
                shot.pss_kb += int(value.split()[0])
            elif key == "Rss":
                shot.rss_kb += int(value.split()[0])
            elif key in ("Private_Clean", "Private_Dirty"):
                shot.uss_kb += int(value.split()[0])
        shot.processes += 1
        tasks = Path(f"/proc/{member}/task")
        for task in tasks.iterdir() if tasks.exists() else ():
            key = (member, int(task.name))
            schedstat = _read(task / "schedstat").split()
            if schedstat:
                shot.run_ns[key] = int(schedstat[0])
            for line in _read(task / "status").splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    shot.switches[key] = int(line.split()[1])
            shot.names[key] = _read(task / "comm").strip()
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
        tree = process_tree(self.process.pid) if self.alive() else []
        if self.quit_command is not None and self.alive():
            subprocess.run(self.quit_command, env=env, capture_output=True, timeout=30, check=False)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(10)
        for pid in tree:  # the app first, then what it started
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def tail(self, lines: int = 8) -> str:
        return "\n".join(_read(self.log).splitlines()[-lines:])


def install_peers() -> str:
    """Install Safe Eyes and Workrave with apt-get if missing; returns what happened."""
    missing = [package for _, package, _ in PEERS if shutil.which(package) is None]
    if not missing:
        return ""
    if shutil.which("apt-get") is None:
        return f"cannot install {' '.join(missing)}: no apt-get here"
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            return f"cannot install {' '.join(missing)}: not root and no sudo"
        prefix = ["sudo", "-n"]
    print(f"Installing the peers: apt-get install -y {' '.join(missing)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = [*prefix, "apt-get", "install", "-y", "-qq", *missing]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:  # perhaps the package lists are old or missing
        subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, capture_output=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        return f"cannot install {' '.join(missing)}: apt-get failed: {last}"
    return f"installed {' '.join(missing)}"


def _version(package: str) -> str:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 else "?"


def _wait_ready(app: Running, ready_file: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready_file.exists() and app.alive() and time.monotonic() < deadline:
        time.sleep(0.05)


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

    ready_file = work / "ready"
    with BenchDesktop(home=work / "home", window_manager=True, notifications=True) as desk:
        data_dir = work / "data"
        contents = prepare_data(data_dir, plan.years, desk.env())
        env = desk.env()
        apps: list[Running] = []
        try:
            with (work / "reconnect.log").open("wb") as log:
                apps.append(
                    Running(
                        "Reconnect",
                        __version__,
                        subprocess.Popen(
                            reconnect_command(),
                            env=desk.env(
                                RECONNECT_DATA_DIR=str(data_dir),
                                RECONNECT_READY_FILE=str(ready_file),
                            ),
                            stdout=log,
                            stderr=log,
                        ),
                        work / "reconnect.log",
                        quit_command=[*reconnect_command(), "--data-dir", str(data_dir), "quit"],
                    )
                )
            began = time.monotonic()
            for name, package, command in peers:
                log_path = work / f"{package}.log"
                with log_path.open("wb") as log:
                    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
                apps.append(Running(name, _version(package), process, log_path))
            _wait_ready(apps[0], ready_file)
            time.sleep(max(0.0, began + plan.warmup - time.monotonic()))
            before = {app.name: snapshot(app.process.pid) for app in apps if app.alive()}
            window_began = time.monotonic()
            time.sleep(plan.window)
            after = {app.name: snapshot(app.process.pid) for app in apps if app.alive()}
            seconds = time.monotonic() - window_began
            icons = desk.tray_pids()
            in_tray = {app.name: bool(icons & set(process_tree(app.process.pid))) for app in apps}
            status = subprocess.run(
                [*reconnect_command(), "--data-dir", str(data_dir), "status"],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            ).stdout.strip()
        finally:
            for app in apps:
                app.stop(env)
        extras = ", ".join(["Xvfb", "session bus", "stand-in system bus", "trayer", *desk.extras])

    results: dict[str, Figures] = {}
    table = [
        f"{'app':<24} {'PSS MB':>8} {'RSS MB':>8} {'USS MB':>8} {'CPU s/min':>10} "
        f"{'wake-ups/min':>13} "
        f"{'threads':>8} {'in tray':>8}"
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
        tray = "yes" if in_tray.get(app.name) else "no"
        table.append(
            f"{app.name + ' ' + app.version:<24} {result.pss_mb:8.1f} {result.rss_mb:8.1f} "
            f"{result.uss_mb:8.1f} "
            f"{result.cpu_s_per_min:10.4f} {result.wakeups_per_min:13.1f} "
            f"{result.threads:8d} {tray:>8}"
        )
    ours = results.get(apps[0].name)
    if ours is None:
        raise RuntimeError("Reconnect did not keep running:\n" + apps[0].tail())
    safe_eyes = results.get("Safe Eyes")
    others = [f for n, f in results.items() if n != ours.name]

    pss_limit = PSS_TARGET_MB
    pss_target = f"<= {PSS_TARGET_MB:g} MB"
    if safe_eyes is not None:
        pss_limit = min(pss_limit, PSS_PEER_RATIO * safe_eyes.pss_mb)
        pss_target += f" and <= x{PSS_PEER_RATIO:g} Safe Eyes ({pss_limit:.1f} MB)"
    else:
        pss_target += f" (x{PSS_PEER_RATIO:g} Safe Eyes not checked: no Safe Eyes)"
    pss_met = ours.pss_mb <= pss_limit
    wake_met = ours.wakeups_per_min <= WAKEUPS_TARGET
    cpu_met = ours.cpu_s_per_min < CPU_TARGET_S

    def peers_of(attribute: str, unit: str, digits: int = 1) -> str:
        return ", ".join(f"{f.name} {getattr(f, attribute):.{digits}f}{unit}" for f in others)

    ratio = f" (x{ours.pss_mb / safe_eyes.pss_mb:.2f} Safe Eyes)" if safe_eyes else ""
    lines = [
        f"Idle cost: {plan.warmup:g} s after start, over the next {seconds:.1f} s, "
        f"on one virtual desktop ({extras})",
        f"Reconnect's data folder: {contents}; it says: {status or '(no answer)'}",
        *notes,
        *table,
        f"{'idle PSS':<20} {ours.pss_mb:8.1f} MB     target {pss_target}   "
        f"{_verdict(pss_met)}{ratio}",
        f"{'idle wake-ups':<20} {ours.wakeups_per_min:8.1f} /min   target <= "
        f"{WAKEUPS_TARGET:g} /min   {_verdict(wake_met)}",
        f"{'idle CPU':<20} {ours.cpu_s_per_min:8.4f} s/min  target < {CPU_TARGET_S:g} s/min   "
        f"{_verdict(cpu_met)}",
        "Reconnect's wake-ups per minute by thread: "
        + ", ".join(f"{label} {rate:.1f}" for label, rate in ours.by_thread),
    ]
    rows: list[dict[str, object]] = [
        {
            "benchmark": "Idle",
            "figure": "PSS after a minute",
            "target": pss_target,
            "measured": _mb(ours.pss_mb) + ratio,
            "peer": peers_of("pss_mb", " MB"),
            "met": pss_met,
        },
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
    ]
    return lines, rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_idle", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--warmup", type=float, help="seconds before watching (default 60)")
    parser.add_argument("--window", type=float, help="seconds watched (default 60)")
    parser.add_argument("--years", type=float, help="years of history (default 1; quick 0.02)")
    parser.add_argument("--quick", action="store_true", help="2 s of warm-up, 3 s watched")
    parser.add_argument("--no-peers", action="store_true", help="Reconnect alone")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--workdir", type=Path, help="where the temporary folder goes")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    plan = Plan(
        warmup=plan.warmup if args.warmup is None else args.warmup,
        window=plan.window if args.window is None else max(0.5, args.window),
        years=plan.years if args.years is None else args.years,
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
