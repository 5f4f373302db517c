"""Whether a graphical session is there, asked before Qt is (Qt would abort the process)."""

from __future__ import annotations

import pytest

from reconnect.desktop.session import missing_session


@pytest.mark.parametrize(
    ("environ", "platform", "missing"),
    [
        ({}, "linux", "no DISPLAY or WAYLAND_DISPLAY"),
        ({"DISPLAY": ""}, "linux", "no DISPLAY or WAYLAND_DISPLAY"),
        ({"DISPLAY": ":0"}, "linux", None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
        ({}, "freebsd14", "no DISPLAY or WAYLAND_DISPLAY"),
        # A platform plugin that draws without a desktop.
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", None),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux", None),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", None),
        # The desktop plugins, each with what it needs.
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", "no DISPLAY"),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", "no DISPLAY"),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", "no WAYLAND_DISPLAY"),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "linux", None),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", "no DISPLAY or WAYLAND_DISPLAY"),
        # Windows and macOS always have their desktop.
        ({}, "win32", None),
        ({}, "darwin", None),
    ],
)
def test_missing_session(environ: dict[str, str], platform: str, missing: str | None) -> None:
    assert missing_session(environ, platform) == missing
