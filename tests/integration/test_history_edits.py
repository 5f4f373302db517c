"""Browsing, editing, deleting and restoring moments in a real database.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from reconnect.core.errors import InputError
from reconnect.core.history_filter import NO_CHECKIN, HistoryFilter
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.core.vocabulary import SparkLevel
from reconnect.paths import resolve_data_paths
from reconnect.services import history_edits
from reconnect.services.history_edits import (
    delete_session,
    edit_checkin,
    find_matching,
    history_page,
    restore_session,
)
from reconnect.storage.database import Database, open_database
from reconnect.storage.unit_of_work import UnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=BERLIN)


@dataclasses.dataclass(frozen=True)
class Answer:
    level: int | str
    body_areas: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    note: str = ""


pytestmark = pytest.mark.both_databases


@pytest.fixture
def database(tmp_path: Path, database_environ: dict[str, str]) -> Iterator[Database]:
    database = open_database(resolve_data_paths(tmp_path, database_environ))
    yield database
    database.close()


def moment(
    when: datetime,
    practice: str = "hand-on-heart",
    level: int | None = 2,
    body: tuple[str, ...] = ("chest",),
    feelings: tuple[str, ...] = ("warmth",),
    note: str = "",
    outcome: Outcome = Outcome.COMPLETED,
) -> BreakSession:
    session_id = new_id()
    ended = when + timedelta(minutes=3)
    checkin = (
        None if level is None else make_checkin(session_id, ended, level, body, feelings, note)
    )
    title = {"hand-on-heart": "Hand on heart", "sunlight": "Sunlight"}[practice]
    return BreakSession(
        session_id,
        practice,
        title,
        Trigger.TRAY,
        Moment.of(when),
        Moment.of(ended),
        outcome,
        checkin,
    )


def store(database: Database, sessions: list[BreakSession]) -> None:
    with UnitOfWork(database.session_factory) as uow:
        uow.history.add_many(sessions)
        uow.commit()


def stored(database: Database, session_id: str) -> BreakSession | None:
    with UnitOfWork(database.session_factory) as uow:
        return uow.history.get(session_id)


def ids(database: Database, filters: HistoryFilter, limit: int = 100, offset: int = 0) -> list[str]:
    return [s.id for s in history_page(database.session_factory, filters, limit, offset).sessions]


@pytest.fixture
def week(database: Database) -> list[BreakSession]:
    """A week of varied moments, stored; returned oldest first."""
    sessions = [
        moment(MONDAY, level=0, body=(), feelings=(), note="Nothing today, and that's fine"),
        moment(MONDAY + timedelta(hours=3), "sunlight", level=None),
        moment(MONDAY + timedelta(days=1), level=1, body=("whole-body",), feelings=("calm",)),
        moment(
            MONDAY + timedelta(days=2),
            "sunlight",
            level=3,
            body=("face",),
            feelings=("joy", "a bit lighter"),
            note="WARM light on my face",
        ),
        moment(MONDAY + timedelta(days=3), level=2, note="Ärger, then relief", feelings=()),
        moment(MONDAY + timedelta(days=4), "sunlight", level=None, outcome=Outcome.STOPPED_EARLY),
    ]
    store(database, sessions)
    return sessions


def test_everything_newest_first_with_the_total(
    database: Database, week: list[BreakSession]
) -> None:
    page = history_page(database.session_factory, HistoryFilter(), 100, 0)
    assert [s.id for s in page.sessions] == [s.id for s in reversed(week)]
    assert page.total == 6 and page.offset == 0 and not page.history_is_empty
    assert page.sessions[-1] == week[0]
    assert page.sessions[-1].checkin == week[0].checkin


def test_an_empty_history_says_so(database: Database) -> None:
    page = history_page(database.session_factory, HistoryFilter(practice_id="sunlight"), 10, 0)
    assert page.sessions == () and page.total == 0 and page.history_is_empty


def test_a_filter_hiding_everything_is_not_an_empty_history(
    database: Database, week: list[BreakSession]
) -> None:
    filters = HistoryFilter(text="no such words")
    page = history_page(database.session_factory, filters, 10, 0)
    assert page.total == 0 and not page.history_is_empty


def test_pages_holding_more_or_fewer_check_ins_read_by_the_same_statements(
    database: Database,
) -> None:
    # The marks of a page's check-ins were read by their ids: a page of n check-ins was a
    # statement of its own, and SQLite kept up to 128 of them compiled for days (the soak
    # saw its memory grow with every dashboard). Now the pages differ only in values.
    from sqlalchemy import event

    sessions = [
        moment(MONDAY + timedelta(minutes=10 * m), level=None if m % 3 == 0 else m % 4)
        for m in range(40)
    ]  # sessions without a check-in among them, so each page holds another number
    store(database, sessions)
    statements: set[str] = set()

    def seen(*args: object) -> None:
        statements.add(str(args[2]))

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        history_page(database.session_factory, HistoryFilter(), 7, 0)
        first = set(statements)
        for limit, offset in ((7, 3), (5, 9), (11, 20), (3, 37)):
            page = history_page(database.session_factory, HistoryFilter(), limit, offset)
            assert all(
                s.checkin.body_areas == ("chest",) and s.checkin.feelings == ("warmth",)
                for s in page.sessions
                if s.checkin
            )
        assert statements == first
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)


def test_pages_follow_each_other_without_gaps_or_repeats(database: Database) -> None:
    # Several sessions start in the same second: the id keeps their order stable.
    sessions = [moment(MONDAY + timedelta(minutes=m // 3)) for m in range(23)]
    store(database, sessions)
    seen: list[str] = []
    for offset in range(0, 30, 5):
        page = history_page(database.session_factory, HistoryFilter(), 5, offset)
        assert page.total == 23 and page.offset == offset
        seen += [s.id for s in page.sessions]
    assert len(seen) == 23 and set(seen) == {s.id for s in sessions}
    starts = [
        s.started for s in history_page(database.session_factory, HistoryFilter(), 30).sessions
    ]
    assert starts == sorted(starts, reverse=True)
    assert history_page(database.session_factory, HistoryFilter(), 5, 40).sessions == ()


def test_the_range_is_of_local_dates_both_ends_included(
    database: Database, week: list[BreakSession]
) -> None:
    tuesday, wednesday = date(2026, 11, 17), date(2026, 11, 18)
    assert ids(database, HistoryFilter(since=tuesday, until=wednesday)) == [
        week[3].id,
        week[2].id,
    ]
    assert ids(database, HistoryFilter(until=date(2026, 11, 16))) == [week[1].id, week[0].id]
    assert len(ids(database, HistoryFilter(since=date(2026, 11, 19)))) == 2


def test_a_late_evening_in_new_york_belongs_to_its_own_local_day(database: Database) -> None:
    evening = moment(datetime(2026, 11, 17, 22, 30, tzinfo=NEW_YORK))  # the 18th in UTC
    store(database, [evening])
    assert ids(database, HistoryFilter(since=date(2026, 11, 17), until=date(2026, 11, 17))) == [
        evening.id
    ]
    assert ids(database, HistoryFilter(since=date(2026, 11, 18))) == []


def test_practice_and_what_stirred(database: Database, week: list[BreakSession]) -> None:
    assert ids(database, HistoryFilter(practice_id="sunlight")) == [
        week[5].id,
        week[3].id,
        week[1].id,
    ]
    assert ids(database, HistoryFilter(level=NO_CHECKIN)) == [week[5].id, week[1].id]
    assert ids(database, HistoryFilter(level=SparkLevel.NOTHING)) == [week[0].id]
    assert ids(database, HistoryFilter(level=SparkLevel.GLOW)) == [week[3].id]
    assert ids(database, HistoryFilter(level=2)) == [week[4].id]  # a plain number works too


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("warm", [3]),  # in a note, whatever its case
        ("NOTHING", [0]),
        ("calm", [2]),  # a feeling word
        ("A Bit", [3]),  # the person's own words
        ("whole body", [2]),  # a body area as it is shown
        ("face", [3]),
        ("ärger", [4]),  # letters beyond ASCII, in another case
        ("ÄRGER", [4]),
        ("relief", [4]),
        ("%", []),  # LIKE's wildcards are just characters
        ("_", []),
        ("  ", [5, 4, 3, 2, 1, 0]),  # blank words filter nothing
    ],
)
def test_words_are_found_in_notes_feelings_and_body_areas(
    database: Database, week: list[BreakSession], words: str, found: list[int]
) -> None:
    assert ids(database, HistoryFilter(text=words)) == [week[i].id for i in found]


def test_filters_combine_and_the_total_counts_all_matches(
    database: Database, week: list[BreakSession]
) -> None:
    filters = HistoryFilter(
        since=date(2026, 11, 17), practice_id="hand-on-heart", level=SparkLevel.FLICKER, text="CALM"
    )
    page = history_page(database.session_factory, filters, 10, 0)
    assert [s.id for s in page.sessions] == [week[2].id] and page.total == 1
    assert ids(database, dataclasses.replace(filters, practice_id="sunlight")) == []

    many = [moment(MONDAY - timedelta(days=d), level=1, feelings=("calm",)) for d in range(1, 12)]
    store(database, many)
    page = history_page(database.session_factory, HistoryFilter(text="calm", level=1), 4, 8)
    assert page.total == 12 and [s.id for s in page.sessions] == [s.id for s in many[7:11]]


def test_a_filter_can_be_cleared_but_keeps_its_range() -> None:
    filters = HistoryFilter(date(2026, 1, 1), None, "sunlight", NO_CHECKIN, "  warm ")
    assert filters.text == "warm" and filters.is_narrowed
    assert filters.cleared() == HistoryFilter(since=date(2026, 1, 1))
    assert not filters.cleared().is_narrowed
    with pytest.raises(InputError, match="choose a start on or before the end"):
        HistoryFilter(since=date(2026, 2, 1), until=date(2026, 1, 1))
    with pytest.raises(InputError, match="what stirred"):
        HistoryFilter(level=4)  # type: ignore[arg-type]


def test_find_matching_says_whether_a_moment_still_fits(
    database: Database, week: list[BreakSession]
) -> None:
    factory = database.session_factory
    assert find_matching(factory, HistoryFilter(level=NO_CHECKIN), week[1].id) == week[1]
    assert find_matching(factory, HistoryFilter(level=SparkLevel.SPARK), week[1].id) is None
    assert find_matching(factory, HistoryFilter(), new_id()) is None


def test_editing_a_checkin_keeps_its_id_and_time(
    database: Database, week: list[BreakSession]
) -> None:
    original = week[3].checkin
    assert original is not None
    answer = Answer(0, ("Whole body", "hands"), ("Tears", "warmth"), "  it was quiet  ")
    checkin = edit_checkin(database.session_factory, week[3].id, answer)
    assert (checkin.id, checkin.session_id, checkin.at) == (original.id, week[3].id, original.at)
    assert checkin.level is SparkLevel.NOTHING
    assert checkin.body_areas == ("whole-body", "hands")
    assert checkin.feelings == ("tears", "warmth")
    assert checkin.note == "it was quiet"
    back = stored(database, week[3].id)
    assert back is not None and back.checkin == checkin
    assert back == week[3]  # the session itself is untouched


def test_a_session_without_a_checkin_can_be_given_one(
    database: Database, week: list[BreakSession]
) -> None:
    session = week[5]
    checkin = edit_checkin(database.session_factory, session.id, Answer(1, (), ("calm",)))
    assert checkin.at == session.ended and checkin.level is SparkLevel.FLICKER
    back = stored(database, session.id)
    assert back is not None and back.checkin == checkin
    assert ids(database, HistoryFilter(level=NO_CHECKIN)) == [week[1].id]

    at = datetime(2026, 11, 21, 8, 0, tzinfo=BERLIN)
    given = edit_checkin(database.session_factory, week[1].id, Answer(2), at=at)
    assert given.at == Moment.of(at)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (Answer(4), "the spark level is 0, 1, 2 or 3"),
        (Answer("a glow"), "the spark level is 0, 1, 2 or 3"),
        (Answer(1, ("tail",)), "is not a body area"),
        (Answer(1, (), ("x" * 41,)), "a feeling is a word or two"),
        (Answer(1, (), (), "n" * 20_001), "at most 20000 fit"),
    ],
)
def test_a_value_that_cannot_be_used_changes_nothing(
    database: Database, week: list[BreakSession], answer: Answer, message: str
) -> None:
    for session in (week[3], week[1]):  # with a check-in, and without one
        with pytest.raises(InputError, match=message):
            edit_checkin(database.session_factory, session.id, answer)
        back = stored(database, session.id)
        assert back is not None and back.checkin == session.checkin


def test_delete_then_restore_gives_back_exactly_the_same(
    database: Database, week: list[BreakSession]
) -> None:
    def table_rows() -> dict[str, list[tuple[object, ...]]]:
        with database.engine.connect() as connection:
            return {
                table: sorted(
                    tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))
                )
                for table in ("sessions", "checkins", "checkin_marks")
            }

    before = table_rows()
    target = week[3]
    deleted = delete_session(database.session_factory, target.id)
    assert deleted == target and deleted.checkin == target.checkin
    assert stored(database, target.id) is None
    after_delete = table_rows()
    assert [len(after_delete[t]) for t in after_delete] == [5, 3, 3]
    assert history_page(database.session_factory, HistoryFilter(), 10, 0).total == 5

    restore_session(database.session_factory, deleted)
    assert table_rows() == before
    back = stored(database, target.id)
    assert back == target and back is not None and back.checkin == target.checkin


def test_a_session_without_a_checkin_is_restored_too(
    database: Database, week: list[BreakSession]
) -> None:
    deleted = delete_session(database.session_factory, week[1].id)
    restore_session(database.session_factory, deleted)
    back = stored(database, week[1].id)
    assert back == week[1] and back is not None and back.checkin is None


def test_unknown_ids_are_explained_and_nothing_changes(
    database: Database, week: list[BreakSession]
) -> None:
    factory = database.session_factory
    unknown = new_id()
    with pytest.raises(InputError, match="no longer in your history"):
        delete_session(factory, unknown)
    with pytest.raises(InputError, match="no longer in your history"):
        edit_checkin(factory, unknown, Answer(1))
    with pytest.raises(InputError, match="already back in your history"):
        restore_session(factory, week[0])
    assert history_page(factory, HistoryFilter(), 10, 0).total == 6
    assert history_edits.UNKNOWN_SESSION.endswith("Reload the list to see what is there now.")


def test_a_large_history_is_read_a_page_at_a_time(database: Database) -> None:
    sessions = [
        moment(MONDAY - timedelta(hours=3 * n), level=(None if n % 4 == 0 else n % 4))
        for n in range(15_000)
    ]
    store(database, sessions)
    statements: list[str] = []
    from sqlalchemy import event

    def remember(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        page = history_page(database.session_factory, HistoryFilter(text="warmth"), 200, 400)
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    assert len(page.sessions) == 200 and page.total == 11_250
    assert [s.id for s in page.sessions] == [s.id for s in sessions if s.checkin is not None][
        400:600
    ]
    assert any("LIMIT" in s and "OFFSET" in s for s in statements)
    assert any("count(" in s.lower() for s in statements)
