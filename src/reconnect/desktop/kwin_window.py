"""Whether KDE Plasma's active window is full screen, told by a small KWin script that reports
each change over D-Bus (on Wayland KWin lists its windows to no other program)."""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import ClassInfo, QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

log = logging.getLogger(__name__)

NAME = "KDE Plasma's KWin (a script of ours reports the active window)"
_KWIN = "org.kde.KWin"
_SCRIPTING = "org.kde.kwin.Scripting"
_INTERFACE = "org.reconnect.KWinWindow"
_PATH = "/org/reconnect/KWinWindow"
_CALL_MS = 1000

# Plasma 6 says window where Plasma 5 says client; each name is tried in turn.
SCRIPT = """const report = () => {{
  const w = workspace.activeWindow || workspace.activeClient;
  callDBus("{service}", "{path}", "{interface}", "report", "{token}", !!(w && w.fullScreen));
}};
const watch = w => {{ if (w && w.fullScreenChanged) w.fullScreenChanged.connect(report); }};
(workspace.windowList ? workspace.windowList() : workspace.clientList()).forEach(watch);
(workspace.windowAdded || workspace.clientAdded).connect(watch);
(workspace.windowActivated || workspace.clientActivated).connect(report);
report();
"""


# PySide6's stubs do not know ClassInfo as a decorator taking a dict.
@ClassInfo({"D-Bus Interface": _INTERFACE})  # type: ignore[call-arg]
class _Receiver(QObject):  # type: ignore[operator]
    """Takes the script's reports; they arrive through the Qt event loop."""

    def __init__(self) -> None:
        super().__init__()
        self.token = ""
        self.full_screen: bool | None = None

    @Slot(str, bool)
    def report(self, token: str, full_screen: bool) -> None:
        if token == self.token:
            self.full_screen = full_screen


class KWinWindow:
    """Keeps whether KWin's active window is full screen, from a script loaded while watching.

    ``watch`` loads the script into KWin (``org.kde.KWin /Scripting``, open to every program
    of the session); it reports at once and then at every change of the active window or of
    its full-screen state, calling back this process's bus connection. ``stop`` unloads it.

    Args:
        bus: the session bus, where KWin is.
        folder: where the script's file is written for KWin to read; the system's temporary
            folder when None.
    """

    name = NAME

    def __init__(self, bus: QDBusConnection, folder: Path | None = None) -> None:
        self._bus = bus
        self._folder = Path(tempfile.gettempdir()) if folder is None else folder
        self._plugin = f"reconnect-busy-{os.getpid()}"
        self._tokens = itertools.count(1)
        self._receiver: _Receiver | None = None
        self._loaded = False

    @property
    def watching(self) -> bool:
        return self._loaded

    @property
    def full_screen(self) -> bool | None:
        """The last report; None when not watching or before the first report has come."""
        if not self._loaded or self._receiver is None:
            return None
        return self._receiver.full_screen

    def watch(self) -> bool:
        """Load the script, unless it is loaded; False when KWin can't be asked."""
        if self._loaded:
            return True
        if not self._bus.isConnected():
            return False
        if self._receiver is None:
            receiver = _Receiver()
            if not self._bus.registerObject(
                _PATH, receiver, QDBusConnection.RegisterOption.ExportAllSlots
            ):
                log.debug("KWin's reports can't be received: %s", self._bus.lastError().message())
                return False
            self._receiver = receiver
        self._receiver.token = str(next(self._tokens))
        self._receiver.full_screen = None
        script = self._folder / f"{self._plugin}.js"
        text = SCRIPT.format(
            service=self._bus.baseService(),
            path=_PATH,
            interface=_INTERFACE,
            token=self._receiver.token,
        )
        try:
            script.write_text(text, encoding="utf-8")
            script.chmod(0o644)  # KWin reads it, as the session's user
            self._loaded = self._run(script)
        except OSError as error:
            log.debug("KWin's script can't be written: %s", error)
        if not self._loaded:
            with contextlib.suppress(OSError):
                script.unlink()
        return self._loaded

    def _run(self, script: Path) -> bool:
        self._call(_SCRIPTING, "/Scripting", "unloadScript", self._plugin)  # a leftover
        loaded = self._call(_SCRIPTING, "/Scripting", "loadScript", str(script), self._plugin)
        if not loaded or not isinstance(loaded[0], int) or loaded[0] < 0:
            log.debug("KWin did not load the script: %s", loaded)
            return False
        number = loaded[0]
        # The script's object: /NUMBER in Plasma 5, /Scripting/ScriptNUMBER in Plasma 6.
        for path in (f"/{number}", f"/Scripting/Script{number}"):
            if self._call("org.kde.kwin.Script", path, "run") is not None:
                return True
        self._call(_SCRIPTING, "/Scripting", "unloadScript", self._plugin)
        return False

    def _call(self, interface: str, path: str, method: str, *args: Any) -> list[Any] | None:
        message = QDBusMessage.createMethodCall(_KWIN, path, interface, method)
        message.setArguments(list(args))
        message.setAutoStartService(False)
        reply = self._bus.call(message, QDBus.CallMode.Block, _CALL_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            return None
        return list(reply.arguments())

    def stop(self) -> None:
        """Unload the script; nothing more is reported."""
        if self._loaded:
            self._loaded = False
            self._call(_SCRIPTING, "/Scripting", "unloadScript", self._plugin)
            # KWin reads the file after run returns, in the background; gone only now
            with contextlib.suppress(OSError):
                (self._folder / f"{self._plugin}.js").unlink()

    def close(self) -> None:
        self.stop()
        if self._receiver is not None:
            self._bus.unregisterObject(_PATH)
            self._receiver = None
