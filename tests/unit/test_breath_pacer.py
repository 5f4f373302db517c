"""The breathing pacer follows the pattern to the second: phases, counts, sizes and changes."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconnect.core.breath_pacer import Phase, pacer_at, phase_changes
from reconnect.core.clock import FakeClock
from reconnect.core.practices import BreathPattern

LONGER_OUT = BreathPattern(4, 0, 6, 0)
BOX = BreathPattern(4, 4, 4, 4)
FOUR_SEVEN_EIGHT = BreathPattern(4, 7, 8, 0)


def shown(pattern: BreathPattern, elapsed: float) -> tuple[Phase, str, int, int]:
    view = pacer_at(pattern, elapsed)
    return view.phase, view.word, view.count, view.cycle


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0.0, (Phase.IN, "Breathe in", 4, 0)),
        (0.5, (Phase.IN, "Breathe in", 4, 0)),
        (1.0, (Phase.IN, "Breathe in", 3, 0)),
        (3.0, (Phase.IN, "Breathe in", 1, 0)),
        (3.99, (Phase.IN, "Breathe in", 1, 0)),
        (4.0, (Phase.OUT, "Breathe out", 6, 0)),
        (9.0, (Phase.OUT, "Breathe out", 1, 0)),
        (9.99, (Phase.OUT, "Breathe out", 1, 0)),
        (10.0, (Phase.IN, "Breathe in", 4, 1)),
        (14.0, (Phase.OUT, "Breathe out", 6, 1)),
        (75.5, (Phase.OUT, "Breathe out", 5, 7)),
    ],
)
def test_longer_out_breath_4_0_6_0(elapsed: float, expected: tuple[Phase, str, int, int]) -> None:
    assert shown(LONGER_OUT, elapsed) == expected


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0.0, (Phase.IN, "Breathe in", 4, 0)),
        (4.0, (Phase.HOLD_IN, "Hold", 4, 0)),
        (7.5, (Phase.HOLD_IN, "Hold", 1, 0)),
        (8.0, (Phase.OUT, "Breathe out", 4, 0)),
        (12.0, (Phase.HOLD_OUT, "Rest", 4, 0)),
        (15.2, (Phase.HOLD_OUT, "Rest", 1, 0)),
        (16.0, (Phase.IN, "Breathe in", 4, 1)),
        (95.9, (Phase.HOLD_OUT, "Rest", 1, 5)),
    ],
)
def test_box_breathing_4_4_4_4(elapsed: float, expected: tuple[Phase, str, int, int]) -> None:
    assert shown(BOX, elapsed) == expected


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0.0, (Phase.IN, "Breathe in", 4, 0)),
        (4.0, (Phase.HOLD_IN, "Hold", 7, 0)),
        (10.9, (Phase.HOLD_IN, "Hold", 1, 0)),
        (11.0, (Phase.OUT, "Breathe out", 8, 0)),
        (18.5, (Phase.OUT, "Breathe out", 1, 0)),
        (19.0, (Phase.IN, "Breathe in", 4, 1)),
        (23.0, (Phase.HOLD_IN, "Hold", 7, 1)),
    ],
)
def test_4_7_8(elapsed: float, expected: tuple[Phase, str, int, int]) -> None:
    assert shown(FOUR_SEVEN_EIGHT, elapsed) == expected


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (LONGER_OUT, [(4.0, Phase.OUT), (10.0, Phase.IN), (14.0, Phase.OUT), (20.0, Phase.IN)]),
        (
            BOX,
            [
                (4.0, Phase.HOLD_IN),
                (8.0, Phase.OUT),
                (12.0, Phase.HOLD_OUT),
                (16.0, Phase.IN),
                (20.0, Phase.HOLD_IN),
            ],
        ),
        (FOUR_SEVEN_EIGHT, [(4.0, Phase.HOLD_IN), (11.0, Phase.OUT), (19.0, Phase.IN)]),
    ],
)
def test_on_a_fake_clock_ticking_every_200_ms_each_phase_starts_on_its_second(
    clock: FakeClock, pattern: BreathPattern, starts: list[tuple[float, Phase]]
) -> None:
    begin = clock.monotonic()
    seen: list[tuple[float, Phase]] = []
    previous = pacer_at(pattern, 0.0).phase
    while clock.monotonic() - begin < 20.0 - 1e-9:
        clock.advance(timedelta(milliseconds=200))
        phase = pacer_at(pattern, clock.monotonic() - begin).phase
        if phase is not previous:
            seen.append((round(clock.monotonic() - begin, 3), phase))
        previous = phase
    assert seen == starts


def test_zero_second_holds_never_show() -> None:
    phases = {pacer_at(LONGER_OUT, n / 10).phase for n in range(0, 300)}
    assert phases == {Phase.IN, Phase.OUT}
    phases = {pacer_at(FOUR_SEVEN_EIGHT, n / 10).phase for n in range(0, 400)}
    assert phases == {Phase.IN, Phase.HOLD_IN, Phase.OUT}


def test_the_count_is_spoken_4_3_2_1() -> None:
    counts = [pacer_at(BOX, n / 10).count for n in range(0, 40)]
    assert counts == [4] * 10 + [3] * 10 + [2] * 10 + [1] * 10


def test_the_shape_grows_rests_shrinks_and_rests() -> None:
    assert pacer_at(BOX, 0.0).size == 0.0
    assert pacer_at(BOX, 2.0).size == pytest.approx(0.5)
    # Eased: slow to start and slow to arrive.
    assert pacer_at(BOX, 1.0).size < 0.25
    assert pacer_at(BOX, 3.0).size > 0.75
    assert [pacer_at(BOX, t).size for t in (4.0, 6.0, 7.9)] == [1.0, 1.0, 1.0]
    assert pacer_at(BOX, 8.0).size == pytest.approx(1.0)
    assert pacer_at(BOX, 10.0).size == pytest.approx(0.5)
    assert pacer_at(BOX, 11.0).size < 0.25
    assert [pacer_at(BOX, t).size for t in (12.0, 14.0, 15.9)] == [0.0, 0.0, 0.0]
    # 4-0-6-0: the longer out-breath shrinks over six seconds, with no rest at either end.
    assert pacer_at(LONGER_OUT, 3.999).size == pytest.approx(1.0, abs=1e-5)
    assert pacer_at(LONGER_OUT, 7.0).size == pytest.approx(0.5)
    assert pacer_at(LONGER_OUT, 9.999).size == pytest.approx(0.0, abs=1e-5)


def test_sizes_never_jump_within_a_pattern() -> None:
    sizes = [pacer_at(FOUR_SEVEN_EIGHT, n / 100).size for n in range(0, 3800)]
    assert all(0.0 <= s <= 1.0 for s in sizes)
    assert max(abs(a - b) for a, b in pairwise(sizes)) < 0.02


def test_the_phase_fraction_runs_through_each_phase() -> None:
    assert pacer_at(FOUR_SEVEN_EIGHT, 0.0).phase_fraction == 0.0
    assert pacer_at(FOUR_SEVEN_EIGHT, 7.5).phase_fraction == pytest.approx(0.5)
    assert pacer_at(FOUR_SEVEN_EIGHT, 17.0).phase_fraction == pytest.approx(0.75)


def test_negative_elapsed_counts_as_the_start() -> None:
    assert pacer_at(BOX, -3.0) == pacer_at(BOX, 0.0)


def test_a_pattern_without_seconds_is_refused() -> None:
    with pytest.raises(ValueError, match="no seconds"):
        pacer_at(BreathPattern(0, 0, 0, 0), 1.0)


def test_phase_changes_lists_each_start_in_the_half_open_span() -> None:
    assert phase_changes(LONGER_OUT, 0.0, 20.0) == [
        (4.0, Phase.OUT),
        (10.0, Phase.IN),
        (14.0, Phase.OUT),
        (20.0, Phase.IN),
    ]
    assert phase_changes(FOUR_SEVEN_EIGHT, 0.0, 19.0) == [
        (4.0, Phase.HOLD_IN),
        (11.0, Phase.OUT),
        (19.0, Phase.IN),
    ]
    assert phase_changes(BOX, 3.8, 4.0) == [(4.0, Phase.HOLD_IN)]
    assert phase_changes(BOX, 4.0, 7.9) == []  # the start itself is left out
    assert phase_changes(BOX, 4.0, 4.0) == []
    assert phase_changes(BOX, 5.0, 3.0) == []


def test_phase_changes_includes_the_first_in_breath_only_when_asked() -> None:
    assert phase_changes(BOX, 0.0, 0.2) == []
    assert phase_changes(BOX, -1.0, 0.2) == [(0.0, Phase.IN)]


def test_phase_changes_in_a_late_cycle() -> None:
    assert phase_changes(BOX, 95.0, 97.0) == [(96.0, Phase.IN)]


patterns = st.builds(
    BreathPattern,
    st.integers(1, 8),
    st.integers(0, 8),
    st.integers(1, 10),
    st.integers(0, 8),
)


@given(
    pattern=patterns,
    start=st.floats(0, 200, allow_nan=False),
    span=st.floats(0.01, 30, allow_nan=False),
)
def test_phase_changes_agree_with_what_the_pacer_shows(
    pattern: BreathPattern, start: float, span: float
) -> None:
    end = start + span
    before, after = pacer_at(pattern, start), pacer_at(pattern, end)
    changes = phase_changes(pattern, start, end)
    if (before.cycle, before.phase) == (after.cycle, after.phase):
        assert changes == []
    else:
        assert changes and changes[-1][1] is after.phase
        assert all(start < at <= end + 1e-6 for at, _ in changes)
        assert [pacer_at(pattern, at).phase for at, _ in changes] == [p for _, p in changes]
