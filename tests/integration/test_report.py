"""`reconnect report`: a PDF of two or three pages, read back with a PDF library."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from reconnect.app import bootstrap
from reconnect.core.recording import logged_session
from reconnect.core.spark_stats import compute
from reconnect.storage.stats_queries import practice_counts
from tests.conftest import CliResult
from tests.integration.conftest import write

BERLIN = ZoneInfo("Europe/Berlin")
SECRET = "Told my sister about the lake"
PRACTICES = ("hand-on-heart", "box-breath", "cool-water-hands")


def fill(context: bootstrap.Context, checkins: int, note_every: int = 0) -> None:
    """``checkins`` logged practices over the weeks before the clock's day, levels varying."""
    sessions = []
    start = datetime(2026, 9, 1, 9, 0, tzinfo=BERLIN)
    for index in range(checkins):
        practice = context.library.get(PRACTICES[index % len(PRACTICES)])
        assert practice is not None
        at = start + timedelta(days=index // 3, hours=2 * (index % 4))
        note = SECRET if note_every and index % note_every == 0 else None
        level = (index * 7) % 4 if practice.id != "box-breath" else index % 2
        sessions.append(
            logged_session(practice, context.clock.now(), level, ("chest",), ("warmth",), note, at)
        )
    write(context, sessions)


def text_of(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """The report draws with Qt: the tests' own QApplication is the one it finds."""


def test_a_report_shows_the_practices_and_their_likely_ranges_without_notes(
    context: bootstrap.Context, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    fill(context, 60, note_every=5)
    path = tmp_path / "report.pdf"
    result = cli("report", "--since", "2026-09-01", "--until", "2026-11-17", "-o", str(path))
    assert result.code == 0, result.err
    assert f"as {path}" in result.out
    pages, text = text_of(path)
    assert 2 <= pages <= 3
    assert "From 2026-09-01 to 2026-11-17" in text
    with context.database().session_factory() as session:
        report = compute(practice_counts(session, None, None))
    for practice in report.rated:
        low, high = practice.interval80
        assert practice.title in text
        assert f"likely {round(low * 100)}-{round(high * 100)}%" in text
    assert "Not a diagnosis" in text and "not a diagnosis" in text
    assert "chest" in text and "warmth" in text
    assert SECRET not in text and "Notes" not in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_notes_come_in_only_when_asked(
    context: bootstrap.Context, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    fill(context, 60, note_every=5)
    path = tmp_path / "with-notes.pdf"
    assert cli("report", "--notes", "-o", str(path)).code == 0
    pages, text = text_of(path)
    assert 2 <= pages <= 3
    assert SECRET in text
    assert "The latest 10 of 12 notes" in text


def test_an_empty_history_is_told_kindly_without_charts(
    context: bootstrap.Context, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    context.database()
    path = tmp_path / "empty.pdf"
    assert cli("report", "-o", str(path)).code == 0
    pages, text = text_of(path)
    assert pages == 1
    assert "nothing recorded in this period yet" in text
    assert not re.search(r"likely \d+-\d+%", text)
    assert "What helped" not in text and "By hour of the day" not in text


def test_a_tiny_history_says_it_is_too_early(
    context: bootstrap.Context, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    fill(context, 3)
    path = tmp_path / "tiny.pdf"
    assert cli("report", "-o", str(path)).code == 0
    pages, text = text_of(path)
    assert pages == 1
    assert "too few for charts" in text and "3 check-ins" in text
    assert "What helped" not in text


def test_a_wrong_file_name_or_dates_are_refused(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    not_pdf = cli("report", "-o", str(tmp_path / "report.txt"))
    assert not_pdf.code == 2 and "ending in .pdf" in not_pdf.err
    swapped = cli("report", "--since", "2026-11-02", "--until", "2026-11-01", "-o", "r.pdf")
    assert swapped.code == 2 and "swap them" in swapped.err
    assert not (tmp_path / "report.txt").exists()


def test_the_command_works_without_a_display(context: bootstrap.Context, tmp_path: Path) -> None:
    """Over SSH there is no display: Qt's offscreen platform draws the PDF."""
    fill(context, 30)
    path = tmp_path / "over-ssh.pdf"
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "reconnect", "report", "--data-dir", str(context.paths.root),
         "-o", str(path)],
        env={**environ, **{k: v for k, v in context.environ.items() if k.startswith("RECONNECT")}},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    pages, text = text_of(path)
    assert 2 <= pages <= 3 and "What helped" in text


def test_an_experiment_of_the_period_is_shown_with_its_titles_and_ranges(
    context: bootstrap.Context, cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    from reconnect.core.experiments import Experiment
    from reconnect.core.prompts import Prompt, PromptFate
    from reconnect.core.sessions import Moment
    from reconnect.storage.unit_of_work import UnitOfWork

    fill(context, 60)
    started = datetime(2026, 10, 1, 9, 0, tzinfo=BERLIN)
    experiment = Experiment(
        "e-1", "sunlight", "Step into daylight", "short-walk", "A short walk", 20, 5, started,
        started + timedelta(days=10), False,
    )  # fmt: skip
    sessions, offers = [], []
    for index in range(20):
        practice = context.library.get(("sunlight", "short-walk")[index % 2])
        assert practice is not None
        at = started + timedelta(hours=12 * index)
        level = 2 if practice.id == "sunlight" or index % 4 == 1 else 0
        session = logged_session(practice, at, level, (), (), None, at)
        sessions.append(session)
        offers.append(
            Prompt(
                f"p-{index}",
                Moment.of(at),
                practice.id,
                practice.title,
                0.5,
                fate=PromptFate.STARTED,
                decided=Moment.of(at),
                session_id=session.id,
                experiment_id="e-1",
            )
        )
    write(context, sessions)
    with UnitOfWork(context.database().session_factory) as uow:
        uow.experiments.add(experiment)
        for offer in offers:
            uow.prompts.add(offer)
        uow.commit()
    path = tmp_path / "experiment.pdf"
    assert cli("report", "--since", "2026-09-01", "-o", str(path)).code == 0
    _pages, text = text_of(path)
    assert "Comparing Step into daylight and A short walk" in text
    assert "20 of 20 breaks offered" in text
    assert "seems to bring a spark more often than A short walk" in text
    assert re.search(r"likely lies between \+\d+ and \+\d+ points \(80%\)", text), text
