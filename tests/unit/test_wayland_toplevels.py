"""The compositor's window states, as wlr-foreign-toplevel-management sends them, tell whether
the focused window is full screen."""

from __future__ import annotations

import sys

from reconnect.desktop.wayland import generate
from reconnect.desktop.wayland.toplevels import (
    ACTIVATED,
    FULLSCREEN,
    ToplevelStates,
    parse_states,
)

MAXIMIZED = 0


def array(*states: int) -> bytes:
    """The ``state`` event's wl_array: 32-bit numbers in the machine's byte order."""
    return b"".join(state.to_bytes(4, sys.byteorder) for state in states)


def test_the_state_array_is_read_as_32_bit_numbers() -> None:
    assert parse_states(array(ACTIVATED, FULLSCREEN)) == {2, 3}
    assert parse_states(b"") == frozenset()
    assert parse_states(array(MAXIMIZED) + b"\x01") == {0}, "a torn tail is left out"


def test_only_a_focused_full_screen_window_counts() -> None:
    states = ToplevelStates()
    states.state(1, array(ACTIVATED))
    states.state(2, array(FULLSCREEN))  # a video on another output, not focused
    states.done(1)
    states.done(2)
    assert len(states) == 2
    assert not states.focused_full_screen()

    states.state(1, array(ACTIVATED, FULLSCREEN))
    states.done(1)
    assert states.focused_full_screen()


def test_a_state_counts_only_once_its_done_event_came() -> None:
    states = ToplevelStates()
    states.state(1, array(ACTIVATED, FULLSCREEN))
    assert not states.focused_full_screen()
    states.done(1)
    assert states.focused_full_screen()

    states.state(1, array(ACTIVATED))  # leaving full screen, not done yet
    assert states.focused_full_screen()
    states.done(1)
    assert not states.focused_full_screen()


def test_a_closed_window_is_forgotten() -> None:
    states = ToplevelStates()
    states.state(7, array(ACTIVATED, FULLSCREEN))
    states.done(7)
    states.closed(7)
    assert len(states) == 0
    assert not states.focused_full_screen()


def test_the_protocols_licence_header_is_kept_in_its_xml_and_its_bindings() -> None:
    xml = generate.PROTOCOLS / "wlr-foreign-toplevel-management-unstable-v1.xml"
    module = generate.BINDINGS / "wlr_foreign_toplevel_management_unstable_v1.py"
    for text in (xml.read_text("utf-8"), module.read_text("utf-8")):
        assert "Copyright © 2018 Ilia Bozhinov" in text
        assert "Permission to use, copy, modify, distribute, and sell this" in text
    assert module.name not in generate.stale_bindings()
