"""Experiments in the history: migration 0006 on an older file, and the JSON export and import
(older exports without experiments still import)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import Moment, Trigger
from reconnect.paths import resolve_data_paths
from reconnect.services import history
from reconnect.services.breaks import BreakRecords
from reconnect.services.experiments import Experiments
from reconnect.storage import database as db
from reconnect.storage.unit_of_work import UnitOfWork
from tests.conftest import BERLIN

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=BERLIN)
A, B = "hand-on-heart", "box-breath"


def test_migration_0006_keeps_the_prompts_and_can_be_undone(tmp_path: Path) -> None:
    from alembic import command

    file = tmp_path / "reconnect.db"
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as connection:
        command.upgrade(db._alembic_config(connection), "0005")
        connection.execute(
            text(
                "INSERT INTO sessions VALUES ('s1', 'sunlight', 'Sunlight', 'tray', 'completed', "
                "'2026-11-17 13:00:00', 60, NULL, NULL, '2026-11-17', 14, 1, 'desk')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO prompts VALUES ('p1', '2026-11-17 12:59:00', 60, 'sunlight', "
                "'Sunlight', 0.25, 0, 'started', '2026-11-17 13:00:00', 60, 's1', 'desk', "
                "'microphone')"
            )
        )
    engine.dispose()

    migrated = db.open_database(resolve_data_paths(tmp_path, {}), now=NOW)
    try:
        assert migrated.migrated_from == "0005"
        with migrated.engine.connect() as connection:
            row = connection.execute(
                text("SELECT id, session_id, deferred_because, experiment_id FROM prompts")
            ).one()
            keys = inspect(connection).get_foreign_keys("prompts")
        assert tuple(row) == ("p1", "s1", "microphone", None)
        [key] = [k for k in keys if k["referred_table"] == "experiments"]
        assert key["options"] == {"ondelete": "SET NULL"}
    finally:
        migrated.close()

    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as connection:
        connection.execute(text("PRAGMA foreign_keys = ON"))
        command.downgrade(db._alembic_config(connection), "0005")
        assert "experiments" not in inspect(connection).get_table_names()
        rows = connection.execute(text("SELECT id, session_id FROM prompts")).all()
        sessions = connection.execute(text("SELECT count(*) FROM sessions")).scalar()
        assert [tuple(r) for r in rows] == [("p1", "s1")] and sessions == 1
        command.upgrade(db._alembic_config(connection), "0006")
    engine.dispose()


def test_deleting_an_experiment_leaves_its_offers_unmarked(tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        factory = context.database().session_factory
        started = Experiments(factory, clock, context.library).start(A, B).experiment
        practice = context.library.get(A)
        assert practice is not None
        prompt = BreakRecords(factory).offer(practice, clock.now(), 0.5, experiment_id=started.id)
        with factory() as session:
            session.execute(text("DELETE FROM experiments"))
            session.commit()
        with UnitOfWork(factory, reading=True) as uow:
            kept = uow.prompts.get(prompt.id)
        assert kept is not None and kept.experiment_id is None
    finally:
        context.close()


def _history_with_an_experiment(folder: Path) -> tuple[bytes, str]:
    """A history where an experiment ran three breaks (one started and checked in, one
    skipped, one waiting); its JSON export and the experiment's id."""
    clock = FakeClock(NOW)
    context = bootstrap.build(str(folder), {}, clock)
    try:
        factory = context.database().session_factory
        experiments = Experiments(factory, clock, context.library, random.Random(3))
        experiment = experiments.start(A, B, breaks=4).experiment
        records = BreakRecords(factory)
        for index, fate in enumerate((PromptFate.STARTED, PromptFate.SKIPPED, None)):
            clock.advance(timedelta(minutes=45))
            practice = context.library.get((A, B, A)[index])
            assert practice is not None
            prompt = records.offer(practice, clock.now(), 0.5, experiment_id=experiment.id)
            if fate is PromptFate.STARTED:
                session = records.start(practice, Trigger.SCHEDULED, clock.now(), prompt.id)
                records.save_checkin(session.id, clock.now() + timedelta(minutes=3), 2)
            elif fate is not None:
                records.decide(prompt.id, fate, clock.now())
        raw = history.export(factory, "json", Moment.of(clock.now()), "test").encode()
        return raw, experiment.id
    finally:
        context.close()


def test_an_export_carries_the_experiment_and_imports_it_whole(tmp_path: Path) -> None:
    raw, experiment_id = _history_with_an_experiment(tmp_path / "first")
    data = json.loads(raw)
    [exported] = data["experiments"]
    assert exported["id"] == experiment_id and len(exported["offers"]) == 3
    assert [offer["fate"] for offer in exported["offers"]] == ["started", "skipped", None]

    context = bootstrap.build(str(tmp_path / "second"), {}, FakeClock(NOW))
    try:
        factory = context.database().session_factory
        report = history.import_history(factory, raw)
        assert (report.added, report.added_checkins, report.added_experiments) == (1, 1, 1)
        found = Experiments(factory, context.clock, context.library).latest()
        assert found is not None and found.experiment.id == experiment_id
        assert found.experiment.running and found.offered == 3 and found.remaining == 1
        assert (found.a.done, found.a.checkins, found.a.sparks) == (1, 1, 1)
        assert found.b.declined == 1
        again = history.import_history(factory, raw)
        assert (again.added, again.added_experiments) == (0, 0)
        assert history.export(factory, "json", Moment.of(NOW), "test").count('"offers"') == 1
    finally:
        context.close()


def test_an_older_export_without_experiments_still_imports(tmp_path: Path) -> None:
    old = (
        b'{"format": "reconnect-history", "version": 1, "exported_at": '
        b'"2026-11-01T10:00:00+01:00", "app_version": "0.9", "sessions": [\n'
        b'{"id": "s-old", "practice_id": "sunlight", "practice_title": "Sunlight", "trigger": '
        b'"tray", "outcome": "completed", "started_at": "2026-10-30T10:00:00+01:00", '
        b'"ended_at": "2026-10-30T10:03:00+01:00", "checkin": null}\n]}\n'
    )
    context = bootstrap.build(str(tmp_path / "data"), {}, FakeClock(NOW))
    try:
        factory = context.database().session_factory
        report = history.import_history(factory, old)
        assert (report.added, report.added_experiments) == (1, 0)
        assert Experiments(factory, context.clock, context.library).latest() is None
        exported = history.export(factory, "json", Moment.of(NOW), "test")
        assert '"experiments"' not in exported  # unchanged for a history without any
    finally:
        context.close()


def test_a_damaged_experiment_in_a_file_is_named_and_nothing_is_imported(tmp_path: Path) -> None:
    raw, _ = _history_with_an_experiment(tmp_path / "first")
    data = json.loads(raw)
    data["experiments"][0]["breaks"] = "many"
    context = bootstrap.build(str(tmp_path / "second"), {}, FakeClock(NOW))
    try:
        factory = context.database().session_factory
        try:
            history.import_history(factory, json.dumps(data).encode())
        except history.ImportRefused as refused:
            assert any('"breaks" must be a whole number' in str(p) for p in refused.problems)
        else:
            raise AssertionError("a damaged experiment was imported")
        assert history.recent(factory, None) == []
    finally:
        context.close()
