"""Benchmark opening the dashboard: time to first content and memory added, on a given history.

Each measurement is a fresh process (so imports and caches count, as they do for a person),
alternating with a bare Qt window shown the same way as the baseline. The targets apply to
the dashboard opened first thing, before anything was written (it loads SQLAlchemy, which the
waiting tray does without); the same figures once a break was recorded follow for comparison:

    python -m bench.bench_dashboard DATA_DIR [--runs 5]

Prints one line per figure; ``--json`` prints the medians as JSON for bench/run_all.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.harness import with_bytecode

FIRST_CONTENT_TARGET_MS = 300.0
MEMORY_TARGET_MB = 40.0


def _memory_mb() -> tuple[float, float]:
    """(PSS, RSS) of this process in MB, from /proc."""
    pss = rss = 0.0
    with Path("/proc/self/smaps_rollup").open(encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
            elif line.startswith("Rss:"):
                rss = int(line.split()[1]) / 1024
    return pss, rss


BARE, FRESH, AFTER_BREAK = "bare", "fresh", "after-break"


def _measure(data_dir: str, kind: str) -> dict[str, float]:
    """In this process: open the dashboard (or a bare window) and time its first paint.

    The dashboard is opened as a person opens it: from the running app (its tray parts built
    on this display, a break armed), so what the app has already loaded is not counted again.
    ``FRESH`` is the app just started: nothing written yet, so the dashboard is the first to
    need the history and loads SQLAlchemy. ``AFTER_BREAK`` is the app once a break has been
    recorded (the usual state for most of a day): the history is already open.
    """
    bare = kind == BARE
    # Reconnect before PySide6, as its entry point does: what loads later (SQLAlchemy, when
    # the dashboard is the first to need the history) comes in through Python's own import,
    # not PySide6's hook (see reconnect.import_order). Hence in this order:
    # isort: off
    from reconnect.app import bootstrap
    from reconnect.app import tray as app_tray
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    # isort: on
    app = QApplication([])

    context = bootstrap.build(data_dir, environ={})
    running = None
    if not bare:
        running = app_tray.build_tray_app(context, app)
        running.tray_app.start()
        if kind == AFTER_BREAK:
            running.records.made()  # what the first offered break does
    else:
        context.database()  # open and migrated, as in the running app
        _ = context.library
    for _ in range(5):
        app.processEvents()
    pss0, rss0 = _memory_mb()
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    spy = FirstPaint()
    started = time.perf_counter()
    if bare:
        from PySide6.QtWidgets import QLabel, QMainWindow

        window = QMainWindow()
        content = QLabel("Nothing to show yet.")
        window.setCentralWidget(content)
        content.installEventFilter(spy)
        window.show()
    else:
        assert running is not None
        running.tray_app.rhythm.open_dashboard()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "dashboard")
        content = window.overview.cards[0]  # type: ignore[attr-defined]
        content.installEventFilter(spy)
    deadline = time.perf_counter() + 20
    while not painted and time.perf_counter() < deadline:
        app.processEvents()
    # Memory once the overview is complete: the statistics (worked out in their own short
    # process) have arrived and are shown.
    while not bare and window.report() is None and time.perf_counter() < deadline:  # type: ignore[attr-defined]
        app.processEvents()
        time.sleep(0.005)
    complete = time.perf_counter()
    app.processEvents()
    pss1, rss1 = _memory_mb()
    every_section = pss1
    if not bare:  # for the record: each section looked at once (the charts module loads)
        for name in window.SECTIONS:  # type: ignore[attr-defined]
            window.show_section(name)  # type: ignore[attr-defined]
            app.processEvents()
        every_section, _ = _memory_mb()
    result = {
        "every_section_mb": every_section - pss0,
        "complete_ms": (complete - started) * 1000,
        "first_content_ms": (painted[0] - started) * 1000 if painted else float("nan"),
        "pss_added_mb": pss1 - pss0,
        "rss_added_mb": rss1 - rss0,
    }
    window.close()
    if running is not None:
        running.close()
    else:
        context.close()
    return result


def _run_child(data_dir: Path, kind: str) -> dict[str, float]:
    env = with_bytecode(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, "-m", "bench.bench_dashboard", str(data_dir), "--child", kind]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    if done.returncode != 0:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(data_dir: Path, runs: int) -> dict[str, float]:
    """Medians over ``runs`` fresh processes each: the dashboard in a just-started app, the
    bare window, and the dashboard once a break was recorded, in turn."""
    dashboard: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    later: list[dict[str, float]] = []
    for _ in range(runs):
        dashboard.append(_run_child(data_dir, FRESH))
        bare.append(_run_child(data_dir, BARE))
        later.append(_run_child(data_dir, AFTER_BREAK))

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    return {
        "first_content_ms": median(dashboard, "first_content_ms"),
        "pss_added_mb": median(dashboard, "pss_added_mb"),
        "rss_added_mb": median(dashboard, "rss_added_mb"),
        "complete_ms": median(dashboard, "complete_ms"),
        "every_section_mb": median(dashboard, "every_section_mb"),
        "bare_first_content_ms": median(bare, "first_content_ms"),
        "bare_pss_added_mb": median(bare, "pss_added_mb"),
        "later_first_content_ms": median(later, "first_content_ms"),
        "later_pss_added_mb": median(later, "pss_added_mb"),
        "runs": float(runs),
    }


def lines(figures: dict[str, float]) -> list[str]:
    """The figures as lines like the other benchmarks print."""
    first, bare = figures["first_content_ms"], figures["bare_first_content_ms"]
    added, bare_added = figures["pss_added_mb"], figures["bare_pss_added_mb"]
    return [
        f"{'dashboard first content':<28} {first:9.2f} ms   target <= "
        f"{FIRST_CONTENT_TARGET_MS:g} ms   {'PASS' if first <= FIRST_CONTENT_TARGET_MS else 'MISS'}"
        f"   baseline bare window {bare:.2f} ms (x{first / bare if bare else 0:.1f}); once a "
        f"break was recorded {figures['later_first_content_ms']:.0f} ms",
        f"{'  overview complete':<28} {figures['complete_ms']:9.2f} ms   (the statistics, "
        "worked out in a short-lived process, shown)",
        f"{'dashboard memory added':<28} {added:9.2f} MB   target <= {MEMORY_TARGET_MB:g} MB   "
        f"{'PASS' if added <= MEMORY_TARGET_MB else 'MISS'}   baseline bare window "
        f"{bare_added:.2f} MB (PSS; RSS added {figures['rss_added_mb']:.1f} MB); once a break "
        f"was recorded {figures['later_pss_added_mb']:.1f} MB",
        f"{'  after every section':<28} {figures['every_section_mb']:9.2f} MB   (each section "
        "shown once)",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_dashboard", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("data_dir", type=Path, help="a Reconnect data folder with a history")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes each (default 5)")
    parser.add_argument("--json", action="store_true", help="print the medians as JSON")
    parser.add_argument("--child", choices=(BARE, FRESH, AFTER_BREAK), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_measure(str(args.data_dir), args.child)))
        return 0
    figures = measure(args.data_dir, args.runs)
    if args.json:
        print(json.dumps(figures))
    else:
        for line in lines(figures):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
