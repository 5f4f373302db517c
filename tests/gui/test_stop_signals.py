"""A stop signal reaches the app through its event loop, once, and the handlers are given back."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix signals")


def test_a_stop_signal_asks_the_app_to_close_once(qtbot: QtBot) -> None:
    from reconnect.desktop.stop_signals import StopSignals

    before = signal.getsignal(signal.SIGTERM)
    asked: list[str] = []
    stops = StopSignals(lambda: asked.append("quit"))
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: asked == ["quit"], timeout=3000)
        os.kill(os.getpid(), signal.SIGHUP)  # a second one while closing: nothing more
        QCoreApplication.processEvents()  # its byte is in the wake-up socket already
        assert asked == ["quit"]
    finally:
        stops.close()
    assert signal.getsignal(signal.SIGTERM) is before
