"""``reconnect settings``: see and change the settings, each checked against its declaration."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from reconnect.app.bootstrap import Context
from reconnect.cli.library_commands import write_table
from reconnect.core.errors import InputError
from reconnect.core.exit_codes import EXIT_FAILED, EXIT_OK
from reconnect.core.setting_checks import stored_notes, with_checked_value
from reconnect.core.settings import DECLARATIONS, declaration
from reconnect.settings_store import SettingsFile


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    settings = commands.add_parser(
        "settings",
        parents=parents,
        help="see or change the settings",
        description="See the settings (working hours, interval, sound, ...), or change one. "
        "Every value is checked; a running Reconnect picks up changes when told with "
        "'reconnect settings set'.",
    )
    actions = settings.add_subparsers(dest="action", metavar="ACTION", parser_class=type(settings))
    actions.add_parser("list", help="every setting with its value (the default)")
    get = actions.add_parser("get", help="one setting's value")
    get.add_argument("key", metavar="KEY")
    put = actions.add_parser("set", help="change one setting")
    put.add_argument("key", metavar="KEY")
    put.add_argument("value", metavar="VALUE")
    reset = actions.add_parser("reset", help="put one setting back to its default")
    reset.add_argument("key", metavar="KEY")
    settings.set_defaults(run=run_settings, action=None)


def run_settings(args: argparse.Namespace, context: Context, out: TextIO, err: TextIO) -> int:
    store = SettingsFile(context.paths.settings_file)
    current, problems = store.load(context.clock.now())
    for problem in [*problems, *stored_notes(current, context.library)]:
        print(f"reconnect settings: {problem}", file=err)
    if args.action in (None, "list"):
        rows = [(s.key, s.format(current[s.key]) or "(none)", s.description) for s in DECLARATIONS]
        write_table(out, ("SETTING", "VALUE", "WHAT IT DOES"), rows)
        print(f"\nStored in {store.path}.", file=out)
        return EXIT_OK
    setting = declaration(args.key)
    if args.action == "get":
        print(setting.format(current[setting.key]), file=out)
        return EXIT_OK
    if args.action == "set":
        try:
            updated = with_checked_value(current, setting.key, args.value, context.library)
        except InputError as error:
            hint = " See 'reconnect practices'." if setting.key == "practices.disabled" else ""
            raise InputError(f"{error}{hint}") from None
    else:
        updated = current.with_value(setting.key, setting.default)
    try:
        store.save(updated)
    except OSError as error:
        print(f"reconnect settings: could not save {store.path} ({error.strerror})", file=err)
        return EXIT_FAILED
    value = setting.format(updated[setting.key]) or "(none)"
    print(f"{setting.key} is now {value}.", file=out)
    _tell_running_app(context, out)
    return EXIT_OK


def _tell_running_app(context: Context, out: TextIO) -> None:
    from reconnect.core.control_address import server_name
    from reconnect.desktop import control_client

    answer = control_client.send(
        server_name(context.paths.root), "reload-settings", timeout_ms=1500
    )
    if answer is not None and answer.get("ok"):
        print("The running Reconnect has taken it up.", file=out)
