"""Translating the core's sentences without Qt: Qt's translate is handed in by the UI at start.

How a core sentence is written, so that ``pyside6-lupdate`` puts it in the catalogue:

- Said at once: ``translate("Overview", "Next break at {time}").format(time=...)``. lupdate's
  Python parser takes a call named ``translate`` with two string literals as a message of the
  context given first, just as it does for ``QCoreApplication.translate``.
- Kept in a constant and said later: ``QT_TRANSLATE_NOOP("Overview", "A quiet stretch")`` at
  the definition, ``translate("Overview", CONSTANT)`` where it is shown. The constant is
  computed when the module is imported, long before a translator is installed, so it must stay
  English until then.

Values are put in with ``str.format`` on the translated template (never an f-string inside
``translate``), so that a translator sees one whole sentence with named places.

Without a call to ``install`` (the command line, the unit tests) every text comes back as
written. The tray app installs ``QCoreApplication.translate`` when it starts; this one
process-wide hook mirrors Qt's own translator list, which is process-wide too.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _as_written(context: str, text: str) -> str:
    return text


_installed: list[Translator] = [_as_written]


def translate(context: str, text: str) -> str:
    """The text in the person's language, or as written when no translation is installed.

    Args:
        context: the catalogue's context, such as ``"Overview"``; a string literal at the call
            so that lupdate can read it.
        text: the English source text (a template when values follow with ``format``).
    """
    return _installed[0](context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark a text for the catalogue without translating it now; returns ``text`` unchanged."""
    return text


def install(translator: Translator) -> None:
    """Use ``translator`` (such as ``QCoreApplication.translate``) for every core sentence."""
    _installed[0] = translator


def uninstall() -> None:
    """Go back to the texts as written (tests, and the app when it closes)."""
    _installed[0] = _as_written
