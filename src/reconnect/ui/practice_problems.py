"""The library's problems said in the practice form's words, and where each one goes.

Plain Python: the rules stay the loader's; only the sentences and places are the form's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reconnect.core.practices import LibraryProblem

_STEP_FIELD = re.compile(r"^steps\[(\d+)\]\.(\w+)$")
_EMPTY = {
    "title": "It needs a title, a few words to know it by.",
    "summary": "It needs one line saying what it is.",
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
        return PlacedProblem(field, None, _EMPTY[field])
    match = _STEP_FIELD.match(field)
    if words == "is empty" and match and match.group(2) == "text":
        return PlacedProblem("step-text", int(match.group(1)) - 1, "This step needs a few words.")
    subjects = {"title": "The title", "summary": "The summary", "safety": "The note"}
    if field in subjects:
        return PlacedProblem(field, None, _sentence(subjects[field], words))
    if field == "senses" or field.startswith("senses["):
        return PlacedProblem("senses", None, "Choose at least one sense.")
    if field == "place":
        return PlacedProblem("place", None, "Choose where it fits.")
    if field == "steps":
        if words.startswith(("is missing", "must be")):
            return PlacedProblem("steps", None, "Add at least one step.")
        subject = "The practice" if words.startswith("has ") else "The steps"
        return PlacedProblem("steps", None, _sentence(subject, words))
    if match:
        index, name = int(match.group(1)) - 1, match.group(2)
        if name == "text":
            return PlacedProblem("step-text", index, _sentence("This step's text", words))
        if name == "seconds":
            return PlacedProblem("step-timing", index, _sentence("This step's length", words))
        if name == "breath":
            return PlacedProblem("step-timing", index, _sentence("The breathing pattern:", words))
        return PlacedProblem("step-timing", index, _sentence(f"{name}:", words))
    if field == "alternative":
        return PlacedProblem("general", None, _sentence("The practice offered instead:", words))
    if field == "id":
        return PlacedProblem("general", None, _sentence("Its id", words))
    if not field:
        return PlacedProblem("general", None, _sentence("The file", words))
    return PlacedProblem("general", None, _sentence(f"{field}:", words))


def length_words(seconds: int) -> str:
    """A length as said aloud: 45 seconds, 1 minute, 2 minutes 30 seconds."""
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _sentence(subject: str, words: str) -> str:
    return f"{subject} {words}".rstrip(".") + "."
