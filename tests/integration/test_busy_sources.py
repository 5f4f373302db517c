"""The busy sources against real parts: a PulseAudio daemon with a null input and parecord, a
stand-in camera held open by a child process, pw-dump, and calendar files on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from reconnect.core.clock import FakeClock
from reconnect.desktop.calendar_source import CalendarSource
from reconnect.desktop.camera import CameraSource
from reconnect.desktop.microphone import MicrophoneSource
from reconnect.desktop.screen_share import ScreenShareSource, screen_casts
from tests.conftest import BERLIN
from tests.support.pulse import MICROPHONE, SPEAKERS, Recordings

# --- microphone ---------------------------------------------------------------------------


def test_a_recording_of_the_microphone_is_busy_until_it_stops(recordings: Recordings) -> None:
    source = MicrophoneSource(recordings.address)
    assert not source.check().busy
    recording = recordings.start(MICROPHONE)
    answer = source.check()
    assert (answer.busy, answer.reason) == (True, "microphone")
    recordings.stop(recording)
    assert not source.check().busy
    assert source.problem is None
    source.close()


def test_recording_what_is_played_is_not_a_microphone(recordings: Recordings) -> None:
    source = MicrophoneSource(recordings.address)
    recordings.start(f"{SPEAKERS}.monitor")
    assert not source.check().busy
    source.close()


def test_reconnects_own_recording_does_not_count(recordings: Recordings) -> None:
    recording = recordings.start(MICROPHONE)
    assert not MicrophoneSource(recordings.address, own_pid=recording.pid).check().busy
    assert MicrophoneSource(recordings.address).check().busy


def test_without_a_sound_server_the_microphone_cant_tell(tmp_path: Path) -> None:
    source = MicrophoneSource(f"unix:{tmp_path}/no-server")
    assert not source.check().busy
    assert source.problem is not None and "no sound server" in source.problem


# --- camera -------------------------------------------------------------------------------


HOLD = "import sys; f = open(sys.argv[1], 'rb'); print('open', flush=True); sys.stdin.read()"


@pytest.fixture
def stand_in_camera(tmp_path: Path) -> Path:
    device = tmp_path / "video0"
    device.write_bytes(b"")
    return device


def test_a_process_holding_the_camera_open_is_busy_until_it_closes_it(
    stand_in_camera: Path,
) -> None:
    source = CameraSource(str(stand_in_camera.parent / "video*"))
    assert not source.check().busy
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(stand_in_camera)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        answer = source.check()
        assert (answer.busy, answer.reason) == (True, "camera")
        assert source.holders() == [holder.pid]
    finally:
        assert holder.stdin is not None
        holder.stdin.close()  # the child reads to the end, then exits
        holder.wait(timeout=20)
        holder.stdout.close()
    assert not source.check().busy


def test_another_file_held_open_or_reconnect_itself_is_not_a_camera(
    stand_in_camera: Path, tmp_path: Path
) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(other)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        with stand_in_camera.open("rb"):  # this process: Reconnect's own
            assert not CameraSource(str(stand_in_camera.parent / "video*")).check().busy
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=20)
        holder.stdout.close()


def test_a_camera_scan_leaves_the_interpreters_interned_strings_alone(
    stand_in_camera: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A scan reads every descriptor of every process, thousands on a desktop, every time a
    # break comes due. Through pathlib each name's parts were interned: the interpreter's
    # table of interned strings was reallocated (megabytes) again and again, and a working
    # week's soak saw the heap grow.
    proc = tmp_path / "proc"
    for pid, held in ((101, tmp_path / "notes.txt"), (102, stand_in_camera)):
        fd = proc / str(pid) / "fd"
        fd.mkdir(parents=True)
        for number in range(50):
            (fd / str(number)).symlink_to("/dev/null")
        (fd / "50").symlink_to(held)
    (proc / "self").symlink_to(proc / "101")
    interned: list[str] = []
    real_intern = sys.intern

    def intern(text: str) -> str:
        interned.append(text)
        return real_intern(text)

    source = CameraSource(str(stand_in_camera.parent / "video*"), proc=proc, own_pid=1)
    monkeypatch.setattr(sys, "intern", intern)
    assert source.holders() == [102]
    assert source.check().busy
    monkeypatch.undo()
    assert interned == []


# --- screen share -------------------------------------------------------------------------


def test_without_pipewire_screen_sharing_cant_tell(tmp_path: Path) -> None:
    if shutil.which("pw-dump") is None:
        pytest.skip("pw-dump isn't installed (Debian: pipewire-bin)")
    environ = {"PATH": os.environ.get("PATH", ""), "XDG_RUNTIME_DIR": str(tmp_path)}
    source = ScreenShareSource(environ)
    assert not source.check().busy
    assert source.problem is not None and "PipeWire can't be reached" in source.problem


def node(number: int, media_class: str, state: str, **props: str) -> dict[str, Any]:
    info = {"state": state, "props": {"media.class": media_class, **props}}
    return {"id": number, "type": "PipeWire:Interface:Node", "info": info}


def test_a_running_screen_cast_is_seen_and_a_camera_or_a_recording_is_not() -> None:
    # Shaped as pw-dump prints them: mutter's cast, a v4l2 camera, a browser's input stream.
    cast = node(40, "Stream/Output/Video", "running", **{"node.name": "gnome-shell-screencast"})
    camera = node(41, "Video/Source", "running", **{"device.api": "v4l2", "node.name": "cam"})
    browser = node(42, "Stream/Input/Video", "running", **{"node.name": "firefox"})
    idle_cast = node(43, "Video/Source", "suspended", **{"node.name": "xdpw_stream"})
    assert screen_casts([camera, browser, idle_cast]) == []
    assert screen_casts([cast, camera, browser, idle_cast]) == ["gnome-shell-screencast"]
    link = {
        "id": 50,
        "type": "PipeWire:Interface:Link",
        "info": {"output-node-id": 43, "input-node-id": 42, "state": "active"},
    }
    assert screen_casts([idle_cast, browser, link]) == ["xdpw_stream"]


# --- calendar -----------------------------------------------------------------------------


def ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n"


def event(uid: str, title: str, start: str, end: str, *more: str) -> str:
    return "\r\n".join([f"UID:{uid}", f"SUMMARY:{title}", start, end, *more])


CALENDAR_FILES = {
    "single.ics": ics(event("s", "Dentist", "DTSTART:20260316T080000Z", "DTEND:20260316T090000Z")),
    "weekly.ics": ics(
        event(
            "w", "Supervision", "DTSTART;TZID=Europe/Berlin:20260302T110000",
            "DTEND;TZID=Europe/Berlin:20260302T120000", "RRULE:FREQ=WEEKLY",
            "EXDATE;TZID=Europe/Berlin:20260309T110000",
        )
    ),
    "all-day.ics": ics(
        event("a", "Moving day", "DTSTART;VALUE=DATE:20260320", "DTEND;VALUE=DATE:20260321")
    ),
    "free.ics": ics(
        event("f", "Focus time", "DTSTART:20260316T120000Z", "DTEND:20260316T130000Z",
              "TRANSP:TRANSPARENT")
    ),
    "new-york.ics": ics(
        event(
            "n", "New York sync", "DTSTART;TZID=America/New_York:20260302T090000",
            "DTEND;TZID=America/New_York:20260302T093000", "RRULE:FREQ=WEEKLY;BYDAY=MO",
        )
    ),
}  # fmt: skip


@pytest.fixture
def calendar_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "calendars"
    (folder / "work").mkdir(parents=True)
    for name, text in CALENDAR_FILES.items():
        (folder / "work" / name).write_text(text)
    return folder


def at(clock: FakeClock, text: str) -> None:
    clock.advance(datetime.fromisoformat(text).replace(tzinfo=BERLIN) - clock.now())


@pytest.mark.parametrize(
    ("moment", "reason"),
    [
        ("2026-03-16 09:30", "Dentist"),
        ("2026-03-16 10:30", None),
        ("2026-03-02 11:15", "Supervision"),
        ("2026-03-09 11:15", None),  # the week it was called off
        ("2026-03-23 11:15", "Supervision"),
        ("2026-03-20 07:00", "Moving day"),
        ("2026-03-16 13:30", None),  # free time
        ("2026-03-02 15:10", "New York sync"),  # before New York's clocks move
        ("2026-03-09 15:10", None),
        ("2026-03-09 14:10", "New York sync"),  # after: an hour earlier in Berlin
    ],
)
def test_a_calendar_folder_says_busy_during_its_busy_events(
    calendar_folder: Path, moment: str, reason: str | None
) -> None:
    clock = FakeClock(datetime(2026, 3, 1, tzinfo=BERLIN))
    source = CalendarSource(str(calendar_folder), clock.now, show_titles=True)
    at(clock, moment)
    answer = source.check()
    assert (answer.busy, answer.reason or None) == (reason is not None, reason)
    assert source.problems() == []


def test_titles_stay_private_unless_asked(calendar_folder: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 16, 9, 30, tzinfo=BERLIN))
    answer = CalendarSource(calendar_folder / "work" / "single.ics", clock.now).check()
    assert (answer.busy, answer.reason) == (True, "a calendar event")


def test_a_broken_file_is_named_with_its_problem_and_the_others_keep_working(
    calendar_folder: Path,
) -> None:
    (calendar_folder / "work" / "broken.ics").write_text("BEGIN:VCALENDAR\r\nnonsense\r\n")
    clock = FakeClock(datetime(2026, 3, 16, 9, 30, tzinfo=BERLIN))
    source = CalendarSource(calendar_folder, clock.now, show_titles=True)
    assert source.check().reason == "Dentist"
    [problem] = source.problems()
    assert problem.startswith("broken.ics can't be read: ")
    assert "nonsense" in problem


def test_a_file_is_read_again_only_when_it_changes(calendar_folder: Path) -> None:
    path = calendar_folder / "work" / "single.ics"
    clock = FakeClock(datetime(2026, 3, 16, 9, 30, tzinfo=BERLIN))
    source = CalendarSource(path, clock.now, show_titles=True)
    assert source.check().reason == "Dentist"
    stamp = path.stat()
    # Same size and the same modification time: what was read is kept.
    path.write_text(CALENDAR_FILES["single.ics"].replace("Dentist", "Dentust"))
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert source.check().reason == "Dentist"
    # Changed on disk: read again.
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    assert source.check().reason == "Dentust"
    path.unlink()
    assert not source.check().busy
    assert source.problems() == [f"The calendar {path} can't be read: it can't be found"]


def test_no_calendar_chosen_is_never_busy() -> None:
    clock = FakeClock(datetime(2026, 3, 16, 9, 30, tzinfo=BERLIN))
    source = CalendarSource("", clock.now)
    assert not source.check().busy
    assert source.problems() == []
