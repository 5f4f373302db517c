"""The sources that can make a due break wait (microphone, camera, screen share, calendar):
the words that say why, and their settings, which ``core.settings`` declares with the others.
"""

from __future__ import annotations

from reconnect.core.i18n import QT_TRANSLATE_NOOP

# What a break waits for, as ``status --json`` (``waiting_because``) and the history keep it:
# in English always; the tooltip translates it where a person reads it (``rhythm_menu``).
MICROPHONE = QT_TRANSLATE_NOOP("Busy", "microphone")
CAMERA = QT_TRANSLATE_NOOP("Busy", "camera")
SCREEN_SHARE = QT_TRANSLATE_NOOP("Busy", "screen share")
FULL_SCREEN = QT_TRANSLATE_NOOP("Busy", "full screen")
DO_NOT_DISTURB = QT_TRANSLATE_NOOP("Busy", "do not disturb")
CALENDAR_EVENT = QT_TRANSLATE_NOOP("Busy", "a calendar event")  # a busy event, its title private
CALL_SOURCES = (MICROPHONE, CAMERA, SCREEN_SHARE)  # what says the person seems to be in a call

# The settings of the busy sources, as (key, kind, default, description, label) for
# ``core.settings.Setting``; kept here so the settings module stays one readable page.
BUSY_SETTINGS: tuple[tuple[str, str, object, str, str], ...] = (
    (
        "busy.microphone",
        "bool",
        True,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Let a due break wait while something records from a microphone, as in a call "
            "(yes or no).",
        ),
        QT_TRANSLATE_NOOP("Settings", "Wait while the microphone is in use"),
    ),
    (
        "busy.camera",
        "bool",
        True,
        QT_TRANSLATE_NOOP(
            "Settings", "Let a due break wait while a program has the camera open (yes or no)."
        ),
        QT_TRANSLATE_NOOP("Settings", "Wait while the camera is in use"),
    ),
    (
        "busy.screen_share",
        "bool",
        True,
        QT_TRANSLATE_NOOP(
            "Settings", "Let a due break wait while your screen is being shared (yes or no)."
        ),
        QT_TRANSLATE_NOOP("Settings", "Wait while the screen is shared"),
    ),
    (
        "busy.calendar",
        "text",
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "A calendar file (.ics) or a folder of them; a break due during an event marked "
            "busy waits until it ends. Empty for none.",
        ),
        QT_TRANSLATE_NOOP("Settings", "Your calendar"),
    ),
    (
        "busy.calendar_titles",
        "bool",
        False,
        QT_TRANSLATE_NOOP(
            "Settings",
            "Show a calendar event's title when a break waits for it (yes or no); otherwise "
            "it is called 'a calendar event'.",
        ),
        QT_TRANSLATE_NOOP("Settings", "Show event titles"),
    ),
)
