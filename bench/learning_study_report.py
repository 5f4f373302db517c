"""The learning study's figures as Markdown tables, and its plots (matplotlib, when asked)."""

from __future__ import annotations

import platform
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.learning_people import Kind
from bench.learning_sim import CHECKIN_GRID, ORDERINGS
from bench.learning_study_measures import (
    Result,
    captured,
    claims,
    coverage,
    first_in_best,
    named_best,
    sparks_gain,
    until_stays,
)

OFFER_MARKS = (100, 300, 1000)
PLOT_OFFERS = (25, 50, 100, 150, 200, 300, 400, 500, 700, 1000, 1300)


def _pct(value: float) -> str:
    return "n/a" if np.isnan(value) else f"{value * 100:.0f}%"


def _checkins(values: np.ndarray, q: float) -> str:
    if not len(values):
        return "n/a"
    with np.errstate(invalid="ignore"):  # between two people who never settle: inf - inf
        value = float(np.quantile(values, q))
    return "never (within the year)" if not np.isfinite(value) else f"{value:.0f}"


def _policy_rows(results: Sequence[Result]) -> list[str]:
    rows = [
        "| policy | people | captured after 100 / 300 / 1000 offers | against the oracle "
        "without the no-repeat rule (1000) | first on What helps in the best three at 100 "
        "check-ins (all / a few clearly help) | check-ins until it is and stays there, "
        "median / p90 (a few clearly help) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        shares = " / ".join(_pct(captured(r, n)) for n in OFFER_MARKS)
        stays = until_stays(r, kind=Kind.CLEAR)
        rows.append(
            f"| {r.policy.name} | {len(r.people)} | {shares} | {_pct(captured(r, 1000, True))} "
            f"| {_pct(first_in_best(r, 100))} / {_pct(first_in_best(r, 100, kind=Kind.CLEAR))} "
            f"| {_checkins(stays, 0.5)} / {_checkins(stays, 0.9)} |"
        )
    return rows


def _coverage_rows(results: Sequence[Result]) -> list[str]:
    lengths = (10, 20, 30, 50, 100, 200, 300, 500, 1000, 1500)
    rows = [
        "| policy | " + " | ".join(str(n) for n in lengths) + " | lowest from 30 on |",
        "| --- |" + " --- |" * (len(lengths) + 1),
    ]
    for r in results:
        cover = coverage(r)
        at = [cover[CHECKIN_GRID.index(n)] for n in lengths]
        from_30 = cover[CHECKIN_GRID.index(30) :]
        low, high = np.nanmin(from_30), np.nanmax(from_30)
        rows.append(
            f"| {r.policy.name} | "
            + " | ".join(_pct(v) for v in at)
            + f" | {_pct(low)} (highest {_pct(high)}) |"
        )
    return rows


def _claim_rows(results: Sequence[Result]) -> list[str]:
    rows = [
        "| policy | no real differences, at 100 check-ins: practices / people | at 300 | at "
        "the year's end | a few clearly help: names one of the best three, at 100 / 300 / the "
        "year's end |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in results:
        cells = []
        for at in (100, 300, None):
            practices, people, _ = claims(r, at)
            cells.append(f"{_pct(practices)} / {_pct(people)}")
        cells.append(" / ".join(_pct(named_best(r, at)) for at in (100, 300, None)))
        rows.append(f"| {r.policy.name} | " + " | ".join(cells) + " |")
    return rows


def _ordering_rows(results: Sequence[Result]) -> list[str]:
    rows = [
        "| policy | ordering | in the best three at 50 / 100 / 300 check-ins (a few clearly "
        "help) | until it stays, median / p90 |",
        "| --- | --- | --- | --- |",
    ]
    for r in results:
        for k, name in enumerate(ORDERINGS):
            at = " / ".join(_pct(first_in_best(r, n, k, Kind.CLEAR)) for n in (50, 100, 300))
            stays = until_stays(r, k, Kind.CLEAR)
            rows.append(
                f"| {r.policy.name} | {name} | {at} | "
                f"{_checkins(stays, 0.5)} / {_checkins(stays, 0.9)} |"
            )
    return rows


def _plots(results: Sequence[Result], folder: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    figure, axes = plt.subplots(figsize=(7, 4))
    for r in results:
        axes.plot(PLOT_OFFERS, [captured(r, n) * 100 for n in PLOT_OFFERS], marker="o",
                  label=r.policy.name)  # fmt: skip
    axes.axhline(50, color="grey", linestyle="--", linewidth=1, label="target after 100")
    axes.set(xlabel="offered breaks", ylabel="% of the oracle's advantage over even offering",
             xscale="log", title="Sparks gained by the suggestion")  # fmt: skip
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(folder / "captured.png", dpi=110)
    plt.close(figure)
    figure, axes = plt.subplots(figsize=(7, 4))
    for r in results:
        axes.plot(CHECKIN_GRID, coverage(r) * 100, label=r.policy.name)
    axes.axhspan(75, 85, color="green", alpha=0.12, label="target 75-85%")
    axes.set(xlabel="check-ins", ylabel="% of 80% ranges holding the true chance",
             xscale="log", ylim=(50, 100), title="Do the 80% ranges hold the truth?")  # fmt: skip
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(folder / "coverage.png", dpi=110)
    plt.close(figure)
    figure, axes = plt.subplots(figsize=(7, 4))
    for r in results:
        shares = [first_in_best(r, n, 0, Kind.CLEAR) * 100 for n in CHECKIN_GRID]
        axes.plot(CHECKIN_GRID, shares, label=r.policy.name)
    axes.axhline(90, color="grey", linestyle="--", linewidth=1, label="target at 100")
    axes.set(xlabel="check-ins", ylabel="% of people", xscale="log", ylim=(0, 100),
             title="First on What helps is among the true best three\n"
             "(people for whom a few practices clearly help)")  # fmt: skip
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(folder / "what_helps_first.png", dpi=110)
    plt.close(figure)


def write_report(
    main: Sequence[Result],
    sweep: Sequence[Result],
    realistic: Result,
    seed: int,
    elapsed: float,
    plots: Path | None,
) -> str:
    """The study's figures as Markdown; the plots go to ``plots`` when given."""
    if plots is not None:
        _plots(main, plots)
    by_name = {r.policy.name: r for r in sweep}
    hours, base = by_name[sweep[-2].policy.name], sweep[-1]
    lines = [
        f"Seed {seed}; {len(main[0].people)} people for the main policies and "
        f"{len(sweep[0].people)} for each variant; every offer taken unless said; "
        f"{elapsed / 60:.1f} minutes on {platform.machine()} with 2 processes.",
        "",
        "**The main policies** (every offer taken)",
        "",
        *_policy_rows(main),
        "",
        "**Variants around the core's defaults**",
        "",
        *_policy_rows(sweep),
        "",
        "**Coverage of the 80% likely ranges** by history length (check-ins)",
        "",
        *_coverage_rows([*main, *sweep[:-1]]),
        "",
        "**Said to help more than usual** (the overview's rule, `overview.helps_more_than_usual`: "
        "past still learning, and a chance above the practices' average of at least "
        "1 - 0.10 / k for k such practices; before the study, a chance above the usual rate of "
        "60%): for people with no real differences, the share of settled practices said to "
        "help more and the share of people the overview names one for; for people for whom a "
        "few practices clearly help, the share it names one of their true best three for",
        "",
        *_claim_rows(main),
        "",
        "**Ordering rules for What helps** (the same histories, three rules)",
        "",
        *_ordering_rows(main[-1:]),
        "",
        "**Hours of the day** (morning, afternoon, late afternoon, each pooled towards the "
        "practice's overall belief): expected sparks over the year against the same policy "
        f"without hours: {sparks_gain(hours, base, True) * 100:+.1f}% for people whose "
        f"practices differ by hour, {sparks_gain(hours, base, False) * 100:+.1f}% for people "
        "whose practices do not.",
        "",
        f"**With declined and skipped prompts** ({realistic.policy.name}; each person declines "
        "0-40% of offers and skips 0-30% of check-ins): captured after 100 / 300 / 1000 offers "
        + " / ".join(_pct(captured(realistic, n)) for n in OFFER_MARKS)
        + f"; first in the best three at 100 check-ins {_pct(first_in_best(realistic, 100))}; "
        f"80% ranges from 30 check-ins on hold the truth "
        f"{_pct(float(np.nanmin(coverage(realistic)[2:])))} to "
        f"{_pct(float(np.nanmax(coverage(realistic)[2:])))} of the time.",
    ]
    return "\n".join(lines)
