"""The core's translate hook: the text as written by default, the installed translator after."""

from __future__ import annotations

import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reconnect.core import i18n
from reconnect.core.break_planner import BreakPlanner
from reconnect.core.break_policy import Rhythm
from reconnect.core.care import emergency_number
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.overview import PeriodCounts, period_sentence
from reconnect.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
GERMAN = {
    ("Care", "112 works too"): "112 geht auch",
    ("Care", "{number} ({also})"): "{number} – {also}",
    ("DashboardRange", "Last 4 weeks"): "Letzte 4 Wochen",
    ("Overview", "No practices {period} so far, and that is fine. "
     "The library has one ready whenever you would like it."):
        "Bisher keine Übungen {period}, und das ist in Ordnung.",
    ("BreakPlanner", "Next break at {time}, {countdown}"): "Nächste Pause um {time}, {countdown}",
    ("BreakPlanner", "in {minutes} min"): "in {minutes} Min.",
}  # fmt: skip


pytestmark = pytest.mark.usefixtures("as_written")


def german(context: str, text: str) -> str:
    return GERMAN.get((context, text), text)


def test_without_a_translator_every_text_is_as_written() -> None:
    assert i18n.translate("Overview", "This week") == "This week"
    assert i18n.QT_TRANSLATE_NOOP("Care", "A quiet stretch") == "A quiet stretch"
    assert emergency_number("GB").text() == "999 (112 works too)"
    assert RangeChoice.WEEKS_4.label == "Last 4 weeks"


def test_the_installed_translator_gets_the_context_and_the_template() -> None:
    asked: list[tuple[str, str]] = []

    def recording(context: str, text: str) -> str:
        asked.append((context, text))
        return text.upper()

    i18n.install(recording)
    assert i18n.translate("Overview", "This week") == "THIS WEEK"
    assert asked == [("Overview", "This week")]


def test_core_sentences_follow_the_installed_translator() -> None:
    i18n.install(german)
    assert emergency_number("GB").text() == "999 – 112 geht auch"
    assert RangeChoice.WEEKS_4.label == "Letzte 4 Wochen"
    sentence = period_sentence("diese Woche", PeriodCounts(0, 0, 0, 0))
    assert sentence == "Bisher keine Übungen diese Woche, und das ist in Ordnung."


def test_the_planner_describes_the_next_break_in_the_installed_language() -> None:
    now = datetime(2026, 11, 17, 14, 30, tzinfo=BERLIN)  # a Tuesday within working hours
    rhythm: Rhythm = Settings().rhythm()
    planner = BreakPlanner(rhythm, random.Random(1), now)
    english = planner.describe(now)
    assert english.startswith("Next break at ")
    i18n.install(german)
    said = planner.describe(now)
    assert said.startswith("Nächste Pause um ")
    assert said.endswith(" Min.") and english.endswith(" min")


def test_uninstall_goes_back_to_the_texts_as_written() -> None:
    i18n.install(german)
    i18n.uninstall()
    assert RangeChoice.WEEKS_4.label == "Last 4 weeks"


def test_numbers_are_grouped_by_thousands() -> None:
    assert [i18n.number(n) for n in (1, 2, 999, 14352, 1_000_000)] == [
        "1",
        "2",
        "999",
        "14,352",
        "1,000,000",
    ]


def test_plural_picks_the_form_and_groups_the_count() -> None:
    def practices(n: int) -> str:
        return i18n.plural(n, "1 practice", "{count} practices")

    assert [practices(n) for n in (0, 1, 2, 14352)] == [
        "0 practices",
        "1 practice",
        "2 practices",
        "14,352 practices",
    ]
    assert i18n.plural(3, "Added 1 ({new} new)", "Added {count} ({new} new)", new="2") == (
        "Added 3 (2 new)"
    )


def test_the_installed_number_format_is_used_until_uninstalled() -> None:
    i18n.install(german, lambda n: f"{n:,}".replace(",", "."))
    assert i18n.plural(14352, "1 Übung", "{count} Übungen") == "14.352 Übungen"
    i18n.uninstall()
    assert i18n.number(14352) == "14,352"
