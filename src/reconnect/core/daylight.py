"""Whether the sun is up where the person is: sunrise and sunset for their place (astral)."""

from __future__ import annotations

import contextlib
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Rough hours of usable daylight by month at mid northern latitudes (about 50°N), local time:
# only for a time with no known place (no zone name, no coordinates in the settings).
_ROUGH_DAYLIGHT = {
    1: (8, 16), 2: (8, 17), 3: (7, 18), 4: (7, 20), 5: (6, 21), 6: (5, 21),
    7: (6, 21), 8: (6, 20), 9: (7, 19), 10: (8, 18), 11: (8, 16), 12: (8, 16),
}  # fmt: skip
# Zones that name no place: astral's table would put them in a city that happens to share them.
_NO_PLACE = ("UTC", "GMT", "Etc/", "Factory")


@dataclass(frozen=True)
class Coordinates:
    """A place on Earth in degrees: north and east positive."""

    latitude: float
    longitude: float


@dataclass(frozen=True)
class Daylight:
    """The sun on one local day: up from ``sunrise`` to ``sunset``, or all day, or not at all.

    ``sunrise`` and ``sunset`` are None on a polar day (``always``) or a polar night.
    """

    sunrise: datetime | None
    sunset: datetime | None
    always: bool = False

    def covers(self, local: datetime) -> bool:
        if self.sunrise is None or self.sunset is None:
            return self.always
        if self.sunrise <= self.sunset:
            return self.sunrise <= local < self.sunset
        return local >= self.sunrise or local < self.sunset  # the sun sets after midnight


def daylight_on(where: Coordinates, day: date, zone: tzinfo) -> Daylight:
    """Sunrise and sunset on ``day`` at ``where``, in ``zone``; the polar day and night too."""
    from astral import Observer
    from astral.sun import daylight, elevation

    observer = Observer(where.latitude, where.longitude)
    try:
        sunrise, sunset = daylight(observer, day, tzinfo=zone)
    except ValueError:
        # astral finds no sunrise: the sun stays up, or down, all day. Its height at local
        # noon says which.
        noon = datetime.combine(day, time(12), zone)
        return Daylight(None, None, always=elevation(observer, noon) > 0)
    return Daylight(sunrise, sunset)


def is_daylight(local: datetime, where: Coordinates | None = None) -> bool:
    """Whether the sun is up at this aware local time, at ``where`` or the time zone's place.

    With no place given and none known for the time's zone (or a naive time), a rough table
    for about 50°N is used.
    """
    place = where or zone_place(zone_name(local.tzinfo))
    if place is None or local.tzinfo is None:
        first, last = _ROUGH_DAYLIGHT[local.month]
        return first <= local.hour < last
    return daylight_on(place, local.date(), local.tzinfo).covers(local)


def zone_name(zone: tzinfo | None) -> str:
    return zone.key if isinstance(zone, zoneinfo.ZoneInfo) else ""


@lru_cache(maxsize=8)
def zone_place(name: str) -> Coordinates | None:
    """The place a time zone is named after: astral's city for it, else the zone table's.

    None for a zone that names no place (UTC, Etc/GMT+3) or one neither knows.
    """
    if not name or name.startswith(_NO_PLACE):
        return None
    from astral.geocoder import all_locations, database

    city = name.rsplit("/", 1)[-1].replace("_", " ")
    found = [loc for loc in all_locations(database()) if loc.timezone == name]
    found.sort(key=lambda loc: loc.name != city)  # the zone's own city first
    if found:
        return Coordinates(found[0].latitude, found[0].longitude)
    return _from_zone_table(name)


def _from_zone_table(name: str) -> Coordinates | None:
    """The zone's principal place from the time-zone database's ``zone.tab``."""
    for text in _zone_tables():
        for line in text.splitlines():
            fields = line.split("\t")
            if len(fields) >= 3 and fields[2] == name:
                return _iso6709(fields[1])
    return None


def _zone_tables() -> list[str]:
    texts: list[str] = []
    for folder in zoneinfo.TZPATH:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            texts.append((Path(folder) / "zone.tab").read_text(encoding="utf-8"))
    with contextlib.suppress(ImportError, OSError, UnicodeDecodeError):
        texts.append(resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text())
    return texts


def _iso6709(text: str) -> Coordinates | None:
    """``+5230+01322`` or ``+404251-0740023`` as degrees."""
    split = max(text.rfind("+"), text.rfind("-"))
    if split <= 0:
        return None
    try:
        return Coordinates(_degrees(text[:split], 2), _degrees(text[split:], 3))
    except ValueError:
        return None


def _degrees(text: str, width: int) -> float:
    sign, digits = (-1 if text[0] == "-" else 1), text[1:]
    parts = [digits[:width], digits[width : width + 2], digits[width + 2 : width + 4]]
    value = sum(int(p) / 60.0**i for i, p in enumerate(parts) if p)
    return sign * value


def chosen_place(latitude: str, longitude: str) -> Coordinates | None:
    """The place set in the settings (``place.latitude``, ``place.longitude``); None unless both."""
    if not latitude or not longitude:
        return None
    return Coordinates(float(latitude), float(longitude))
