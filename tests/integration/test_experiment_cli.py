"""``reconnect experiment``: start, status (as text and JSON) and stop, as a person types them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import Moment, new_id
from reconnect.storage.unit_of_work import UnitOfWork
from tests.conftest import CliResult

pytestmark = pytest.mark.both_databases


def test_start_status_and_stop(cli: Callable[..., CliResult]) -> None:
    empty = cli("experiment", "status")
    assert empty.code == 0 and "No experiment yet" in empty.out
    assert json.loads(cli("experiment", "status", "--json").out) == {"experiment": None}

    started = cli("experiment", "start", "hand-on-heart", "box-breath", "--breaks", "10")
    assert started.code == 0, started.err
    assert "The next 10 breaks will offer Hand on heart or Square breathing" in started.out
    assert "You can still skip or choose another; that is counted apart." in started.out

    status = cli("experiment", "status")
    assert status.code == 0
    assert "0 of 10 breaks offered so far" in status.out
    assert "Too early to tell: no check-ins after either practice yet." in status.out
    assert "LET GO" in status.out and "ANOTHER CHOSEN" in status.out

    data = json.loads(cli("experiment", "status", "--json").out)["experiment"]
    assert data["running"] is True and data["breaks"] == 10 and data["remaining"] == 10
    assert data["a"]["practice"] == "hand-on-heart" and data["verdict"] == "too-early"

    stopped = cli("experiment", "stop")
    assert stopped.code == 0 and "Stopped comparing" in stopped.out
    assert "after 0 of 10 breaks" in stopped.out
    after = cli("experiment", "status")
    assert "stopped early: 0 of 10 breaks offered" in after.out
    assert "nothing to stop" in cli("experiment", "stop").out


def test_refusals_say_what_to_do_with_exit_status_2(cli: Callable[..., CliResult]) -> None:
    unknown = cli("experiment", "start", "hand-on-heart", "box-breth")
    assert unknown.code == 2
    assert "no practice 'box-breth'" in unknown.err and "box-breath" in unknown.err
    assert "'reconnect practices'" in unknown.err
    same = cli("experiment", "start", "box-breath", "box-breath")
    assert same.code == 2 and "two different practices" in same.err
    bounds = cli("experiment", "start", "hand-on-heart", "box-breath", "--breaks", "500")
    assert bounds.code == 2 and "between 2 and 200" in bounds.err
    assert cli("experiment", "start", "hand-on-heart", "box-breath").code == 0
    second = cli("experiment", "start", "sunlight", "box-breath")
    assert second.code == 2 and "reconnect experiment stop" in second.err


def test_status_shows_ranges_as_percentage_points_once_there_are_enough_check_ins(
    cli: Callable[..., CliResult], context: object
) -> None:
    from reconnect.app.bootstrap import Context
    from reconnect.core.recording import logged_session
    from tests.integration.conftest import write

    assert isinstance(context, Context)
    assert cli("experiment", "start", "hand-on-heart", "box-breath").code == 0
    factory = context.database().session_factory
    with UnitOfWork(factory, reading=True) as uow:
        running = uow.experiments.running()
    assert running is not None
    sessions, offers = [], []
    for index in range(12):
        practice = context.library.get(("hand-on-heart", "box-breath")[index % 2])
        assert practice is not None
        at = context.clock.now()
        level = 3 if practice.id == "hand-on-heart" else 0
        session = logged_session(practice, at, level, (), (), None, at)
        sessions.append(session)
        moment = Moment.of(at)
        offers.append(
            Prompt(new_id(), moment, practice.id, practice.title, 0.5, False,
                   PromptFate.STARTED, moment, session.id, experiment_id=running.id)
        )  # fmt: skip
    offers.append(
        Prompt(new_id(), Moment.of(context.clock.now()), "box-breath", "Box", 0.5, False,
               PromptFate.SKIPPED, Moment.of(context.clock.now()), experiment_id=running.id)
    )  # fmt: skip
    write(context, sessions)
    with UnitOfWork(factory) as uow:
        for offer in offers:
            uow.prompts.add(offer)
        uow.commit()
    status = cli("experiment", "status")
    assert "13 of 20 breaks offered so far" in status.out
    assert "seems to bring a spark more often than" in status.out
    assert "percentage points" in status.out and "at 80%" in status.out and "at 95%" in status.out
    assert "1 offer was let go" in status.out
    data = json.loads(cli("experiment", "status", "--json").out)["experiment"]
    assert data["verdict"] == "a-more" and data["b"]["declined"] == 1
    assert data["range80"][0] > 0 and data["chance_a_better"] > 0.95
