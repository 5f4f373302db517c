"""``status``, ``break-now``, ``snooze``, ``skip``, ``pause``, ``resume``, ``quit`` and
``dashboard``: commands for the Reconnect already running in the tray, sent over its local socket.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.core.control_address import server_name
from reconnect.core.control_protocol import parse_minutes, parse_pause
from reconnect.core.exit_codes import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_NOT_RUNNING, EXIT_OK
from reconnect.desktop import control_client

Run = Callable[[argparse.Namespace, Context, TextIO, TextIO], int]
STATUS_KEYS = ("state", "next_break_at", "suggested_practice", "paused_until")


def run_status(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    answer = _ask("status", context, err)
    if isinstance(answer, int):
        return answer
    data: dict[str, Any] = dict(answer["data"])
    for key in STATUS_KEYS:
        data.setdefault(key, None)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    print(answer["message"] or describe_status(data, context.clock.now()), file=out)
    return EXIT_OK


def run_dashboard(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    from reconnect.app.run import run_tray

    return run_tray(context, out, err, open_dashboard=True)


def _no_arguments(args: argparse.Namespace) -> dict[str, Any] | None:
    return None


def _break_now_arguments(args: argparse.Namespace) -> dict[str, Any]:
    return {"practice_id": args.practice_id.strip() if args.practice_id else None}


def _snooze_arguments(args: argparse.Namespace) -> dict[str, Any]:
    return {"minutes": parse_minutes(args.minutes)}


def _pause_arguments(args: argparse.Namespace) -> dict[str, Any]:
    parse_pause(args.spec)  # checked here so a typo never needs the app
    return {"spec": args.spec.strip()}


@dataclass(frozen=True)
class RemoteCommand:
    """One command for the running app, as ``register`` adds it to the command line.

    Attributes:
        name: what is typed; also the command sent (one of ``control_protocol.COMMANDS``)
            unless ``run`` does something else.
        help: the line in ``reconnect --help``.
        description: the paragraph of ``reconnect NAME --help``.
        arguments: each argument's name and its ``add_argument`` options.
        request: what is sent with the command, read from the command line (a mistake is
            refused here, before the app is asked).
        run: a command that does more than send itself and print the answer (or "Done.").
    """

    name: str
    help: str
    description: str
    arguments: tuple[tuple[str, dict[str, Any]], ...] = ()
    request: Callable[[argparse.Namespace], dict[str, Any] | None] = _no_arguments
    run: Run | None = None

    def send_and_say(
        self, args: argparse.Namespace, context: Context, out: TextIO, err: TextIO
    ) -> int:
        """Send the command, and print the app's answer; the exit status."""
        answer = _ask(self.name, context, err, self.request(args))
        if isinstance(answer, int):
            return answer
        print(answer["message"] or "Done.", file=out)
        return EXIT_OK


# In the order of ``reconnect --help``.
REMOTE_COMMANDS = (
    RemoteCommand(
        "dashboard",
        help="open the dashboard (starting Reconnect in the tray if it is not running)",
        description="Open the dashboard: what seems to help, when, your history and the "
        "library. A running Reconnect opens it; otherwise Reconnect starts with it open.",
        run=run_dashboard,
    ),
    RemoteCommand(
        "status",
        help="show what the running Reconnect is doing and when the next break comes",
        description="Show what the running Reconnect is doing: active or paused, when the "
        "next break comes, and the practice it would suggest.",
        arguments=(
            (
                "--json",
                {
                    "action": "store_true",
                    "help": "print JSON: state, next_break_at, suggested_practice, paused_until",
                },
            ),
        ),
        run=run_status,
    ),
    RemoteCommand(
        "break-now",
        help="offer a break now, or start the practice you name",
        description="Without a practice, the running Reconnect offers a break now, as it does "
        "when one is due. With a practice id, that practice starts at once.",
        arguments=(
            (
                "practice_id",
                {"nargs": "?", "metavar": "PRACTICE_ID", "help": "see 'reconnect practices'"},
            ),
        ),
        request=_break_now_arguments,
    ),
    RemoteCommand(
        "snooze",
        help="move the next break a few minutes later",
        description="Move the next break a few minutes later, when now is not a good moment.",
        arguments=(("minutes", {"metavar": "MINUTES", "help": "1 to 120, like 10"}),),
        request=_snooze_arguments,
    ),
    RemoteCommand(
        "skip",
        help="let the next break go by",
        description="Let the next break go by; the one after comes as planned.",
    ),
    RemoteCommand(
        "pause",
        help="pause reminders for a while: 30m, 2h or until-tomorrow",
        description="Pause reminders for a while. They come back by themselves, or with "
        "'reconnect resume'.",
        arguments=(
            (
                "spec",
                {
                    "metavar": "SPEC",
                    "help": "how long: 30m, 2h, 1h30m (1 minute to 24 hours) or until-tomorrow",
                },
            ),
        ),
        request=_pause_arguments,
    ),
    RemoteCommand(
        "resume",
        help="bring reminders back after a pause",
        description="Bring reminders back now after a pause.",
    ),
    RemoteCommand(
        "quit",
        help="close the running Reconnect",
        description="Close the running Reconnect; start it again with 'reconnect'.",
    ),
)


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    for command in REMOTE_COMMANDS:
        parser = commands.add_parser(
            command.name, parents=parents, help=command.help, description=command.description
        )
        for name, options in command.arguments:
            parser.add_argument(name, **options)
        parser.set_defaults(run=command.run or command.send_and_say)


def describe_status(data: dict[str, Any], now: datetime) -> str:
    """One line from the status data, for an app that sent no summary of its own."""
    state = str(data.get("state") or "unknown")
    parts = [f"{state[:1].upper()}{state[1:]}."]
    paused_until = _local_time(data.get("paused_until"), now)
    if paused_until is not None:
        parts.append(f"Paused until {_clock_words(paused_until, now)}.")
    next_break = _local_time(data.get("next_break_at"), now)
    if next_break is not None:
        minutes = max(0, round((next_break - now).total_seconds() / 60))
        parts.append(f"Next break at {_clock_words(next_break, now)}, in {minutes} min.")
    suggested = data.get("suggested_practice")
    if isinstance(suggested, dict) and suggested.get("id"):
        title = suggested.get("title") or suggested["id"]
        parts.append(f"Suggested: {title} ({suggested['id']}).")
    elif isinstance(suggested, str) and suggested:
        parts.append(f"Suggested: {suggested}.")
    return " ".join(parts)


def _local_time(value: object, now: datetime) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=now.tzinfo) if now.tzinfo else moment
    return moment.astimezone(now.tzinfo) if now.tzinfo else moment


def _clock_words(moment: datetime, now: datetime) -> str:
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    return f"{moment:%a %H:%M}"


def _ask(
    command: str, context: Context, err: TextIO, args: dict[str, Any] | None = None
) -> dict[str, Any] | int:
    """The app's successful answer, or the exit status after saying on ``err`` what went wrong."""
    try:
        answer = control_client.send(server_name(context.paths.root), command, args)
    except control_client.NoAnswer as error:
        print(f"reconnect {command}: {error}", file=err)
        return EXIT_FAILED
    if answer is None:
        print(
            f"reconnect {command}: Reconnect is not running. Start it with 'reconnect'.",
            file=err,
        )
        return EXIT_NOT_RUNNING
    if not answer["ok"]:
        print(f"reconnect {command}: {answer['error']}", file=err)
        return EXIT_BAD_INPUT
    return answer
