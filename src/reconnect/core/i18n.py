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

Counts go through ``plural`` and ``number``: ``plural(n, translate("Overview", "1 practice"),
translate("Overview", "{count} practices"))`` picks the form and puts in the number, grouped
by thousands (``14,352``; the person's locale once the UI installs its number format).

Without a call to ``install`` (the command line, the unit tests) every text comes back as
written. The tray app installs ``QCoreApplication.translate`` when it starts; this one
process-wide hook mirrors Qt's own translator list, which is process-wide too.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]
NumberFormat = Callable[[int], str]


def _as_written(context: str, text: str) -> str:
    return text


def _grouped(value: int) -> str:
    return f"{value:,}"


_installed: list[Translator] = [_as_written]
_number_format: list[NumberFormat] = [_grouped]


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


def number(value: int) -> str:
    """A whole number as a person reads it: ``14,352``, or as the installed locale groups it."""
    return _number_format[0](value)


def plural(count: int, one: str, many: str, **values: object) -> str:
    """``one`` when ``count`` is 1, else ``many``, with ``{count}`` put in by ``number``.

    Both forms are translated by the caller, so that lupdate finds them as literals:
    ``plural(n, self.tr("1 practice"), self.tr("{count} practices"))``. Two written forms
    rather than Qt's ``%n``: the English would otherwise need a compiled catalogue of its own
    (``"1 practice(s)"`` without one), and the command line has no Qt translator at all.

    Args:
        count: how many.
        one: the sentence for exactly one (it may hold ``{count}`` too).
        many: the sentence for any other number, with ``{count}``.
        values: other named places of the sentence.
    """
    return (one if count == 1 else many).format(count=number(count), **values)


def install(translator: Translator, numbers: NumberFormat | None = None) -> None:
    """Use ``translator`` (such as ``QCoreApplication.translate``) for every core sentence.

    Args:
        numbers: how whole numbers are written (the locale's grouping); ``14,352`` if None.
    """
    _installed[0] = translator
    _number_format[0] = numbers or _grouped


def uninstall() -> None:
    """Go back to the texts as written (tests, and the app when it closes)."""
    _installed[0] = _as_written
    _number_format[0] = _grouped
