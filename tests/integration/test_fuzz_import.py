"""Importing bad files into a real database: refused files write nothing, good ones write all.

The readers themselves are fuzzed in tests/unit/test_fuzz_inputs.py; here the same damaged
files go through ``services.history.import_history`` and ``reconnect import`` on a real SQLite
file, and the database is compared row by row before and after.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconnect.app import bootstrap
from reconnect.cli.main import main
from reconnect.core.clock import FakeClock
from reconnect.core.history_import import parse_history
from reconnect.services import history
from reconnect.storage.history_repository import HistoryRepository
from tests.unit.test_fuzz_inputs import (
    AWKWARD,
    SMALL_HISTORY,
    export,
    json_values,
    same_sessions,
    session,
)

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TABLES = ("sessions", "checkins", "checkin_marks", "prompts")
NOW = datetime(2026, 11, 21, 18, 0, tzinfo=ZoneInfo("Europe/Berlin"))


class History:
    """A data folder with a real database that already holds a little history."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.context = bootstrap.build(str(folder), {}, FakeClock(NOW))
        self.factory = self.context.database().session_factory
        for already in (session("here-1", "mine, from before 🌱"), session("here-2", None)):
            history.record(self.factory, already)

    def rows(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of every table, to compare before and after."""
        with sqlite3.connect(self.folder / "reconnect.db") as connection:
            found = {
                t: connection.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                for t in TABLES
            }
        connection.close()
        return found

    def cli_import(self, raw: bytes) -> tuple[int, str]:
        with tempfile.NamedTemporaryFile(suffix=".json") as file:
            file.write(raw)
            file.flush()
            out, err = io.StringIO(), io.StringIO()
            code = main(
                ["import", file.name],
                environ={"RECONNECT_DATA_DIR": str(self.folder)},
                clock=FakeClock(NOW),
                stdout=out,
                stderr=err,
            )
        return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    # One database for all examples (hypothesis runs many in one test); each example checks
    # against the rows it finds, so what an earlier one imported does no harm.
    found = History(tmp_path_factory.mktemp("fuzz-import") / "data")
    yield found
    found.context.close()


def assert_all_or_nothing(store: History, raw: bytes) -> None:
    before = store.rows()
    present = {s.id for s in history.recent(store.factory, None)}
    try:
        report = history.import_history(store.factory, raw)
    except history.ImportRefused as refused:
        assert refused.problems
        assert store.rows() == before, "a refused import wrote something"
        return
    parsed = parse_history(raw)
    after = store.rows()
    assert len(after["sessions"]) == len(before["sessions"]) + report.added
    assert len(after["checkins"]) == len(before["checkins"]) + report.added_checkins
    stored = {s.id: s for s in history.recent(store.factory, None)}
    new = [s for s in parsed.sessions if s.id not in present]  # those here already are skipped
    assert len(new) == report.added
    assert same_sessions([stored[s.id] for s in new], new)


damaged = st.sampled_from(["json", "csv"]).flatmap(
    lambda flavour: st.tuples(
        st.just(export(SMALL_HISTORY, flavour)),
        st.integers(0, 10_000),
        st.binary(min_size=0, max_size=3) | st.sampled_from([b"\x00", b"\xff", b"\r\n", b'"']),
        st.booleans(),
    )
)


@FUZZ
@given(damaged)
def test_a_cut_or_damaged_export_imports_whole_or_writes_nothing(
    store: History, case: tuple[bytes, int, bytes, bool]
) -> None:
    raw, where, bad, cut = case
    where %= len(raw) + 1
    raw = raw[:where] if cut else raw[:where] + bad + raw[where + 1 :]
    assert_all_or_nothing(store, raw)


@FUZZ
@given(st.data())
def test_wrong_types_import_whole_or_write_nothing(store: History, data: st.DataObject) -> None:
    document = json.loads(export(SMALL_HISTORY, "json"))
    target = data.draw(st.sampled_from(document["sessions"]))
    if data.draw(st.booleans()) and target["checkin"]:
        target = target["checkin"]
    target[data.draw(st.sampled_from(sorted(target)))] = data.draw(json_values)
    raw = json.dumps(document, allow_nan=True).encode()
    assert_all_or_nothing(store, raw)


@pytest.mark.parametrize("length", [20_000, 20_001, 1_000_000])
@pytest.mark.parametrize("flavour", ["json", "csv"])
def test_long_notes_in_any_script(store: History, length: int, flavour: str) -> None:
    pieces = "".join(piece for piece in AWKWARD if piece != "\x00")
    note = (pieces * (length // len(pieces) + 1))[:length]
    raw = export([session(f"long-{length}-{flavour}", note)], flavour)
    assert_all_or_nothing(store, raw)
    stored = {s.id for s in history.recent(store.factory, None)}
    assert (f"long-{length}-{flavour}" in stored) == (length <= 20_000)


def test_a_clash_with_this_history_writes_nothing(store: History) -> None:
    # A new session whose check-in id already belongs to a session here.
    clashing = session("new-one", "hello")
    assert clashing.checkin is not None
    raw = export([session("fresh", "fine"), clashing], "json").replace(
        b'"c-new-one"', b'"c-here-1"'
    )
    before = store.rows()
    with pytest.raises(history.ImportRefused, match="clashes"):
        history.import_history(store.factory, raw)
    assert store.rows() == before


def test_a_failure_half_way_through_writing_leaves_nothing(
    store: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = HistoryRepository.add_many

    def half_then_fail(self: HistoryRepository, sessions: list[object]) -> None:
        real(self, sessions[:1])  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(HistoryRepository, "add_many", half_then_fail)
    before = store.rows()
    raw = export([session("half-1", "one"), session("half-2", "two")], "csv")
    with pytest.raises(sqlite3.OperationalError):
        history.import_history(store.factory, raw)
    assert store.rows() == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.sampled_from([b"\x00", b"\xef\xbb\xbf", b"{" * 100_000]))
def test_the_import_command_answers_every_file_with_a_status(store: History, raw: bytes) -> None:
    before = store.rows()
    code, said = store.cli_import(raw)
    assert code in (0, 2), said
    assert said.strip()
    if code == 2:
        assert "nothing was imported" in said
        assert store.rows() == before
