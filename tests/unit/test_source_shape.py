"""The source stays readable: short module docstrings, no figures in them, no oversized files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import reconnect

SOURCES = Path(reconnect.__file__).parent
# Alembic writes the migrations; their length is the schema's, not a design choice.
GENERATED = SOURCES / "storage" / "migrations" / "versions"
MAX_LINES = 500
MAX_SUMMARY_LINES = 3
# Measured figures (memory, time, speed-ups) belong in docs/performance.md, not in docstrings.
FIGURE = re.compile(
    r"\babout [\d.,]+ ?(?:[KMG]B|ms|µs|s|seconds)\b"
    r"|\b(?:\d+|two|three|several) times (?:faster|slower|as long)\b"
    r"|\btwice as (?:long|fast|slow)\b",
    re.IGNORECASE,
)


def modules() -> list[Path]:
    return sorted(path for path in SOURCES.rglob("*.py") if "__pycache__" not in path.parts)


def name(path: Path) -> str:
    return str(path.relative_to(SOURCES))


def summary_lines(docstring: str) -> int:
    """The number of lines of a docstring's first paragraph (up to its first blank line)."""
    lines = docstring.strip().splitlines()
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    return blank


def test_the_sources_are_found() -> None:
    assert len(modules()) > 100
    assert SOURCES / "core" / "history_import.py" in modules()


def test_every_module_says_what_it_is_for_in_one_to_three_lines() -> None:
    wrong = []
    for path in modules():
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False)
        if docstring is None or not docstring.strip():
            wrong.append(f"{name(path)}: no module docstring")
        elif (count := summary_lines(docstring)) > MAX_SUMMARY_LINES:
            wrong.append(
                f"{name(path)}: the docstring's first paragraph has {count} lines; "
                f"say what the module is for in at most {MAX_SUMMARY_LINES}, then a blank line"
            )
    assert wrong == []


def test_module_and_class_docstrings_quote_no_measured_figures() -> None:
    wrong = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owners: list[ast.Module | ast.ClassDef] = [tree]
        owners += [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
        for owner in owners:
            docstring = ast.get_docstring(owner) or ""
            for match in FIGURE.finditer(" ".join(docstring.split())):
                where = "module" if isinstance(owner, ast.Module) else f"class {owner.name}"
                wrong.append(f"{name(path)} ({where}): {match.group()!r}")
    assert wrong == [], "move these figures to docs/performance.md"


def test_no_source_file_is_over_500_lines() -> None:
    wrong = []
    for path in modules():
        if path.is_relative_to(GENERATED):
            continue
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > MAX_LINES:
            wrong.append(f"{name(path)}: {count} lines; split it by concept")
    assert wrong == []


def test_the_rules_catch_what_they_should() -> None:
    assert summary_lines("One line.\n\nMore.") == 1
    assert summary_lines("One\ntwo\nthree\nfour.") == 4
    assert summary_lines("\nOne\ntwo.\n   \nMore.") == 2
    assert FIGURE.search("SQLAlchemy (about 25 MB for the whole day)")
    assert FIGURE.search("isoformat makes that text several times faster")
    assert FIGURE.search("that took twice as long as SQLite's own work")
    assert not FIGURE.search("1 MB with two older files kept")
    assert not FIGURE.search("every 30 s while the prompt waits")
    assert not FIGURE.search("how many times faster breaks and practices run")
