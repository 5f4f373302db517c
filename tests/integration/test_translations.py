"""The translation catalogue: Qt's tools find the texts, the checked-in one is current, a .qm works.

lupdate reads the Python source itself, so these tests also catch a text it would read
differently from Python (an escape it does not know, an f-string inside a translate call).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

from reconnect.core import i18n
from reconnect.core.care import QUIET_NOTE_TEXT
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.spark_stats import ORDERING_SENTENCE
from reconnect.core.time_patterns import SEASON_NOTE
from reconnect.ui.care.help_dialog import NUMBNESS_HTML, RIGHT_NOW_HTML
from reconnect.ui.translations import install_translations
from reconnect.ui.tray.prompt_window import PromptWindow

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "update_translations.py"
AT_LEAST = 600  # the catalogue held 870 texts when it was first made

KNOWN = [
    ("TrayIcon", "Start a practice now"),
    ("TrayIcon", "For 30 minutes"),
    ("PromptWindow", "A small pause, if you'd like one"),
    ("CheckInDialog", "Did anything stir during {title}?"),
    ("PlayerWindow", "Step {number} of {count}"),
    ("SettingsWindow", "Saved. Reconnect follows your choices from now on."),
    ("HistoryPage", "Nothing matches these filters."),
    ("HelpDialog", NUMBNESS_HTML),  # long, triple-quoted, with typographic quotes
    ("CrisisPage", RIGHT_NOW_HTML),
    ("Overview", "This week"),
    ("Overview", "{Period} you took {moments} for yourself"),
    ("BreakPlanner", "A break is here whenever you are ready"),
    ("Care", "A quiet stretch"),
    ("Care", QUIET_NOTE_TEXT),
    ("SparkStats", ORDERING_SENTENCE),
    ("TimePatterns", SEASON_NOTE),
    ("Vocabulary", "a spark"),
    ("Settings", "Colours: system, light or dark."),
]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def update() -> ModuleType:
    return _script()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogue made now from the source, by the script as a person would run it."""
    target = tmp_path_factory.mktemp("catalogue") / "reconnect_en.ts"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--ts", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def test_lupdate_finds_the_texts_of_the_ui_and_the_core(update: ModuleType, fresh: Path) -> None:
    found = {(context, source) for context, source, _comment, _plural in update.messages(fresh)}
    assert len(found) >= AT_LEAST
    missing = [known for known in KNOWN if known not in found]
    assert missing == []


def test_no_text_is_an_unformatted_f_string(update: ModuleType, fresh: Path) -> None:
    # lupdate takes f"…{x}…" literally; such a text could never be looked up.
    found = update.messages(fresh)
    assert not [m for m in found if m[1].startswith(("f'", 'f"'))]
    assert all(m[0] for m in found), "every text needs a context"


def test_the_checked_in_catalogue_is_up_to_date(update: ModuleType, fresh: Path) -> None:
    checked_in = update.CATALOGUE
    assert checked_in.exists(), "run scripts/update_translations.py"
    wanted, have = update.messages(fresh), update.messages(checked_in)
    missing = sorted(wanted - have)[:5]
    stale = sorted(have - wanted)[:5]
    assert wanted == have, (
        f"{checked_in.name} is out of date (missing {missing}, no longer used {stale}): "
        "run scripts/update_translations.py"
    )


GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>PromptWindow</name>
    <message>
        <source>A small pause, if you'd like one</source>
        <translation>Eine kleine Pause, wenn du magst</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Los</translation>
    </message>
</context>
<context>
    <name>DashboardRange</name>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def german_qm(tmp_path: Path, update: ModuleType) -> Path:
    """A tiny German translation, compiled by lrelease as the script does."""
    source = tmp_path / "reconnect_de.ts"
    source.write_text(GERMAN_TS, encoding="utf-8")
    compiled = update.release(source)
    assert compiled == tmp_path / "reconnect_de.qm" and compiled.stat().st_size > 0
    return tmp_path


@pytest.fixture
def installed(qapp: QCoreApplication) -> Iterator[list[QTranslator]]:
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    i18n.uninstall()


def test_a_translation_shows_in_a_window_and_in_core_words(
    qtbot: QtBot, qapp: QCoreApplication, german_qm: Path, installed: list[QTranslator]
) -> None:
    installed += install_translations(qapp, QLocale("de_DE"), german_qm)
    assert installed, "the German .qm was not loaded"
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    assert prompt.heading.text() == "Eine kleine Pause, wenn du magst"
    assert prompt.start_button.text() == "&Los"
    assert prompt.start_button.accessibleName() == "Los"
    assert prompt.skip_button.text() == "S&kip"  # not translated: stays as written
    assert RangeChoice.WEEKS_4.label == "Letzte 4 Wochen"  # a core word, through core.i18n


def test_without_a_translation_for_the_locale_nothing_changes(
    qtbot: QtBot, qapp: QCoreApplication, german_qm: Path, installed: list[QTranslator]
) -> None:
    installed += install_translations(qapp, QLocale("fr_FR"), german_qm)
    assert installed == []
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    assert prompt.heading.text() == "A small pause, if you'd like one"
    assert RangeChoice.WEEKS_4.label == "Last 4 weeks"
