"""A practice of one's own, added while Reconnect runs, reaches everyone holding the library."""

from __future__ import annotations

from pathlib import Path

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock


def test_reload_updates_the_same_library_object(tmp_path: Path, clock: FakeClock) -> None:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    held = context.library  # as the tray app and the practice flow hold it
    count = len(held)
    own = context.own_practices_dir()
    own.mkdir(parents=True, exist_ok=True)
    source = Path(__file__).parents[2] / "resources" / "practices" / "hand-on-heart.toml"
    text = source.read_text(encoding="utf-8").replace('"hand-on-heart"', '"my-heart"')
    (own / "my-heart.toml").write_text(text, encoding="utf-8")
    assert "my-heart" not in held
    assert context.reload_library() is held
    assert len(held) == count + 1
    mine = held.get("my-heart")
    assert mine is not None and mine.own
