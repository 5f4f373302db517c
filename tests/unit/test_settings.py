"""The settings schema: one declaration per setting, every refusal explained, a full round trip."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.break_policy import WorkingHours, is_working_time
from reconnect.core.errors import InputError
from reconnect.core.settings import BY_KEY, DECLARATIONS, Settings, declaration
from reconnect.settings_store import SettingsFile

NOW = datetime(2026, 11, 17, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))

# A value other than the default for every kind, to save and read back.
OTHER_VALUES: dict[str, Any] = {
    "int": None,  # the maximum
    "bool": None,  # the opposite
    "choice": None,  # the last choice
    "text": "/home/me/Music/chills",
    "hours": "07:15-24:00",
    "ids": ("box-breath", "short-walk"),
    "name": "The laptop",
    "database": "postgresql+psycopg://me@db.example:5432/reconnect?sslmode=require",
    "degrees": "-33.87",
}


def other_value(key: str) -> Any:
    setting = BY_KEY[key]
    if setting.kind == "int":
        return setting.maximum
    if setting.kind == "bool":
        return not setting.default
    if setting.kind == "choice":
        return setting.choices[-1]
    return OTHER_VALUES[setting.kind]


def test_every_setting_is_declared_once_and_whole() -> None:
    keys = [s.key for s in DECLARATIONS]
    assert len(keys) == len(set(keys))
    for setting in DECLARATIONS:
        group, _, name = setting.key.partition(".")
        assert group and name and setting.group == group
        assert setting.kind in OTHER_VALUES
        assert setting.description.strip().endswith(".")
        assert "\n" not in setting.description
        assert setting.parse(setting.default) == setting.default
        if setting.kind == "int":
            assert setting.minimum is not None and setting.maximum is not None
            assert setting.minimum <= setting.default <= setting.maximum
            assert f"{setting.minimum} to {setting.maximum}" in setting.description
        if setting.kind == "choice":
            assert setting.default in setting.choices
            assert all(choice in setting.description for choice in setting.choices)


def test_the_new_declarations() -> None:
    size = declaration("appearance.text_size")
    assert (size.kind, size.default, size.choices) == (
        "choice",
        "system",
        ("system", "larger", "largest"),
    )
    folder = declaration("practices.own_folder")
    assert (folder.kind, folder.default) == ("text", "")
    assert "empty for the practices folder inside your data folder" in folder.description


@pytest.mark.parametrize("key", sorted(BY_KEY))
def test_each_value_survives_typing_it_again(key: str) -> None:
    setting = BY_KEY[key]
    for value in (setting.default, other_value(key)):
        assert setting.parse(setting.format(value)) == value


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("rhythm.interval_minutes", 9),
        ("rhythm.interval_minutes", 241),
        ("rhythm.interval_minutes", "sixty"),
        ("rhythm.interval_minutes", True),
        ("rhythm.interval_minutes", 60.5),
        ("rhythm.randomness_minutes", -1),
        ("rhythm.randomness_minutes", 16),
        ("rhythm.idle_minutes", 0),
        ("rhythm.idle_minutes", 61),
        ("rhythm.busy_wait_minutes", 121),
        ("rhythm.monday", "00:00-00:00"),
        ("rhythm.monday", "09:00-09:00"),
        ("rhythm.monday", "25:00-26:00"),
        ("rhythm.monday", "09:00-25:00"),
        ("rhythm.monday", "09:00-24:30"),
        ("rhythm.monday", "09:60-17:00"),
        ("rhythm.monday", "nine to five"),
        ("rhythm.sunday", 9),
        ("practices.disabled", "Box Breath"),
        ("practices.disabled", ["box-breath", 3]),
        ("practices.disabled", 7),
        ("practices.have_headphones", "maybe"),
        ("practices.have_headphones", 2),
        ("practices.music", "two\nlines"),
        ("practices.music", "x" * 1001),
        ("practices.music", 5),
        ("practices.own_folder", "bad\x00name"),
        ("practices.own_folder", ["a", "list"]),
        ("sound.chimes", "loud"),
        ("sound.breath_tones", None),
        ("appearance.theme", "purple"),
        ("appearance.text_size", "huge"),
        ("appearance.text_size", 150),
        ("appearance.reduced_motion", "sometimes"),
    ],
)
def test_every_refused_value_says_what_is_allowed(key: str, raw: object) -> None:
    with pytest.raises(InputError) as refused:
        Settings().with_value(key, raw)
    message = str(refused.value)
    assert message.startswith(f"{key} can't be ")
    assert message.endswith(BY_KEY[key].description)


def test_night_hours_run_from_the_evening_into_the_next_morning() -> None:
    rhythm = Settings().with_value("rhythm.monday", "19:00-08:30").rhythm()
    assert rhythm.week[0] == WorkingHours(time(19), time(8, 30))
    assert is_working_time(NOW.replace(hour=2, minute=0), rhythm)  # Tuesday 02:00
    assert not is_working_time(NOW.replace(hour=8, minute=45), rhythm)  # before Tuesday's 09:00


def test_an_unknown_key_lists_the_known_ones() -> None:
    with pytest.raises(InputError) as refused:
        Settings().with_value("appearance.font", "serif")
    assert str(refused.value).startswith("there is no setting 'appearance.font'; known settings:")
    assert "appearance.text_size" in str(refused.value)


def test_every_setting_saved_and_read_back(tmp_path: Path) -> None:
    settings = Settings()
    for key in BY_KEY:
        settings = settings.with_value(key, other_value(key))
    store = SettingsFile(tmp_path / "data" / "settings.json")
    store.save(settings)
    loaded, problems = store.load(NOW)
    assert problems == []
    assert {key: loaded[key] for key in BY_KEY} == {key: settings[key] for key in BY_KEY}
    stored = json.loads(store.path.read_text(encoding="utf-8"))
    assert set(stored) == set(BY_KEY)
    assert stored["practices.disabled"] == ["box-breath", "short-walk"]


def test_only_what_differs_from_the_defaults_is_kept(tmp_path: Path) -> None:
    settings = (
        Settings()
        .with_value("rhythm.interval_minutes", "60")
        .with_value("appearance.text_size", "Larger")
    )
    store = SettingsFile(tmp_path / "settings.json")
    store.save(settings)
    assert json.loads(store.path.read_text(encoding="utf-8")) == {"appearance.text_size": "larger"}
    loaded, _ = store.load(NOW)
    assert loaded["appearance.text_size"] == "larger"
    assert loaded["practices.own_folder"] == ""


def test_every_setting_carries_the_words_the_settings_window_shows() -> None:
    """Labels, hints and the names of choices live in the declaration, not in the window."""
    for setting in DECLARATIONS:
        if setting.kind == "hours":
            assert not setting.label  # the window names each day itself
            continue
        assert setting.label and setting.label[0].isupper(), setting.key
        assert not setting.label.endswith("."), setting.key
        if setting.choice_labels:
            assert len(setting.choice_labels) == len(setting.choices), setting.key
    assert BY_KEY["appearance.theme"].choice_labels == ("Follow the system", "Light", "Dark")
    assert BY_KEY["practices.disabled"].hint == "Untick any practice you'd rather not be offered."
    assert BY_KEY["sync.database_url"].placeholder == "The file in your data folder"
