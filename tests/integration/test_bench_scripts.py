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
        "bench.bench_start", "--quick", "--runs", "1", "--workdir", str(tmp_path),
        "--json", str(figures),
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert " ms " in _line(result.stdout, "bare PySide6 tray app")
    assert " ms " in _line(result.stdout, "Reconnect ")
    ratio = _line(result.stdout, "start ratio")
    assert "target <= x1.3" in ratio
    assert "PASS" in ratio or "MISS" in ratio
    assert "Reconnect yes" in _line(result.stdout, "Icon seen in the tray")
    [row] = json.loads(figures.read_text(encoding="utf-8"))
    assert row["benchmark"] == "Start"
    assert isinstance(row["met"], bool)


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
    rows = json.loads(figures.read_text(encoding="utf-8"))
    assert [r["figure"] for r in rows] == [
        "PSS after a minute",
        "RSS after a minute",
        "USS (private memory) after a minute",
        "wake-ups per minute",
        "CPU per minute",
    ]


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
    for benchmark in ("| Start |", "| Idle |", "| History |", "| Check-in write |"):
        assert benchmark in text, f"{benchmark} missing from the table:\n{text}"
    assert "(no figures)" not in text
