"""Care: emergency numbers by country, the long quiet stretch, and when its note is said."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reconnect.core.care import (
    CRISIS_LINES,
    QUIET_NOTE_TEXT,
    UNKNOWN_NUMBER_TEXT,
    EmergencyNumber,
    emergency_number,
    long_quiet,
    quiet_note_due,
)

TODAY = date(2026, 11, 17)
WORDS_OF_PRESSURE = ("streak", "missed", "failed", "should", "only ", "behind", "must")


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.mark.parametrize(
    ("code", "number", "shown"),
    [
        ("DE", "112", "112"),
        ("fr", "112", "112"),
        ("NO", "112", "112"),
        ("IE", "112", "112 (999 works too)"),
        ("GB", "999", "999 (112 works too)"),
        ("uk", "999", "999 (112 works too)"),
        ("US", "911", "911"),
        ("CA", "911", "911"),
        ("MX", "911", "911"),
        ("AU", "000", "000 (112 works too from a mobile phone)"),
        ("NZ", "111", "111"),
        ("IN", "112", "112 (102 or 108 for an ambulance in many states)"),
    ],
)
def test_emergency_numbers_of_a_few_countries(code: str, number: str, shown: str) -> None:
    found = emergency_number(code)
    assert found.known and found.number == number
    assert found.text() == shown


@pytest.mark.parametrize("code", [None, "", "  ", "ZZ", "JP", "C"])
def test_an_unknown_country_points_to_the_local_number_and_112(code: str | None) -> None:
    found = emergency_number(code)
    assert found == EmergencyNumber(None, None)
    assert not found.known
    assert found.text() == UNKNOWN_NUMBER_TEXT
    assert "112 works in many countries" in found.text()


def test_the_crisis_lines_given_as_examples() -> None:
    assert [(line.number, line.where) for line in CRISIS_LINES] == [
        ("988", "the United States and Canada"),
        ("116 123", "the UK and Ireland"),
    ]


def test_three_weeks_of_nothing_is_a_long_quiet_stretch() -> None:
    checkins = [(ago(days), 0) for days in (20, 16, 12, 7, 3, 0)]
    assert long_quiet(checkins, TODAY)


def test_the_stretch_is_the_last_21_days_today_included() -> None:
    quiet = [(ago(days), 0) for days in (18, 14, 10, 5, 1)]
    # A flicker 21 days ago lies just outside; 20 days ago, just inside.
    assert long_quiet([(ago(21), 1), *quiet], TODAY)
    assert not long_quiet([(ago(20), 1), *quiet], TODAY)


def test_a_single_flicker_breaks_it() -> None:
    checkins = [(ago(days), 0) for days in (20, 16, 12, 7, 3)]
    assert long_quiet(checkins, TODAY)
    assert not long_quiet([*checkins, (ago(9), 1)], TODAY)
    assert not long_quiet([*checkins, (TODAY, 3)], TODAY)


def test_fewer_than_five_check_ins_say_nothing_yet() -> None:
    four = [(ago(days), 0) for days in (20, 14, 7, 1)]
    assert not long_quiet(four, TODAY)
    assert long_quiet([*four, (ago(3), 0)], TODAY)
    assert not long_quiet([], TODAY)


def test_the_stretch_must_reach_back_two_weeks() -> None:
    # Five "nothing"s in the last two weeks are too few days to call a stretch.
    recent = [(ago(days), 0) for days in (13, 10, 6, 3, 0)]
    assert not long_quiet(recent, TODAY)
    assert long_quiet([*recent, (ago(14), 0)], TODAY)


def test_check_ins_after_today_are_left_out() -> None:
    checkins = [(ago(days), 0) for days in (20, 16, 12, 7, 3)]
    assert long_quiet([*checkins, (TODAY + timedelta(days=1), 2)], TODAY)
    assert not long_quiet([(TODAY + timedelta(days=d), 0) for d in range(5)], TODAY)


def test_the_rule_takes_other_spans() -> None:
    checkins = [(ago(days), 0) for days in (9, 6, 3)]
    assert long_quiet(checkins, TODAY, days=10, at_least=3, reaching_back=7)
    assert not long_quiet(checkins, TODAY, days=10, at_least=4, reaching_back=7)


def test_the_note_is_said_once_then_not_for_90_days() -> None:
    assert quiet_note_due(True, None, TODAY)
    assert not quiet_note_due(False, None, TODAY)
    assert not quiet_note_due(True, TODAY, TODAY)
    assert not quiet_note_due(True, ago(89), TODAY)
    assert quiet_note_due(True, ago(90), TODAY)
    assert not quiet_note_due(False, ago(400), TODAY)
    assert not quiet_note_due(True, TODAY + timedelta(days=3), TODAY)  # a clock set back


def test_the_note_is_kind_and_says_what_it_must() -> None:
    text = QUIET_NOTE_TEXT.lower()
    assert "common" in text
    assert "noticing is itself the practice" in text
    assert "doctor or a therapist can help" in text
    assert not any(word in text for word in WORDS_OF_PRESSURE)
