"""``reconnect settings``: every value checked against its declaration, kept in one file."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def test_list_shows_every_setting_with_its_description(cli: Cli) -> None:
    result = cli("settings")
    assert result.code == 0
    assert "rhythm.interval_minutes" in result.out and "10 to 240" in result.out
    assert "rhythm.monday" in result.out and "09:00-17:30" in result.out


def test_set_get_and_reset(cli: Cli, data_dir: Path) -> None:
    assert cli("settings", "set", "rhythm.friday", "09:00-13:00").code == 0
    assert cli("settings", "get", "rhythm.friday").out == "09:00-13:00\n"
    assert cli("settings", "set", "rhythm.saturday", "off").out.startswith(
        "rhythm.saturday is now (none)."
    )
    file = data_dir / "settings.json"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert json.loads(file.read_text()) == {"rhythm.friday": "09:00-13:00"}
    assert cli("settings", "reset", "rhythm.friday").code == 0
    assert cli("settings", "get", "rhythm.friday").out == "09:00-17:30\n"


def test_night_hours_across_midnight_are_accepted(cli: Cli, data_dir: Path) -> None:
    result = cli("settings", "set", "rhythm.monday", "19:00-08:30")
    assert result.code == 0, result.err
    assert cli("settings", "get", "rhythm.monday").out == "19:00-08:30\n"
    assert json.loads((data_dir / "settings.json").read_text()) == {"rhythm.monday": "19:00-08:30"}
    listing = cli("settings").out
    assert "19:00-08:30 for a night from Monday evening into the next morning" in listing


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        (
            "rhythm.interval_minutes",
            "5",
            "Minutes from the end of one break to the next, 10 to 240.",
        ),
        ("rhythm.interval_minutes", "lots", "10 to 240"),
        ("rhythm.randomness_minutes", "16", "0 to 15"),
        ("rhythm.monday", "09:00-09:00", "end at another time than they start"),
        ("rhythm.monday", "nine to five", "like 09:00-17:30"),
        ("appearance.theme", "purple", "system, light or dark"),
        ("sound.chimes", "maybe", "yes or no"),
        ("rhythm.lunch", "12:00", "there is no setting 'rhythm.lunch'"),
    ],
)
def test_bad_values_are_refused_with_the_description(
    cli: Cli, data_dir: Path, key: str, value: str, words: str
) -> None:
    result = cli("settings", "set", key, value)
    assert result.code == 2
    assert words in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not (data_dir / "settings.json").exists()


def test_a_broken_settings_file_is_kept_and_explained(cli: Cli, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    result = cli("settings", "get", "rhythm.interval_minutes")
    assert result.out == "60\n"
    assert "was not readable as settings; it was kept as" in result.err
    kept = list(data_dir.glob("settings.broken-*.json"))
    assert [k.read_text() for k in kept] == ["{not json"]


def test_a_bad_stored_value_falls_back_to_the_default(cli: Cli, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text(
        json.dumps({"rhythm.interval_minutes": 999, "rhythm.colour": "blue"}), encoding="utf-8"
    )
    result = cli("settings", "get", "rhythm.interval_minutes")
    assert result.out == "60\n"
    assert "rhythm.interval_minutes can't be 999" in result.err
    assert "rhythm.colour: not a setting Reconnect knows" in result.err


def test_own_practices_come_from_the_chosen_folder(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    folder = tmp_path / "my practices"
    folder.mkdir()
    source = Path(__file__).parents[2] / "resources" / "practices" / "hand-on-heart.toml"
    text = source.read_text(encoding="utf-8").replace("hand-on-heart", "my-own-heart")
    (folder / "my-own-heart.toml").write_text(text, encoding="utf-8")
    assert cli("settings", "set", "practices.own_folder", str(folder)).code == 0
    listed = cli("practices", "--json")
    assert listed.code == 0
    assert "my-own-heart" in listed.out


# --- values checked against the library and the disk (issue 15, item 10) -------------------


def test_an_unknown_practice_is_refused_with_the_close_ids(cli: Cli, data_dir: Path) -> None:
    result = cli("settings", "set", "practices.disabled", "sunlight,box-breth")
    assert result.code == 2
    assert result.err.startswith("reconnect settings: practices.disabled can't be set: ")
    assert "there is no practice 'box-breth'. Did you mean box-breath?" in result.err
    assert "'sunlight'" not in result.err  # the known one is not blamed
    assert len(result.err.strip().splitlines()) == 1
    assert not (data_dir / "settings.json").exists()

    assert cli("settings", "set", "practices.disabled", "sunlight,box-breath").code == 0
    assert cli("settings", "get", "practices.disabled").out == "sunlight, box-breath\n"


def test_music_that_is_not_there_is_refused(
    cli: Cli, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = cli("settings", "set", "practices.music", "/no/such/file")
    assert result.code == 2
    assert "there is no file or folder at /no/such/file" in result.err
    assert not (data_dir / "settings.json").exists()

    song = tmp_path / "music" / "chills.ogg"
    song.parent.mkdir()
    song.write_bytes(b"OggS")
    monkeypatch.chdir(song.parent)
    assert cli("settings", "set", "practices.music", "chills.ogg").code == 0
    # Kept as a whole path, so that it means the same to the app started elsewhere.
    assert cli("settings", "get", "practices.music").out == f"{song}\n"
    assert cli("settings", "set", "practices.music", str(song.parent)).code == 0


def test_a_stored_practice_no_longer_there_is_noted_and_the_rest_loads(
    cli: Cli, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    file = data_dir / "settings.json"
    file.write_text(
        json.dumps(
            {"practices.disabled": ["gone-practice", "sunlight"], "rhythm.interval_minutes": 45}
        ),
        encoding="utf-8",
    )
    result = cli("settings", "get", "rhythm.interval_minutes")
    assert (result.code, result.out) == (0, "45\n")
    assert "practices.disabled names 'gone-practice', which is not among the practices" in (
        result.err
    )
    assert cli("settings", "get", "practices.disabled").out == "gone-practice, sunlight\n"

    assert cli("settings", "set", "sound.chimes", "no").code == 0  # not held up by it
    assert json.loads(file.read_text()) == {
        "practices.disabled": ["gone-practice", "sunlight"],
        "rhythm.interval_minutes": 45,
        "sound.chimes": False,
    }
    # Named again with a change beside it, it is let be: it was there already.
    assert cli("settings", "set", "practices.disabled", "gone-practice,box-breath").code == 0
