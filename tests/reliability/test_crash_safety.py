"""Killing Reconnect at random moments costs nothing that it said was saved.

A driver (``driver.py``) records prompts, sessions and check-ins through the real storage stack
and says each step only after its commit. The test kills it with SIGKILL after a seeded random
delay (sometimes while it opens and migrates the database, mostly while it writes), starts the
storage again as the app does (open, migrate, ``tidy_after_last_run``), and checks the file:
``PRAGMA integrity_check``, every confirmed check-in there with its marks, every row whole, and
the sessions cut off marked interrupted. Each run is a process forked from a driver that has
imported everything already, so 60 kills take seconds, not minutes.

``RECONNECT_CRASH_SEED`` picks other random moments (the seed is named in every failure).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine

from reconnect.app import bootstrap
from reconnect.services.breaks import BreakRecords
from reconnect.storage import database as db
from reconnect.storage.problems import DatabaseProblem
from tests.reliability.driver import PRACTICES, expected_checkin

SEED = int(os.environ.get("RECONNECT_CRASH_SEED", "20261117"))
KILLS = 60
# Most kills land while the driver writes; some while it opens (and on the first run, creates
# and migrates) the database and tidies what the last run left.
KILL_WHILE_OPENING = 0.2
WRITING_DELAY_MS = (0, 250)
OPENING_DELAY_MS = (0, 80)
STEP_TIMEOUT = 30.0  # for the driver to reach a line; far above the second it takes
WHOLE_RUN_LIMIT = 240.0  # seconds; the kills take 15-30 s on two busy cores
DRIVER = Path(__file__).with_name("driver.py")
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Said:
    """What the driver said, over all its runs."""

    started: set[str] = field(default_factory=set)
    confirmed: dict[str, str] = field(default_factory=dict)  # check-in id -> session id
    finished: set[str] = field(default_factory=set)


class ForkServer:
    """driver.py --fork-server: each run a process of its own, its lines read as they come."""

    def __init__(self, log: Path) -> None:
        env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
        self._log = log
        with log.open("w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, str(DRIVER), "--fork-server"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
                text=True,
            )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.running: int | None = None  # the run's process id
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def run(self, data_dir: Path) -> int:
        """Start a run; returns its process id."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"RUN {data_dir}\n")
        self.process.stdin.flush()
        self.running = int(self.wait_for("PID")[-1].split()[1])
        return self.running

    def wait_for(self, word: str) -> list[str]:
        """The lines up to and including the first that starts with ``word``."""
        heard: list[str] = []
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"the driver did not say {word} within {STEP_TIMEOUT} s")
            if line is None:
                pytest.fail(f"the driver ended before {word}: {self.errors()}")
            heard.append(line)
            if line.split(" ", 1)[0] == word:
                return heard
            if line.startswith("EXIT"):
                pytest.fail(f"the run ended before {word}: {self.errors()}")

    def kill(self, pid: int) -> list[str]:
        """SIGKILL the run, then every line it wrote after the last one waited for."""
        os.kill(pid, signal.SIGKILL)
        heard = self.wait_for("EXIT")
        self.running = None
        status = int(heard.pop().split()[2])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"the run ended by itself: {self.errors()}"
        )
        return heard

    def errors(self) -> str:
        return self._log.read_text(encoding="utf-8", errors="replace")[-6000:]

    def close(self) -> None:
        """End the server, and a run still going (when a check failed)."""
        if self.running is not None:
            with suppress(ProcessLookupError):
                os.kill(self.running, signal.SIGKILL)
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(STEP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(STEP_TIMEOUT)
        assert self.process.stdout is not None
        self.process.stdout.close()
        self._reader.join(STEP_TIMEOUT)


def remember(said: Said, lines: list[str]) -> set[str]:
    """Add what one run said; returns the sessions it started and did not say it finished."""
    started: set[str] = set()
    for line in lines:
        word, *rest = line.split()
        if word == "STARTED":
            started.add(rest[0])
        elif word == "CONFIRMED":
            said.confirmed[rest[0]] = rest[1]
        elif word == "FINISHED":
            said.finished.add(rest[0])
    said.started |= started
    return started - said.finished


def rows(connection: Connection, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in connection.execute(text(sql))]


def check_whole(connection: Connection, said: Said) -> None:
    """The file as the kill left it (before tidying): sound, and every row whole."""
    assert rows(connection, "PRAGMA integrity_check") == [("ok",)]
    assert rows(connection, "PRAGMA foreign_key_check") == []
    assert rows(connection, "PRAGMA journal_mode") == [("wal",)]

    checkins = {
        checkin_id: (session_id, level, note)
        for checkin_id, session_id, level, note in rows(
            connection, "SELECT id, session_id, level, note FROM checkins"
        )
    }
    marks: dict[tuple[str, str], list[str]] = {}
    for checkin_id, kind, value in rows(
        connection, "SELECT checkin_id, kind, value FROM checkin_marks ORDER BY position"
    ):
        marks.setdefault((str(checkin_id), str(kind)), []).append(str(value))

    missing = set(said.confirmed) - set(checkins)
    assert not missing, f"confirmed check-ins lost: {sorted(missing)[:5]}"
    # Every check-in there, confirmed or not, is exactly what was saved: never a part of it.
    for checkin_id, (session_id, level, note) in checkins.items():
        want = expected_checkin(str(session_id))
        if checkin_id in said.confirmed:
            assert said.confirmed[checkin_id] == session_id
        whole = f"check-in {checkin_id} is not what was saved"
        assert (level, note) == (want["level"], want["note"]), whole
        assert sorted(marks.get((checkin_id, "body"), [])) == want["body"], f"{whole} (body)"
        assert sorted(marks.get((checkin_id, "feeling"), [])) == want["feelings"], whole

    for row in rows(
        connection,
        "SELECT id, practice_id, practice_title, trigger, started_at, started_offset, "
        "local_date, local_hour, local_weekday, outcome, ended_at, ended_offset FROM sessions",
    ):
        assert None not in row[:9], f"a session without its required fields: {row}"
        assert row[1] in PRACTICES and row[2], row
        assert (row[9] is None) == (row[10] is None) == (row[11] is None), row
    finished_badly = rows(
        connection,
        "SELECT id, outcome FROM sessions WHERE outcome IS NOT 'completed' AND id IN "
        f"({', '.join(repr(s) for s in said.finished) or 'NULL'})",
    )
    assert finished_badly == [], "sessions said finished are not completed"
    assert rows(connection, "SELECT count(*) FROM prompts WHERE offered_at IS NULL") == [(0,)]


@contextmanager
def cut_off_at(marker: str) -> Iterator[None]:
    """The first statement starting with ``marker`` fails, as if the power went off there."""

    def fail(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().startswith(marker):
            raise RuntimeError("the power went off here")

    event.listen(Engine, "before_cursor_execute", fail)
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", fail)


@pytest.mark.parametrize(
    "marker", ["CREATE TABLE checkins", "CREATE INDEX ix_prompts", "UPDATE alembic_version"]
)
def test_a_first_start_cut_off_while_making_tables_leaves_none_half_made(
    tmp_path: Path, marker: str
) -> None:
    paths = bootstrap.build(str(tmp_path / "data"), {}).paths
    with cut_off_at(marker), pytest.raises(RuntimeError, match="power went off"):
        db.open_database(paths)
    with sqlite3.connect(paths.database_file) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []
    connection.close()
    database = db.open_database(paths)  # the next start makes the tables after all
    try:
        assert db.current_revision(database.engine) == db.HEAD_REVISION
    finally:
        database.close()


def test_sigkill_at_random_moments_loses_nothing_confirmed(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    said = Said()
    kept_outcomes: dict[str, str] = {}
    interrupted_total = 0
    server = ForkServer(tmp_path / "driver.log")
    began = time.monotonic()
    try:
        for kill in range(KILLS):
            assert time.monotonic() - began < WHOLE_RUN_LIMIT, (
                f"seed {SEED}: {kill} kills took more than {WHOLE_RUN_LIMIT} s"
            )
            pid = server.run(data_dir)
            # The first run creates and migrates the database: cut that off too.
            if kill == 0 or rng.random() < KILL_WHILE_OPENING:
                lines = server.wait_for("OPENING")
                delay = rng.uniform(*OPENING_DELAY_MS)
            else:
                lines = server.wait_for("READY")
                delay = rng.uniform(*WRITING_DELAY_MS)
            threading.Event().wait(delay / 1000)  # the random moment itself, not a timer
            cut_off = remember(said, lines + server.kill(pid))
            try:
                interrupted_total += restart_and_check(data_dir, said, cut_off, kept_outcomes, kill)
            except AssertionError as failure:
                raise AssertionError(f"seed {SEED}, kill {kill}: {failure}") from failure
    finally:
        server.close()

    assert len(said.confirmed) >= KILLS // 2, "the driver hardly wrote anything before its kills"
    assert interrupted_total > 0, "no kill ever cut off a session: the test proved nothing"


def restart_and_check(
    data_dir: Path, said: Said, cut_off: set[str], kept_outcomes: dict[str, str], kill: int
) -> int:
    """Start the storage again as the app does and check what the kill left.

    Returns:
        How many sessions the restart marked interrupted.
    """
    context = bootstrap.build(str(data_dir), {})
    try:
        database = context.database()
    except DatabaseProblem as problem:
        pytest.fail(f"seed {SEED}, kill {kill}: the app could not start again: {problem}")
    try:
        with database.engine.connect() as connection:
            check_whole(connection, said)
        interrupted, _missed = BreakRecords(database.session_factory).tidy_after_last_run(
            context.clock.now()
        )
        with database.engine.connect() as connection:
            outcomes = {
                str(s): str(o) for s, o in rows(connection, "SELECT id, outcome FROM sessions")
            }
            undecided = rows(connection, "SELECT count(*) FROM prompts WHERE fate IS NULL")
    finally:
        context.close()
    assert undecided == [(0,)], "a prompt still undecided after the restart"
    assert "None" not in outcomes.values(), "a session still open after the restart"
    for session_id in cut_off:
        # Cut off before its finish was said: interrupted, unless the finish had committed.
        assert outcomes[session_id] in ("interrupted", "completed"), session_id
    for session_id in said.finished:
        assert outcomes[session_id] == "completed", session_id
    lost = {s: o for s, o in kept_outcomes.items() if outcomes.get(s) != o}
    assert not lost, f"sessions lost or changed: {lost}"
    kept_outcomes.clear()
    kept_outcomes.update(outcomes)
    return interrupted
