"""The learning study: how fast the real suggestion and What helps find what helps a person.

    python -m bench.learning_study [--people N] [--quick] [--seed S] [--no-write]

Writes the figures between the markers of docs/learning.md and the plots in docs/learning/.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.learning_people import Person, make_person
from bench.learning_sim import Outcome, Policy, run
from bench.learning_study_measures import Result
from bench.learning_study_report import write_report
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import Practice
from reconnect.core.suggestion import EXPLORE_SHARE
from reconnect.paths import practices_dir

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "docs" / "learning.md"
PLOTS = ROOT / "docs" / "learning"
SEED = 20250106
BEGIN, END = "<!-- study:begin -->", "<!-- study:end -->"

# Run on every person: the policy before the study, one made for finding the best, and now.
# A number as strength is the prior of before the study: the usual rate, worth that many.
MAIN = (
    Policy("before the study: Thompson, 15% even, prior 4 on the usual rate", 0.15, 4.0),
    Policy("top-two Thompson, estimated prior", explore=0.0, top_two=True),
    Policy(f"now: Thompson, {EXPLORE_SHARE:.0%} even, estimated prior", EXPLORE_SHARE),
)
NOW = MAIN[-1]
# Run on a share of the people, to tune one knob at a time around the core's defaults.
SWEEP = (
    Policy("Thompson, 0% even", explore=0.0),
    Policy("Thompson, 15% even", explore=0.15),
    Policy("Thompson, 30% even", explore=0.30),
    Policy(f"{EXPLORE_SHARE:.0%} even, prior 2 on the usual rate", EXPLORE_SHARE, 2.0),
    Policy(f"{EXPLORE_SHARE:.0%} even, prior 4 on the usual rate", EXPLORE_SHARE, 4.0),
    Policy(f"{EXPLORE_SHARE:.0%} even, prior 8 on the usual rate", EXPLORE_SHARE, 8.0),
    Policy("hours of the day, pooled", explore=EXPLORE_SHARE, hours=True),
)


def _library() -> list[Practice]:
    return list(load_library(practices_dir()))


def _one(job: tuple[int, int, int, bool, tuple[Policy, ...]]) -> tuple[Person, list[Outcome]]:
    seed, index, _, taken, policies = job
    practices = _library()
    person = make_person(seed, index, practices, every_offer_taken=taken)
    return person, [run(person, practices, policy, seed) for policy in policies]


def simulate(
    people: int, policies: Sequence[Policy], seed: int = SEED, taken: bool = True, workers: int = 1
) -> list[Result]:
    """Run ``people`` people of the population (drawn from ``seed``) under each policy."""
    jobs = [(seed, i, 0, taken, tuple(policies)) for i in range(people)]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            done = list(pool.map(_one, jobs, chunksize=4))
    else:
        done = [_one(job) for job in jobs]
    return [
        Result(policy, [p for p, _ in done], [o[k] for _, o in done])
        for k, policy in enumerate(policies)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000, help="people per main policy")
    parser.add_argument("--quick", action="store_true", help="a few people, nothing written")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    people = 40 if args.quick else args.people
    workers = max(1, min(os.cpu_count() or 1, 2))
    started = time.perf_counter()
    main_results = simulate(people, MAIN, args.seed, workers=workers)
    sweep = simulate(max(people // 4, 10), (*SWEEP, NOW), args.seed, workers=workers)
    realistic = simulate(max(people // 4, 10), (NOW,), args.seed, taken=False, workers=workers)
    elapsed = time.perf_counter() - started
    text = write_report(
        main_results, sweep, realistic[0], args.seed, elapsed,
        plots=None if (args.quick or args.no_write) else PLOTS,
    )  # fmt: skip
    print(text)
    if not (args.quick or args.no_write):
        document = DOCUMENT.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
        DOCUMENT.write_text(pattern.sub(f"{BEGIN}\n{text}\n{END}", document), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
