"""The start, idle and run-all benchmarks still run, at tiny sizes, so they cannot rot.

They start their own virtual desktop (Xvfb, trayer) and the app as a subprocess; the peers
(Safe Eyes, Workrave) are left out, so nothing beyond scripts/setup is needed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _line(stdout: str, start: str) -> str:
    line = next((ln for ln in stdout.splitlines() if ln.startswith(start)), None)
    assert line is not None, f"{start!r} missing from:\n{stdout}"
    return line


def test_the_start_benchmark_prints_medians_and_the_ratio(tmp_path: Path) -> None:
    figures = tmp_path / "start.json"
    result = _run(
        "bench.bench_start", "--quick", "--runs", "1", "--no-peers", "--workdir", str(tmp_path),
        "--json", str(figures),
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert " ms " in _line(result.stdout, "bare PySide6 tray app")
    assert " ms " in _line(result.stdout, "bare app + APScheduler armed")
    assert " ms " in _line(result.stdout, "Reconnect ")
    ratio = _line(result.stdout, "start ratio")
    assert "target <= x1.2 the floor" in ratio
    assert "PASS" in ratio or "MISS" in ratio
    bare = _line(result.stdout, "bare app alone")
    assert "(no target)" in bare
    assert "PASS" not in bare and "MISS" not in bare
    peer = _line(result.stdout, "Safe Eyes ratio")
    assert "not measured: the comparison was not made (Safe Eyes left out (--no-peers))" in peer
    seen = _line(result.stdout, "Icon seen in the tray")
    assert "bare app + APScheduler armed yes" in seen
    assert "Reconnect yes" in seen
    reconnect, floor_row, bare_row, safe_eyes = json.loads(figures.read_text(encoding="utf-8"))
    assert reconnect["benchmark"] == "Start"
    assert reconnect["target"] == "<= x1.2 the floor (bare app + APScheduler armed)"
    assert "the floor)" in reconnect["measured"]
    assert isinstance(reconnect["met"], bool)
    assert floor_row["benchmark"] == "Start"
    assert floor_row["figure"] == "floor: bare app + APScheduler armed"
    assert floor_row["target"] == "(no target)"
    assert "ms (x" in floor_row["measured"] and "the bare app)" in floor_row["measured"]
    assert floor_row["met"] is None
    assert bare_row["figure"] == "bare PySide6 tray app, median"
    assert bare_row["met"] is None
    assert safe_eyes["figure"] == "Safe Eyes: process start to tray icon, median"
    assert safe_eyes["target"].startswith("Reconnect <= x0.5")
    assert safe_eyes["measured"].startswith("(not measured")
    assert safe_eyes["met"] is None  # left out on purpose: no verdict either way


def test_the_idle_benchmark_prints_memory_cpu_and_wakeups(tmp_path: Path) -> None:
    figures = tmp_path / "idle.json"
    result = _run(
        "bench.bench_idle", "--quick", "--no-peers", "--workdir", str(tmp_path),
        "--json", str(figures),
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Peers left out" in result.stdout
    row = _line(result.stdout, "Reconnect ")
    assert row.split()[-1] == "yes", "Reconnect's icon was not in the tray"
    for figure in ("idle PSS", "idle wake-ups", "idle CPU"):
        line = _line(result.stdout, figure)
        assert "target" in line
        assert "PASS" in line or "MISS" in line
    # Offered and skipped through the command line; measured unless a command was refused.
    skipped = _line(result.stdout, "PSS after a skip")
    assert " MB " in skipped or "not measured" in skipped
    # The floor apps: measured after Reconnect, one at a time, in the same table format.
    lines = result.stdout.splitlines()
    then = _line(result.stdout, "then the floor apps, one at a time, after Reconnect ended")
    for name in ("bare PySide6 tray app", "bare app + APScheduler armed"):
        floor = _line(result.stdout, name)
        assert lines.index(floor) > lines.index(then) > lines.index(row)
        assert len(floor) == len(row), (floor, row)  # the same columns
        assert all(float(value) >= 0 for value in floor.split()[-7:-1])
        assert floor.split()[-1] == "yes", f"the {name}'s icon was not in the tray"
    comparison = _line(result.stdout, "floor PSS")
    assert "the bare Qt tray alone is " in comparison and " MB" in comparison
    assert "(the target's floor)" in comparison
    assert "target <= x1.05 the floor (bare app + APScheduler armed, " in _line(
        result.stdout, "idle PSS"
    )
    conditions = _line(result.stdout, "PSS conditions")
    assert "Reconnect read with no peer running" in conditions
    assert "the floor read with no peer running" in conditions
    rows = json.loads(figures.read_text(encoding="utf-8"))
    assert [r["figure"] for r in rows] == [
        "PSS after a minute",
        "floor: bare PySide6 tray app, PSS",
        "floor: bare app + APScheduler armed, PSS",
        "RSS after a minute",
        "USS (private memory) after a minute",
        "wake-ups per minute",
        "CPU per minute",
        "PSS after a break was offered and skipped",
    ]
    assert rows[0]["target"].startswith("<= x1.05 the floor")
    assert "the floor)" in rows[0]["measured"]
    assert isinstance(rows[0]["met"], bool)
    for floor_row in rows[1:3]:
        assert floor_row["target"] == "(no target)"
        assert floor_row["measured"].endswith(" MB")
        assert floor_row["met"] is None
    assert rows[-1]["target"] == "(no target)"
    assert rows[-1]["met"] is None


def test_run_all_quick_writes_its_table_elsewhere_and_leaves_the_docs_alone(
    tmp_path: Path,
) -> None:
    document = ROOT / "docs" / "performance.md"
    before = document.read_bytes() if document.exists() else None
    report = tmp_path / "performance.md"

    result = _run("bench.run_all", "--quick", "--no-peers", "--out", str(report), timeout=600)

    assert result.returncode == 0, result.stdout + result.stderr
    assert (document.read_bytes() if document.exists() else None) == before
    text = report.read_text(encoding="utf-8")
    assert "## Machine" in text
    assert "- PySide6: " in text
    assert "| benchmark | figure | target | measured |" in text
    for benchmark in ("| Start |", "| Idle |", "| History |", "| Check-in write |", "| Soak |"):
        assert benchmark in text, f"{benchmark} missing from the table:\n{text}"
    for figure in (
        "| Start | floor: bare app + APScheduler armed | (no target) |",
        "| Start | bare PySide6 tray app, median | (no target) |",
        "| Start | tray shown and next break armed, median | <= x1.2 the floor",
        "| Start | Safe Eyes: process start to tray icon, median | Reconnect <= x0.5",
        "| Idle | PSS after a minute | <= x1.05 the floor",
        "| Idle | PSS after a break was offered and skipped | (no target) |",
        "| Idle | floor: bare PySide6 tray app, PSS | (no target) |",
        "| Idle | floor: bare app + APScheduler armed, PSS | (no target) |",
    ):
        assert figure in text, f"{figure} missing from the table:\n{text}"
    assert "(no figures)" not in text
    # The hand-written part of docs/performance.md comes along into a file elsewhere.
    assert "\n## Why the code is shaped so\n" in text
    assert text.index("## Why the code is shaped so") < text.index("## How to reproduce")
