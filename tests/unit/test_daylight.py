"""Light practices follow the sun where the person is: sunrise, sunset, polar day and night."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.daylight import (
    Coordinates,
    daylight_on,
    is_daylight,
    zone_place,
)
from reconnect.core.errors import InputError
from reconnect.core.practices import Practice, Step
from reconnect.core.settings import Settings
from reconnect.core.suggestion import fitting
from reconnect.core.vocabulary import Place
from tests.unit.conftest import local

BERLIN = ZoneInfo("Europe/Berlin")
SYDNEY = ZoneInfo("Australia/Sydney")
OSLO = ZoneInfo("Europe/Oslo")
TROMSO = Coordinates(69.65, 18.96)
SUN = Practice("sunlight", "Sunlight", "s", ("light",), Place.WINDOW, (Step("x", 30),))
HEART = Practice("heart", "Heart", "s", ("touch",), Place.DESK, (Step("x", 30),))


def hhmm(moment: object) -> str:
    assert moment is not None
    return moment.strftime("%H:%M")  # type: ignore[attr-defined]


def test_berlin_in_december_has_light_from_about_a_quarter_past_eight_to_four() -> None:
    light = daylight_on(zone_place("Europe/Berlin"), date(2026, 12, 15), BERLIN)  # type: ignore[arg-type]
    assert "08:05" <= hhmm(light.sunrise) <= "08:20"
    assert "15:45" <= hhmm(light.sunset) <= "16:00"
    assert not is_daylight(local("2026-12-15 07:55"))
    assert is_daylight(local("2026-12-15 08:30"))
    assert is_daylight(local("2026-12-15 15:40"))
    assert not is_daylight(local("2026-12-15 16:10"))


def test_sydney_in_june_is_its_winter() -> None:
    light = daylight_on(zone_place("Australia/Sydney"), date(2026, 6, 21), SYDNEY)  # type: ignore[arg-type]
    assert "06:50" <= hhmm(light.sunrise) <= "07:05"
    assert "16:50" <= hhmm(light.sunset) <= "17:05"
    # Berlin's long June evening would be light; Sydney's is dark.
    assert not is_daylight(local("2026-06-21 17:30", SYDNEY))
    assert is_daylight(local("2026-06-21 17:30"))
    assert fitting([SUN, HEART], local("2026-06-21 18:00", SYDNEY), False) == [HEART]
    assert fitting([SUN, HEART], local("2026-06-21 12:00", SYDNEY), False) == [SUN, HEART]


def test_tromso_has_no_sun_in_january_and_no_night_in_june() -> None:
    january, june = (
        daylight_on(TROMSO, date(2026, 1, 5), OSLO),
        daylight_on(TROMSO, date(2026, 6, 20), OSLO),
    )
    assert (january.sunrise, january.always) == (None, False)
    assert (june.sunrise, june.always) == (None, True)
    assert not is_daylight(local("2026-01-05 12:00", OSLO), TROMSO)
    assert is_daylight(local("2026-06-20 01:30", OSLO), TROMSO)
    # The zone alone would put the person in Oslo, where January noon is light.
    assert is_daylight(local("2026-01-05 12:00", OSLO))
    assert fitting([SUN, HEART], local("2026-01-05 12:00", OSLO), False, where=TROMSO) == [HEART]


def test_a_zone_astral_does_not_know_is_found_in_the_zone_table() -> None:
    new_york = zone_place("America/New_York")
    assert new_york is not None
    assert new_york.latitude == pytest.approx(40.71, abs=0.01)
    assert new_york.longitude == pytest.approx(-74.0, abs=0.01)
    assert zone_place("Etc/GMT+3") is None
    assert zone_place("UTC") is None
    assert zone_place("Nowhere/Atlantis") is None


def test_a_place_in_the_settings_is_checked_and_kept_plainly() -> None:
    settings = Settings().with_value("place.latitude", "69,65").with_value("place.longitude", -8)
    assert (settings["place.latitude"], settings["place.longitude"]) == ("69.65", "-8")
    assert Settings()["place.latitude"] == ""
    assert Settings().with_value("place.latitude", " ")["place.latitude"] == ""
    for key, bad in (
        ("place.latitude", "91"),
        ("place.longitude", "east"),
        ("place.latitude", "nan"),
    ):
        with pytest.raises(InputError, match="degrees"):
            Settings().with_value(key, bad)
