"""The busy sources the settings switch on are asked, in order, before the desktop's own checks;
the first busy one says why, and the report names each source with its problem."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reconnect.core.clock import FakeClock
from reconnect.desktop.adapters import pick_adapters
from reconnect.desktop.busy import NOT_BUSY, Busy, BusyDetector
from reconnect.desktop.busy_list import describe_source, enabled_sources

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def settings(**changed: object) -> dict[str, object]:
    base: dict[str, object] = {
        "busy.microphone": True,
        "busy.camera": True,
        "busy.screen_share": True,
        "busy.calendar": "",
        "busy.calendar_titles": False,
    }
    return base | {f"busy.{key}": value for key, value in changed.items()}


class Source:
    def __init__(self, name: str, busy: bool = False, broken: bool = False) -> None:
        self.name, self.busy, self.broken, self.asked, self.closed = name, busy, broken, 0, False

    def check(self) -> Busy:
        self.asked += 1
        if self.broken:
            raise RuntimeError("the source fell over")
        return Busy(True, self.name) if self.busy else NOT_BUSY

    def close(self) -> None:
        self.closed = True


def quiet_detector() -> BusyDetector:
    """A detector whose desktop checks read nothing (no display, no bus on this platform)."""
    return BusyDetector(environ={}, platform="win32")


def test_the_first_busy_source_says_why_and_a_failing_one_is_passed_over() -> None:
    detector = quiet_detector()
    broken, camera, calendar = (
        Source("mic", broken=True),
        Source("camera", True),
        Source("cal", True),
    )
    detector.use_sources([broken, camera, calendar])
    assert detector.check() == Busy(True, "camera")
    assert calendar.asked == 0, "the first busy one answers"
    camera.busy = False
    assert detector.check() == Busy(True, "cal")
    calendar.busy = False
    assert detector.check() == NOT_BUSY


def test_sources_switched_off_are_not_asked_and_are_let_go() -> None:
    detector = quiet_detector()
    microphone = Source("microphone", busy=True)
    detector.use_sources([microphone])
    assert detector.check().busy
    detector.use_sources([])
    assert microphone.closed, "its connection is let go"
    assert detector.check() == NOT_BUSY
    assert microphone.asked == 1


def test_the_settings_choose_the_sources_and_each_system_has_its_own(tmp_path: Path) -> None:
    calendar = str(tmp_path / "work.ics")
    names = lambda chosen, platform="linux": [  # noqa: E731
        source.name for source in enabled_sources(chosen, lambda: NOW, {}, platform)
    ]
    assert names(settings()) == ["microphone", "camera", "screen share"]
    assert names(settings(calendar=calendar)) == [
        "microphone",
        "camera",
        "screen share",
        "calendar",
    ]
    assert names(settings(microphone=False, screen_share=False)) == ["camera"]
    assert names(settings(calendar=calendar), "win32") == ["calendar"]
    assert names(settings(), "darwin") == []


def test_a_broken_calendar_is_named_with_its_problem_and_the_others_keep_working(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "work.ics"
    broken.write_text("this is not a calendar\n", encoding="utf-8")
    sources = enabled_sources(settings(calendar=str(broken)), lambda: NOW, {}, "linux")
    calendar = sources[-1]
    assert calendar.check() == NOT_BUSY
    described = describe_source(calendar)
    assert described.startswith("calendar (") and "work.ics" in described, described
    assert describe_source(Source("camera")) == "camera"


def test_the_report_names_the_sources_switched_on(tmp_path: Path) -> None:
    broken = tmp_path / "work.ics"
    broken.write_text("BEGIN:VCALENDAR\n", encoding="utf-8")
    adapters = pick_adapters(FakeClock(NOW), {}, "win32", settings=settings(calendar=str(broken)))
    try:
        busy = adapters.report.busy.describe()
        assert "calendar (work.ics" in busy, busy
        assert adapters.busy.check() == NOT_BUSY
    finally:
        adapters.close()
