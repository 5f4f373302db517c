"""An experiment started from the command line while the installed app runs: its next breaks,
arriving by themselves at ``RECONNECT_TEST_SPEED``, offer the two practices in the experiment's
order, declines are counted apart, and it ends by itself after its planned breaks.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reconnect.core.experiments import Experiment, assignment
from tests.e2e.test_scheduled_breaks import ERROR_LINE, fast_app, next_break_armed
from tests.e2e.test_tray_app import App, prompt_shown

pytestmark = pytest.mark.slow
__all__ = ["fast_app"]  # the fixture, shared with the scheduled breaks' test

A, B = "hand-on-heart", "box-breath"
BREAKS = 4


def experiment_status(app: App) -> dict[str, Any]:
    answer = app.cli("experiment", "status", "--json")
    assert answer.returncode == 0, answer.stderr
    return json.loads(answer.stdout)["experiment"]  # type: ignore[no-any-return]


def offered_practice(app: App) -> str:
    answer = app.cli("status", "--json")
    assert answer.returncode == 0, answer.stderr
    return str(json.loads(answer.stdout)["suggested_practice"])


def present(app: App, turn: int) -> None:
    """Move the mouse: at this speed a minute without input counts as a natural break."""
    app.x("xdotool", "mousemove", str(10 + turn), "5")


def test_an_experiment_started_from_the_command_line_runs_through_the_app(fast_app: App) -> None:
    app = fast_app
    process = app.start()
    app.wait_for(lambda: app.cli("status").returncode == 0, "the app to answer")

    # The first break is the usual one (the app has chosen it already); let it go.
    app.wait_for(lambda: prompt_shown(app), "the first scheduled break")
    assert app.cli("skip").returncode == 0
    next_break_armed(app)

    started = app.cli("experiment", "start", A, B, "--breaks", str(BREAKS))
    assert started.returncode == 0, started.stderr
    assert f"The next {BREAKS} breaks will offer" in started.stdout

    # Its breaks arrive by themselves: skipped, snoozed (its comeback is the next offer),
    # skipped, and the last left until it times out.
    for turn in range(BREAKS):
        present(app, turn)
        app.wait_for(lambda: prompt_shown(app), f"the experiment's break {turn + 1}", seconds=30)
        shown = offered_practice(app)
        assert shown in (A, B)
        progress = experiment_status(app)
        assert progress["offered"] == turn + 1, progress
        if turn == 1:
            assert app.cli("snooze", "5").returncode == 0
        elif turn < BREAKS - 1:
            assert app.cli("skip").returncode == 0
        else:
            app.wait_for(lambda: not prompt_shown(app), "the last prompt to time out", seconds=30)
        app.wait_for(lambda: not prompt_shown(app), "the prompt to go")

    ended = experiment_status(app)
    assert ended["running"] is False and ended["stopped_early"] is False, ended
    assert ended["offered"] == BREAKS and ended["remaining"] == 0
    assert ended["a"]["declined"] + ended["b"]["declined"] == BREAKS  # never "nothing"
    assert ended["a"]["checkins"] == ended["b"]["checkins"] == 0
    assert ended["verdict"] == "too-early"
    text = app.cli("experiment", "status")
    assert (
        text.stdout.startswith("Compared ")
        and f"{BREAKS} of {BREAKS} breaks offered" in text.stdout
    )

    # The next break is the usual suggestion again.
    present(app, 0)
    app.wait_for(lambda: prompt_shown(app), "the break after the experiment", seconds=30)
    assert app.cli("skip").returncode == 0
    assert app.cli("quit").returncode == 0
    assert process.wait(20) == 0

    database = app.env["RECONNECT_DATA_DIR"] + "/reconnect.db"
    with sqlite3.connect(database) as connection:
        seed, identity = connection.execute("SELECT seed, id FROM experiments").fetchone()
        rows = connection.execute(
            "SELECT practice_id, fate, experiment_id FROM prompts ORDER BY offered_at"
        ).fetchall()
    connection.close()
    experiment = Experiment(identity, A, "", B, "", BREAKS, seed, datetime.now(UTC))
    marked = [row for row in rows if row[2] == identity]
    assert [row[0] for row in marked] == [assignment(experiment, i) for i in range(BREAKS)]
    assert [row[1] for row in marked] == ["skipped", "snoozed", "skipped", "missed"]
    assert rows[0][2] is None and rows[-1][2] is None  # before and after: the usual offers

    log_file = Path(app.env["RECONNECT_DATA_DIR"]) / "logs" / "reconnect.log"
    assert not ERROR_LINE.search(log_file.read_text(encoding="utf-8"))
