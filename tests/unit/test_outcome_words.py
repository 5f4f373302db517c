"""The words for how a session ended: one set, gentle, and in the person's language."""

from __future__ import annotations

import pytest

from reconnect.core import i18n
from reconnect.core.outcome_words import OUTCOME_WORDS, outcome_word
from reconnect.core.sessions import Outcome

WORDS_OF_PRESSURE = ("missed", "failed", "should", "only ", "behind", "must")


pytestmark = pytest.mark.usefixtures("as_written")


def test_every_outcome_has_a_gentle_word() -> None:
    assert set(OUTCOME_WORDS) == set(Outcome)
    words = [outcome_word(outcome) for outcome in Outcome]
    assert len(set(words)) == len(words)
    for word in [*words, outcome_word(None)]:
        assert word and not any(pressure in word for pressure in WORDS_OF_PRESSURE), word


def test_the_words_as_the_history_shows_them() -> None:
    assert {outcome.value: outcome_word(outcome) for outcome in Outcome} == {
        "completed": "done",
        "stopped_early": "stopped early",
        "interrupted": "interrupted",
        "skipped": "skipped",
        "snoozed": "snoozed",
        "missed": "not seen",
        "natural_break": "a natural break",
    }
    assert outcome_word(None) == "open"  # under way, or cut off and closed at the next start


def test_the_words_follow_the_installed_translator() -> None:
    i18n.install(lambda context, text: f"{context}: {text}")
    assert outcome_word(Outcome.MISSED) == "OutcomeWords: not seen"
    assert outcome_word(None) == "OutcomeWords: open"
