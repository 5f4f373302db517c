"""The breathing pacer's arithmetic: which phase, what count and what shape size at a moment.

Plain functions of a breath pattern and the seconds since the breathing step began.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.core.practices import BreathPattern

# Elapsed seconds arrive as sums of float clock readings; a boundary reached but for a
# rounding error is reached, so "4.0" after twenty 0.2 s ticks is the out-breath.
_EPSILON = 1e-6


class Phase(StrEnum):
    """A part of one breath."""

    IN = "in"
    HOLD_IN = "hold_in"
    OUT = "out"
    HOLD_OUT = "hold_out"


# In English; a view carries them through translate("BreathPacer", ...).
WORDS: dict[Phase, str] = {
    Phase.IN: QT_TRANSLATE_NOOP("BreathPacer", "Breathe in"),
    Phase.HOLD_IN: QT_TRANSLATE_NOOP("BreathPacer", "Hold"),
    Phase.OUT: QT_TRANSLATE_NOOP("BreathPacer", "Breathe out"),
    Phase.HOLD_OUT: QT_TRANSLATE_NOOP("BreathPacer", "Rest"),
}


@dataclass(frozen=True)
class PacerView:
    """What the pacer shows at one moment.

    Attributes:
        word: the phase in words, such as "Breathe in".
        count: whole seconds left in the phase, rounded up, as one would count aloud:
            4, 3, 2, 1; never 0.
        phase_fraction: 0..1 through the phase.
        size: 0..1 scale of the shape: grows on the in-breath (eased in and out), stays
            full while holding in, shrinks on the out-breath, stays small while resting.
        cycle: how many whole breaths came before this one (0 during the first).
    """

    phase: Phase
    word: str
    count: int
    phase_fraction: float
    size: float
    cycle: int


def _phases(pattern: BreathPattern) -> list[tuple[Phase, float, float]]:
    """The phases that take any time, each with its start and length within one cycle."""
    lengths = (
        (Phase.IN, pattern.inhale),
        (Phase.HOLD_IN, pattern.hold_in),
        (Phase.OUT, pattern.exhale),
        (Phase.HOLD_OUT, pattern.hold_out),
    )
    phases: list[tuple[Phase, float, float]] = []
    start = 0.0
    for phase, seconds in lengths:
        if seconds > 0:
            phases.append((phase, start, float(seconds)))
            start += seconds
    if not phases:
        raise ValueError(f"breath pattern {pattern.label()} has no seconds in it")
    return phases


def _ease_in_out(fraction: float) -> float:
    # A half cosine: the breath starts and ends softly, as lungs do, rather than at a constant rate.
    return (1.0 - math.cos(math.pi * fraction)) / 2.0


def _size(phase: Phase, fraction: float) -> float:
    if phase is Phase.IN:
        return _ease_in_out(fraction)
    if phase is Phase.HOLD_IN:
        return 1.0
    if phase is Phase.OUT:
        return 1.0 - _ease_in_out(fraction)
    return 0.0


def pacer_at(pattern: BreathPattern, elapsed: float) -> PacerView:
    """The pacer ``elapsed`` seconds after the breathing began.

    Phases of 0 seconds are skipped. A phase owns its start and not its end: at
    ``elapsed == pattern.inhale`` the in-breath is over and the next phase shows.

    Args:
        pattern: the step's breath pattern.
        elapsed: seconds since the step began; negative values count as 0.

    Raises:
        ValueError: the pattern has no seconds at all.
    """
    phases = _phases(pattern)
    cycle_seconds = pattern.cycle_seconds
    elapsed = max(elapsed, 0.0)
    cycle = math.floor((elapsed + _EPSILON) / cycle_seconds)
    into = max(elapsed - cycle * cycle_seconds, 0.0)
    phase, start, length = phases[-1]
    for candidate in phases:
        if into < candidate[1] + candidate[2] - _EPSILON:
            phase, start, length = candidate
            break
    fraction = min(max((into - start) / length, 0.0), 1.0)
    count = max(1, math.ceil(length - (into - start) - _EPSILON))
    return PacerView(
        phase=phase,
        word=translate("BreathPacer", WORDS[phase]),
        count=count,
        phase_fraction=fraction,
        size=_size(phase, fraction),
        cycle=cycle,
    )


def phase_changes(pattern: BreathPattern, start: float, end: float) -> list[tuple[float, Phase]]:
    """The phases that begin after ``start`` and by ``end``, with their elapsed start times.

    For tones: called with the previous and the current elapsed seconds, it names each phase
    change in between, even when the calls come further apart than a phase lasts. The very
    first in-breath, at 0, counts only when ``start`` is below 0.

    Returns:
        ``(elapsed, phase)`` pairs in time order; empty when ``end <= start``.
    """
    phases = _phases(pattern)
    cycle_seconds = pattern.cycle_seconds
    changes: list[tuple[float, Phase]] = []
    if end <= start:
        return changes
    first_cycle = max(0, math.floor(start / cycle_seconds))
    last_cycle = math.floor((end + _EPSILON) / cycle_seconds)
    for cycle in range(first_cycle, last_cycle + 1):
        for phase, offset, _length in phases:
            at = cycle * cycle_seconds + offset
            # The same tolerance as pacer_at, so a change is reported where the view changes.
            if start + _EPSILON < at <= end + _EPSILON:
                changes.append((at, phase))
    return changes
