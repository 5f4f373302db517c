"""The tray's reads before SQLAlchemy loads (``storage.first_look``) agree with the storage layer.

They are plain SQLite on a read-only connection; whenever they can't be sure (no file, another
schema, a damaged file) they say ``UNKNOWN`` and the storage layer answers instead: through the
tray's lazy records (``app.records.LazyRecords``), which make the real records only then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from bench.generate_history import generate

from reconnect.app import bootstrap
from reconnect.app.records import LazyRecords
from reconnect.core.clock import FakeClock
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import Outcome, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.storage import first_look
from reconnect.storage.first_look import UNKNOWN
from reconnect.storage.stats_queries import practice_counts


@pytest.fixture
def context(tmp_path: Path, clock: FakeClock) -> Iterator[bootstrap.Context]:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    context.database()
    yield context
    context.close()


def test_the_counts_match_the_storage_layers_on_a_generated_history(
    tmp_path: Path, clock: FakeClock
) -> None:
    data = tmp_path / "generated"
    generate(data, years=0.3, seed=4)
    context = bootstrap.build(str(data), {}, clock)
    try:
        with context.database().session_factory() as session:
            expected = practice_counts(session, None, None)
        lean = first_look.practice_counts(context.paths.database_file)
    finally:
        context.close()
    assert len(expected) > 5
    assert lean == expected


def test_left_open_and_the_last_break_follow_what_the_records_write(
    context: bootstrap.Context, clock: FakeClock
) -> None:
    file = context.paths.database_file
    me = context.database().computer
    records = BreakRecords(context.database().session_factory)
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    assert first_look.left_open(file, me) is False
    assert first_look.last_break_end(file, me) is None
    assert first_look.practice_counts(file) == []

    session = records.start(practice, Trigger.TRAY, clock.now())
    assert first_look.left_open(file, me) is True
    assert first_look.left_open(file, "another computer") is False  # theirs may be under way
    clock.advance(timedelta(minutes=3))
    records.finish(session.id, clock.now(), Outcome.COMPLETED)
    assert first_look.left_open(file, me) is False
    assert first_look.last_break_end(file, me) == records.last_break_end()

    clock.advance(timedelta(minutes=50))
    prompt = records.offer(practice, clock.now(), 0.3)
    assert first_look.left_open(file, me) is True
    clock.advance(timedelta(minutes=1))
    records.decide(prompt.id, PromptFate.SKIPPED, clock.now())
    assert first_look.left_open(file, me) is False
    assert first_look.last_break_end(file, me) == records.last_break_end()
    assert first_look.practice_counts(file) == records.practice_counts()


def test_whatever_it_cannot_be_sure_of_is_unknown(
    context: bootstrap.Context, tmp_path: Path
) -> None:
    me = context.database().computer
    missing = tmp_path / "nowhere.db"
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database" * 100)
    older = tmp_path / "older.db"
    with sqlite3.connect(older) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.close()
    for file in (missing, damaged, older):
        assert first_look.left_open(file, me) is first_look.UNKNOWN
        assert first_look.practice_counts(file) is first_look.UNKNOWN
        assert first_look.last_break_end(file, me) is first_look.UNKNOWN
        look = first_look.FirstLook(file, me)
        assert look.left_open() is look.practice_counts() is look.last_break_end() is UNKNOWN
    assert not missing.exists()  # read-only: nothing made where there was nothing


def never_made() -> BreakRecords:
    raise AssertionError("the records were made, where the first look could answer")


def test_the_lazy_records_answer_from_the_first_look_without_making_the_records(
    context: bootstrap.Context, clock: FakeClock
) -> None:
    file = context.paths.database_file
    me = context.database().computer
    records = BreakRecords(context.database().session_factory)
    practice = context.library.get("sunlight")
    assert practice is not None
    session = records.start(practice, Trigger.TRAY, clock.now())
    clock.advance(timedelta(minutes=3))
    records.finish(session.id, clock.now(), Outcome.COMPLETED)
    records.save_checkin(session.id, clock.now(), 2, ["face"])

    lazy = LazyRecords(never_made, file, me)
    assert not lazy.read_first
    assert lazy.last_break_end() == records.last_break_end()
    assert lazy.practice_counts() == records.practice_counts()
    assert lazy.tidy_after_last_run(clock.now()) == (0, 0)  # nothing was left open
    assert lazy.read_first and not lazy.is_made


def test_the_lazy_records_make_the_records_for_what_the_first_look_cannot_answer(
    context: bootstrap.Context, clock: FakeClock, tmp_path: Path
) -> None:
    me = context.database().computer
    records = BreakRecords(context.database().session_factory)
    practice = context.library.get("sunlight")
    assert practice is not None
    made: list[BreakRecords] = []

    def make() -> BreakRecords:
        made.append(records)
        return records

    # Left open by a crash: the first look sees it, the records tidy it.
    records.start(practice, Trigger.TRAY, clock.now())
    lazy = LazyRecords(make, context.paths.database_file, me)
    assert lazy.tidy_after_last_run(clock.now()) == (1, 0)
    assert made == [records] and lazy.is_made and lazy.read_first
    assert lazy.last_break_end() == records.last_break_end() is not None  # the records' now

    # A file the first look can't read (here: none yet) asks the records at once.
    elsewhere = LazyRecords(make, tmp_path / "none.db", me)
    assert elsewhere.practice_counts() == records.practice_counts()
    assert len(made) == 2 and not elsewhere.read_first


def test_the_last_break_is_read_through_an_index_not_a_scan(
    context: bootstrap.Context,
) -> None:
    """Every start reads the end of the last break: through an index each, so a year or five
    of history does not make the start slower (a full scan grew with every row)."""
    me = context.database().computer
    with sqlite3.connect(context.paths.database_file) as connection:
        plans = {
            query: " ".join(
                row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {query}", parameters)
            )
            for query, parameters in (
                (first_look.LAST_SESSION_END, (me,)),
                (first_look.LAST_LET_GO, (me, first_look.LET_GO[0])),
            )
        }
    for query, plan in plans.items():
        assert "SCAN" not in plan, (query, plan)
        assert "COVERING INDEX ix_" in plan, (query, plan)
