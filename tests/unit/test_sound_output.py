"""Whether sound has somewhere to go, as ``reconnect doctor`` says it: cards, ALSA, a server."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reconnect.cli.doctor import Finding, check_sound
from reconnect.desktop.sound_output import SoundOutput, find_sound_output

CARDS = """\
 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                      HDA Intel PCH at 0xf7f10000 irq 32
 1 [NVidia         ]: HDA-Intel - HDA NVidia
                      HDA NVidia at 0xf7080000 irq 17
"""
NO_CARDS = "--- no soundcards ---\n"
APLAY_CARD = """\
**** List of PLAYBACK Hardware Devices ****
card 0: PCH [HDA Intel PCH], device 0: ALC892 Analog [ALC892 Analog]
  Subdevices: 1/1
  Subdevice #0: subdevice #0
card 0: PCH [HDA Intel PCH], device 3: HDMI 0 [HDMI 0]
"""
APLAY_NONE = "aplay: device_list:274: no soundcards found...\n"
SINKS = "0\tauto_null\tmodule-null-sink.c\ts16le 2ch 44100Hz\tIDLE\n"
REAL_SINK = "1\talsa_output.usb-headset.analog-stereo\tPipeWire\ts32le 2ch 48000Hz\tRUNNING\n"


class Programs:
    """Stand-ins for aplay and pactl: what each prints and returns; records what was run."""

    def __init__(self, **answers: tuple[int, str] | Exception) -> None:
        self.answers = answers
        self.ran: list[list[str]] = []

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.answers else None

    def run(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        self.ran.append(command)
        answer = self.answers[command[0]]
        if isinstance(answer, Exception):
            raise answer
        code, out = answer
        return subprocess.CompletedProcess(command, code, out, "")


def probe(tmp_path: Path, cards: str | None, programs: Programs) -> SoundOutput:
    cards_file = tmp_path / "cards"
    if cards is not None:
        cards_file.write_text(cards)
    return find_sound_output(
        cards_file=cards_file, which=programs.which, run=programs.run, platform="linux"
    )


def test_a_sound_card_is_found_without_running_anything(tmp_path: Path) -> None:
    programs = Programs(aplay=(0, APLAY_CARD), pactl=(0, REAL_SINK))
    assert probe(tmp_path, CARDS, programs) == SoundOutput(
        True, "sound card: HDA Intel PCH, HDA NVidia"
    )
    assert programs.ran == []


def test_no_card_and_no_sound_server_is_said_plainly(tmp_path: Path) -> None:
    programs = Programs(aplay=(1, APLAY_NONE))
    output = probe(tmp_path, NO_CARDS, programs)
    assert output.found is False
    assert output.detail.startswith(
        "No sound output was found: chimes and music will be silent. Connect speakers or headphones"
    )
    assert "no card in" in output.detail and "none in 'aplay -l'" in output.detail


def test_aplay_finds_a_card_where_the_kernel_list_is_hidden(tmp_path: Path) -> None:
    output = probe(tmp_path, None, Programs(aplay=(0, APLAY_CARD)))
    assert output == SoundOutput(True, "sound card: HDA Intel PCH")


@pytest.mark.parametrize(
    ("pactl", "found", "said"),
    [
        ((0, SINKS + REAL_SINK), True, "alsa_output.usb-headset.analog-stereo"),
        ((0, SINKS), False, "the sound server has no output"),  # the null stand-in only
        ((1, ""), False, "no sound server answered"),
        (subprocess.TimeoutExpired(["pactl"], 3), False, "no sound server answered"),
    ],
)
def test_a_sound_server_is_asked_last(
    tmp_path: Path, pactl: tuple[int, str] | Exception, found: bool, said: str
) -> None:
    programs = Programs(aplay=(1, APLAY_NONE), pactl=pactl)
    output = probe(tmp_path, NO_CARDS, programs)
    assert output.found is found
    assert said in output.detail
    assert [command[0] for command in programs.ran] == ["aplay", "pactl"]


def test_other_systems_are_not_checked() -> None:
    output = find_sound_output(platform="darwin")
    assert output.found is None
    assert check_sound(lambda: (True, "afplay"), lambda: output)[1] == Finding(
        True, "sound output", "not checked on this system"
    )


def test_doctor_does_not_call_sound_fine_without_an_output(tmp_path: Path) -> None:
    (tmp_path / "cards").write_text(NO_CARDS)
    programs = Programs()
    findings = check_sound(
        lambda: (True, "alsa"),
        lambda: find_sound_output(
            cards_file=tmp_path / "cards", which=programs.which, run=programs.run, platform="linux"
        ),
    )
    assert findings[0] == Finding(True, "sound", "alsa")
    assert not findings[1].ok
    assert findings[1].topic == "sound output"
    assert findings[1].detail.startswith("No sound output was found: chimes and music will be")
