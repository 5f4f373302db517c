"""Whether this computer has somewhere for sound to go: a sound card, or a sound server with an
output. ``reconnect doctor`` asks, so that silence is explained rather than a player blamed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CARDS_FILE = Path("/proc/asound/cards")
# PulseAudio's (and PipeWire's) stand-in when there is no real output: sound goes nowhere.
NULL_SINKS = frozenset({"auto_null"})
_TIMEOUT_S = 3.0

Run = Callable[[list[str]], "subprocess.CompletedProcess[str]"]


@dataclass(frozen=True)
class SoundOutput:
    """What was found.

    Attributes:
        found: an output exists; None where this is not checked (other than Linux).
        detail: for the person: the output found, or what was looked at.
    """

    found: bool | None
    detail: str


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def cards_in(text: str) -> list[str]:
    """The card names in /proc/asound/cards (``" 0 [PCH ]: HDA-Intel - HDA Intel PCH"``)."""
    names = []
    for line in text.splitlines():
        number, _, rest = line.strip().partition(" ")
        if number.isdigit() and rest.lstrip().startswith("["):
            names.append(rest.partition(" - ")[2].strip() or rest.strip())
    return names


def aplay_cards(output: str) -> list[str]:
    """The playback cards ``aplay -l`` lists (``"card 0: PCH [HDA Intel PCH], device 0: ..."``)."""
    names = []
    for line in output.splitlines():
        if line.startswith("card ") and ":" in line:
            name = line.split(":", 1)[1].split(",")[0].strip()  # "PCH [HDA Intel PCH]"
            name = name.partition("[")[2].rstrip("]") or name
            if name not in names:
                names.append(name)
    return names


def real_sinks(output: str) -> list[str]:
    """The outputs ``pactl list short sinks`` lists, leaving out the null stand-in."""
    sinks = []
    for line in output.splitlines():
        fields = line.split("\t")
        if len(fields) > 1 and fields[1] not in NULL_SINKS:
            sinks.append(fields[1])
    return sinks


def find_sound_output(
    *,
    cards_file: Path | None = None,
    which: Callable[[str], str | None] = shutil.which,
    run: Run = _run,
    platform: str = sys.platform,
) -> SoundOutput:
    """Look for a sound output, cheapest first, and stop at the first found.

    First the kernel's list of sound cards; then ``aplay -l`` (ALSA's view, where /proc is
    hidden from us); then a PulseAudio or PipeWire server through ``pactl`` (in a sandbox, a
    container or a remote session the server may play where no card is visible here).

    Args:
        cards_file, which, run, platform: where to look and how (by default
            :data:`CARDS_FILE`, PATH, subprocess and this system); tests give their own.
    """
    if not platform.startswith("linux"):
        return SoundOutput(None, "not checked on this system")
    looked: list[str] = []
    cards_file = cards_file or CARDS_FILE
    try:
        cards = cards_in(cards_file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        looked.append(f"no {cards_file}")
    else:
        if cards:
            return SoundOutput(True, f"sound card: {', '.join(cards)}")
        looked.append(f"no card in {cards_file}")
    if which("aplay"):
        try:
            listed = run(["aplay", "-l"])
        except (OSError, subprocess.SubprocessError):
            looked.append("'aplay -l' did not answer")
        else:
            cards = aplay_cards(listed.stdout)
            if cards:
                return SoundOutput(True, f"sound card: {', '.join(cards)}")
            looked.append("none in 'aplay -l'")
    if which("pactl"):
        try:
            server: subprocess.CompletedProcess[str] | None = run(
                ["pactl", "list", "short", "sinks"]
            )
        except (OSError, subprocess.SubprocessError):
            server = None
        if server is None or server.returncode != 0:
            looked.append("no sound server answered")
        else:
            sinks = real_sinks(server.stdout)
            if sinks:
                return SoundOutput(True, f"sound server output: {', '.join(sinks)}")
            looked.append("the sound server has no output")
    else:
        looked.append("no pactl to ask a sound server")
    return SoundOutput(
        False,
        "No sound output was found: chimes and music will be silent. Connect speakers or "
        "headphones, or check that the sound card is switched on in your system's sound "
        f"settings ({'; '.join(looked)}).",
    )
