"""Where a new window could take the keyboard (Wayland), the break is offered as a notification
with actions; nothing opens a window until the person asks, and each action answers the break."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from reconnect.core.library import Library
from reconnect.core.practices import Practice
from reconnect.core.prompts import PromptFate
from reconnect.core.sessions import Trigger
from reconnect.services.rhythm_ports import ANSWERS
from tests.unit.test_rhythm import World, library, make_world

__all__ = ["library"]  # the module's fixture, shared


@dataclass
class FakeNotice:
    """The notification with actions; ``actions`` False: a server that shows none."""

    actions: bool = True
    offered: list[str] = field(default_factory=list)
    showing: str | None = None

    def offer(self, practice: Practice) -> bool:
        self.offered.append(practice.id)
        self.showing = practice.id if self.actions else None
        return self.actions

    def withdraw(self) -> None:
        self.showing = None


def with_notice(world: World, notice: FakeNotice) -> World:
    world.rhythm.desktop = dataclasses.replace(world.rhythm.desktop, notice=notice)
    return world


@pytest.fixture
def notice() -> FakeNotice:
    return FakeNotice()


@pytest.fixture
def wayland(library: Library, notice: FakeNotice) -> Iterator[World]:
    yield with_notice(make_world(library), notice)


def test_a_planned_break_is_offered_as_a_notification_and_opens_no_window(
    wayland: World, notice: FakeNotice
) -> None:
    wayland.fire_wakeup()

    prompt = wayland.rhythm.current_prompt
    assert prompt is not None
    assert notice.showing == prompt.practice_id
    assert wayland.prompt.shown == []  # no window, so no keyboard taken
    assert wayland.prompt.expiring  # left alone, it is missed as before
    assert wayland.notifier.sent == []  # the notice is the only notification


def test_break_now_too_opens_no_window(wayland: World, notice: FakeNotice) -> None:
    said = wayland.rhythm.break_now(None)

    assert said.startswith("A break is offered")
    assert notice.showing is not None
    assert wayland.prompt.shown == []


def test_the_tray_shows_the_waiting_break_and_its_choices(wayland: World) -> None:
    wayland.fire_wakeup()
    prompt = wayland.rhythm.current_prompt
    assert prompt is not None

    brief = wayland.rhythm.brief_state()

    assert brief.state == "due"
    assert brief.waiting is not None
    assert brief.waiting.practice_id == prompt.practice_id
    assert prompt.practice_title in brief.summary
    assert wayland.rhythm.menu_state().waiting == brief.waiting


def test_start_opens_the_practice_and_withdraws_the_notice(
    wayland: World, notice: FakeNotice
) -> None:
    wayland.fire_wakeup()
    prompt = wayland.rhythm.current_prompt
    assert prompt is not None

    wayland.rhythm.answer("start")

    assert wayland.events.started[-1][1:] == (prompt.practice_id, Trigger.SCHEDULED)
    assert wayland.history.fates[prompt.id] is PromptFate.STARTED
    assert notice.showing is None
    assert wayland.rhythm.brief_state().waiting is None


def test_another_one_replaces_the_notice_with_another_practice(
    wayland: World, notice: FakeNotice
) -> None:
    wayland.fire_wakeup()
    first = wayland.rhythm.current_prompt
    assert first is not None

    wayland.rhythm.answer("another")

    second = wayland.rhythm.current_prompt
    assert second is not None and second.practice_id != first.practice_id
    assert wayland.history.fates[first.id] is PromptFate.ANOTHER
    assert notice.showing == second.practice_id
    assert wayland.prompt.shown == []


@pytest.mark.parametrize(
    ("choice", "fate"), [("snooze", PromptFate.SNOOZED), ("skip", PromptFate.SKIPPED)]
)
def test_snooze_and_skip_answer_the_break(
    wayland: World, notice: FakeNotice, choice: str, fate: PromptFate
) -> None:
    wayland.fire_wakeup()
    prompt = wayland.rhythm.current_prompt
    assert prompt is not None

    wayland.rhythm.answer(choice)

    assert wayland.history.fates[prompt.id] is fate
    assert wayland.rhythm.current_prompt is None
    assert notice.showing is None
    assert wayland.events.started == []


def test_a_click_on_the_notice_opens_the_prompt_window(wayland: World) -> None:
    wayland.fire_wakeup()
    prompt = wayland.rhythm.current_prompt
    assert prompt is not None

    wayland.rhythm.answer("default")

    assert wayland.prompt.on_screen == prompt.practice_id
    assert wayland.rhythm.current_prompt is prompt  # nothing decided yet
    assert wayland.rhythm.brief_state().waiting is None  # the window shows it now


def test_every_answer_is_known_and_others_do_nothing(wayland: World) -> None:
    assert set(ANSWERS) == {"start", "another", "snooze", "skip", "default"}
    wayland.fire_wakeup()
    prompt = wayland.rhythm.current_prompt

    wayland.rhythm.answer(" ")  # a key, never a choice
    wayland.rhythm.answer("Return")

    assert wayland.rhythm.current_prompt is prompt
    assert wayland.events.started == []
    assert wayland.history.fates == {}


def test_an_answer_after_the_break_is_gone_does_nothing(wayland: World) -> None:
    wayland.fire_wakeup()
    wayland.rhythm.skip()
    skipped = dict(wayland.history.fates)

    wayland.rhythm.answer("start")

    assert wayland.events.started == []
    assert wayland.history.fates == skipped


def test_without_actions_the_choices_wait_in_the_tray_and_a_quiet_note_says_so(
    library: Library,
) -> None:
    world = with_notice(make_world(library), FakeNotice(actions=False))

    world.fire_wakeup()

    assert world.prompt.shown == []
    assert world.rhythm.brief_state().waiting is not None
    assert len(world.notifier.sent) == 1
    assert "Reconnect menu" in world.notifier.sent[0][1]


def test_without_a_notice_the_prompt_window_shows_as_before(world: World) -> None:
    world.fire_wakeup()

    prompt = world.rhythm.current_prompt
    assert prompt is not None
    assert world.prompt.on_screen == prompt.practice_id
    assert world.rhythm.brief_state().waiting is None  # the window shows it


@pytest.fixture
def world(library: Library) -> Iterator[World]:
    yield make_world(library)
