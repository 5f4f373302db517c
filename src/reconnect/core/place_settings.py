"""The settings that say where the person is (``place.latitude``, ``place.longitude``), apart
from the daylight they are used for (``core.daylight``): the settings are read at every start,
the sun only when a light practice could be offered.
"""

from __future__ import annotations

import math

from reconnect.core.i18n import QT_TRANSLATE_NOOP

_FROM_ZONE = QT_TRANSLATE_NOOP("Settings", "Taken from your time zone")
# The declared settings place.latitude and place.longitude (core.settings makes them):
# name, limit either way, label, description, what an empty field means.
PLACE_SETTINGS = (
    ("latitude", 90, QT_TRANSLATE_NOOP("Settings", "Latitude"), QT_TRANSLATE_NOOP(
        "Settings", "Where you are, in degrees north (-90 to 90, south below 0), like 52.5; with "
        "the longitude, light practices follow your sunrise and sunset; empty to take your "
        "place from your time zone."), _FROM_ZONE),
    ("longitude", 180, QT_TRANSLATE_NOOP("Settings", "Longitude"), QT_TRANSLATE_NOOP(
        "Settings", "Where you are, in degrees east (-180 to 180, west below 0), like 13.4; with "
        "the latitude, light practices follow your sunrise and sunset; empty to take your "
        "place from your time zone."), _FROM_ZONE),
)  # fmt: skip


def parse_degrees(raw: object, limit: float) -> str:
    """A latitude or longitude as typed (``52.5``, ``-33,87``), checked and written plainly.

    Raises:
        ValueError: not a number from ``-limit`` to ``limit``.
    """
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise ValueError("")
    text = str(raw).strip().replace(",", ".")
    if not text:
        return ""
    if len(text) > 40:
        raise ValueError("")
    value = float(text)
    if not math.isfinite(value) or abs(value) > limit:
        raise ValueError("")
    shown = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if shown in ("", "-0") else shown
