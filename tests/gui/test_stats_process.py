"""The statistics worked out in a short-lived process, and here when that process cannot run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QProcess
from pytestqt.qtbot import QtBot

from reconnect.core.spark_stats import PracticeCounts, Report, compute, counts_to_plain
from reconnect.desktop.stats_process import StatsProcess

COUNTS = [
    PracticeCounts("sunlight", "Sunlight", 12, 11, 10, 7, 3, 12),
    PracticeCounts("box-breath", "Square breathing", 9, 9, 8, 2, 0, 2),
]


def test_the_worker_process_gives_the_same_report(qtbot: QtBot) -> None:
    stats = StatsProcess()
    got: list[Report] = []
    stats.compute(COUNTS, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    assert got == [compute(COUNTS)]


def test_a_newer_request_wins(qtbot: QtBot) -> None:
    stats = StatsProcess()
    got: list[tuple[str, Report]] = []
    stats.compute(COUNTS, lambda r: got.append(("old", r)))
    old = stats.findChildren(QProcess)
    stats.compute(COUNTS[:1], lambda r: got.append(("new", r)))
    # The older process was stopped at once, its signals blocked: its answer cannot come.
    assert [p.state() for p in old] == [QProcess.ProcessState.NotRunning]
    assert all(p.signalsBlocked() for p in old)
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    assert [who for who, _ in got] == ["new"]
    assert got[0][1] == compute(COUNTS[:1])


def test_when_the_process_cannot_run_the_report_is_made_here(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    stats = StatsProcess()
    got: list[Report] = []
    with caplog.at_level("WARNING"):
        stats.compute(COUNTS, got.append)
        qtbot.waitUntil(lambda: bool(got), timeout=20000)
    assert got == [compute(COUNTS)]
    assert "working them out here" in caplog.text


@pytest.mark.parametrize("runs", [True, False], ids=["answered", "not started"])
def test_its_process_does_not_keep_it_alive(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, runs: bool
) -> None:
    # Closures on the process's signals held it: let go by its owner, it lived on until the
    # finished process was deleted, and then deleted that process a second time (a test run
    # ended in a Bus error; under valgrind, "pure virtual method called").
    if not runs:
        monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    stats = StatsProcess()
    held = sys.getrefcount(stats)
    got: list[Report] = []
    stats.compute(COUNTS, got.append)
    assert sys.getrefcount(stats) == held
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    gone: list[bool] = []
    stats.destroyed.connect(lambda: gone.append(True))
    del stats
    assert gone == [True]


def test_no_counts_need_no_process() -> None:
    got: list[Report] = []
    StatsProcess().compute([], got.append)
    assert got == [compute([])]


def test_the_worker_refuses_bad_input_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reconnect.stats_worker"],
        input='[{"id": "x"}]',
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("reconnect stats worker: not a practice's counts")
    good = subprocess.run(
        [sys.executable, "-m", "reconnect.stats_worker"],
        input=json.dumps(counts_to_plain(COUNTS)),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(good.stdout)["overall"]["checkins"] == 18
