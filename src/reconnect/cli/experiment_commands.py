"""``reconnect experiment``: compare two practices over the next breaks, see how far it is, or
stop it early."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.cli.library_commands import write_table
from reconnect.core.exit_codes import EXIT_OK
from reconnect.core.experiments import (
    BREAKS_BOUNDS,
    DEFAULT_BREAKS,
    ExperimentResult,
    percent,
    points,
    result_to_plain,
)
from reconnect.core.i18n import number, plural


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    experiment = commands.add_parser(
        "experiment",
        parents=parents,
        help="compare two practices over your next breaks",
        description="Compare two practices: the next breaks offer one or the other, in a "
        "random order, half each, and your check-ins afterwards say which seems to bring a "
        "spark more often, or that it is too early to tell. You can still skip a break or "
        "choose another practice; that is counted apart. One experiment runs at a time.",
    )
    actions = experiment.add_subparsers(
        dest="action", metavar="ACTION", parser_class=type(experiment)
    )
    start = actions.add_parser(
        "start",
        help="start comparing practices A and B",
        description="Start comparing two practices (their ids: see 'reconnect practices').",
    )
    start.add_argument("a", metavar="A", help="the first practice's id")
    start.add_argument("b", metavar="B", help="the second practice's id")
    low, high = BREAKS_BOUNDS
    start.add_argument(
        "--breaks",
        metavar="N",
        type=int,
        default=DEFAULT_BREAKS,
        help=f"how many breaks offer A or B ({low} to {high}; {DEFAULT_BREAKS} if not given)",
    )
    status = actions.add_parser(
        "status", help="how far the experiment is, and what it says so far (the default)"
    )
    status.add_argument("--json", action="store_true", help="print JSON instead of text")
    actions.add_parser("stop", help="end the experiment now; what it found so far is kept")
    experiment.set_defaults(run=run_experiment, action=None, json=False)


def run_experiment(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    experiments = context.experiments()
    if args.action == "start":
        started = experiments.start(args.a, args.b, args.breaks)
        first, second = started.a.title, started.b.title
        print(
            f"Comparing {first} and {second}. The next {number(started.experiment.breaks)} "
            f"breaks will offer {first} or {second}, in a random order. You can still skip "
            "or choose another; that is counted apart.\n"
            "See how far it is with 'reconnect experiment status'; end it any time with "
            "'reconnect experiment stop'.",
            file=out,
        )
        return EXIT_OK
    if args.action == "stop":
        stopped = experiments.stop()
        if stopped is None:
            print("No experiment is running, so there is nothing to stop.", file=out)
            return EXIT_OK
        print(
            f"Stopped comparing {stopped.a.title} and {stopped.b.title}, after "
            f"{_how_far(stopped)}. What it found is kept:",
            file=out,
        )
        write_status(stopped, out, heading=False)
        return EXIT_OK
    found = experiments.latest()
    if args.json:
        data = None if found is None else result_to_plain(found)
        print(json.dumps({"experiment": data}, indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    if found is None:
        print(
            "No experiment yet. Compare two practices with "
            "'reconnect experiment start A B' (their ids: 'reconnect practices').",
            file=out,
        )
        return EXIT_OK
    write_status(found, out)
    return EXIT_OK


def _how_far(found: ExperimentResult) -> str:
    return plural(
        found.experiment.breaks,
        f"{number(found.offered)} of 1 break",
        f"{number(found.offered)} of {{count}} breaks",
    )


def write_status(found: ExperimentResult, out: TextIO, heading: bool = True) -> None:
    """How far an experiment is, each practice's counts, its sentence and its ranges."""
    experiment = found.experiment
    if heading:
        started = experiment.started_at.strftime("%Y-%m-%d %H:%M")
        pair = f"{found.a.title} and {found.b.title}"
        if experiment.running:
            line = f"Comparing {pair}: {_how_far(found)} offered so far, started {started}."
        else:
            assert experiment.ended_at is not None
            ended = experiment.ended_at.strftime("%Y-%m-%d %H:%M")
            early = ", stopped early" if experiment.stopped_early else ""
            line = f"Compared {pair} from {started} to {ended}{early}: {_how_far(found)} offered."
        print(line, file=out)
    print("", file=out)
    rows = [
        (
            arm.title,
            number(arm.offered),
            number(arm.done),
            number(arm.checkins),
            number(arm.sparks),
            percent(arm.rate) if arm.rate is not None else "-",
            number(arm.declined),
            number(arm.other),
        )
        for arm in (found.a, found.b)
    ]
    header = (
        "PRACTICE", "OFFERED", "DONE", "CHECK-INS", "SPARKS", "ESTIMATE", "LET GO",
        "ANOTHER CHOSEN",
    )  # fmt: skip
    write_table(out, header, rows)
    print(f"\n{found.sentence}", file=out)
    if found.difference is None or found.range80 is None or found.range95 is None:
        return
    assert found.chance_a_better is not None
    low80, high80 = (points(v) for v in found.range80)
    low95, high95 = (points(v) for v in found.range95)
    print(
        f"\n{found.a.title} minus {found.b.title}: {points(found.difference)} percentage points "
        f"of spark rate (likely range {low80} to {high80} at 80%, {low95} to {high95} at 95%).\n"
        f"The chance that {found.a.title} brings a spark more often: "
        f"{percent(found.chance_a_better)}.",
        file=out,
    )
