"""The ``debug`` command of the control socket, for benchmarks and tests only: it presses the
prompt's, player's and check-in's buttons, opens and closes windows, and counts live Qt objects.
Answered only when ``RECONNECT_TEST_SPEED`` is set (docs/testing.md).
"""

from __future__ import annotations

import ctypes
import gc
import sys
from typing import Any

from reconnect.core.errors import InputError

# What ``debug`` takes, each in a word: the benchmark's whole vocabulary.
ACTIONS = (
    "state",
    "start",
    "stop",
    "check-in",
    "dashboard",
    "settings",
    "help",
    "close-windows",
    "counts",
    "modules",
    "trace-start",
    "trace-top",
)
CHECKIN_LEVEL = 2
# ``counts`` names the kinds of Python object of which there are at least this many.
COMMON_OBJECTS = 50
# ``trace-start`` keeps this many frames of each allocation; ``trace-top`` names this many places.
TRACE_FRAMES = 8
TRACE_TOP = 15


class DebugControl:
    """Runs ``debug`` actions against the running app's windows.

    Args:
        running: the running app (``app.tray.RunningApp``): its tray app and practice flow.
        windows: the app's ``Windows``, which opens the dashboard, settings and help.
        app: the QApplication.
    """

    def __init__(self, running: Any, windows: Any, app: Any) -> None:
        self._running = running
        self._windows = windows
        self._app = app

    def __call__(self, action: str) -> tuple[str, dict[str, Any]]:
        """Run one action; returns a line and the state after it (``state``'s figures).

        Raises:
            InputError: an unknown action, or one that can't be done now (no prompt shown...).
        """
        match action:
            case "state":
                pass
            case "start":
                prompt = self._visible_prompt()
                prompt.start_button.click()
            case "stop":
                flow = self._running.flow
                if flow is None or flow.player is None:
                    raise InputError("no practice is under way")
                flow.player.stop()
            case "check-in":
                flow = self._running.flow
                dialog = None if flow is None else flow.checkin
                if dialog is None:
                    raise InputError("no check-in is open")
                dialog.choose_level(CHECKIN_LEVEL)
                dialog.save_button.click()
            case "dashboard":
                self._every_section()
            case "settings":
                self._windows.show_settings()
            case "help":
                self._windows.show_help()
            case "close-windows":
                self._close_windows()
            case "counts":
                return "counted", self.counts()
            case "modules":  # what has been imported: a later one was first needed then
                return "modules", {"modules": sorted(sys.modules)}
            case "trace-start":  # Python's allocations from now on (slows the app a lot)
                import tracemalloc

                gc.collect()
                tracemalloc.start(TRACE_FRAMES)
                return "tracing", {}
            case "trace-top":
                return "traced", python_allocations_kept()
            case _:
                raise InputError(f"debug takes one of {', '.join(ACTIONS)}; got {action!r}")
        return action, self.state()

    def state(self) -> dict[str, Any]:
        """What is showing: the prompt, the player, the check-in, other windows open."""
        tray = self._running.tray_app
        flow = self._running.flow
        prompt = tray._prompt  # not made until the first break; the property would make it
        return {
            "prompt": bool(prompt is not None and prompt.isVisible()),
            "player": bool(flow is not None and flow.player is not None),
            "checkin": bool(flow is not None and flow.checkin is not None),
            "windows": sorted(type(w).__name__ for w in self._open_windows()),
        }

    def counts(self) -> dict[str, int]:
        """Live Qt objects, counted two ways.

        ``qobjects``: the QObjects reachable from the QApplication and its top-level widgets
        through their children (hidden windows included: a window closed but kept is counted),
        except Qt's own gestures: a gesture once wrapped keeps its wrapper after Qt deletes
        it, so counting them would make the count itself grow.
        ``wrappers``: Python objects the collector tracks whose type comes from PySide6 (the
        Python side of Qt objects, kept alive by a reference somewhere). ``gc_objects``: all
        the objects the collector tracks; ``modules``: the modules imported;
        ``python_blocks``: the memory blocks Python's allocator has handed out and not got
        back; ``malloc_in_use_kb`` and ``malloc_free_kb``: glibc's heap, in use and freed but
        kept (where glibc is);
        ``python_arenas``, ``python_arenas_highest``, ``python_block_kb``: the 1 MiB arenas
        Python's allocator holds now and at most, and the kB of blocks in use in them;
        ``statement_cache``: SQLAlchemy's compiled statements kept; ``objects KIND``: the
        collector's objects of each kind of which there are at least ``COMMON_OBJECTS``.
        ``top_level``: the top-level widgets, shown or not; ``top_level KIND`` and
        ``wrappers KIND`` by class.
        """
        from PySide6.QtCore import QObject, Qt

        gc.collect()  # live objects: not the cycles the collector has not reached yet
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        tops = list(self._app.topLevelWidgets())
        seen: set[int] = set()
        queue: list[Any] = [self._app, *tops]
        while queue:
            item = queue.pop()
            if id(item) in seen:
                continue
            seen.add(id(item))
            if item.metaObject().className() != "QGestureManager":
                queue.extend(item.findChildren(QObject, options=direct))
        by_kind: dict[str, int] = {}
        every_kind: dict[type, int] = {}
        everything = gc.get_objects()
        for thing in everything:
            kind = type(thing)
            every_kind[kind] = every_kind.get(kind, 0) + 1
            if _from_pyside(kind):
                by_kind[kind.__name__] = by_kind.get(kind.__name__, 0) + 1
        common = {
            f"objects {kind.__module__}.{kind.__qualname__}": n
            for kind, n in every_kind.items()
            if n >= COMMON_OBJECTS
        }
        wrappers = sum(by_kind.values())
        kinds: dict[str, int] = {}
        for top in tops:
            kinds[type(top).__name__] = kinds.get(type(top).__name__, 0) + 1
        tracked = len(everything)
        del everything
        return {
            "qobjects": len(seen),
            "wrappers": wrappers,
            "gc_objects": tracked,
            "modules": len(sys.modules),
            "python_blocks": sys.getallocatedblocks(),
            **malloc_figures_kb(),
            **python_arena_figures(),
            **self._statement_cache(),
            "top_level": len(tops),
            **{f"top_level {kind}": n for kind, n in sorted(kinds.items())},
            **{f"wrappers {kind}": n for kind, n in sorted(by_kind.items())},
            **common,
        }

    def _statement_cache(self) -> dict[str, int]:
        """The entries of SQLAlchemy's cache of compiled statements, once the history is
        open (it is not opened to count)."""
        context = getattr(self._running, "context", None)
        database = getattr(context, "_database", None)
        cache = getattr(getattr(database, "engine", None), "_compiled_cache", None)
        return {} if cache is None else {"statement_cache": len(cache)}

    def _visible_prompt(self) -> Any:
        prompt = self._running.tray_app._prompt
        if prompt is None or not prompt.isVisible():
            raise InputError("no prompt is shown")
        return prompt

    def _every_section(self) -> None:
        self._windows.show_dashboard()
        window = self._windows.open_window("dashboard")
        tabs = getattr(window, "tabs", None)
        if tabs is None:
            raise InputError("the dashboard did not open")
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            self._app.processEvents()

    def _open_windows(self) -> list[Any]:
        prompt = self._running.tray_app._prompt
        return [
            w
            for w in self._app.topLevelWidgets()
            if w.isVisible() and w is not prompt and w.isWindow() and w.windowTitle()
        ]

    def _close_windows(self) -> None:
        for key in ("dashboard", "settings", "help"):
            window = self._windows.open_window(key)
            if window is not None and window.isVisible():
                window.close()


def python_allocations_kept(limit: int = TRACE_TOP) -> dict[str, Any]:
    """What Python allocated since ``trace-start`` and still holds (after a collection), by
    place, largest first; tracing then stops. Memory that grew but is not here was allocated
    by C or C++ code (Qt, SQLite, the C library), or by Python before tracing began.

    Raises:
        InputError: tracing was not started.
    """
    import tracemalloc

    if not tracemalloc.is_tracing():
        raise InputError("Python's allocations are not being traced (debug trace-start)")
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = snapshot.statistics("traceback")
    top = []
    for stat in stats[:limit]:
        frames = list(reversed(stat.traceback))  # the most recent first
        where = next((f for f in frames if not f.filename.startswith("<")), frames[0])
        ours = next((f for f in frames if "/reconnect/" in f.filename), None)
        line = f"{stat.size / 1024:.1f} kB in {stat.count} blocks: {where.filename}:{where.lineno}"
        if ours is not None and ours is not where:
            line += f" (from {ours.filename.split('/reconnect/')[-1]}:{ours.lineno})"
        top.append(line)
    return {"kb": sum(stat.size for stat in stats) // 1024, "top": top}


def _from_pyside(kind: type) -> bool:
    module = getattr(kind, "__module__", None)  # None, or not text, for some odd types
    return isinstance(module, str) and module.startswith("PySide6")


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                     "uordblks", "fordblks", "keepcost")
    ]  # fmt: skip


def malloc_figures_kb() -> dict[str, int]:
    """glibc's heap: in use (small blocks and mapped ones) and freed but kept, in kB; empty
    where there is no glibc 2.33 or later."""
    if not sys.platform.startswith("linux"):
        return {}
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return {}
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return {
        "malloc_in_use_kb": (info.uordblks + info.hblkhd) // 1024,
        "malloc_free_kb": info.fordblks // 1024,
    }


_ARENA_FIGURES = {
    "# arenas allocated current": "python_arenas",
    "# arenas highwater mark": "python_arenas_highest",
    "# bytes in allocated blocks": "python_block_kb",
}


def python_arena_figures() -> dict[str, int]:
    """Python's allocator: its arenas now and at most, and the memory of the blocks in use in
    them. Python prints these only to the C stderr, which is read here for the moment."""
    import os
    import tempfile

    debug_stats = getattr(sys, "_debugmallocstats", None)
    if debug_stats is None:
        return {}
    with tempfile.TemporaryFile() as out:
        sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(out.fileno(), 2)
            debug_stats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        text = out.read().decode(errors="replace")
    figures: dict[str, int] = {}
    for line in text.splitlines():
        name, _, value = line.partition("=")
        key = _ARENA_FIGURES.get(name.strip())
        if key is not None and key not in figures:
            number = int(value.strip().replace(",", ""))
            figures[key] = number // 1024 if key.endswith("_kb") else number
    return figures
