"""Comparing two practices on a real history: the service, the offers of the real rhythm on a
fake clock, what is counted, the automatic end, the first look and the outbox."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from reconnect.app import bootstrap
from reconnect.core.break_planner import BreakPlanner
from reconnect.core.clock import FakeClock
from reconnect.core.experiments import assignment
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import Moment, Trigger
from reconnect.core.settings import Settings
from reconnect.services.break_writes import OfferPrompt
from reconnect.services.breaks import BreakRecords
from reconnect.services.experiments import ExperimentRefused, Experiments
from reconnect.services.outbox import line_of, read_line
from reconnect.services.rhythm import Rhythm
from reconnect.services.rhythm_ports import Desktop
from reconnect.storage.first_look import FirstLook
from reconnect.storage.unit_of_work import UnitOfWork
from tests.unit.test_rhythm import (
    TUESDAY_MORNING,
    FakeBusy,
    FakeEvents,
    FakeIdle,
    FakeNotifier,
    FakePrompt,
    FakeSleep,
    FakeWakeups,
)

A, B = "hand-on-heart", "box-breath"  # neither needs daylight nor headphones


@dataclass
class App:
    """A running rhythm on the test's history, with the experiments service beside it."""

    context: bootstrap.Context
    clock: FakeClock
    rhythm: Rhythm
    records: BreakRecords
    experiments: Experiments
    wakeups: FakeWakeups

    def next_break(self) -> Prompt:
        """Let the next planned break come, as the scheduler does; the prompt it offers."""
        armed = self.wakeups.armed
        assert armed is not None, "no break is planned"
        self.clock.advance(armed - self.clock.now())
        self.rhythm.on_wakeup()
        prompt = self.rhythm.current_prompt
        assert prompt is not None, "the break offered nothing"
        return prompt

    def prompts(self) -> list[Prompt]:
        with UnitOfWork(self.context.database().session_factory, reading=True) as uow:
            return list(reversed(uow.prompts.recent(1000)))


def make_app(tmp_path: Path, settings: Settings | None = None) -> App:
    clock = FakeClock(TUESDAY_MORNING)
    context = bootstrap.build(f"{tmp_path}/data", {}, clock)
    records = BreakRecords(context.database().session_factory)
    settings = settings or Settings()
    rng = random.Random(4)
    wakeups = FakeWakeups()
    rhythm = Rhythm(
        clock=clock,
        planner=BreakPlanner(settings.rhythm(), rng, clock.now()),
        library=context.library,
        history=records,
        settings=settings,
        rng=rng,
        desktop=Desktop(FakeIdle(), FakeBusy(), FakeSleep(), FakeNotifier(), wakeups),
        load_settings=lambda: (settings, []),
    )
    rhythm.attach(FakePrompt(), FakeEvents())
    rhythm.arm()
    experiments = Experiments(
        context.database().session_factory, clock, context.library, random.Random(1)
    )
    return App(context, clock, rhythm, records, experiments, wakeups)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    made = make_app(tmp_path)
    yield made
    made.context.close()


# --- starting and stopping ----------------------------------------------------------------


def test_one_experiment_at_a_time_and_clear_refusals(app: App) -> None:
    started = app.experiments.start(A, B, breaks=6)
    assert started.experiment.running and started.remaining == 6 and started.offered == 0
    assert started.a.title == app.context.library.get(A).title  # type: ignore[union-attr]
    with pytest.raises(ExperimentRefused, match=r"one runs at a time.*experiment stop"):
        app.experiments.start("sunlight", B)
    app.experiments.stop()
    with pytest.raises(ExperimentRefused, match="two different practices"):
        app.experiments.start(A, A)
    with pytest.raises(
        ExperimentRefused, match=r"no practice 'box-breth'.*Did you mean box-breath"
    ):
        app.experiments.start(A, "box-breth")
    for breaks in (1, 201):
        with pytest.raises(ExperimentRefused, match="between 2 and 200"):
            app.experiments.start(A, B, breaks=breaks)
    assert app.experiments.running() is None


def test_stop_ends_it_early_and_keeps_it_among_the_finished(app: App) -> None:
    assert app.experiments.stop() is None and app.experiments.latest() is None
    app.experiments.start(A, B, breaks=4)
    app.next_break()
    app.clock.advance(timedelta(minutes=3))
    stopped = app.experiments.stop()
    assert stopped is not None and not stopped.experiment.running
    assert stopped.experiment.stopped_early and stopped.offered == 1 and stopped.remaining == 0
    assert stopped.experiment.ended_at == app.clock.now()
    assert app.experiments.running() is None and app.experiments.next_practice() is None
    [finished] = app.experiments.finished()
    assert finished.experiment.id == stopped.experiment.id
    latest = app.experiments.latest()
    assert latest is not None and latest.experiment.id == stopped.experiment.id


# --- the offers ---------------------------------------------------------------------------


def test_the_breaks_follow_the_order_declines_are_counted_apart_and_it_ends_by_itself(
    app: App,
) -> None:
    experiment = app.experiments.start(A, B, breaks=6).experiment
    for index in range(6):
        assert app.experiments.next_practice() == assignment(experiment, index)
        prompt = app.next_break()
        assert prompt.experiment_id == experiment.id
        assert prompt.practice_id == assignment(experiment, index), "no-repeat rule bypassed"
        assert prompt.probability == 0.5
        if index in (0, 3):
            app.rhythm.prompt_skip()
        elif index == 1:
            app.rhythm.snooze(5)
        elif index == 4:
            app.rhythm.prompt_another()  # the new offer is not the experiment's
            assert app.rhythm.current_prompt is not None
            assert app.rhythm.current_prompt.experiment_id is None
            app.rhythm.prompt_skip()
        else:
            app.rhythm.prompt_start()
            session_id = app.rhythm.active_session
            assert session_id is not None
            app.records.save_checkin(session_id, app.clock.now(), level=2)
            app.rhythm.practice_finished()
    ended = app.experiments.latest()
    assert ended is not None and not ended.experiment.running
    assert not ended.experiment.stopped_early, "it ended by itself at its last planned break"
    assert ended.offered == 6 and Counter(assignment(experiment, i) for i in range(6)) == Counter(
        {A: 3, B: 3}
    )
    arms = {arm.practice_id: arm for arm in (ended.a, ended.b)}
    assert sum(arm.declined for arm in arms.values()) == 3  # two skips, one snooze
    assert sum(arm.other for arm in arms.values()) == 1  # another practice chosen
    assert sum(arm.done for arm in arms.values()) == 2
    assert sum(arm.checkins for arm in arms.values()) == 2
    assert sum(arm.sparks for arm in arms.values()) == 2
    assert ended.verdict == "too-early"
    # The next break is the usual suggestion again, not marked.
    assert app.experiments.next_practice() is None
    assert app.next_break().experiment_id is None


def test_an_experiment_started_while_the_app_runs_is_offered_at_its_next_break(app: App) -> None:
    cached = app.rhythm.suggestion()  # the tray's menu asked what comes next
    assert cached is not None
    # Started from the command line: no word to the running app, only the history.
    other = Experiments(app.context.database().session_factory, app.clock, app.context.library)
    experiment = other.start("warm-hands", "grounded-feet", breaks=2).experiment
    assert app.rhythm.practice_on_offer() is not None
    assert app.rhythm.status()["suggested_practice"] == assignment(experiment, 0)
    assert app.next_break().practice_id == assignment(experiment, 0)


def test_when_the_assigned_practice_cant_be_offered_the_other_one_is(tmp_path: Path) -> None:
    experiment_app = make_app(tmp_path, Settings({"practices.disabled": [A]}))
    try:
        experiment = experiment_app.experiments.start(A, B, breaks=4).experiment
        prompt = experiment_app.next_break()
        assert prompt.practice_id == B and prompt.experiment_id == experiment.id
        assert prompt.probability == 1.0
    finally:
        experiment_app.context.close()


def test_when_neither_can_be_offered_the_usual_suggestion_is_not_counted(
    tmp_path: Path,
) -> None:
    experiment_app = make_app(tmp_path, Settings({"practices.disabled": [A, B]}))
    try:
        experiment_app.experiments.start(A, B, breaks=4)
        prompt = experiment_app.next_break()
        assert prompt.practice_id not in (A, B) and prompt.experiment_id is None
        running = experiment_app.experiments.running()
        assert running is not None and running.offered == 0 and running.remaining == 4
    finally:
        experiment_app.context.close()


def test_a_practice_started_from_the_tray_instead_counts_as_another_chosen(app: App) -> None:
    experiment = app.experiments.start(A, B, breaks=4).experiment
    app.next_break()
    app.rhythm.start_told("sunlight", Trigger.TRAY)  # from the tray's menu, the prompt open
    session_id = app.rhythm.active_session
    assert session_id is not None
    app.records.save_checkin(session_id, app.clock.now(), level=3)
    found = app.experiments.running()
    assert found is not None
    offered = assignment(experiment, 0)
    arm = found.a if offered == A else found.b
    assert (arm.offered, arm.other, arm.done, arm.checkins) == (1, 1, 0, 0)


# --- reading without the storage layer, and the outbox ------------------------------------


def test_the_first_look_reads_the_same_offer_as_the_storage_layer(app: App) -> None:
    database = app.context.database()
    assert database.file is not None
    first = FirstLook(database.file, app.context.computer_name())
    assert first.experiment_offer() is None
    experiment = app.experiments.start(A, B, breaks=3).experiment
    app.next_break()
    app.rhythm.prompt_skip()
    assert first.experiment_offer() == app.records.experiment_offer()
    offer = first.experiment_offer()
    assert offer is not None and offer.index == 1
    assert offer.practice_id == assignment(experiment, 1)


def test_an_offer_kept_in_the_outbox_keeps_its_experiment_and_old_lines_still_read(
    app: App,
) -> None:
    prompt = Prompt("p-1", Moment.of(app.clock.now()), A, "Hand", 0.5, experiment_id="e-1")
    line = line_of(OfferPrompt(prompt))
    assert isinstance(line, dict) and line["experiment_id"] == "e-1"
    assert read_line(line) == OfferPrompt(prompt)
    old = {key: value for key, value in line.items() if key != "experiment_id"}
    kept = read_line(old)
    assert isinstance(kept, OfferPrompt) and kept.prompt.experiment_id is None


def test_its_practices_fates_are_the_prompts_fates(app: App) -> None:
    app.experiments.start(A, B, breaks=2)
    app.next_break()
    app.rhythm.prompt_skip()
    [prompt] = app.prompts()
    assert prompt.fate is PromptFate.SKIPPED and prompt.experiment_id is not None
