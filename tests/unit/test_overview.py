from reconnect.core.overview import (
    PeriodCounts,
    observations,
    overview,
    period_sentence,
    period_summary,
    seems_to_help,
)
from reconnect.core.spark_stats import PracticeCounts, compute
from reconnect.core.time_patterns import MarkCounts

NO_MARKS = MarkCounts(body=[], feelings=[])
WORDS_OF_PRESSURE = ("streak", "missed", "failed", "should", "only ", "behind")


def counts(practice_id: str, n: int, s: int, sessions: int | None = None) -> PracticeCounts:
    return PracticeCounts(practice_id, practice_id.title(), sessions or n, n, n, s, 0, s)


def test_an_empty_week_is_fine() -> None:
    text = period_sentence("this week", PeriodCounts(0, 0, 0, 0))
    assert text.startswith("No practices this week so far, and that is fine.")


def test_nothing_stirred_is_a_valid_answer() -> None:
    text = period_sentence("this week", PeriodCounts(3, 3, 0, 0))
    assert text == (
        "This week you took 3 moments for yourself and checked in after each. "
        "Nothing stirred so far, and that answer counts too: noticing is the practice."
    )


def test_sparks_are_counted_in_words() -> None:
    assert period_sentence("this month", PeriodCounts(5, 4, 2, 1)) == (
        "This month you took 5 moments for yourself and checked in after 4. "
        "Something stirred twice, one of them a spark or a glow."
    )
    assert period_sentence("this week", PeriodCounts(1, 1, 1, 0)) == (
        "This week you took 1 moment for yourself and checked in after it. Something stirred once."
    )
    assert period_sentence("this week", PeriodCounts(2, 0, 0, 0)) == (
        "This week you took 2 moments for yourself."
    )


def test_figures_have_descriptions_for_screen_readers() -> None:
    summary = period_summary("This week", "this week", PeriodCounts(4, 3, 0, 0))
    assert [(f.label, f.value) for f in summary.figures] == [
        ("practices", 4),
        ("check-ins", 3),
        ("something stirred", 0),
    ]
    assert summary.figures[2].description == "nothing stirred this week so far"
    assert summary.figures[1].description == "3 check-ins this week"


def test_a_practice_is_named_only_when_it_surely_helps() -> None:
    learning = compute([counts("stretch", 3, 3), counts("breath", 20, 4)])
    assert seems_to_help(learning) is None  # 3 of 3 is still learning
    sure = compute([counts("stretch", 12, 10), counts("breath", 20, 4)])
    helper = seems_to_help(sure)
    assert helper is not None and helper.id == "stretch"
    said = observations(sure, MarkCounts(body=[("chest", 5), ("hands", 2)], feelings=[]))
    assert said[0].startswith("Stretch has brought something most surely so far: likely ")
    assert said[1] == "Where you felt it most: chest and hands."


def test_no_standout_is_said_kindly_and_nothing_said_without_checkins() -> None:
    even = compute([counts("stretch", 10, 3), counts("breath", 10, 3)])
    assert observations(even, NO_MARKS)[0].startswith("No practice stands out yet.")
    assert observations(compute([]), NO_MARKS) == ()
    words = MarkCounts(body=[], feelings=[("warm", 4), ("calm", 3), ("soft", 2), ("odd", 1)])
    assert observations(compute([]), words) == ("Words you used most: warm, calm and soft.",)


def test_no_word_of_pressure_anywhere() -> None:
    cases = [PeriodCounts(0, 0, 0, 0), PeriodCounts(3, 3, 0, 0), PeriodCounts(9, 2, 1, 1)]
    report = compute([counts("stretch", 12, 10), counts("breath", 20, 0)])
    result = overview(cases[1], cases[2], report, NO_MARKS)
    texts = [period_sentence("this week", c) for c in cases]
    texts += [p.sentence for p in result.periods] + list(result.observations)
    for text in texts:
        assert not any(word in text.lower() for word in WORDS_OF_PRESSURE), text


def test_too_early_to_tell_with_very_few_checkins_in_the_range() -> None:
    # Issue 15: one check-in used to give figures as if they were sure.
    one = compute([counts("stretch", 1, 1), counts("breath", 0, 0, sessions=2)])
    said = observations(one, NO_MARKS)
    assert said == ("Too early to tell: a few more check-ins and a picture starts to form.",)
    assert not any("%" in text or " in 100" in text for text in said)
    four = compute([counts("stretch", 3, 3), counts("breath", 1, 0)])
    assert observations(four, NO_MARKS)[0].startswith("Too early to tell")
    five = compute([counts("stretch", 4, 3), counts("breath", 1, 0)])
    assert observations(five, NO_MARKS)[0].startswith("No practice stands out yet.")


def test_how_often_it_was_a_spark_or_a_glow_reads_naturally() -> None:
    def stirred(sparks: int, strong: int) -> str:
        return period_sentence("this week", PeriodCounts(9, 9, sparks, strong)).split(". ", 1)[1]

    assert stirred(1, 1) == "Something stirred once, and it was a spark or a glow."
    assert stirred(5, 2) == "Something stirred 5 times, 2 of them a spark or a glow."
    assert stirred(5, 1) == "Something stirred 5 times, one of them a spark or a glow."
    assert stirred(2, 2) == "Something stirred twice, each time a spark or a glow."
    assert stirred(3, 0) == "Something stirred 3 times."


def test_large_counts_are_grouped_by_thousands() -> None:
    text = period_sentence("this month", PeriodCounts(14_352, 12_001, 0, 0))
    assert text.startswith(
        "This month you took 14,352 moments for yourself and checked in after 12,001."
    )
    summary = period_summary("This month", "this month", PeriodCounts(1, 1, 1, 0))
    assert summary.figures[0].description == "1 practice this month"


def test_body_areas_are_named_in_words_not_ids() -> None:
    marks = MarkCounts(body=[("whole-body", 4), ("chest", 2)], feelings=[("warmth", 3)])
    said = observations(compute([]), marks)
    assert "Where you felt it most: whole body and chest." in said
    assert not any("whole-body" in sentence for sentence in said)
