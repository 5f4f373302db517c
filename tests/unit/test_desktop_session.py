"""Which desktop session this is, and whether there is one, asked before Qt is (Qt would
abort the process without one)."""

from __future__ import annotations

import pytest

from reconnect.desktop.session import (
    SessionKind,
    detect_session,
    missing_session,
    unreachable_display,
)


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


GNOME_WAYLAND = {
    "XDG_SESSION_TYPE": "wayland",
    "XDG_CURRENT_DESKTOP": "ubuntu:GNOME",
    "WAYLAND_DISPLAY": "wayland-0",
    "DISPLAY": ":0",  # XWayland's
}


@pytest.mark.parametrize(
    ("environ", "platform", "kind", "wayland", "words"),
    [
        (GNOME_WAYLAND, "linux", SessionKind.GNOME, True, "GNOME on Wayland"),
        (
            {"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME", "DISPLAY": ":0"},
            "linux",
            SessionKind.GNOME,
            False,
            "GNOME on X11",
        ),
        (
            {"XDG_CURRENT_DESKTOP": "GNOME-Flashback:GNOME", "DISPLAY": ":0"},
            "linux",
            SessionKind.GNOME,
            False,
            "GNOME on X11",
        ),
        (
            {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE", "WAYLAND_DISPLAY": "w"},
            "linux",
            SessionKind.KDE,
            True,
            "KDE Plasma on Wayland",
        ),
        (
            {"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "KDE", "DISPLAY": ":0"},
            "linux",
            SessionKind.KDE,
            False,
            "KDE Plasma on X11",
        ),
        (
            {"WAYLAND_DISPLAY": "wayland-1", "SWAYSOCK": "/run/user/1000/sway-ipc.sock"},
            "linux",
            SessionKind.WLROOTS,
            True,
            "a wlroots compositor on Wayland",
        ),
        (
            {"XDG_CURRENT_DESKTOP": "river", "WAYLAND_DISPLAY": "wayland-1"},
            "linux",
            SessionKind.WLROOTS,
            True,
            "a wlroots compositor on Wayland (river)",
        ),
        (
            {"XDG_CURRENT_DESKTOP": "Hyprland", "WAYLAND_DISPLAY": "wayland-1"},
            "linux",
            SessionKind.WAYLAND,
            True,
            "Wayland (Hyprland)",
        ),
        # A Wayland session said by its type alone, run with XWayland's DISPLAY.
        (
            {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":1"},
            "linux",
            SessionKind.WAYLAND,
            True,
            "Wayland",
        ),
        ({"DISPLAY": ":0"}, "linux", SessionKind.X11, False, "X11"),
        (
            {"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "XFCE"},
            "freebsd14",
            SessionKind.X11,
            False,
            "X11 (XFCE)",
        ),
        # sway's socket in an X11 session does not make it Wayland.
        ({"DISPLAY": ":0", "SWAYSOCK": "/tmp/s"}, "linux", SessionKind.X11, False, "X11"),
        ({}, "win32", SessionKind.WINDOWS, False, "Windows"),
        ({"DISPLAY": ":0"}, "cygwin", SessionKind.WINDOWS, False, "Windows"),
        ({}, "darwin", SessionKind.MACOS, False, "macOS"),
        # A console, ssh, a service: no display at all.
        ({}, "linux", SessionKind.NONE, False, "no graphical session"),
        (
            {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME"},
            "linux",
            SessionKind.NONE,
            False,
            "no graphical session",
        ),
        ({"XDG_SESSION_TYPE": "tty"}, "linux", SessionKind.NONE, False, "no graphical session"),
    ],
)
def test_detect_session(
    environ: dict[str, str], platform: str, kind: SessionKind, wayland: bool, words: str
) -> None:
    session = detect_session(environ, platform)

    assert (session.kind, session.wayland) == (kind, wayland)
    assert session.describe() == words


@pytest.mark.parametrize(
    ("environ", "platform", "asked", "said"),
    [
        # A local X display that no server answers any more: said before Qt would abort.
        ({"DISPLAY": ":92"}, "linux", 92, "the display :92 does not answer"),
        ({"DISPLAY": "unix:3.0"}, "linux", 3, "the display unix:3.0 does not answer"),
        (
            {"DISPLAY": ":92", "QT_QPA_PLATFORM": "xcb"},
            "linux",
            92,
            "the display :92 does not answer",
        ),
        # Not asked: a remote display (no network connection of ours), Wayland first, another
        # plugin, Windows and macOS.
        ({"DISPLAY": "otherhost:0"}, "linux", None, None),
        ({"DISPLAY": ":92", "WAYLAND_DISPLAY": "wayland-0"}, "linux", None, None),
        ({"DISPLAY": ":92", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", None, None),
        ({"DISPLAY": ":92", "QT_QPA_PLATFORM": "offscreen"}, "linux", None, None),
        ({"DISPLAY": ":92"}, "darwin", None, None),
    ],
)
def test_a_display_that_does_not_answer_is_said(
    environ: dict[str, str], platform: str, asked: int | None, said: str | None
) -> None:
    numbers: list[int] = []

    def nobody(number: int) -> bool:
        numbers.append(number)
        return False

    assert unreachable_display(environ, platform, nobody) == said
    assert numbers == ([] if asked is None else [asked])
    assert unreachable_display(environ, platform, lambda _number: True) is None


def test_the_real_check_finds_a_listening_x_socket_and_not_a_gone_one() -> None:
    """An X server's socket that listens answers; a display number nobody serves does not."""
    import socket

    from reconnect.desktop import session

    gone = 4711
    assert session._x_server_answers(gone) is False
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(f"\0/tmp/.X11-unix/X{gone}")  # as an X server on Linux listens
    listening.listen(1)
    try:
        assert session._x_server_answers(gone) is True
    finally:
        listening.close()
