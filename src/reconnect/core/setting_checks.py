"""The checks a setting's declaration can't make alone: that the practices it names are in
the library, and that the music it points at is on this computer.

The command line and the settings window both change a setting through ``with_checked_value``,
so a value refused in one is refused in the other, in the same words.
"""

from __future__ import annotations

from pathlib import Path

from reconnect.core.errors import InputError
from reconnect.core.i18n import translate
from reconnect.core.library import Library
from reconnect.core.settings import Settings


def with_checked_value(settings: Settings, key: str, raw: object, library: Library) -> Settings:
    """``settings.with_value(key, raw)``, with the library and the files checked as well.

    What is already stored is let be: a practice of one's own that is away for now, or music
    on a disk that is not plugged in, never stops the person from changing anything else.

    Args:
        settings: the values in use now.
        key: the setting to change.
        raw: its new value, as typed or as a control holds it.
        library: the practices there are.

    Returns:
        The settings with the value changed (a music path made absolute).

    Raises:
        InputError: the value is not allowed; the message names what is wrong and, for a
            practice, the ids that look like it.
    """
    updated = settings.with_value(key, raw)
    value = updated[key]
    before = settings[key]
    if key == "practices.disabled":
        _check_practices(value, before, library)
    elif key == "practices.music" and value and value != before:
        value = _existing_path(key, value)
    return Settings({**updated.values, key: value})


def _check_practices(value: tuple[str, ...], before: tuple[str, ...], library: Library) -> None:
    unknown = [i for i in value if i not in before and i not in library]
    if not unknown:
        return
    problems = [library.unknown(i) for i in unknown]
    said = " ".join([problems[0], *(p[:1].upper() + p[1:] for p in problems[1:])])
    raise InputError(
        translate("Settings", "{key} can't be set: {problem}").format(
            key="practices.disabled", problem=said
        )
    )


def _existing_path(key: str, value: str) -> str:
    path = Path(value).expanduser()
    if not path.exists():
        raise InputError(
            translate(
                "Settings", "{key} can't be set: there is no file or folder at {path}."
            ).format(key=key, path=value)
        )
    # Made absolute so that it means the same to Reconnect wherever it was typed.
    return str(path.absolute())


def stored_notes(settings: Settings, library: Library) -> list[str]:
    """A note for each practice the stored settings name that the library doesn't have now.

    Such an id is kept (the practice may come back, as an own one on a disk plugged in
    later) and changes nothing meanwhile.
    """
    disabled: tuple[str, ...] = settings["practices.disabled"]
    if not disabled:
        return []  # the library is not loaded for nothing
    return [
        translate(
            "Settings",
            "practices.disabled names {id}, which is not among the practices now; "
            "it is kept and changes nothing.",
        ).format(id=repr(i))
        for i in disabled
        if i not in library
    ]
