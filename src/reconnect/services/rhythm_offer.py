"""How the rhythm shows a break it offers: the prompt window, or a notification with actions where
a new window could take the keyboard; and a quiet notification only when neither shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconnect.core.i18n import translate
from reconnect.services.rhythm_ports import Desktop, PromptSurface, RhythmEvents

if TYPE_CHECKING:
    from reconnect.core.practices import Practice


def show_offer(
    practice: Practice,
    notify: bool,
    desktop: Desktop,
    prompt: PromptSurface,
    events: RhythmEvents,
) -> None:
    """Show the offer in the prompt window, or as ``desktop.notice`` where there is one (the
    window then opens only when asked). ``notify``: when neither shows it, say so quietly:
    never both, where one would hide the other."""
    notice = desktop.notice
    if notice is None:
        prompt.show_offer(practice)
    else:
        prompt.start_expiry()  # no window: the offer still expires as missed
        events.changed()  # the tray shows that a break is waiting
        if notice.offer(practice):
            return
    if notify and not prompt.is_visible():
        body = translate("Rhythm", "{title} · {minutes} min. Skipping is fine too.")
        if notice is not None:  # without actions there, the choices wait in the tray's menu
            body = translate("Rhythm", "{title}. Start it from the Reconnect menu, or let it go.")
        desktop.notifier.notify(
            translate("Rhythm", "A small pause, if you'd like one"),
            body.format(title=practice.title, minutes=practice.minutes),
        )


def offer_quietly(title: str, desktop: Desktop, prompt: PromptSurface) -> None:
    """Still busy at the end of the wait: a quiet notification; the offer stays in the tray."""
    later = translate("Rhythm", "{title}. Start it from the Reconnect menu, or let it go.")
    desktop.notifier.notify(
        translate("Rhythm", "A small pause is here whenever you like"), later.format(title=title)
    )
    prompt.start_expiry()


def withdraw_offer(desktop: Desktop, prompt: PromptSurface) -> None:
    """The offer goes from wherever it shows."""
    prompt.withdraw()
    if desktop.notice is not None:
        desktop.notice.withdraw()
