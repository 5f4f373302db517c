"""Reads practice files (TOML) and checks them, naming the file, field and problem."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reconnect.core.library import Library
from reconnect.core.practices import (
    BreathPattern,
    LibraryProblem,
    Practice,
    Step,
    StepKind,
)
from reconnect.core.vocabulary import SENSES, Place

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_BYTES = 256 * 1024
STEP_SECONDS = (3, 1800)
PRACTICE_SECONDS = (10, 3600)
MAX_STEPS = 40
BREATH_PHASE_SECONDS = 20
_SHOWN_CHARS = 40

_PRACTICE_FIELDS = {
    "id",
    "title",
    "summary",
    "senses",
    "place",
    "needs_headphones",
    "safety",
    "alternative",
    "steps",
}
_STEP_FIELDS = {"text", "seconds", "kind", "breath", "chime", "illustration"}


class _Checker:
    """Collects problems for one file while reading its fields."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[LibraryProblem] = []

    def fail(self, field: str, problem: str) -> None:
        self.problems.append(LibraryProblem(self.file, field, problem))

    def text(
        self, data: dict[str, Any], key: str, where: str, max_len: int, required: bool = True
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(where, "is missing")
            return None
        if not isinstance(value, str):
            self.fail(where, f"must be text in quotes (got {_kind(value)})")
            return None
        value = value.strip()
        if not value:
            self.fail(where, "is empty")
            return None
        if len(value) > max_len:
            self.fail(where, f"is {len(value)} characters long; at most {max_len} fit")
            return None
        if "\x00" in value:
            self.fail(where, "contains a NUL character")
            return None
        return value

    def one_line(self, value: str | None, where: str) -> str | None:
        # "\r" too: a title travels into the history, whose export must read back.
        if value is not None and ("\n" in value or "\r" in value):
            self.fail(where, "must fit on one line")
            return None
        return value

    def boolean(self, data: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(where, f"must be true or false (got {_kind(value)})")
            return default
        return value

    def unknown_fields(self, data: dict[str, Any], known: set[str], prefix: str) -> None:
        for key in sorted(set(data) - known):
            self.fail(
                f"{prefix}{_shorten(key)}",
                f"is not a known field (known: {', '.join(sorted(known))})",
            )


def _kind(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list"}
    return names.get(type(value), "a table" if isinstance(value, dict) else type(value).__name__)


def _show(value: object) -> str:
    """A value as it can be quoted in a problem: short, even when the file holds a huge one."""
    try:
        text = repr(value)
    except ValueError:  # an integer with more digits than Python will write out
        return "a number with thousands of digits"
    return _shorten(text)


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def parse_practice(
    data: dict[str, Any],
    file: str,
    expected_id: str | None = None,
    own: bool = False,
    illustration_exists: Callable[[str], bool] | None = None,
    source: Path | None = None,
) -> tuple[Practice | None, list[LibraryProblem]]:
    """Check one practice's data and build it.

    Args:
        data: the parsed TOML document.
        file: how to name the file in problems.
        expected_id: the id the file name promises, if any.
        illustration_exists: tells whether an illustration name is available.

    Returns:
        The practice (None when anything is wrong) and every problem found.
    """
    c = _Checker(file)
    c.unknown_fields(data, _PRACTICE_FIELDS, "")

    practice_id = c.text(data, "id", "id", 40)
    if practice_id is not None:
        if not ID_PATTERN.match(practice_id):
            c.fail("id", "use lowercase letters, digits and single hyphens, like hand-on-heart")
        elif expected_id is not None and practice_id != expected_id:
            c.fail(
                "id",
                f"is {practice_id!r} but the file is named {expected_id}.toml; make them match",
            )
    title = c.one_line(c.text(data, "title", "title", 60), "title")
    summary = c.one_line(c.text(data, "summary", "summary", 160), "summary")
    safety = c.text(data, "safety", "safety", 400, required=False)
    alternative = c.text(data, "alternative", "alternative", 40, required=False)
    if alternative is not None and not ID_PATTERN.match(alternative):
        c.fail("alternative", "must be the id of another practice")
    needs_headphones = c.boolean(data, "needs_headphones", "needs_headphones", False)

    senses = _senses(c, data.get("senses"))
    place: Place | None = None
    raw_place = data.get("place")
    if raw_place is None:
        c.fail("place", "is missing")
    else:
        try:
            place = Place(raw_place)
        except ValueError:
            choices = ", ".join(p.value for p in Place)
            c.fail("place", f"must be one of {choices} (got {_show(raw_place)})")

    steps = _steps(c, data.get("steps"), illustration_exists)
    if steps:
        total = sum(s.seconds for s in steps)
        low, high = PRACTICE_SECONDS
        if not low <= total <= high:
            c.fail("steps", f"add up to {total} seconds; a practice lasts {low} to {high} seconds")

    if c.problems:
        return None, c.problems
    assert practice_id and title and summary and place and senses and steps
    return (
        Practice(
            id=practice_id,
            title=title,
            summary=summary,
            senses=senses,
            place=place,
            steps=steps,
            needs_headphones=needs_headphones,
            safety=safety,
            alternative=alternative,
            own=own,
            source=source,
        ),
        [],
    )


def _senses(c: _Checker, raw: object) -> tuple[str, ...]:
    if raw is None:
        c.fail("senses", "is missing")
        return ()
    if not isinstance(raw, list) or not raw:
        c.fail("senses", 'must be a list with at least one sense, like ["touch", "breath"]')
        return ()
    senses: list[str] = []
    for i, sense in enumerate(raw):
        if sense not in SENSES:
            c.fail(f"senses[{i}]", f"{_show(sense)} is not one of {', '.join(SENSES)}")
        elif sense in senses:
            c.fail(f"senses[{i}]", f"{_show(sense)} is listed twice")
        else:
            senses.append(sense)
    return tuple(senses)


def _steps(
    c: _Checker, raw: object, illustration_exists: Callable[[str], bool] | None
) -> tuple[Step, ...]:
    if raw is None:
        c.fail("steps", "is missing; a practice needs at least one [[steps]] table")
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(s, dict) for s in raw):
        c.fail("steps", "must be one or more [[steps]] tables")
        return ()
    if len(raw) > MAX_STEPS:
        c.fail("steps", f"has {len(raw)} steps; at most {MAX_STEPS} fit")
        return ()
    steps = []
    for i, data in enumerate(raw):
        step = _step(c, data, f"steps[{i + 1}].", illustration_exists)
        if step is not None:
            steps.append(step)
    return tuple(steps)


def _step(
    c: _Checker,
    data: dict[str, Any],
    where: str,
    illustration_exists: Callable[[str], bool] | None,
) -> Step | None:
    before = len(c.problems)
    c.unknown_fields(data, _STEP_FIELDS, where)
    text = c.text(data, "text", f"{where}text", 400)
    seconds = data.get("seconds")
    low, high = STEP_SECONDS
    if seconds is None:
        c.fail(f"{where}seconds", "is missing")
    elif not isinstance(seconds, int) or isinstance(seconds, bool) or not low <= seconds <= high:
        c.fail(
            f"{where}seconds",
            f"must be a whole number from {low} to {high} (got {_show(seconds)})",
        )

    breath = _breath(c, data.get("breath"), f"{where}breath")
    raw_kind = data.get("kind")
    kind = StepKind.BREATH if breath is not None else StepKind.GUIDE
    if raw_kind is not None:
        try:
            kind = StepKind(raw_kind)
        except ValueError:
            choices = ", ".join(k.value for k in StepKind)
            c.fail(f"{where}kind", f"must be one of {choices} (got {_show(raw_kind)})")
    if kind is StepKind.BREATH and breath is None and "breath" not in data:
        c.fail(f"{where}breath", "is needed for a breathing step, like breath = [4, 0, 6, 0]")
    if breath is not None and kind is not StepKind.BREATH:
        c.fail(f"{where}breath", f'only goes with kind = "breath" (this step is {kind.value!r})')

    if breath is not None and isinstance(seconds, int) and seconds < breath.cycle_seconds:
        c.fail(
            f"{where}seconds",
            f"is shorter than one breath ({breath.cycle_seconds:g} seconds); give it at least that",
        )
    chime = c.boolean(data, "chime", f"{where}chime", True)
    illustration = c.text(data, "illustration", f"{where}illustration", 60, required=False)
    if illustration is not None:
        if not ID_PATTERN.match(illustration):
            c.fail(f"{where}illustration", "use the picture's name without .svg, like neck-tilt")
        elif illustration_exists is not None and not illustration_exists(illustration):
            c.fail(f"{where}illustration", f"there is no picture called {illustration}.svg")

    if len(c.problems) > before:
        return None
    assert text is not None and isinstance(seconds, int)
    return Step(text, seconds, kind, breath, chime, illustration)


def _breath(c: _Checker, raw: object, where: str) -> BreathPattern | None:
    if raw is None:
        return None
    hint = "four numbers of seconds: in, hold, out, hold, like [4, 0, 6, 0]"
    if not isinstance(raw, list) or len(raw) != 4 or not all(_number(v) for v in raw):
        c.fail(where, f"must be {hint}")
        return None
    values = [_seconds(v) for v in raw]
    # Written so that NaN (which TOML allows) fails too: every comparison with it is false.
    if not all(0 <= v <= BREATH_PHASE_SECONDS for v in values):
        c.fail(where, f"each phase lasts 0 to {BREATH_PHASE_SECONDS} seconds")
        return None
    if values[0] <= 0 or values[2] <= 0:
        c.fail(where, "breathing in and breathing out each need some seconds")
        return None
    return BreathPattern(*values)


def _seconds(value: float) -> float:
    try:
        return float(value)
    except OverflowError:  # an integer too large for a float is certainly too long
        return math.inf


def read_practice_file(
    path: Path,
    own: bool = False,
    illustration_exists: Callable[[str], bool] | None = None,
) -> tuple[Practice | None, list[LibraryProblem]]:
    """Read and check one practice file; never raises for a bad file."""
    label = path.name if not own else str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [LibraryProblem(label, "", f"could not be read ({error.strerror or error})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [LibraryProblem(label, "", f"is larger than {MAX_FILE_BYTES // 1024} KB")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [LibraryProblem(label, "", f"is not UTF-8 text (byte {error.start})")]
    return parse_practice_text(text, label, path.stem, own, illustration_exists, path)


def parse_practice_text(
    text: str,
    file: str,
    expected_id: str | None = None,
    own: bool = False,
    illustration_exists: Callable[[str], bool] | None = None,
    source: Path | None = None,
) -> tuple[Practice | None, list[LibraryProblem]]:
    """Check a practice file's text, as ``read_practice_file`` does once it has read it.

    Args are those of ``parse_practice``; ``text`` is the whole file.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [LibraryProblem(file, "", f"is not valid TOML: {error}")]
    except RecursionError:
        return None, [LibraryProblem(file, "", "is not valid TOML: it is nested too deeply")]
    except ValueError:
        # tomllib lets int() refuse a number of more than 4300 digits without wrapping it.
        return None, [LibraryProblem(file, "", "is not valid TOML: a number is far too long")]
    return parse_practice(data, file, expected_id, own, illustration_exists, source)


def load_library(
    builtin_dir: Path,
    own_dir: Path | None = None,
    illustration_exists: Callable[[str], bool] | None = None,
) -> Library:
    """Load the bundled practices and the person's own ones.

    A file with problems is left out and its problems are kept in
    ``Library.problems``; every other practice still loads.
    """
    practices: dict[str, Practice] = {}
    problems: list[LibraryProblem] = []

    def load(paths: Iterable[Path], own: bool) -> None:
        for path in paths:
            practice, found = read_practice_file(path, own, illustration_exists)
            problems.extend(found)
            if practice is None:
                continue
            if practice.id in practices:
                problems.append(
                    LibraryProblem(
                        str(path) if own else path.name,
                        "id",
                        f"{practice.id!r} is already used by a built-in practice; "
                        "give yours another id and file name",
                    )
                )
                continue
            practices[practice.id] = practice

    load(sorted(builtin_dir.glob("*.toml")), own=False)
    if own_dir is not None and own_dir.is_dir():
        load(sorted(own_dir.glob("*.toml")), own=True)

    # An alternative must name a practice that loaded; otherwise the file is set aside,
    # and so, in turn, is any practice that pointed at it.
    dangling = True
    while dangling:
        dangling = False
        for practice in list(practices.values()):
            if practice.alternative is not None and practice.alternative not in practices:
                label = str(practice.source) if practice.own else f"{practice.id}.toml"
                problems.append(
                    LibraryProblem(
                        label, "alternative", f"no practice has the id {practice.alternative!r}"
                    )
                )
                del practices[practice.id]
                dangling = True
    return Library(practices.values(), problems)
