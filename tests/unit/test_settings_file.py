"""Saving ``settings.json``: through the one private writer, whole or not at all."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from reconnect import paths, settings_store
from reconnect.core.settings import Settings
from reconnect.settings_store import SettingsFile


def test_settings_are_saved_through_the_one_private_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[tuple[Path, bytes]] = []

    def recording(path: Path, data: bytes) -> None:
        written.append((path, data))
        paths.write_private(path, data)

    monkeypatch.setattr(settings_store, "write_private", recording)
    store = SettingsFile(tmp_path / "data" / "settings.json")
    store.save(Settings({"rhythm.interval_minutes": 45, "sync.computer_name": "Küche"}))
    assert written == [
        (
            store.path,
            '{\n  "rhythm.interval_minutes": 45,\n  "sync.computer_name": "Küche"\n}\n'.encode(),
        )
    ]
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_a_save_the_disk_refuses_keeps_the_old_file_and_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SettingsFile(tmp_path / "settings.json")
    store.save(Settings({"rhythm.interval_minutes": 45}))
    before = store.path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        store.save(Settings({"rhythm.interval_minutes": 60}))
    assert store.path.read_bytes() == before
    assert json.loads(before) == {"rhythm.interval_minutes": 45}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
