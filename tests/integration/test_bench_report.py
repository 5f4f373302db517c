"""bench/run_all.py rewrites docs/performance.md without losing its hand-written part."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from bench.run_all import DOCUMENT, KEPT_HEADING, Outcome, document, kept_section

ROWS: list[dict[str, object]] = [
    {
        "benchmark": "Start",
        "figure": "tray shown and next break armed, median",
        "target": "<= x1.2 the floor (bare app + APScheduler armed)",
        "measured": "200 ms (x1.05 the floor)",
        "peer": "floor 190 ms",
        "met": True,
    }
]
HAND_WRITTEN = f"""{KEPT_HEADING}

Why the tray waits as it does.

## What a week of use showed

Written by hand too, after the first section.
"""


def _rewrite(path: Path) -> str:
    outcome = Outcome("Start", ["python"], output="figures", rows=ROWS)
    when = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    path.write_text(
        document(when, {"cores": "2"}, [outcome], quick=False, kept=kept_section(path)),
        encoding="utf-8",
    )
    return path.read_text(encoding="utf-8")


def test_a_rewrite_keeps_every_hand_written_section_and_drops_the_old_figures(
    tmp_path: Path,
) -> None:
    report = tmp_path / "performance.md"
    old = _rewrite(report).replace("| Start |", "| Old |")
    start = old.index("## How to reproduce")
    report.write_text(old[:start] + HAND_WRITTEN + "\n" + old[start:], encoding="utf-8")

    text = _rewrite(report)

    assert HAND_WRITTEN in text
    assert text.count(KEPT_HEADING) == 1 and text.count("## How to reproduce") == 1
    assert text.index("## Figures") < text.index(KEPT_HEADING) < text.index("## How to reproduce")
    assert "| Old |" not in text
    assert "| Start | tray shown and next break armed, median | <= x1.2 the floor" in text


def test_the_real_document_keeps_its_hand_written_part_through_a_rewrite(tmp_path: Path) -> None:
    copy = tmp_path / "performance.md"
    shutil.copy(DOCUMENT, copy)
    kept = kept_section(DOCUMENT)

    text = _rewrite(copy)

    assert kept and kept[0] == KEPT_HEADING
    assert "\n".join(kept) in text
    assert kept_section(copy) == kept


def test_a_document_without_the_heading_keeps_nothing(tmp_path: Path) -> None:
    report = tmp_path / "performance.md"
    report.write_text("# Performance\n\n## Figures\n", encoding="utf-8")

    assert kept_section(report) == []
    assert kept_section(tmp_path / "missing.md") == []
