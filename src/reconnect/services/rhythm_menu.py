"""What the tray's icon, tooltip and menu show of the rhythm, as plain values."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from reconnect.core.break_planner import BreakPlanner, Mode
from reconnect.core.busy_sources import CALENDAR_EVENT, CALL_SOURCES, DO_NOT_DISTURB, FULL_SCREEN
from reconnect.core.i18n import translate
from reconnect.core.vocabulary import SENSES

if TYPE_CHECKING:
    from reconnect.core.library import Library
    from reconnect.core.practices import Practice


@dataclass(frozen=True)
class PracticeItem:
    practice_id: str
    label: str


@dataclass(frozen=True)
class MenuState:
    """Everything the menu shows, as plain values taken when it opens.

    Attributes:
        state: ``active``, ``paused``, ``due``, ``outside_hours`` or ``no_working_days``.
        summary: the tooltip's sentence, shown at the top of the menu too.
        suggested: the practice the next break would offer.
        by_sense: practices grouped by sense, for "Start a practice now".
        break_planned: whether there is a break to snooze or skip.
        waiting: the break offered and waiting unseen (as a notification, or for a busy screen
            to clear): the menu holds its choices, the icon shows it.
    """

    state: str
    summary: str
    suggested: PracticeItem | None = None
    by_sense: tuple[tuple[str, tuple[PracticeItem, ...]], ...] = ()
    break_planned: bool = False
    in_practice: bool = False
    waiting: PracticeItem | None = None
    extra: dict[str, str] = field(default_factory=dict)


def item_of(practice: Practice) -> PracticeItem:
    label = translate("Rhythm", "{title} · {minutes} min")
    return PracticeItem(practice.id, label.format(title=practice.title, minutes=practice.minutes))


def practices_by_sense(
    library: Library, disabled: tuple[str, ...] = ()
) -> tuple[tuple[str, tuple[PracticeItem, ...]], ...]:
    """Each practice listed under its first sense, senses in their usual order."""
    groups: dict[str, list[PracticeItem]] = {sense: [] for sense in SENSES}
    for practice in library:
        if practice.id not in disabled:
            groups[practice.senses[0]].append(item_of(practice))
    return tuple((sense, tuple(items)) for sense, items in groups.items() if items)


def why_waiting(because: str) -> str:
    """The tooltip's sentence for what a due break waits for (``waiting_because``)."""
    if because in CALL_SOURCES:
        sentence = translate("Rhythm", "It waits while you seem to be in a call ({source}).")
        return sentence.format(source=translate("Busy", because))
    if because == FULL_SCREEN:
        return translate("Rhythm", "It waits while a window fills the screen.")
    if because == DO_NOT_DISTURB:
        return translate("Rhythm", "It waits while do not disturb is on.")
    # A calendar event: its title as written, or "a calendar event" when titles are private.
    event = translate("Busy", CALENDAR_EVENT) if because == CALENDAR_EVENT else because
    return translate("Rhythm", "It waits until {event} ends.").format(event=event)


def brief_state(
    planner: BreakPlanner,
    now: datetime,
    in_practice: bool,
    waiting: Practice | None = None,
    because: str | None = None,
) -> MenuState:
    """The icon's state and the tooltip: the planner, and the break waiting unseen, if any,
    with what it waits for (``because``: a busy source's word) when it is held back."""
    status = planner.status(now)
    if waiting is not None:
        summary = translate("Rhythm", "A small pause is waiting: {title}.").format(
            title=waiting.title
        )
        if because:
            summary = f"{summary} {why_waiting(because)}"
        return MenuState(
            state=Mode.DUE.value,
            summary=summary,
            break_planned=True,
            in_practice=in_practice,
            waiting=item_of(waiting),
        )
    return MenuState(
        state=status.mode.value,
        summary=planner.describe(now),
        break_planned=status.next_break_at is not None or status.mode is Mode.DUE,
        in_practice=in_practice,
    )


def menu_state(
    brief: MenuState, on_offer: Practice | None, library: Library, disabled: tuple[str, ...]
) -> MenuState:
    """The brief state with the practice on offer and the library, by sense."""
    return dataclasses.replace(
        brief,
        suggested=item_of(on_offer) if on_offer else None,
        by_sense=practices_by_sense(library, disabled),
    )
