"""Busy source: something records from a real microphone, asked through PulseAudio's API
(``pulsectl``), which PipeWire's pulse server answers too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from reconnect.core.busy_sources import MICROPHONE
from reconnect.desktop.busy import Busy

log = logging.getLogger(__name__)

NOT_BUSY = Busy(False, "")
# PA_INVALID_INDEX: a source that is not the monitor of any output.
_NO_SINK = 0xFFFFFFFF


class MicrophoneSource:
    """Busy while a recording stream reads a real input.

    A stream counts when it is not paused (corked), its source is not the monitor of an
    output (``*.monitor``: what is played, not what is said), and its process is not
    Reconnect's own. The sound server is reached on the first check and the connection kept;
    a lost connection is made again at the next check. When no sound server answers, the
    microphone can't be seen: never busy, said once in the log and in ``problem``.

    Args:
        server: the sound server's address (``unix:/run/user/1000/pulse/native``); None for
            where libpulse looks by itself (``PULSE_SERVER``, the user's runtime folder).
        own_pid: the process whose recordings don't count (this one).
        timeout: seconds to wait for the server to answer when connecting.
    """

    name = "microphone"

    def __init__(
        self, server: str | None = None, own_pid: int | None = None, timeout: float = 1.0
    ) -> None:
        self._server = server
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._timeout = timeout
        self._pulse: Any = None
        self.problem: str | None = None

    def check(self) -> Busy:
        """Whether a microphone is being recorded now. Never raises."""
        for attempt in (1, 2):
            pulse = self._connected()
            if pulse is None:
                return NOT_BUSY
            try:
                return Busy(True, MICROPHONE) if self._recording(pulse) else NOT_BUSY
            except Exception as error:  # the server went away since the last check
                self.close()
                if attempt == 2:
                    self._cant_tell(f"the sound server stopped answering ({error})")
        return NOT_BUSY

    def close(self) -> None:
        if self._pulse is not None:
            self._pulse.close()
            self._pulse = None

    def _connected(self) -> Any:
        if self._pulse is not None:
            return self._pulse
        try:
            import pulsectl

            pulse = pulsectl.Pulse("reconnect-busy", server=self._server, connect=False)
        except Exception as error:  # no libpulse on this system
            self._cant_tell(f"PulseAudio's client library can't be used ({error})")
            return None
        socket = _unix_socket(self._server)
        if socket is not None and not Path(socket).exists():
            # libpulse would wait out the whole timeout for a socket that isn't there.
            pulse.close()
            self._cant_tell(f"no sound server at {socket}")
            return None
        try:
            pulse.connect(autospawn=False, timeout=self._timeout)
        except Exception as error:
            pulse.close()
            self._cant_tell(f"no sound server answers ({error})")
            return None
        if self.problem is not None:
            log.info("the microphone can be seen again")
        self.problem = None
        self._pulse = pulse
        return pulse

    def _recording(self, pulse: Any) -> bool:
        sources = {source.index: source for source in pulse.source_list()}
        clients: dict[int, Any] | None = None
        for stream in pulse.source_output_list():
            source = sources.get(stream.source)
            if source is None or stream.corked or _is_monitor(source):
                continue
            pid = _pid(stream.proplist)
            if pid is None:
                if clients is None:
                    clients = {client.index: client for client in pulse.client_list()}
                client = clients.get(stream.client)
                pid = _pid(client.proplist) if client is not None else None
            if pid != self._own_pid:
                return True
        return False

    def _cant_tell(self, why: str) -> None:
        if self.problem is None:
            log.info("the microphone can't be seen, so it never delays a break: %s", why)
        self.problem = why


def _unix_socket(server: str | None) -> str | None:
    """The socket file of a server address, where it is one (``unix:PATH`` or a path)."""
    if server is None:
        server = os.environ.get("PULSE_SERVER")
        if server is None:
            runtime = os.environ.get("XDG_RUNTIME_DIR")
            return str(Path(runtime, "pulse", "native")) if runtime else None
    if " " in server.strip():  # a list of servers to try: libpulse tries them itself
        return None
    if server.startswith("unix:"):
        return server[len("unix:") :]
    return server if server.startswith("/") else None


def _is_monitor(source: Any) -> bool:
    monitor_of = getattr(source, "monitor_of_sink", _NO_SINK)
    return bool(monitor_of is not None and monitor_of != _NO_SINK) or str(source.name).endswith(
        ".monitor"
    )


def _pid(proplist: Any) -> int | None:
    raw = (proplist or {}).get("application.process.id")
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None
