"""The words for how a session ended, one set for the dashboard's history and the command line.

The words are gentle on purpose: a break that came and went unseen is "not seen", not "missed".
"""

from __future__ import annotations

from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.core.sessions import Outcome

# In English, marked for the catalogue; shown through translate("OutcomeWords", ...).
OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.COMPLETED: QT_TRANSLATE_NOOP("OutcomeWords", "done"),
    Outcome.STOPPED_EARLY: QT_TRANSLATE_NOOP("OutcomeWords", "stopped early"),
    Outcome.INTERRUPTED: QT_TRANSLATE_NOOP("OutcomeWords", "interrupted"),
    Outcome.SKIPPED: QT_TRANSLATE_NOOP("OutcomeWords", "skipped"),
    Outcome.SNOOZED: QT_TRANSLATE_NOOP("OutcomeWords", "snoozed"),
    Outcome.MISSED: QT_TRANSLATE_NOOP("OutcomeWords", "not seen"),
    Outcome.NATURAL_BREAK: QT_TRANSLATE_NOOP("OutcomeWords", "a natural break"),
}
# A session without an outcome is under way (or was cut off, and is closed at the next start).
NOT_ENDED = QT_TRANSLATE_NOOP("OutcomeWords", "open")


def outcome_word(outcome: Outcome | None) -> str:
    """How a session ended, in the person's language; ``None`` when it has not ended."""
    return translate("OutcomeWords", NOT_ENDED if outcome is None else OUTCOME_WORDS[outcome])
