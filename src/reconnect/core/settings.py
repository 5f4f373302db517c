"""Every setting, declared once: its type, default, allowed values and a one-line description."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

from reconnect.core.break_policy import Rhythm, WorkingHours
from reconnect.core.busy_sources import BUSY_SETTINGS as BUSY
from reconnect.core.database_address import check_address, hide_password
from reconnect.core.errors import InputError
from reconnect.core.i18n import QT_TRANSLATE_NOOP
from reconnect.core.place_settings import PLACE_SETTINGS, parse_degrees

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
# A lone surrogate (JSON's "\ud800") could be read but never written back as UTF-8.
_NOT_IN_ONE_LINE = re.compile("[\x00\n\r\ud800-\udfff]")


@dataclass(frozen=True)
class Setting:
    """One declared setting.

    Attributes:
        key: ``group.name``, as written in the settings file and on the command line.
        kind: ``int``, ``bool``, ``choice``, ``text``, ``hours`` (like 09:00-17:30, or
            19:00-08:30 to end the next morning, or empty for a day off), ``ids`` (a list of
            practice ids), ``name`` (a short non-empty line), ``database`` (a database
            address, shown without its password) or ``degrees`` (a latitude or longitude as
            text, up to ``maximum`` either way, or empty).
        description: one line that says what it does and what is allowed; shown when a
            value is refused.
        label: what the settings window calls it; empty for a name made from the key.
        hint: the words under its control, where the description is worded for the command
            line; empty to show the description.
        choice_labels: the names the window gives ``choices``, in their order; empty to show
            the choices themselves.
        placeholder: what the window says in an empty text field, which an empty value means.

    The texts are English, marked for the catalogue in the context "Settings"; the window
    shows them through ``translate("Settings", ...)``.
    """

    key: str
    kind: str
    default: Any
    description: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    label: str = ""
    hint: str = ""
    choice_labels: tuple[str, ...] = ()
    placeholder: str = ""

    @property
    def group(self) -> str:
        return self.key.split(".", 1)[0]

    def parse(self, raw: object) -> Any:
        """Check a value (from the settings file, or text typed by the person).

        Raises:
            InputError: the value is not allowed; the message carries the description.
        """
        try:
            return _PARSERS[self.kind](self, raw)
        except (ValueError, TypeError) as error:
            detail = f" ({error})" if str(error) else ""
            shown = (
                _show(hide_password(raw))
                if self.kind == "database" and isinstance(raw, str)
                else _show(raw)
            )
            raise InputError(f"{self.key} can't be {shown}{detail}. {self.description}") from None

    def format(self, value: Any) -> str:
        """The value as the person would type it."""
        if self.kind == "bool":
            return "yes" if value else "no"
        if self.kind == "ids":
            return ", ".join(value)
        if self.kind == "database":
            return hide_password(str(value))  # the password is never shown
        return str(value)


def _show(raw: object) -> str:
    try:
        text = repr(raw)
    except ValueError:  # an integer with more digits than Python will write out
        return "a number with thousands of digits"
    return text if len(text) <= 40 else text[:37] + "…"


def _parse_int(setting: Setting, raw: object) -> int:
    if isinstance(raw, bool):
        raise ValueError("")
    if isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        raw = int(raw.strip())
    if not isinstance(raw, int):
        raise ValueError("")
    assert setting.minimum is not None and setting.maximum is not None
    if not setting.minimum <= raw <= setting.maximum:
        raise ValueError("")
    return raw


def _parse_bool(setting: Setting, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in {"yes", "true", "on", "1"}:
            return True
        if word in {"no", "false", "off", "0"}:
            return False
    raise ValueError("")


def _parse_choice(setting: Setting, raw: object) -> str:
    if isinstance(raw, str) and raw.strip().lower() in setting.choices:
        return raw.strip().lower()
    raise ValueError("")


def _parse_text(setting: Setting, raw: object) -> str:
    if not isinstance(raw, str) or len(raw) > 1000 or _NOT_IN_ONE_LINE.search(raw):
        raise ValueError("")
    return raw.strip()


def _parse_hours(setting: Setting, raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError("")
    if raw.strip().lower() in {"", "off", "none"}:
        return ""
    match = _HOURS.match(raw)
    if not match:
        raise ValueError("")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if not (h1 <= 23 and m1 <= 59 and h2 <= 24 and m2 <= 59) or (h2 == 24 and m2 != 0):
        raise ValueError("")
    end = time(23, 59) if h2 == 24 else time(h2, m2)
    # An end before the start runs into the next morning; an end equal to it raises ValueError.
    WorkingHours(time(h1, m1), end)
    return f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"


def _parse_ids(setting: Setting, raw: object) -> tuple[str, ...]:
    items: list[object]
    if isinstance(raw, str):
        items = [part.strip() for part in raw.split(",") if part.strip()]
    elif isinstance(raw, list | tuple):
        items = list(raw)
    else:
        raise ValueError("")
    if not all(isinstance(i, str) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in items):
        raise ValueError("")
    return tuple(dict.fromkeys(str(i) for i in items))


COMPUTER_NAME_LENGTH = 64


def _parse_name(setting: Setting, raw: object) -> str:
    name = _parse_text(setting, raw)
    if not name or len(name) > COMPUTER_NAME_LENGTH or not name.isprintable():
        raise ValueError("")
    return name


def _parse_database(setting: Setting, raw: object) -> str:
    if not isinstance(raw, str) or len(raw) > 1000 or _NOT_IN_ONE_LINE.search(raw):
        raise ValueError("")
    return check_address(raw)


def host_name() -> str:
    """This computer's network name, the default name of its rows in a shared history."""
    try:  # as platform.node() does, without its module's few milliseconds at start
        node = os.uname().nodename
    except AttributeError:  # Windows
        import platform

        node = platform.node()
    name = " ".join(node.split())[:COMPUTER_NAME_LENGTH]
    return name or "this computer"


_PARSERS: dict[str, Callable[[Setting, object], Any]] = {
    "int": _parse_int,
    "bool": _parse_bool,
    "choice": _parse_choice,
    "text": _parse_text,
    "hours": _parse_hours,
    "ids": _parse_ids,
    "name": _parse_name,
    "database": _parse_database,
    "degrees": lambda setting, raw: parse_degrees(raw, setting.maximum or 0),
}

_WORKDAY = "09:00-17:30"
# The descriptions are English (the command line and refusals say them as they are); each is
# marked for the catalogue, and the settings window shows it through translate("Settings", ...).
HOURS_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Settings",
    "Working hours on {day}, like 09:00-17:30, or like 19:00-08:30 for a night from {day} "
    "evening into the next morning (the start and end differ); empty for a day off.",
)

DECLARATIONS: tuple[Setting, ...] = (
    *(
        Setting(
            f"rhythm.{day}",
            "hours",
            _WORKDAY if day not in ("saturday", "sunday") else "",
            HOURS_DESCRIPTION.format(day=day.capitalize()),
        )
        for day in WEEKDAYS
    ),
    Setting(
        "rhythm.interval_minutes",
        "int",
        60,
        QT_TRANSLATE_NOOP("Settings", "Minutes from the end of one break to the next, 10 to 240."),
        10,
        240,
        label=QT_TRANSLATE_NOOP("Settings", "Time between breaks"),
    ),
    Setting(
        "rhythm.randomness_minutes",
        "int",
        0,
        QT_TRANSLATE_NOOP(
            "Settings", "Let breaks come up to this many minutes earlier or later, 0 to 15."
        ),
        0,
        15,
        label=QT_TRANSLATE_NOOP("Settings", "Let breaks vary by"),
    ),
    Setting(
        "rhythm.idle_minutes",
        "int",
        5,
        QT_TRANSLATE_NOOP(
            "Settings", "Minutes away from the keyboard that count as a natural break, 1 to 60."
        ),
        1,
        60,
        label=QT_TRANSLATE_NOOP("Settings", "Time away that counts as a break"),
    ),
    Setting(
        "rhythm.busy_wait_minutes",
        "int",
        30,
        QT_TRANSLATE_NOOP(
            "Settings",
            "While you are in a call (microphone, camera or screen share in use), in a calendar "
            "event, in a full-screen window or in do-not-disturb, a break waits up to this many "
            "minutes (0 to 120), then comes as a quiet notification only.",
        ),
        0,
        120,
        label=QT_TRANSLATE_NOOP("Settings", "Waiting while full screen or do not disturb is on"),
    ),
    Setting(
        "practices.disabled",
        "ids",
        (),
        QT_TRANSLATE_NOOP(
            "Settings", "Practices never to suggest, as practice ids separated by commas."
        ),
        label=QT_TRANSLATE_NOOP("Settings", "Practices to offer"),
        hint=QT_TRANSLATE_NOOP("Settings", "Untick any practice you'd rather not be offered."),
    ),
    Setting(
        "practices.own_folder",
        "text",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "The folder that holds your own practices (.toml files); empty for the practices "
            "folder inside your data folder.",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "Your own practices folder"),
        placeholder=QT_TRANSLATE_NOOP("Settings", "The practices folder in your data folder"),
    ),
    Setting(
        "practices.have_headphones",
        "bool",
        False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Whether you have headphones at hand (yes or no); practices that need them are only "
            "suggested when you do.",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "I have headphones"),
    ),
    Setting(
        "practices.music",
        "text",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "The music that gives you chills: a sound file or a folder of them; empty to choose "
            "it when the practice starts.",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "Music that moves you"),
        hint=QT_TRANSLATE_NOOP(
            "Settings",
            "A sound file, or a folder of them. Leave it empty to choose when the practice starts.",
        ),
        placeholder=QT_TRANSLATE_NOOP("Settings", "Chosen when the practice starts"),
    ),
    Setting(
        "sound.chimes",
        "bool",
        True,
        QT_TRANSLATE_NOOP("Settings", "Soft chimes at the start, steps and end (yes or no)."),
        label=QT_TRANSLATE_NOOP("Settings", "Chimes"),
    ),
    Setting(
        "sound.breath_tones",
        "bool",
        False,
        QT_TRANSLATE_NOOP("Settings", "A soft tone at each breathing phase (yes or no)."),
        label=QT_TRANSLATE_NOOP("Settings", "Breathing tones"),
    ),
    Setting(
        "appearance.theme",
        "choice",
        "system",
        QT_TRANSLATE_NOOP("Settings", "Colours: system, light or dark."),
        choices=("system", "light", "dark"),
        label=QT_TRANSLATE_NOOP("Settings", "Colours"),
        hint=QT_TRANSLATE_NOOP(
            "Settings", "Follow your desktop's light or dark look, or choose one."
        ),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "Follow the system"),
            QT_TRANSLATE_NOOP("Settings", "Light"),
            QT_TRANSLATE_NOOP("Settings", "Dark"),
        ),
    ),
    Setting(
        "appearance.text_size",
        "choice",
        "system",
        QT_TRANSLATE_NOOP(
            "Settings", "Text size: system (as your desktop sets it), larger or largest."
        ),
        choices=("system", "larger", "largest"),
        label=QT_TRANSLATE_NOOP("Settings", "Text size"),
        hint=QT_TRANSLATE_NOOP("Settings", "The size of the text in Reconnect's windows."),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "As the system sets it"),
            QT_TRANSLATE_NOOP("Settings", "Larger"),
            QT_TRANSLATE_NOOP("Settings", "Largest"),
        ),
    ),
    Setting(
        "appearance.reduced_motion",
        "bool",
        False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Show the breathing pacer as words and counts, without animation (yes or no).",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "Reduced motion"),
    ),
    Setting(
        "care.trusted_contact",
        "text",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Someone you trust and how to reach them, kept for hard moments and shown in Help "
            "(one line; empty for none).",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "Someone you trust"),
    ),
    Setting(
        "sync.computer_name",
        "name",
        host_name(),
        QT_TRANSLATE_NOOP(
            "Settings",
            "The name of this computer in a history shared by several (1 to 64 characters); each "
            "session is marked with it, and the dashboard can show one computer's alone.",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "This computer's name"),
    ),
    Setting(
        "sync.database_url",
        "database",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Where your history is kept: empty for the file in your data folder, or a PostgreSQL "
            "server shared by your computers, like postgresql+psycopg://me@host/reconnect (the "
            "password is never shown; RECONNECT_DATABASE_URL wins over this). Used from the next "
            "start; copy your history there first with 'reconnect migrate-to'.",
        ),
        label=QT_TRANSLATE_NOOP("Settings", "Where your history is kept"),
        placeholder=QT_TRANSLATE_NOOP("Settings", "The file in your data folder"),
    ),
    *(
        Setting(
            f"place.{name}", "degrees", "", about, -limit, limit, label=label, placeholder=empty
        )
        for name, limit, label, about, empty in PLACE_SETTINGS
    ),
    *(Setting(key, kind, default, about, label=label) for key, kind, default, about, label in BUSY),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in DECLARATIONS}


def declaration(key: str) -> Setting:
    """The declared setting for ``key``.

    Raises:
        InputError: no such setting; the message lists the known keys.
    """
    try:
        return BY_KEY[key]
    except KeyError:
        raise InputError(
            f"there is no setting {key!r}; known settings: {', '.join(BY_KEY)}"
        ) from None


@dataclass(frozen=True)
class Settings:
    """A complete, valid set of values; missing ones take their defaults."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key, BY_KEY[key].default)

    def with_value(self, key: str, raw: object) -> Settings:
        """A copy with one value changed, checked against its declaration.

        Raises:
            InputError: unknown key or a value that is not allowed.
        """
        value = declaration(key).parse(raw)
        return Settings({**self.values, key: value})

    def changed(self) -> dict[str, Any]:
        """Only the values that differ from their defaults (what the settings file keeps)."""
        return {k: v for k, v in self.values.items() if v != BY_KEY[k].default}

    def rhythm(self) -> Rhythm:
        week: list[WorkingHours | None] = []
        for day in WEEKDAYS:
            text = self[f"rhythm.{day}"]
            if not text:
                week.append(None)
                continue
            start, end = text.split("-")
            end_time = time(23, 59) if end == "24:00" else time.fromisoformat(end)
            week.append(WorkingHours(time.fromisoformat(start), end_time))
        return Rhythm(
            week=tuple(week),
            interval=timedelta(minutes=self["rhythm.interval_minutes"]),
            randomness=timedelta(minutes=self["rhythm.randomness_minutes"]),
        )


def load_settings(data: Mapping[str, object]) -> tuple[Settings, list[str]]:
    """Read stored values; a bad or unknown one is set aside with a message, never fatal.

    Returns:
        The settings (defaults where a value was refused) and one message per problem.
    """
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, raw in data.items():
        if key not in BY_KEY:
            shown = key if key.isprintable() and len(key) <= 40 else _show(key)
            problems.append(f"{shown}: not a setting Reconnect knows; it was ignored")
            continue
        try:
            values[key] = BY_KEY[key].parse(raw)
        except InputError as error:
            problems.append(
                f"{error} The default, {BY_KEY[key].format(BY_KEY[key].default)!r}, "
                "is used instead."
            )
    return Settings(values), problems
