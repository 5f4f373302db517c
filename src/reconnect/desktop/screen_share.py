"""Busy source: the screen is being shared through PipeWire (the screen-cast portal of GNOME,
KDE Plasma and wlroots desktops), seen in what ``pw-dump`` lists.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Mapping, Sequence
from typing import Any

from reconnect.core.busy_sources import SCREEN_SHARE
from reconnect.desktop.busy import Busy

log = logging.getLogger(__name__)

NOT_BUSY = Busy(False, "")
_NODE = "PipeWire:Interface:Node"
_LINK = "PipeWire:Interface:Link"
# Video that a program makes (a screen cast: mutter, KWin, xdg-desktop-portal-wlr), as
# opposed to "Stream/Input/Video", what a program takes in.
_PRODUCERS = {"Video/Source", "Stream/Output/Video"}
# Properties only a capture device (camera) has.
_DEVICE_PROPS = ("device.id", "device.api", "api.v4l2.path", "api.libcamera.path")


class ScreenShareSource:
    """Busy while a screen cast streams to a program.

    A screen cast is a PipeWire node that produces video, is not a camera (no device behind
    it), and is running or linked to a program that takes it in. Screen sharing that does not
    go through PipeWire (an X11 program reading the screen itself, as many meeting apps do on
    X11) can't be seen. When PipeWire can't be reached, or ``pw-dump`` isn't installed, the
    screen can't be seen: never busy.

    Args:
        environ: where PipeWire's socket is found (``XDG_RUNTIME_DIR``, ``PIPEWIRE_REMOTE``);
            ``os.environ`` when None.
        timeout: seconds ``pw-dump`` may take.
    """

    name = "screen share"

    def __init__(self, environ: Mapping[str, str] | None = None, timeout: float = 2.0) -> None:
        self._environ = os.environ if environ is None else environ
        self._timeout = timeout
        self.problem: str | None = None

    def check(self) -> Busy:
        """Whether the screen is being shared now. Never raises."""
        objects = self._dump()
        if objects is None:
            return NOT_BUSY
        return Busy(True, SCREEN_SHARE) if screen_casts(objects) else NOT_BUSY

    def _dump(self) -> list[Any] | None:
        import subprocess  # when first asked, near a break: not at start

        tool = shutil.which("pw-dump", path=self._environ.get("PATH"))
        if tool is None:
            self._cant_tell("pw-dump is not installed (Debian: pipewire-bin)")
            return None
        try:
            done = subprocess.run(
                [tool, "--no-colors"],
                capture_output=True,
                timeout=self._timeout,
                env=dict(self._environ),
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as error:
            self._cant_tell(f"pw-dump did not answer ({error})")
            return None
        if done.returncode != 0:
            words = done.stderr.decode(errors="replace").strip() or f"status {done.returncode}"
            self._cant_tell(f"PipeWire can't be reached ({words})")
            return None
        try:
            objects = json.loads(done.stdout or b"[]")
        except ValueError as error:
            self._cant_tell(f"pw-dump's answer can't be read ({error})")
            return None
        self.problem = None
        return objects if isinstance(objects, list) else []

    def _cant_tell(self, why: str) -> None:
        if self.problem is None:
            log.info("screen sharing can't be seen, so it never delays a break: %s", why)
        self.problem = why


def screen_casts(objects: Sequence[Any]) -> list[str]:
    """The names of the screen casts streaming now, among the objects ``pw-dump`` lists."""
    linked: set[int] = set()
    for item in objects:
        if isinstance(item, dict) and item.get("type") == _LINK:
            info = item.get("info") or {}
            if info.get("state") in ("active", "paused", "negotiating", "allocating"):
                linked.add(info.get("output-node-id", -1))
    found = []
    for item in objects:
        if not isinstance(item, dict) or item.get("type") != _NODE:
            continue
        info = item.get("info") or {}
        props = info.get("props") or {}
        if props.get("media.class") not in _PRODUCERS:
            continue
        if any(key in props for key in _DEVICE_PROPS):
            continue  # a camera
        if info.get("state") == "running" or item.get("id") in linked:
            found.append(str(props.get("node.name") or props.get("media.name") or item.get("id")))
    return found
