"""Find what the soak sees grow, cheaply: the tray app in this process on a virtual desktop,
one action repeated many times, with what grew (memory, Python objects by type) after each round.

Actions: ``dashboard`` (opened on every section, or ``--tabs``, then closed), ``windows``
(settings and help opened and closed), ``prompt`` (a break offered, taking each fate in turn,
or ``--fates``), ``both``, ``wait`` (the rhythm running), ``socket`` (``debug state`` over the
control socket) and ``counts`` (the debug count). Memory is read from /proc/self/smaps_rollup
and glibc's mallinfo2 (``--trim`` gives back glibc's free pages first), with SQLite's memory,
the pool, SQLAlchemy's statement cache and pymalloc's arenas; ``--trace`` compares tracemalloc
snapshots, ``--follow TYPE`` shows who holds the newest objects of a type, and ``--hard-exit``
ends without tidying so that heaptrack counts what is held.

    python -m bench.soak_probe ACTION [--rounds 6] [--every 10] [--trace] [--trim]
                                      [--no-qt-counts]
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.bench_soak import write_settings
from bench.harness import BenchDesktop, prepare_data
from reconnect.desktop.memory import give_back_free_memory

SPEED = 600
FATES = ("checked in", "stopped early", "skipped", "snoozed", "timed out")
ACTIONS = ("dashboard", "prompt", "both", "windows", "wait", "socket", "counts")


def memory_kb() -> tuple[int, int, int]:
    """PSS, RSS and private dirty memory of this process, in kB (PSS moves with what other
    processes share; private dirty is this process's own heap and stacks)."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Pss"], fields["Rss"], fields["Private_Dirty"]


def malloc_kb() -> tuple[int, int]:
    """glibc's heap: in use, and free but kept (fragments), in kB."""
    from reconnect.app.debug_control import malloc_figures_kb

    figures = malloc_figures_kb()
    return figures.get("malloc_in_use_kb", 0), figures.get("malloc_free_kb", 0)


def database_figures(probe: Probe) -> str:
    """SQLite's own memory (all connections), the pool's connections and the statement cache."""
    libsqlite = ctypes.CDLL("libsqlite3.so.0")
    libsqlite.sqlite3_memory_used.restype = ctypes.c_int64
    engine = probe.context.database().engine
    cache = getattr(engine, "_compiled_cache", None)
    return (
        f"sqlite memory {libsqlite.sqlite3_memory_used() / 1024 / 1024:.2f} MB,"
        f" pool {engine.pool.status()}, compiled cache {len(cache) if cache is not None else '-'}"
    )


def python_arenas_kb() -> int:
    """The memory pymalloc holds in its arenas (free blocks in them included), in kB."""
    from reconnect.app.debug_control import python_arena_figures

    return python_arena_figures().get("python_arenas", 0) * 1024  # 1 MiB arenas


def _name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def by_type() -> Counter[str]:
    return Counter(_name(type(o)) for o in gc.get_objects())


class Probe:
    """The app running in this process, and the actions to repeat on it."""

    def __init__(self, data_dir: Path, environ: dict[str, str]) -> None:
        from PySide6.QtWidgets import QApplication

        from reconnect.app import bootstrap
        from reconnect.app.debug_control import DebugControl
        from reconnect.app.tray import build_tray_app

        self.app = QApplication.instance() or QApplication(["reconnect"])
        self.app.setQuitOnLastWindowClosed(False)
        self.context = bootstrap.build(str(data_dir), environ)
        self.running = build_tray_app(self.context, self.app)
        self.running.start()
        self.running.finish_start(sys.stderr, lambda problem: sys.exit(f"failed: {problem}"))
        self.rhythm = self.running.tray_app.rhythm
        self.debug: DebugControl = self.running.server._debug
        self.fates = 0
        self.tabs: list[int] | None = None  # the dashboard's sections shown; None: all
        self.count_qt = True
        self.next_nudge = 0.0
        self.follow: list[str] = []
        self.fate_cycle: Sequence[str] = FATES
        self.nudges = 0
        self.trim = False
        self.settle()

    def nudge(self) -> None:
        """Someone at the keyboard: idle time counts at the test speed (as in the soak)."""
        if time.monotonic() < self.next_nudge:
            return
        self.next_nudge = time.monotonic() + 1.0
        self.nudges += 1
        spot = str(5 + self.nudges % 2)
        subprocess.run(["xdotool", "mousemove", spot, spot], check=False)

    def settle(self, seconds: float = 0.05) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            time.sleep(0.005)
        gc.collect()

    def wait(self, what: str, test: Callable[[dict[str, Any]], bool], limit: float = 20) -> None:
        end = time.monotonic() + limit
        while not test(self.debug.state()):
            self.nudge()
            if time.monotonic() > end:
                raise RuntimeError(f"no {what}: {self.debug.state()}")
            self.app.processEvents()
            time.sleep(0.005)

    def wait_a_while(self) -> None:
        """Two seconds of the app running, with someone at the keyboard."""
        end = time.monotonic() + 2
        while time.monotonic() < end:
            self.nudge()
            self.app.processEvents()
            time.sleep(0.005)

    def socket(self) -> None:
        """Fifty ``debug state`` requests over the control socket, as the soak polls it."""
        import threading

        from bench.bench_soak import Control

        control = Control(self.context.paths.root, dict(os.environ))
        asker = threading.Thread(target=lambda: [control.state() for _ in range(50)])
        asker.start()
        while asker.is_alive():
            self.app.processEvents()
            time.sleep(0.002)
        self.settle()

    def count(self) -> None:
        """The soak's sample: the debug count of live Qt objects."""
        self.debug("counts")
        self.settle()

    def settings_and_help(self) -> None:
        for which in ("settings", "help"):
            self.debug(which)
            self.debug("close-windows")
            self.wait("windows closed", lambda s: not s["windows"])
        self.settle()

    def dashboard(self) -> None:
        if self.tabs is None:
            self.debug("dashboard")
        else:
            windows = self.debug._windows
            windows.show_dashboard()
            window = windows.open_window("dashboard")
            for index in self.tabs:
                window.tabs.setCurrentIndex(index)
                self.app.processEvents()
        self.debug("close-windows")
        self.wait("windows closed", lambda s: not s["windows"])
        self.settle()

    def prompt(self) -> None:
        fate = self.fate_cycle[self.fates % len(self.fate_cycle)]
        self.fates += 1
        self.nudge()
        self.rhythm.break_now(None)
        self.wait("prompt", lambda s: s["prompt"])
        if fate in ("checked in", "stopped early"):
            self.debug("start")
            self.wait("player", lambda s: s["player"] or s["checkin"])
            if fate == "stopped early" and self.debug.state()["player"]:
                self.debug("stop")
            self.wait("practice ended", lambda s: not s["player"], 60)
            if self.debug.state()["checkin"]:
                self.debug("check-in")
                self.wait("check-in saved", lambda s: not s["checkin"])
        elif fate == "skipped":
            self.rhythm.skip()
        elif fate == "snoozed":
            self.rhythm.snooze(5)
            self.wait("prompt gone", lambda s: not s["prompt"])
            self.wait("snoozed prompt back", lambda s: s["prompt"])
            self.rhythm.skip()
        else:
            self.wait("prompt timed out", lambda s: not s["prompt"])
        self.wait("prompt gone", lambda s: not s["prompt"])
        self.settle()


def holders(kind: str, limit: int = 3) -> None:
    """Who holds the newest objects whose type is named ``kind``, two steps up."""
    found = [o for o in gc.get_objects() if _name(type(o)) == kind][-limit:]
    frame = sys._getframe()
    for thing in found:
        print(f"  {kind} {thing!r:.120}, references {sys.getrefcount(thing) - 2}")
        made = tracemalloc.get_object_traceback(thing)
        if made is not None:
            print("    made at:\n      " + "\n      ".join(made.format(limit=12)))
        for ref in gc.get_referrers(thing):
            if ref is found or ref is frame:
                continue
            print(f"    held by {type(ref).__qualname__}: {ref!r:.200}")
            for up in gc.get_referrers(ref)[:4]:
                if up is found or isinstance(up, type(frame)):
                    continue
                print(f"      held by {type(up).__qualname__}: {up!r:.200}")
    del found


def report(label: str, probe: Probe, last: dict[str, Any], trace: bool) -> dict[str, Any]:
    gc.collect()
    if probe.trim:  # glibc gives back the free pages it kept: what remains is held
        give_back_free_memory(collect=False)
    pss, rss, private = memory_kb()
    used, free = malloc_kb()
    types = by_type()
    counts = probe.debug.counts() if probe.count_qt else {}
    now = {"pss": pss, "rss": rss, "private": private, "used": used, "free": free}
    now |= {"types": types, "counts": counts}
    if trace:
        now["snapshot"] = tracemalloc.take_snapshot()
    if last:
        grown = (types - last["types"]).most_common(15)
        qgrown = {
            k: v - last["counts"].get(k, 0)
            for k, v in counts.items()
            if v != last["counts"].get(k, 0)
        }
        print(
            f"{label}: PSS {pss / 1024:.1f} MB ({(pss - last['pss']) / 1024:+.2f}), RSS "
            f"{rss / 1024:.1f} ({(rss - last['rss']) / 1024:+.2f}), gc objects "
            f"{sum(types.values())} ({sum(types.values()) - sum(last['types'].values()):+d})",
            flush=True,
        )
        print(
            f"  private dirty {private / 1024:.1f} MB ({(private - last['private']) / 1024:+.2f}),"
            f" malloc in use {used / 1024:.1f} ({(used - last['used']) / 1024:+.2f}),"
            f" malloc free {free / 1024:.1f} ({(free - last['free']) / 1024:+.2f})"
        )
        print(f"  {database_figures(probe)}, python arenas {python_arenas_kb() / 1024:.0f} MB")
        print(f"  types grown: {grown}")
        print(f"  qt counts changed: {qgrown}")
        if trace and "snapshot" in last:
            for stat in now["snapshot"].compare_to(last["snapshot"], "lineno")[:15]:
                print(f"  {stat}")
    for kind in probe.follow:
        holders(kind)
    return now


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak_probe")
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--trace", action="store_true", help="tracemalloc comparisons")
    parser.add_argument("--tabs", help="the dashboard's sections shown, like 0,3 (default: all)")
    parser.add_argument("--no-qt-counts", action="store_true", help="no debug counts")
    parser.add_argument("--follow", action="append", help="show who holds objects of this type")
    parser.add_argument("--fates", help=f"the prompts' fates in turn, of: {','.join(FATES)}")
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) before each report")
    parser.add_argument("--hard-exit", action="store_true", help="end without tidying up")
    parser.add_argument("--years", type=float, default=0.2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reconnect-probe-") as temp:
        work = Path(temp)
        desk = BenchDesktop(work / "home", window_manager=True)
        with desk:
            data_dir = work / "data"
            environ = desk.env(RECONNECT_DATA_DIR=str(data_dir), RECONNECT_TEST_SPEED=str(SPEED))
            prepare_data(data_dir, args.years, environ)
            write_settings(data_dir)
            os.environ.update(environ)
            if args.trace:
                tracemalloc.start(12)
            probe = Probe(data_dir, environ)
            probe.running.server.listen()
            probe.count_qt = not args.no_qt_counts
            probe.trim = args.trim
            probe.follow = args.follow or []
            if args.fates:
                probe.fate_cycle = args.fates.split(",")
            if args.tabs is not None:
                probe.tabs = [int(t) for t in args.tabs.split(",") if t]
            actions = {
                "dashboard": [probe.dashboard],
                "prompt": [probe.prompt],
                "both": [probe.dashboard, probe.prompt],
                "windows": [probe.settings_and_help],
                "wait": [probe.wait_a_while],
                "socket": [probe.socket],
                "counts": [probe.count],
            }[args.action]
            for action in actions:  # the first of each makes what is made once
                action()
                action()
            last = report("start", probe, {}, args.trace)
            for round_ in range(args.rounds):
                started = time.monotonic()
                for _ in range(args.every):
                    for action in actions:
                        action()
                label = f"after {(round_ + 1) * args.every} x {args.action}"
                label += f" ({time.monotonic() - started:.0f} s)"
                last = report(label, probe, last, args.trace)
            if args.hard_exit:  # for heaptrack: what is still held counts as "leaked"
                sys.stdout.flush()
                os._exit(0)
            probe.running.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
