"""The working-week soak benchmark still runs (quick), and judges growth as it says it does.

The quick run starts its own virtual desktop (Xvfb, trayer, openbox) and the installed app at
a test speed, and drives it through the control socket's ``debug`` command.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from bench.bench_soak import BUSY, FATES, FULL, QUICK, first_round, schedule
from bench.bench_soak_measure import Sample, growth, wakeups_met

ROOT = Path(__file__).resolve().parents[2]
FIGURES = (
    "PSS (MB)",
    "USS (MB)",
    "threads",
    "open file descriptors",
    "child processes",
    "sound players left",
    "live QObjects (reachable)",
    "PySide6 wrappers (gc)",
    "Python objects (gc)",
    "Python allocator blocks",
    "glibc heap in use (MB)",
    "glibc heap freed but kept (MB)",
    "Python allocator arenas (1 MiB)",
    "Python allocator blocks in use (MB)",
)
STEADY = Sample(0.0, 100.0, 90.0, 6, 21, 0, 0, 900, 6000)


@pytest.mark.slow
def test_the_quick_soak_gives_every_fate_and_a_growth_table(tmp_path: Path) -> None:
    rows_file = tmp_path / "soak.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_soak", "--quick", "--json", str(rows_file)],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    summary = next(ln for ln in result.stdout.splitlines() if ln.startswith("Soak: "))
    for fate in (*FATES, BUSY):
        assert f" 0 {fate}" not in summary and f" {fate}" in summary, summary
    assert " 0 dashboards" not in summary and " 0 settings" not in summary, summary
    counted = next(ln for ln in result.stdout.splitlines() if ln.startswith("Growth is counted"))
    assert "once every window and fate has been seen once and the first hour has passed" in counted
    for figure in FIGURES:
        line = next((ln for ln in result.stdout.splitlines() if ln.startswith(figure)), None)
        assert line is not None, f"{figure!r} missing from:\n{result.stdout}"
        if not figure.startswith(("PSS", "threads", "open file", "child", "sound")):
            assert "(shown, no target)" in line
        else:
            assert line.endswith(("PASS", "MISS")), line
    rows = json.loads(rows_file.read_text(encoding="utf-8"))
    assert {row["benchmark"] for row in rows} == {"Soak"}
    assert [row["figure"].split(" growth")[0] for row in rows[:-1]] == list(FIGURES)
    assert rows[-1]["figure"] == "wake-ups at rest after the soak, at speed 600"
    assert "not comparable with the idle benchmark's" in rows[-1]["peer"]
    assert all(isinstance(row["met"], bool) for row in rows if "no target" not in row["target"])
    # Nothing the app started outlives the soak: no players or helpers left behind.
    assert next(r for r in rows if r["figure"].startswith("sound players"))["met"] is True


def test_a_descriptor_opened_after_the_first_hour_is_a_miss() -> None:
    samples = [
        STEADY,
        replace(STEADY, virtual_h=1.0),
        replace(STEADY, virtual_h=2.0, fds=22, pss_mb=102.5),
    ]

    rows = {row.figure: row for row in growth(samples, from_h=1.0)}

    assert rows["open file descriptors"].met is False
    assert rows["open file descriptors"].per_hour == 1.0
    assert rows["PSS (MB)"].met is True  # 2.5 MB is within the 3 MB allowed
    assert rows["threads"].met is True


def test_growth_is_counted_from_the_first_sample_after_the_first_round() -> None:
    # The first round ended at 2.5 h (later than the first hour): the windows' code loaded then.
    samples = [STEADY, replace(STEADY, virtual_h=1.0, pss_mb=110.0),
               replace(STEADY, virtual_h=2.6, pss_mb=130.0),
               replace(STEADY, virtual_h=6.0, pss_mb=131.0)]  # fmt: skip

    rows = {row.figure: row for row in growth(samples, 2.5)}

    assert rows["PSS (MB)"].start == 130.0 and rows["PSS (MB)"].met is True


def test_growth_in_the_first_hour_is_not_counted() -> None:
    samples = [STEADY, replace(STEADY, virtual_h=1.0, pss_mb=140.0, threads=8),
               replace(STEADY, virtual_h=5.0, pss_mb=141.0, threads=8)]  # fmt: skip

    rows = {row.figure: row for row in growth(samples, from_h=1.0)}

    assert rows["PSS (MB)"].met is True and rows["PSS (MB)"].per_hour == 0.25
    assert rows["threads"].met is True


def test_more_wakeups_at_rest_after_the_soak_is_a_miss() -> None:
    assert wakeups_met(8.0, 9.5)
    assert not wakeups_met(8.0, 12.0)


def test_the_schedule_holds_every_fate_and_the_windows() -> None:
    steps = schedule(replace(QUICK, prompts=30, dashboards=4, windows=2))

    assert sum(step in (*FATES, BUSY) for step in steps) == 30
    assert all(fate in steps for fate in (*FATES, BUSY))
    assert steps.count("dashboard") == 4
    assert steps.count("settings") == steps.count("help") == 2


def test_the_full_schedule_keeps_its_counts() -> None:
    steps = schedule(FULL)

    assert sum(step in (*FATES, BUSY) for step in steps) == FULL.prompts >= 300
    assert steps.count("dashboard") == 50
    assert steps.count("settings") == steps.count("help") == 20


def test_the_schedule_begins_with_one_of_every_kind() -> None:
    steps = schedule(FULL)
    first = first_round(FULL)

    assert steps[: len(first)] == first
    assert sorted(first) == sorted([*FATES, BUSY, "dashboard", "settings", "help"])


def test_after_the_first_round_the_windows_are_mixed_not_in_blocks() -> None:
    steps = schedule(FULL)[len(first_round(FULL)) :]
    windows = [step for step in steps if step in ("dashboard", "settings", "help")]

    # Settings and help come all along the soak, not after every dashboard.
    last_dashboard = len(windows) - 1 - windows[::-1].index("dashboard")
    assert windows.index("settings") < 10 and windows.index("help") < 10
    assert last_dashboard > windows.index("settings") and last_dashboard > windows.index("help")
    assert max(len(run) for run in "".join(w[0] for w in windows).split("s")) < 10
    # And spread among the prompts: never two windows running into a block.
    gaps = [i for i, step in enumerate(steps) if step in ("dashboard", "settings", "help")]
    assert all(b - a > 1 for a, b in itertools.pairwise(gaps))
    assert gaps[0] < 10 and gaps[-1] > len(steps) - 10
