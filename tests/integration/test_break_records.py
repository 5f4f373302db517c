"""What the last run left behind is tidied honestly when the app starts again.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import Outcome, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.storage.unit_of_work import UnitOfWork

NOW = datetime(2026, 11, 17, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))


pytestmark = pytest.mark.both_databases


def test_a_crash_leaves_sessions_interrupted_and_prompts_missed(
    tmp_path: Path, database_environ: dict[str, str]
) -> None:
    clock = FakeClock(NOW)
    context = bootstrap.build(str(tmp_path / "data"), database_environ, clock)
    factory = context.database().session_factory
    records = BreakRecords(factory)
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    open_session = records.start(practice, Trigger.SCHEDULED, clock.now())
    prompt = records.offer(practice, clock.now(), 0.25)
    done = records.start(practice, Trigger.TRAY, clock.now())
    records.finish(done.id, clock.now() + timedelta(minutes=2), Outcome.COMPLETED)

    clock.advance(timedelta(hours=1))  # the app died; now it starts again
    assert records.tidy_after_last_run(clock.now()) == (1, 1)

    with UnitOfWork(factory) as uow:
        session = uow.history.get(open_session.id)
        kept = uow.history.get(done.id)
        missed = uow.prompts.get(prompt.id)
    assert session is not None and session.outcome is Outcome.INTERRUPTED
    assert kept is not None and kept.outcome is Outcome.COMPLETED
    assert missed is not None and missed.fate is PromptFate.MISSED
    assert missed.probability == 0.25
    assert records.last_break_end() == clock.now().astimezone(ZoneInfo("UTC"))
    context.close()


def test_a_prompt_held_back_by_a_call_keeps_what_held_it_back(
    tmp_path: Path, database_environ: dict[str, str]
) -> None:
    clock = FakeClock(NOW)
    context = bootstrap.build(str(tmp_path / "data"), database_environ, clock)
    factory = context.database().session_factory
    records = BreakRecords(factory)
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    held = records.offer(practice, clock.now(), 0.25, quiet=True, deferred_because="microphone")
    long_title = "Weekly planning " * 20  # a calendar event's title longer than the column
    meeting = records.offer(practice, clock.now(), 0.25, quiet=True, deferred_because=long_title)
    shown = records.offer(practice, clock.now(), 0.25)
    records.decide(held.id, PromptFate.MISSED, clock.now() + timedelta(minutes=30))

    with UnitOfWork(factory) as uow:
        read = {p.id: p for p in (uow.prompts.get(i) for i in (held.id, meeting.id, shown.id)) if p}
    assert read[held.id].deferred_because == "microphone"
    assert read[held.id].fate is PromptFate.MISSED and read[held.id].quiet
    assert read[meeting.id].deferred_because == long_title[:120]
    assert read[shown.id].deferred_because is None
    context.close()
