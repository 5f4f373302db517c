"""The outbox's typed writes as JSON lines: each write comes back as it went in, lines the
previous version kept are still read, and a line that can't be read is set aside, not lost."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import SparkLevel
from reconnect.services.break_writes import (
    DecidePrompt,
    FinishSession,
    OfferPrompt,
    SaveCheckIn,
    StartSession,
    Write,
)
from reconnect.services.outbox import (
    OUTBOX_FILE,
    Outbox,
    Unreadable,
    line_of,
    read_line,
    tag_of,
)

BERLIN = ZoneInfo("Europe/Berlin")
AT = Moment.of(datetime(2026, 11, 17, 14, 30, tzinfo=BERLIN))
LATER = Moment.of(datetime(2026, 11, 17, 14, 33, tzinfo=BERLIN))
SESSION = BreakSession("s-1", "hand-on-heart", "Hand on heart", Trigger.SCHEDULED, AT)
CHECKIN = CheckIn("c-1", "s-1", LATER, SparkLevel.SPARK, ("chest",), ("warmth",), "kept «here»")

WRITES: list[Write] = [
    OfferPrompt(Prompt("p-1", AT, "hand-on-heart", "Hand on heart", 0.25, quiet=True)),
    OfferPrompt(Prompt("p-2", AT, "sunlight", "Sunlight", None)),
    DecidePrompt("p-1", PromptFate.SKIPPED, LATER),
    DecidePrompt("p-1", PromptFate.STARTED, LATER, "s-1"),
    StartSession(SESSION, "p-1"),
    StartSession(SESSION),
    FinishSession("s-1", LATER, Outcome.STOPPED_EARLY),
    SaveCheckIn(CHECKIN),
    SaveCheckIn(CheckIn("c-2", "s-1", LATER, SparkLevel.NOTHING)),
    OfferPrompt(
        Prompt("p-3", AT, "sunlight", "Sunlight", 0.5, quiet=True, deferred_because="microphone")
    ),
]


@pytest.mark.parametrize("write", WRITES, ids=lambda write: tag_of(write))
def test_each_write_comes_back_from_its_line_as_it_was(write: Write) -> None:
    line = json.loads(json.dumps(line_of(write)))
    assert isinstance(line, dict) and line["type"] == tag_of(write)
    assert read_line(line) == write


def test_the_outbox_file_keeps_the_writes_in_order(tmp_path: Path) -> None:
    box = Outbox(tmp_path / OUTBOX_FILE)
    for write in WRITES:
        box.add(write)
    assert box.pending() == WRITES
    assert len(box) == len(WRITES)
    box.replace(box.pending()[3:])
    assert box.pending() == WRITES[3:]
    box.replace([])
    assert not box.path.exists() and box.pending() == []


# Lines exactly as the previous version wrote them (json.dumps with sort_keys).
OLD_LINES = {
    "offer": (
        '{"op": "offer", "prompt": {"id": "p-1", "offered": "2026-11-17T14:30:00+01:00", '
        '"practice_id": "hand-on-heart", "practice_title": "Hand on heart", '
        '"probability": 0.25, "quiet": true}}'
    ),
    "decide": (
        '{"at": "2026-11-17T14:33:00+01:00", "fate": "started", "op": "decide", '
        '"prompt_id": "p-1", "session_id": "s-1"}'
    ),
    "start": (
        '{"op": "start", "prompt_id": "p-1", "session": {"id": "s-1", "practice_id": '
        '"hand-on-heart", "practice_title": "Hand on heart", "started": '
        '"2026-11-17T14:30:00+01:00", "trigger": "scheduled"}}'
    ),
    "finish": (
        '{"ended": "2026-11-17T14:33:00+01:00", "op": "finish", "outcome": "stopped_early", '
        '"session_id": "s-1"}'
    ),
    "checkin": (
        '{"checkin": {"at": "2026-11-17T14:33:00+01:00", "body_areas": ["chest"], '
        '"feelings": ["warmth"], "id": "c-1", "level": 2, "note": "kept «here»", '
        '"session_id": "s-1"}, "op": "checkin"}'
    ),
}
OLD_WRITES = {
    "offer": WRITES[0],
    "decide": WRITES[3],
    "start": WRITES[4],
    "finish": WRITES[6],
    "checkin": WRITES[7],
}


@pytest.mark.parametrize("op", list(OLD_LINES))
def test_a_line_the_previous_version_kept_is_read_as_its_write(op: str) -> None:
    assert read_line(json.loads(OLD_LINES[op])) == OLD_WRITES[op]


def test_an_offer_line_kept_before_prompts_said_what_held_them_back_still_reads() -> None:
    line = json.loads(json.dumps(line_of(WRITES[-1])))
    assert line["deferred_because"] == "microphone"
    del line["deferred_because"]  # as a version before the busy sources wrote it
    write = read_line(line)
    assert isinstance(write, OfferPrompt) and write.prompt.deferred_because is None
    assert write.prompt.id == "p-3" and write.prompt.quiet


def test_an_outbox_left_by_the_previous_version_is_read_and_rewritten_in_the_new_form(
    tmp_path: Path,
) -> None:
    box = Outbox(tmp_path / OUTBOX_FILE)
    box.path.write_text("".join(line + "\n" for line in OLD_LINES.values()), encoding="utf-8")
    assert box.pending() == list(OLD_WRITES.values())
    box.add(WRITES[1])  # the app kept one more: the file is rewritten
    lines = [json.loads(line) for line in box.path.read_text(encoding="utf-8").splitlines()]
    assert [line["type"] for line in lines] == [
        "offer_prompt", "decide_prompt", "start_session", "finish_session", "save_checkin",
        "offer_prompt",
    ]  # fmt: skip
    assert box.pending() == [*OLD_WRITES.values(), WRITES[1]]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('{"type": "plant_tree", "id": "t-1"}', "unknown kept write 'plant_tree'"),
        ('{"op": "water", "id": "t-1"}', "unknown kept write 'water'"),
        ('{"type": "finish_session", "session_id": "s-1"}', "KeyError"),
        (
            '{"type": "finish_session", "session_id": "s-1", "ended": "soon", "outcome": "ok"}',
            "ValueError",
        ),
        ('{"type": "save_checkin", "id": 7}', "TypeError: expected text, found int"),
        ("[1, 2, 3]", "not a kept write"),
        ('{"note": "no kind at all"}', "not a kept write"),
    ],
)
def test_a_line_that_holds_no_known_write_is_unreadable(line: str, why: str) -> None:
    read = read_line(json.loads(line))
    assert isinstance(read, Unreadable)
    assert read.data == json.loads(line)
    assert why in read.why
    assert line_of(read) == json.loads(line)  # kept as it was


def test_unreadable_lines_are_set_aside_with_the_reason_never_dropped(tmp_path: Path) -> None:
    box = Outbox(tmp_path / OUTBOX_FILE)
    box.path.write_text(
        "not json at all\n" + OLD_LINES["finish"] + "\n" + '{"type": "plant_tree"}\n',
        encoding="utf-8",
    )
    pending = box.pending()
    assert [tag_of(write) for write in pending] == ["unreadable", "finish_session", "unreadable"]
    for write in pending:
        box.set_aside(write, write.why if isinstance(write, Unreadable) else "refused")
    aside = box.set_aside_writes()
    assert [(tag_of(write), why) for write, why in aside] == [
        ("unreadable", "not a kept write"),
        ("finish_session", "refused"),
        ("unreadable", "ValueError: unknown kept write 'plant_tree'"),
    ]
    assert aside[0][0] == Unreadable("not json at all", "not a kept write")
    assert aside[1][0] == OLD_WRITES["finish"]
    assert box.set_aside_path.stat().st_mode & 0o777 == 0o600


def test_a_write_is_made_of_what_a_new_session_or_prompt_is() -> None:
    with pytest.raises(ValueError, match="starts open"):
        StartSession(BreakSession("s", "p", "P", Trigger.TRAY, AT, LATER, Outcome.COMPLETED))
    decided = Prompt("p", AT, "p", "P", fate=PromptFate.SKIPPED, decided=LATER)
    with pytest.raises(ValueError, match="not decided yet"):
        OfferPrompt(decided)
