"""Quiet notifications sent through gdbus, here to a session bus that is not there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reconnect.desktop.notifier import NAME, Notifier


class ServiceSaidToBeThere(Notifier):
    def available(self) -> tuple[bool, str]:
        return True, NAME


def test_a_refused_notification_is_told_and_the_notifier_goes_once_let_go(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A closure on gdbus's finished signal held the notifier: let go, it would have lived on
    # until that process was deleted, then deleted it a second time (desktop.stats_process).
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    notifier = ServiceSaidToBeThere()
    held = sys.getrefcount(notifier)
    with caplog.at_level("INFO", logger="reconnect.desktop.notifier"):
        assert notifier.notify("A small break", "Whenever you like.")
        assert sys.getrefcount(notifier) == held
        qtbot.waitUntil(lambda: "notification refused" in caplog.text, timeout=10000)
    assert not notifier._running
    gone: list[bool] = []
    notifier.destroyed.connect(lambda: gone.append(True))
    del notifier
    assert gone == [True]
