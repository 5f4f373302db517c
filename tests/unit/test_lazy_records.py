"""The tray's lazy records (``app.records.LazyRecords``) as a typed port: they make the real
records only when the first look can't answer, once, and hand everything else to them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from reconnect.app.records import LazyRecords
from reconnect.core.experiments import Offer
from reconnect.core.practices import Place, Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.spark_stats import PracticeCounts
from reconnect.services.break_records_port import BreakRecordsPort

NOW = datetime(2026, 11, 17, 13, 30, tzinfo=UTC)
COUNTS = [PracticeCounts("sunlight", "Sunlight", 3, 2, 2, 1, 1, 3)]


class FakeRecords:
    """Answers like the records would, and notes each call."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def last_break_end(self) -> datetime | None:
        self.calls.append("last_break_end")
        return NOW

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]:
        self.calls.append("tidy_after_last_run")
        return 1, 2

    def practice_counts(self) -> list[PracticeCounts]:
        self.calls.append("practice_counts")
        return COUNTS

    def experiment_offer(self) -> Offer | None:
        self.calls.append("experiment_offer")
        return None

    def offer(
        self,
        practice: Practice,
        now: datetime,
        probability: float | None,
        quiet: bool = False,
        deferred_because: str | None = None,
        experiment_id: str | None = None,
    ) -> Prompt:
        self.calls.append(f"offer {practice.id} {probability} {quiet} {deferred_because}")
        return Prompt("p-1", Moment.of(now), practice.id, practice.title, probability, quiet)

    def decide(
        self, prompt_id: str, fate: PromptFate, now: datetime, session_id: str | None = None
    ) -> None:
        self.calls.append(f"decide {prompt_id} {fate} {session_id}")

    def start(
        self, practice: Practice, trigger: Trigger, now: datetime, prompt_id: str | None = None
    ) -> BreakSession:
        self.calls.append(f"start {practice.id} {trigger} {prompt_id}")
        return BreakSession("s-1", practice.id, practice.title, trigger, Moment.of(now))

    def save_checkin(
        self,
        session_id: str,
        now: datetime,
        level: int,
        body: Iterable[str] = (),
        feelings: Iterable[str] = (),
        note: str | None = None,
    ) -> CheckIn:
        self.calls.append(f"save_checkin {session_id} {level} {list(body)} {note}")
        return make_checkin(session_id, now, level, body, feelings, note)

    def finish(self, session_id: str, now: datetime, outcome: Outcome) -> None:
        self.calls.append(f"finish {session_id} {outcome}")

    def reach(self) -> bool:
        self.calls.append("reach")
        return True

    def has_pending(self) -> bool:
        self.calls.append("has_pending")
        return False

    def retry_pending(self) -> bool:
        self.calls.append("retry_pending")
        return True


def lazy(file: Path | None) -> tuple[LazyRecords, FakeRecords, list[int]]:
    fake = FakeRecords()
    made: list[int] = []

    def make() -> BreakRecordsPort:
        made.append(1)
        return fake

    return LazyRecords(make, file, "desk"), fake, made


def test_nothing_is_made_before_it_is_needed() -> None:
    records, fake, made = lazy(None)
    assert not records.is_made and made == [] and fake.calls == []


def test_a_server_is_asked_through_the_records_made_once() -> None:
    records, fake, made = lazy(None)  # a server: no file to look at first
    assert records.last_break_end() == NOW
    assert records.tidy_after_last_run(NOW) == (1, 2)
    assert records.practice_counts() == COUNTS
    assert made == [1] and records.is_made and not records.read_first
    assert fake.calls == ["last_break_end", "tidy_after_last_run", "practice_counts"]


def test_a_file_the_first_look_cannot_read_is_asked_through_the_records(
    tmp_path: Path,
) -> None:
    records, fake, made = lazy(tmp_path / "not-there-yet.db")
    assert records.practice_counts() == COUNTS
    assert records.tidy_after_last_run(NOW) == (1, 2)  # unsure whether anything was left open
    assert made == [1] and not records.read_first
    assert fake.calls == ["practice_counts", "tidy_after_last_run"]
    assert not (tmp_path / "not-there-yet.db").exists()


def test_writes_and_the_outbox_go_to_the_records_as_they_were_asked(tmp_path: Path) -> None:
    records, fake, made = lazy(tmp_path / "reconnect.db")
    practice = Practice("sunlight", "Sunlight", "", ("sight",), Place.DESK, ())
    prompt = records.offer(practice, NOW, 0.5, quiet=True, deferred_because="camera")
    records.decide(prompt.id, PromptFate.STARTED, NOW, "s-1")
    session = records.start(practice, Trigger.SCHEDULED, NOW, prompt.id)
    records.finish(session.id, NOW, Outcome.COMPLETED)
    checkin = records.save_checkin(session.id, NOW, 2, ["chest"], note="warm")
    assert (records.reach(), records.has_pending(), records.retry_pending()) == (True, False, True)
    assert made == [1]
    assert fake.calls == [
        "offer sunlight 0.5 True camera",
        "decide p-1 started s-1",
        "start sunlight scheduled p-1",
        "finish s-1 completed",
        "save_checkin s-1 2 ['chest'] warm",
        "reach",
        "has_pending",
        "retry_pending",
    ]
    assert checkin.session_id == "s-1" and checkin.note == "warm"
