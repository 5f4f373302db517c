"""``reconnect dashboard`` on each real Wayland desktop while a terminal has the keyboard: the
open dashboard comes forward when the compositor lets it, and the command line says which
happened; what it says agrees with the window the compositor has focused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.wayland import WaylandDesktop, wait_until
from tests.wayland.test_prompt_wayland import RunningApp

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

KEPT_BACK = "kept it in the background"
IN_FRONT = "Its dashboard is open."


def focus_terminal(desktop: WaylandDesktop) -> None:
    """Give the keyboard back to the terminal, as a click on it would."""
    terminal = desktop.terminal
    if desktop.kind == "sway":
        desktop.swaymsg(f'[app_id="{terminal}"]', "focus")  # type: ignore[attr-defined]
    elif desktop.kind == "gnome":
        desktop.eval(  # type: ignore[attr-defined]
            "global.get_window_actors().map(a => a.meta_window)"
            f'.find(w => w.get_wm_class() == "{terminal}").activate(global.get_current_time())'
        )
    else:
        desktop.kwin_script(  # type: ignore[attr-defined]
            "workspace.activeClient = workspace.clientList()"
            f'.find(w => w.resourceClass == "{terminal}"); const out = true;'
        )

    def terminal_focused() -> bool:
        focused = desktop.focused_window()
        return focused is not None and focused.app_id == terminal

    wait_until("the terminal to have the keyboard", terminal_focused, 20)


def reconnect_focused(desktop: WaylandDesktop) -> bool:
    focused = desktop.focused_window()
    return focused is not None and focused.app_id != desktop.terminal


@pytest.fixture
def app(wayland_desktop: WaylandDesktop, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(wayland_desktop, tmp_path)
    for name in ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID"):
        running.env.pop(name, None)
    try:
        wait_until("the app to answer", lambda: running.cli("status").returncode == 0, 60)
        yield running
    finally:
        running.stop()


def test_reconnect_dashboard_says_truly_whether_the_dashboard_came_forward(
    wayland_desktop: WaylandDesktop, app: RunningApp, tmp_path: Path
) -> None:
    desktop = wayland_desktop
    opened = app.cli("dashboard")
    assert opened.returncode == 0, opened.stderr
    wait_until(
        "the dashboard's window",
        lambda: any(
            w.app_id != desktop.terminal and "Reconnect" in w.title for w in desktop.windows()
        ),
        20,
    )
    seen: dict[str, tuple[str, bool]] = {}
    for case, token in (("no-token", None), ("refused-token", "not-a-token-of-this-desktop")):
        focus_terminal(desktop)
        env = dict(app.env)
        if token:
            env["XDG_ACTIVATION_TOKEN"] = token
        original, app.env = app.env, env
        try:
            again = app.cli("dashboard")
        finally:
            app.env = original
        assert again.returncode == 0, again.stderr
        desktop.screenshot(tmp_path / f"dashboard-{case}-{desktop.kind}.png")
        said = again.stdout.strip()
        in_front = reconnect_focused(desktop)
        seen[case] = (said, in_front)
        # Never "in front" while the terminal keeps the keyboard; "kept back" only when so.
        if in_front:
            assert said.endswith(IN_FRONT), (case, said, desktop.windows())
        else:
            assert KEPT_BACK in said, (case, said, desktop.windows())
    print(f"{desktop.kind}: {seen}")
    # A token the compositor never gave out is refused by every one of them.
    assert seen["refused-token"][1] is False, seen
