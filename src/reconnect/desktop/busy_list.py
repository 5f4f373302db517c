"""The busy sources the settings switch on here (microphone, camera, screen share, calendar), made
from the settings, and how each is named with its problem for doctor and the settings window."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Protocol

from reconnect.desktop.busy import BusySource


class SettingsLike(Protocol):
    """The settings (``core.settings.Settings``, or a dict in tests): read by key."""

    def __getitem__(self, key: str, /) -> Any: ...


def enabled_sources(
    settings: SettingsLike,
    now: Callable[[], datetime],
    environ: Mapping[str, str],
    platform: str = sys.platform,
) -> list[BusySource]:
    """The sources switched on in ``settings`` that exist on ``platform``, in the order asked.

    The microphone, the camera and the screen share are read on Linux only; a calendar file
    anywhere.
    """
    sources: list[BusySource] = []
    if platform.startswith("linux"):
        if settings["busy.microphone"]:
            from reconnect.desktop.microphone import MicrophoneSource

            sources.append(MicrophoneSource())
        if settings["busy.camera"]:
            from reconnect.desktop.camera import CameraSource

            sources.append(CameraSource())
        if settings["busy.screen_share"]:
            from reconnect.desktop.screen_share import ScreenShareSource

            sources.append(ScreenShareSource(environ))
    calendar = str(settings["busy.calendar"] or "").strip()
    if calendar:
        from reconnect.desktop.calendar_source import CalendarSource

        sources.append(CalendarSource(calendar, now, bool(settings["busy.calendar_titles"])))
    return sources


def calendar_problems(path: str, now: Callable[[], datetime]) -> list[str]:
    """What is wrong with a calendar file or folder, one line per file, for the settings
    window; empty when every file reads well (or no calendar is chosen)."""
    if not path.strip():
        return []
    from reconnect.desktop.calendar_source import CalendarSource

    source = CalendarSource(path.strip(), now)
    source.check()  # a repeat rule that can't be understood shows only when asked about now
    return source.problems()


def problems_of(source: BusySource) -> list[str]:
    """What keeps ``source`` from telling busy, one line each; empty when it works."""
    problems = getattr(source, "problems", None)
    if callable(problems):
        return list(problems())
    problem = getattr(source, "problem", None)
    return [problem] if problem else []


def describe_source(source: BusySource) -> str:
    """``microphone``, or ``calendar (work.ics: ...)`` when it has a problem."""
    problems = problems_of(source)
    return f"{source.name} ({'; '.join(problems)})" if problems else source.name
