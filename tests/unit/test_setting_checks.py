"""The checks the command line and the settings window share: practices and music."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconnect.core.errors import InputError
from reconnect.core.library import Library
from reconnect.core.practice_loader import load_library
from reconnect.core.setting_checks import stored_notes, with_checked_value
from reconnect.core.settings import Settings
from reconnect.paths import practices_dir


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(practices_dir())


def test_unknown_practices_are_refused_each_with_its_close_ids(library: Library) -> None:
    with pytest.raises(InputError) as refused:
        with_checked_value(Settings(), "practices.disabled", "box-breth,sunlight,sunlite", library)
    assert str(refused.value) == (
        "practices.disabled can't be set: there is no practice 'box-breth'. Did you mean "
        "box-breath? There is no practice 'sunlite'. Did you mean sunlight?"
    )


def test_an_id_already_stored_is_let_be(library: Library) -> None:
    stored = Settings({"practices.disabled": ("gone-practice",)})
    changed = with_checked_value(stored, "practices.disabled", "gone-practice,sunlight", library)
    assert changed["practices.disabled"] == ("gone-practice", "sunlight")
    assert stored_notes(changed, library) == [
        "practices.disabled names 'gone-practice', which is not among the practices now; "
        "it is kept and changes nothing."
    ]
    assert stored_notes(Settings(), library) == []


def test_music_must_be_there_and_is_kept_as_a_whole_path(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError, match=r"there is no file or folder at nowhere\.ogg"):
        with_checked_value(Settings(), "practices.music", "nowhere.ogg", library)
    (tmp_path / "song.ogg").write_bytes(b"OggS")
    monkeypatch.chdir(tmp_path)
    chosen = with_checked_value(Settings(), "practices.music", " song.ogg ", library)
    assert chosen["practices.music"] == str(tmp_path / "song.ogg")
    assert with_checked_value(chosen, "practices.music", "", library)["practices.music"] == ""
    away = Settings({"practices.music": "/media/usb/song.ogg"})
    kept = with_checked_value(away, "practices.music", "/media/usb/song.ogg", library)
    assert kept["practices.music"] == "/media/usb/song.ogg"  # unchanged: not looked for


def test_other_settings_are_checked_by_their_declaration_alone(library: Library) -> None:
    assert with_checked_value(Settings(), "sound.chimes", "no", library)["sound.chimes"] is False
    with pytest.raises(InputError, match="10 to 240"):
        with_checked_value(Settings(), "rhythm.interval_minutes", "5", library)
