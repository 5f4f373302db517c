"""What the windows need from the desktop's adapters (sound, start at login), as plain types."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class MusicResult:
    """What became of a request to play music.

    Attributes:
        ok: the music started.
        message: for the person: what is playing, or why nothing is and what they can do.
        track: the file that is playing (for a folder, the one picked), when ok.
    """

    ok: bool
    message: str
    track: Path | None = None


class SoundPlayer(Protocol):
    """What the practice window needs from sound; tests give it a fake."""

    def play_chime(self, name: str) -> None:
        """Play "start", "step", "end", "breath-in" or "breath-out". Never blocks or raises."""

    def play_music(self, path: Path) -> MusicResult:
        """Start the person's track (or one from their folder) without waiting for it."""

    def stop_music(self) -> None: ...

    def music_playing(self) -> bool: ...

    def end_practice(self, completed: bool) -> None:
        """The practice is over: music stops now, and chimes too unless it finished (then its
        end chime rings out, for a few seconds at most)."""

    def take_notice(self) -> str | None:
        """A line for the person, once, when sound turned out not to work; otherwise None."""


class AutostartError(Exception):
    """The login entry could not be read or written; the message says where and what to do."""


@dataclass(frozen=True)
class AutostartState:
    """Whether Reconnect starts at login, and where that is written down.

    Attributes:
        enabled: an entry exists and nothing turns it off.
        location: the entry's file, or the registry value on Windows.
        command: the command line the entry runs, as written there (None without an entry).
        program: the program it starts, so that a vanished one can be noticed.
        turned_off_elsewhere: an entry exists, but the desktop's own startup settings turned
            it off (``Hidden=true``, ``X-GNOME-Autostart-enabled=false``, launchd ``Disabled``).
    """

    enabled: bool
    location: str
    command: str | None = None
    program: str | None = None
    turned_off_elsewhere: bool = False

    @property
    def program_missing(self) -> bool:
        """The entry is on but the program it starts is no longer there (moved or removed)."""
        return self.enabled and self.program is not None and shutil.which(self.program) is None
