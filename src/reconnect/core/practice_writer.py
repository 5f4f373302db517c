"""Writes a practice as the documented TOML file, and checks it with the loader's own rules.

The standard library reads TOML but does not write it, so the few shapes a practice file
uses (strings, whole numbers, true/false, short lists) are written here by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass

from reconnect.core.practice_loader import ID_PATTERN, MAX_FILE_BYTES, parse_practice_text
from reconnect.core.practices import LibraryProblem, Practice, Step, StepKind

MAX_ID_LENGTH = 40
FALLBACK_ID = "my-practice"

# TOML basic strings: a backslash, a quote and every control character must be escaped.
_SHORT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, quotes included, on one line."""
    out = []
    for char in text:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_number(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 2**53:  # whole and exact: written as 4, not 4.0
        return str(int(value))
    return repr(float(value))  # Python's repr of a float (1.5, 1e-05, inf, nan) is valid TOML


def _toml_bool(value: bool) -> str:
    return "true" if value else "false"


def practice_to_toml(practice: Practice) -> str:
    """The practice as a data file in the format of ``docs/practice-format.md``.

    Optional fields are written only when they differ from what the loader assumes when
    they are left out, so a written file reads like the bundled ones.
    """
    lines = [
        f"id = {toml_string(practice.id)}",
        f"title = {toml_string(practice.title)}",
        f"summary = {toml_string(practice.summary)}",
        f"senses = [{', '.join(toml_string(s) for s in practice.senses)}]",
        f"place = {toml_string(practice.place.value)}",
    ]
    if practice.needs_headphones:
        lines.append("needs_headphones = true")
    if practice.safety is not None:
        lines.append(f"safety = {toml_string(practice.safety)}")
    if practice.alternative is not None:
        lines.append(f"alternative = {toml_string(practice.alternative)}")
    for step in practice.steps:
        lines.extend(["", "[[steps]]", *_step_lines(step)])
    return "\n".join(lines) + "\n"


def _step_lines(step: Step) -> list[str]:
    lines = []
    # A step with a pattern is a breathing step by default, one without is a guide.
    implied = StepKind.BREATH if step.breath is not None else StepKind.GUIDE
    if step.kind is not implied or step.kind is StepKind.BREATH:
        lines.append(f"kind = {toml_string(step.kind.value)}")
    if step.breath is not None:
        b = step.breath
        phases = (b.inhale, b.hold_in, b.exhale, b.hold_out)
        lines.append(f"breath = [{', '.join(_toml_number(p) for p in phases)}]")
    lines.append(f"text = {toml_string(step.text)}")
    lines.append(f"seconds = {step.seconds}")
    if not step.chime:
        lines.append(f"chime = {_toml_bool(step.chime)}")
    if step.illustration is not None:
        lines.append(f"illustration = {toml_string(step.illustration)}")
    return lines


def slug(title: str, max_length: int = MAX_ID_LENGTH) -> str:
    """Lowercase letters, digits and single hyphens made from ``title``; may be empty."""
    # Accents come off (Café -> cafe); letters with no plain Latin form are left out.
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())
    text = ""
    for word in words:
        longer = f"{text}-{word}" if text else word
        if len(longer) > max_length:
            if not text:
                text = word[:max_length]
            break
        text = longer
    return text


def new_practice_id(title: str, taken_ids: Collection[str]) -> str:
    """An id made from ``title`` that no practice in ``taken_ids`` uses yet.

    Args:
        title: the practice's title, in any words.
        taken_ids: ids of the bundled practices, the person's own, and any file names in
            their folder (a file that didn't load still keeps its name).

    Returns:
        A valid id of at most 40 characters, like ``tea-steam`` or ``tea-steam-2``.
    """
    taken = {taken_id.lower() for taken_id in taken_ids}
    base = slug(title) or FALLBACK_ID
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{slug(base, MAX_ID_LENGTH - len(suffix)) or 'p'}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1


@dataclass(frozen=True)
class CheckedPractice:
    """A practice written out and read back by the loader, before anything is saved.

    Attributes:
        text: the file's contents.
        practice: the practice as the library would load it; None when there are problems.
        problems: what the loader's rules found, by field (``title``, ``steps[2].seconds``).
    """

    text: str
    practice: Practice | None
    problems: tuple[LibraryProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_practice(
    practice: Practice,
    file: str | None = None,
    reserved_ids: Collection[str] = (),
    known_ids: Collection[str] | None = None,
    illustration_exists: Callable[[str], bool] | None = None,
) -> CheckedPractice:
    """Write ``practice`` as a file's text and read it back with the library's rules.

    Args:
        practice: what the person entered (texts already trimmed).
        file: how to name the file in problems; ``<id>.toml`` when None.
        reserved_ids: ids this one may not take: the bundled practices' ids.
        known_ids: ids an ``alternative`` may point at; None leaves it unchecked.
        illustration_exists: tells whether a picture name is available.
    """
    label = file or f"{practice.id}.toml"
    text = practice_to_toml(practice)
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        problem = LibraryProblem(label, "", f"contains a character that can't be saved: {error}")
        return CheckedPractice(text, None, (problem,))
    if size > MAX_FILE_BYTES:
        problem = LibraryProblem(label, "", f"would be larger than {MAX_FILE_BYTES // 1024} KB")
        return CheckedPractice(text, None, (problem,))
    expected = practice.id if ID_PATTERN.match(practice.id) else None
    loaded, problems = parse_practice_text(
        text, label, expected, own=True, illustration_exists=illustration_exists
    )
    if practice.id in reserved_ids:
        problems.append(
            LibraryProblem(label, "id", f"{practice.id!r} is already used by a built-in practice")
        )
    if (
        known_ids is not None
        and practice.alternative is not None
        and practice.alternative not in known_ids
    ):
        problems.append(
            LibraryProblem(label, "alternative", f"no practice has the id {practice.alternative!r}")
        )
    if problems:
        return CheckedPractice(text, None, tuple(problems))
    return CheckedPractice(text, loaded, ())
