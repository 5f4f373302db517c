"""Spark statistics from a real database: counts per practice by local date, and the command.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from scipy.stats import beta

from reconnect.app import bootstrap
from reconnect.cli.stats_commands import register, run_stats
from reconnect.core.errors import InputError
from reconnect.core.recording import logged_session
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger, new_id
from reconnect.core.spark_stats import ORDERING_SENTENCE, PracticeCounts
from reconnect.storage.stats_queries import date_bounds, practice_counts
from tests.integration.conftest import write

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


pytestmark = pytest.mark.both_databases


def logged(context: bootstrap.Context, practice_id: str, level: int, at: datetime) -> BreakSession:
    practice = context.library.get(practice_id)
    assert practice is not None
    return logged_session(practice, context.clock.now(), level, finished_at=at)


@pytest.fixture
def history(context: bootstrap.Context) -> None:
    """Two practices over two weeks, in Berlin and on a trip to New York."""
    older_title = dataclasses.replace(
        logged(context, "hand-on-heart", 1, datetime(2026, 11, 1, 9, 0, tzinfo=BERLIN)),
        practice_title="Hand on the heart",
    )
    skipped = BreakSession(
        new_id(),
        "box-breath",
        "Square breathing",
        Trigger.SCHEDULED,
        Moment.of(datetime(2026, 11, 12, 11, 0, tzinfo=BERLIN)),
        Moment.of(datetime(2026, 11, 12, 11, 0, 5, tzinfo=BERLIN)),
        Outcome.SKIPPED,
    )
    write(
        context,
        [
            older_title,
            logged(context, "hand-on-heart", 2, datetime(2026, 11, 3, 10, 0, tzinfo=BERLIN)),
            logged(context, "hand-on-heart", 0, datetime(2026, 11, 5, 16, 0, tzinfo=BERLIN)),
            # Just after midnight in Berlin: 23:1x UTC on 9 November, local date 10 November.
            logged(context, "hand-on-heart", 3, datetime(2026, 11, 10, 0, 15, tzinfo=BERLIN)),
            # Just before midnight in New York: 04:4x UTC on 10 November, local date 9 November.
            logged(context, "box-breath", 1, datetime(2026, 11, 9, 23, 55, tzinfo=NEW_YORK)),
            # Just after midnight in New York: local date 10 November.
            logged(context, "box-breath", 0, datetime(2026, 11, 10, 0, 20, tzinfo=NEW_YORK)),
            skipped,
        ],
    )


def counts_in(
    context: bootstrap.Context, since: date | None, until: date | None
) -> dict[str, PracticeCounts]:
    with context.database().session_factory() as session:
        return {c.id: c for c in practice_counts(session, since, until)}


@pytest.mark.usefixtures("history")
def test_counts_per_practice_over_everything(context: bootstrap.Context) -> None:
    counts = counts_in(context, None, None)

    assert counts["hand-on-heart"] == PracticeCounts(
        id="hand-on-heart",
        title="Hand on heart",  # the title of the latest session, not the older one
        sessions=4,
        completed=4,
        checkins=4,
        sparks=3,
        strong_sparks=2,
        level_sum=6,
    )
    assert counts["box-breath"] == PracticeCounts(
        id="box-breath",
        title="Square breathing",
        sessions=3,
        completed=2,
        checkins=2,
        sparks=1,
        strong_sparks=0,
        level_sum=1,
    )


@pytest.mark.usefixtures("history")
def test_the_range_is_inclusive_on_local_dates(context: bootstrap.Context) -> None:
    tenth = counts_in(context, date(2026, 11, 10), date(2026, 11, 10))
    assert {k: (c.sessions, c.checkins, c.level_sum) for k, c in tenth.items()} == {
        "hand-on-heart": (1, 1, 3),  # 00:1x in Berlin, still 9 November in UTC
        "box-breath": (1, 1, 0),  # 00:1x in New York
    }

    ninth = counts_in(context, date(2026, 11, 9), date(2026, 11, 9))
    # 23:5x in New York counts on the 9th, though it was the 10th in UTC.
    assert {k: (c.sessions, c.sparks) for k, c in ninth.items()} == {"box-breath": (1, 1)}

    from_the_fifth = counts_in(context, date(2026, 11, 5), None)
    assert from_the_fifth["hand-on-heart"].sessions == 2
    assert from_the_fifth["box-breath"].sessions == 3

    until_the_third = counts_in(context, None, date(2026, 11, 3))
    assert set(until_the_third) == {"hand-on-heart"}
    assert until_the_third["hand-on-heart"].sessions == 2
    # The title is the latest stored for the practice, even outside the range.
    assert until_the_third["hand-on-heart"].title == "Hand on heart"

    assert counts_in(context, date(2026, 11, 13), date(2026, 11, 30)) == {}


@pytest.mark.usefixtures("history")
def test_date_bounds_are_the_first_and_last_local_dates(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        assert date_bounds(session) == (date(2026, 11, 1), date(2026, 11, 12))


def test_an_empty_history_has_no_bounds(context: bootstrap.Context) -> None:
    with context.database().session_factory() as session:
        assert date_bounds(session) == (None, None)
        assert practice_counts(session, None, None) == []


def run(context: bootstrap.Context, *argv: str) -> str:
    parser = argparse.ArgumentParser(prog="reconnect")
    register(parser.add_subparsers(dest="command"), [])
    args = parser.parse_args(["stats", *argv])
    out, err = io.StringIO(), io.StringIO()
    assert run_stats(args, context, out, err) == 0
    assert err.getvalue() == ""
    return out.getvalue()


def posterior(a: float, b: float, r0: float) -> dict[str, object]:
    mean = a / (a + b)
    return {
        "posterior_mean": pytest.approx(mean),
        "interval80": [pytest.approx(beta.ppf(0.1, a, b)), pytest.approx(beta.ppf(0.9, a, b))],
        "lift": pytest.approx(mean / r0),
        "p_better_than_usual": pytest.approx(beta.sf(r0, a, b)),
    }


@pytest.mark.usefixtures("history")
def test_stats_json_has_the_documented_shape(context: bootstrap.Context) -> None:
    data = json.loads(run(context, "--json"))

    # 4 sparks in 6 check-ins: the usual rate is (4 + 1) / (6 + 2), inside [0.02, 0.98].
    r0 = 5 / 8
    # The prior's mean is the two practices' average, each pulled by one check-in towards r0;
    # 3 of 4 and 1 of 2 differ less than chance would make them, so its strength is the
    # ceiling, 300, weighed against 4 by 3 check-ins each against 3 and 2 practices (1 against
    # 2): a weight of 1/6 (see tests/unit/test_spark_prior.py).
    m = ((3 + r0) / 5 + (1 + r0) / 3) / 2
    worth = 300 ** (1 / 6) * 4 ** (5 / 6)
    assert data == {
        "range": {"since": "2026-11-01", "until": "2026-11-12"},
        "overall": {
            "checkins": 6,
            "sparks": 4,
            "spark_rate": pytest.approx(4 / 6),
            "usual_rate": pytest.approx(r0),
            "prior_mean": pytest.approx(m),
            "prior_strength": pytest.approx(worth),
        },
        "practices": [
            {
                "id": "hand-on-heart",
                "title": "Hand on heart",
                "sessions": 4,
                "completed": 4,
                "checkins": 4,
                "sparks": 3,
                "strong_sparks": 2,
                "mean_level": pytest.approx(1.5),
                "spark_rate": pytest.approx(0.75),
                "still_learning": True,
                **posterior(worth * m + 3, worth * (1 - m) + 1, m),
            },
            {
                "id": "box-breath",
                "title": "Square breathing",
                "sessions": 3,
                "completed": 2,
                "checkins": 2,
                "sparks": 1,
                "strong_sparks": 0,
                "mean_level": pytest.approx(0.5),
                "spark_rate": pytest.approx(0.5),
                "still_learning": True,
                **posterior(worth * m + 1, worth * (1 - m) + 1, m),
            },
        ],
    }


@pytest.mark.usefixtures("history")
def test_stats_json_over_a_range(context: bootstrap.Context) -> None:
    data = json.loads(run(context, "--json", "--since", "2026-11-09", "--until", "2026-11-09"))
    assert data["range"] == {"since": "2026-11-09", "until": "2026-11-09"}
    # One spark in one check-in: the usual rate is (1 + 1) / (1 + 2) = 2/3, not 0.98.
    assert data["overall"] == {
        "checkins": 1,
        "sparks": 1,
        "spark_rate": 1.0,
        "usual_rate": pytest.approx(2 / 3),
        "prior_mean": pytest.approx(2 / 3),  # one practice: the usual rate
        "prior_strength": 4,
    }
    assert [p["id"] for p in data["practices"]] == ["box-breath"]
    # Beta(8/3 + 1, 4/3): mean 11/15, lift (11/15) / (2/3) = 1.1.
    (only,) = data["practices"]
    assert only["posterior_mean"] == pytest.approx(11 / 15)
    assert only["lift"] == pytest.approx(1.1)
    assert [round(x * 100) for x in only["interval80"]] == [47, 94]  # it was 96-100


@pytest.mark.usefixtures("history")
def test_a_bound_left_out_follows_the_data_without_crossing(context: bootstrap.Context) -> None:
    assert json.loads(run(context, "--json", "--since", "2026-11-05"))["range"] == {
        "since": "2026-11-05",
        "until": "2026-11-12",
    }
    late = json.loads(run(context, "--json", "--since", "2026-12-01"))
    assert late["range"] == {"since": "2026-12-01", "until": "2026-12-01"}
    assert late["practices"] == []
    assert late["overall"]["spark_rate"] is None


@pytest.mark.usefixtures("history")
def test_stats_table(context: bootstrap.Context) -> None:
    lines = run(context).splitlines()

    assert lines[0] == (
        "From 2026-11-01 to 2026-11-12: 6 check-ins, 4 with at least a flicker (67%)."
    )
    assert lines[2].split() == ["PRACTICE", "CHECK-INS", "SPARKS", "RATE", "LIKELY", "RANGE"]
    assert lines[3].startswith("Hand on heart")
    assert lines[3].split()[3:6] == ["4", "3", "75%"]
    assert lines[3].endswith("still learning")
    assert lines[4].startswith("Square breathing")
    # The prior of test_stats_json_has_the_documented_shape: mean m, worth 300^(1/6) 4^(5/6).
    m, worth = ((3 + 5 / 8) / 5 + (1 + 5 / 8) / 3) / 2, 300 ** (1 / 6) * 4 ** (5 / 6)
    lo, hi = beta.ppf([0.1, 0.9], worth * m + 3, worth * (1 - m) + 1)
    assert f"{round(lo * 100)}-{round(hi * 100)}%" in lines[3]
    assert lines[-1] == ORDERING_SENTENCE
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.usefixtures("history")
def test_a_range_without_checkins_says_so(context: bootstrap.Context) -> None:
    assert run(context, "--since", "2026-11-13").startswith("No check-ins on 2026-11-13.")
    one_day = run(context, "--since", "2026-11-09", "--until", "2026-11-09")
    assert one_day.startswith("On 2026-11-09: 1 check-in, 1 with at least a flicker (100%).")


@pytest.mark.usefixtures("history")
def test_a_range_with_very_few_checkins_is_too_early_to_tell(context: bootstrap.Context) -> None:
    # 9 and 10 November: 3 check-ins in all, fewer than the 5 a picture needs.
    lines = run(context, "--since", "2026-11-09", "--until", "2026-11-10").splitlines()
    assert (
        lines[0] == "From 2026-11-09 to 2026-11-10: 3 check-ins, 2 with at least a flicker (67%)."
    )
    assert lines[2].split() == ["PRACTICE", "CHECK-INS", "SPARKS", "RATE"]
    assert sorted(line.split()[0] for line in lines[3:5]) == ["Hand", "Square"]
    assert lines[-1] == "Too early to tell: a few more check-ins and a picture starts to form."
    assert ORDERING_SENTENCE not in lines
    assert not any("LIKELY" in line or "-" in line.split()[-1] for line in lines[2:5])
    assert "still learning" not in "\n".join(lines)


def test_an_empty_history_gets_a_kind_sentence(context: bootstrap.Context) -> None:
    text = run(context)
    assert text.startswith("No check-ins here yet.")
    assert "will appear here" in text
    assert json.loads(run(context, "--json")) == {
        "range": {"since": None, "until": None},
        "overall": {
            "checkins": 0,
            "sparks": 0,
            "spark_rate": None,
            "usual_rate": 0.5,
            "prior_mean": 0.5,
            "prior_strength": 4,
        },
        "practices": [],
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "yesterday"], "--since takes a date like 2026-11-21 (got 'yesterday')"),
        (["--until", "2026-13-01"], "--until takes a date like 2026-11-21 (got '2026-13-01')"),
        (
            ["--since", "2026-11-10", "--until", "2026-11-09"],
            "--since 2026-11-10 comes after --until 2026-11-09; swap them",
        ),
    ],
)
def test_bad_dates_are_refused(context: bootstrap.Context, argv: list[str], message: str) -> None:
    with pytest.raises(InputError) as refused:
        run(context, *argv)
    assert str(refused.value) == message


def test_a_session_started_the_previous_evening_counts_then(context: bootstrap.Context) -> None:
    # Finished 00:00:30 in New York after a practice of over two minutes: started on the 9th.
    session = logged(context, "hand-on-heart", 2, datetime(2026, 11, 10, 0, 0, 30, tzinfo=NEW_YORK))
    assert session.started.local.date() == date(2026, 11, 9)
    write(context, [session])
    assert set(counts_in(context, date(2026, 11, 9), date(2026, 11, 9))) == {"hand-on-heart"}
    assert counts_in(context, date(2026, 11, 10), None) == {}
