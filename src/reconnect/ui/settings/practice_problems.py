"""The library's problems said in the practice form's words, and where each one goes.

Plain Python: the rules stay the loader's; only the sentences and places are the form's.
The form's own words go through the core's translate hook (``core.i18n``); the loader's
words inside them stay as the loader says them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reconnect.core.i18n import QT_TRANSLATE_NOOP, plural, translate
from reconnect.core.practices import LibraryProblem

_STEP_FIELD = re.compile(r"^steps\[(\d+)\]\.(\w+)$")
_EMPTY = {
    "title": QT_TRANSLATE_NOOP("PracticeProblems", "It needs a title, a few words to know it by."),
    "summary": QT_TRANSLATE_NOOP("PracticeProblems", "It needs one line saying what it is."),
}
_SUBJECTS = {
    "title": QT_TRANSLATE_NOOP("PracticeProblems", "The title"),
    "summary": QT_TRANSLATE_NOOP("PracticeProblems", "The summary"),
    "safety": QT_TRANSLATE_NOOP("PracticeProblems", "The note"),
}


@dataclass(frozen=True)
class PlacedProblem:
    """A loader problem said in the form's words, and where it goes.

    Attributes:
        anchor: title, summary, safety, senses, place, steps, step-text, step-timing or
            general (whatever has no field of its own in the form).
        step: the step's index from 0, for the two step anchors.
        sentence: what is shown.
    """

    anchor: str
    step: int | None
    sentence: str


def place_problem(problem: LibraryProblem) -> PlacedProblem:
    """Where a problem found by the library's rules belongs in the form, and its words."""
    field, words = problem.field, problem.problem
    if words == "is empty" and field in _EMPTY:
        return PlacedProblem(field, None, translate("PracticeProblems", _EMPTY[field]))
    match = _STEP_FIELD.match(field)
    if words == "is empty" and match and match.group(2) == "text":
        return PlacedProblem(
            "step-text",
            int(match.group(1)) - 1,
            translate("PracticeProblems", "This step needs a few words."),
        )
    if field in _SUBJECTS:
        return PlacedProblem(
            field, None, _sentence(translate("PracticeProblems", _SUBJECTS[field]), words)
        )
    if field == "senses" or field.startswith("senses["):
        return PlacedProblem(
            "senses", None, translate("PracticeProblems", "Choose at least one sense.")
        )
    if field == "place":
        return PlacedProblem("place", None, translate("PracticeProblems", "Choose where it fits."))
    if field == "steps":
        if words.startswith(("is missing", "must be")):
            return PlacedProblem(
                "steps", None, translate("PracticeProblems", "Add at least one step.")
            )
        if words.startswith("has "):
            subject = translate("PracticeProblems", "The practice")
        else:
            subject = translate("PracticeProblems", "The steps")
        return PlacedProblem("steps", None, _sentence(subject, words))
    if match:
        index, name = int(match.group(1)) - 1, match.group(2)
        if name == "text":
            return PlacedProblem(
                "step-text",
                index,
                _sentence(translate("PracticeProblems", "This step's text"), words),
            )
        if name == "seconds":
            subject = translate("PracticeProblems", "This step's length")
            return PlacedProblem("step-timing", index, _sentence(subject, words))
        if name == "breath":
            subject = translate("PracticeProblems", "The breathing pattern:")
            return PlacedProblem("step-timing", index, _sentence(subject, words))
        return PlacedProblem("step-timing", index, _sentence(f"{name}:", words))
    if field == "alternative":
        subject = translate("PracticeProblems", "The practice offered instead:")
        return PlacedProblem("general", None, _sentence(subject, words))
    if field == "id":
        return PlacedProblem(
            "general", None, _sentence(translate("PracticeProblems", "Its id"), words)
        )
    if not field:
        return PlacedProblem(
            "general", None, _sentence(translate("PracticeProblems", "The file"), words)
        )
    return PlacedProblem("general", None, _sentence(f"{field}:", words))


def length_words(seconds: int) -> str:
    """A length as said aloud: 45 seconds, 1 minute, 2 minutes 30 seconds."""
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(
            plural(
                minutes,
                translate("PracticeProblems", "1 minute"),
                translate("PracticeProblems", "{count} minutes"),
            )
        )
    if rest or not minutes:
        parts.append(
            plural(
                rest,
                translate("PracticeProblems", "1 second"),
                translate("PracticeProblems", "{count} seconds"),
            )
        )
    return " ".join(parts)


def _sentence(subject: str, words: str) -> str:
    return f"{subject} {words}".rstrip(".") + "."
