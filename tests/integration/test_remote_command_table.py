"""The table behind ``status``, ``break-now`` and the other commands for the running app: each
row is a command of the command line, and what it sends is a request the app takes."""

from __future__ import annotations

import argparse

import pytest

from reconnect.cli.main import build_parser
from reconnect.cli.remote_commands import REMOTE_COMMANDS, RemoteCommand
from reconnect.core.control_protocol import COMMANDS, Request, decode_request, encode_request
from reconnect.core.errors import InputError

BY_NAME = {command.name: command for command in REMOTE_COMMANDS}


def subcommands(parser: argparse.ArgumentParser) -> dict[str, str | None]:
    """Each command of ``reconnect --help`` with its help line, in the order shown."""
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {choice.dest: choice.help for choice in action._choices_actions}


def test_every_row_is_a_command_with_its_help_in_the_table_order() -> None:
    shown = subcommands(build_parser())
    names = [command.name for command in REMOTE_COMMANDS]
    assert len(set(names)) == len(names)
    assert [name for name in shown if name in BY_NAME] == names
    assert {name: shown[name] for name in names} == {c.name: c.help for c in REMOTE_COMMANDS}


@pytest.mark.parametrize(
    "command", [c for c in REMOTE_COMMANDS if c.run is None], ids=lambda c: c.name
)
def test_a_row_that_only_sends_names_a_command_of_the_app(command: RemoteCommand) -> None:
    assert command.name in COMMANDS


@pytest.mark.parametrize(
    ("argv", "sent"),
    [
        (["break-now"], Request("break-now", {"practice_id": None})),
        (["break-now", " hand-on-heart "], Request("break-now", {"practice_id": "hand-on-heart"})),
        (["snooze", "10"], Request("snooze", {"minutes": 10})),
        (["skip"], Request("skip")),
        (["pause", " 1h30m "], Request("pause", {"spec": "1h30m"})),
        (["resume"], Request("resume")),
        (["quit"], Request("quit")),
    ],
)
def test_what_is_typed_becomes_a_request_the_app_takes(argv: list[str], sent: Request) -> None:
    command = BY_NAME[argv[0]]
    request = command.request(build_parser().parse_args(argv))
    assert decode_request(encode_request(command.name, request)) == sent


@pytest.mark.parametrize("argv", [["snooze", "0"], ["pause", "soon"]])
def test_a_mistake_is_refused_before_anything_is_sent(argv: list[str]) -> None:
    with pytest.raises(InputError):
        BY_NAME[argv[0]].request(build_parser().parse_args(argv))
