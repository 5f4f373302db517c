"""The learning study's core loop on a few people, so the benchmark cannot rot unnoticed."""

from __future__ import annotations

import numpy as np
import pytest
from bench.learning_people import Kind
from bench.learning_sim import CHECKIN_GRID, Policy
from bench.learning_study import NOW, simulate
from bench.learning_study_measures import (
    captured,
    claims,
    coverage,
    first_in_best,
    named_best,
    until_stays,
)
from bench.learning_study_report import write_report

PEOPLE = 12


@pytest.fixture(scope="module")
def results():
    return simulate(PEOPLE, (NOW, Policy("top two", explore=0.0, top_two=True)), seed=7)


def test_a_year_of_breaks_comes_from_the_planner_on_working_days(results):
    for person in results[0].people:
        assert 1000 < len(person.breaks) < 3000  # 45 to 90 minutes apart, about 260 days
        assert all(b.local.weekday() < 5 for b in person.breaks)
        assert all(9 <= b.local.hour < 18 for b in person.breaks)
        assert {b.month for b in person.breaks} == set(range(1, 13))


def test_every_offer_taken_gives_a_checkin_per_break_and_baselines_bound_the_policy(results):
    for result in results:
        for person, outcome in zip(result.people, result.outcomes, strict=True):
            assert outcome.checkins == len(person.breaks)
            assert len(outcome.expected) == len(person.breaks)
            assert np.all(outcome.oracle >= outcome.uniform - 1e-12)
            assert np.all(outcome.oracle_free >= outcome.oracle - 1e-12)
            assert np.all(outcome.expected <= outcome.oracle_free + 1e-12)
            assert 0 <= outcome.sparks <= outcome.checkins


def test_the_suggestion_learns_more_than_even_offering_but_never_beats_the_oracle(results):
    for result in results:
        for offers in (100, 300, 1000):
            share = captured(result, offers)
            assert share <= 1.0
            assert share > -0.2  # a little below even offering is noise at this size
        assert captured(result, 1000) > 0.1  # by a thousand breaks it has clearly learnt


def test_ranges_rankings_and_claims_are_shares(results):
    for result in results:
        cover = coverage(result)
        assert not np.isnan(cover[CHECKIN_GRID.index(30)])
        shown = cover[~np.isnan(cover)]
        assert np.all((shown >= 0) & (shown <= 1))
        assert 0.5 < cover[CHECKIN_GRID.index(100)] < 1.0  # an 80% range, roughly
        assert 0 <= first_in_best(result, 100) <= 1
        assert np.all(until_stays(result, kind=Kind.CLEAR) >= CHECKIN_GRID[0])
        for at in (100, 300, None):
            practices, people, looked_at = claims(result, at)
            assert 0 <= practices <= 1 and 0 <= people <= 1
            assert looked_at == sum(p.no_real_differences for p in result.people)
            named = named_best(result, at)
            assert np.isnan(named) or 0 <= named <= 1


def test_the_report_is_written_from_the_measures(results):
    sweep = [results[1], results[0], results[0]]  # any results stand in for the variants
    text = write_report(results, sweep, results[0], seed=7, elapsed=1.0, plots=None)
    assert f"| {NOW.name} | {PEOPLE} |" in text
    assert "Coverage of the 80% likely ranges" in text
