"""Where each session of a JSON history starts, by line, looked for only when a problem needs it."""

from __future__ import annotations

import functools
import json
import re

_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def element_lines(text: str) -> list[int] | None:
    """The line where each element of the top-level "sessions" array starts.

    The text must already be known to be valid JSON with an object at the top.
    """
    decoder = json.JSONDecoder()

    def skip(pos: int) -> int:
        match = _JSON_SPACE.match(text, pos)
        return pos if match is None else match.end()

    pos = skip(0) + 1  # past "{"
    found: list[int] | None = None
    while True:
        pos = skip(pos)
        if text[pos] == "}":
            return found
        key, pos = decoder.raw_decode(text, pos)
        pos = skip(skip(pos) + 1)  # past ":"
        if key == "sessions" and text[pos] == "[":
            # A key given twice counts once, the last time, as json.loads does.
            found = []
            starts: list[int] = []
            pos = skip(pos + 1)
            while text[pos] != "]":
                starts.append(pos)
                _, pos = decoder.raw_decode(text, pos)
                pos = skip(pos)
                if text[pos] == ",":
                    pos = skip(pos + 1)
            pos += 1
            line, last = 1, 0
            for start in starts:
                # Counted piece by piece: counting from the top for each would take
                # quadratic time on a large file.
                line += text.count("\n", last, start)
                last = start
                found.append(line)
        else:
            _, pos = decoder.raw_decode(text, pos)
        pos = skip(pos)
        if text[pos] == ",":
            pos += 1


class LazyLines:
    """The lines of the "sessions" list's elements, looked for the first time one is asked.

    Only problems name lines, so a file without problems is never searched for them.
    """

    def __init__(self, text: str) -> None:
        self._text = text

    @functools.cached_property
    def _lines(self) -> list[int] | None:
        try:
            return element_lines(self._text)
        except (ValueError, IndexError, RecursionError):
            return None  # should not happen for valid JSON; the problems just lose their lines

    def line(self, index: int | None) -> int | None:
        lines = self._lines
        if lines is None or index is None or index >= len(lines):
            return None
        return lines[index]
