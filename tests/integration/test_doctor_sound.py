"""``reconnect doctor`` on a computer without a sound output says so, not that sound is fine.

The kernel's card list is a file of the test's own, and aplay and pactl are stand-ins first on
PATH, so the answer does not depend on this machine's sound card.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reconnect.desktop import sound_output
from tests.conftest import CliResult
from tests.support import sound_players
from tests.support.sound_players import FakePlayers

fake_players = sound_players.fake_players

NO_CARD_APLAY = "#!/bin/sh\necho 'aplay: device_list:274: no soundcards found...' >&2\nexit 1\n"
NO_SERVER_PACTL = "#!/bin/sh\necho 'Connection failure: Connection refused' >&2\nexit 1\n"


def test_doctor_says_plainly_when_no_sound_output_exists(
    cli: Callable[..., CliResult],
    fake_players: FakePlayers,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cards = tmp_path / "cards"
    cards.write_text("--- no soundcards ---\n")
    monkeypatch.setattr(sound_output, "CARDS_FILE", cards)
    fake_players.install("aplay", NO_CARD_APLAY)
    fake_players.install("pactl", NO_SERVER_PACTL)
    result = cli("doctor")
    assert result.code == 1
    (line,) = [line for line in result.out.splitlines() if "sound output" in line]
    assert line.split()[0] == "!!"
    assert "No sound output was found: chimes and music will be silent." in line
    assert "no card in" in line and "no sound server answered" in line
    assert "All well" not in result.out


def test_doctor_names_the_card_it_found(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = tmp_path / "cards"
    cards.write_text(" 0 [Headset        ]: USB-Audio - USB Headset\n")
    monkeypatch.setattr(sound_output, "CARDS_FILE", cards)
    result = cli("doctor")
    (line,) = [line for line in result.out.splitlines() if "sound output" in line]
    assert line.split()[0] == "ok"
    assert line.endswith("sound card: USB Headset")
