"""The one place settings persist: ``settings.json`` in the data folder, written atomically."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from reconnect.core.errors import InputError
from reconnect.core.settings import Settings, declaration, load_settings
from reconnect.paths import ensure_private_dir, write_private

log = logging.getLogger(__name__)


class SettingsFile:
    """Reads and writes the person's settings.

    A file that can't be read as settings is never overwritten: it is moved aside with the
    time in its name, and the problem is reported.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, now: datetime) -> tuple[Settings, list[str]]:
        """The stored settings, and one message per problem found."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings(), []
        except OSError as error:
            return Settings(), [
                f"{self.path} could not be read ({error.strerror}); defaults are used."
            ]
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError, RecursionError):  # Recursion: nested too deeply
            kept = self.path.with_name(f"settings.broken-{now:%Y%m%d-%H%M%S}.json")
            try:
                self.path.rename(kept)
            except OSError:
                kept = self.path
            return Settings(), [
                f"{self.path} was not readable as settings; it was kept as {kept} and the "
                "defaults are used. Set your choices again, or copy them over from that file."
            ]
        return load_settings(data)

    def save(self, settings: Settings) -> None:
        """Write the values that differ from the defaults, all at once, readable only by you.

        Raises:
            OSError: the data folder can't be written.
        """
        ensure_private_dir(self.path.parent)
        values = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in sorted(settings.changed().items())
        }
        text = json.dumps(values, indent=2, ensure_ascii=False) + "\n"
        write_private(self.path, text.encode("utf-8"))

    def peek(self, key: str) -> Any:
        """One stored value, or its default when missing or unusable; changes nothing.

        For reading a setting before the app has loaded (and reported on) the whole file.
        """
        setting = declaration(key)
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            return (
                setting.parse(data[key])
                if isinstance(data, dict) and key in data
                else (setting.default)
            )
        except (OSError, ValueError, UnicodeDecodeError, RecursionError, InputError):
            return setting.default
