"""Writes the Python bindings in ``bindings/`` from the protocol XML in ``protocols/`` with
pywayland's scanner: ``python -m reconnect.desktop.wayland.generate`` (``--check`` to compare)."""

from __future__ import annotations

import argparse
import inspect
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).parent
PROTOCOLS = HERE / "protocols"
BINDINGS = HERE / "bindings"

# The scanner imports a core interface (wl_seat) from a module beside the generated one; the
# core protocol is pywayland's own, so the import is pointed there instead of copying it.
_CORE_IMPORT = "from .wayland import "
_PYWAYLAND_CORE_IMPORT = "from pywayland.protocol.wayland import "
# The module's docstring goes before its first statement, after the protocol's copyright.
_FIRST_LINE = "from __future__ import annotations\n"


def _core_interfaces() -> dict[str, str]:
    """The core protocol's interface names (wl_seat, ...), each mapped to its module."""
    from pywayland.protocol import wayland
    from pywayland.protocol_core.interface import Interface

    return {
        value.name: "wayland"
        for value in vars(wayland).values()
        if inspect.isclass(value) and issubclass(value, Interface) and value is not Interface
    }


def generate(protocols: Path = PROTOCOLS, out: Path = BINDINGS) -> list[Path]:
    """Generate one module per protocol XML file in ``protocols`` into ``out``.

    Returns:
        The modules written, sorted.
    """
    from pywayland.scanner.protocol import Protocol

    sources = sorted(protocols.glob("*.xml"))
    parsed = [Protocol.parse_file(str(xml)) for xml in sources]
    imports = _core_interfaces()
    imports.update(
        (interface.name, protocol.name) for protocol in parsed for interface in protocol.interface
    )
    written: list[Path] = []
    for xml, protocol in zip(sources, parsed, strict=True):
        protocol.output(str(out), imports)
        module = out / f"{protocol.name.replace('-', '_')}.py"
        text = module.read_text(encoding="utf-8").replace(_CORE_IMPORT, _PYWAYLAND_CORE_IMPORT)
        docstring = (
            f'"""The Wayland protocol {protocol.name} for pywayland, generated from '
            f'protocols/{xml.name}\nby ``python -m reconnect.desktop.wayland.generate``."""\n\n'
        )
        text = text.replace(_FIRST_LINE, docstring + _FIRST_LINE, 1)
        module.write_text(text, encoding="utf-8")
        written.append(module)
    return sorted(written)


def stale_bindings(protocols: Path = PROTOCOLS, bindings: Path = BINDINGS) -> list[str]:
    """The modules in ``bindings`` that differ from a fresh generation (missing ones too)."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate(protocols, Path(scratch))
        return [
            module.name
            for module in fresh
            if not (bindings / module.name).exists()
            or (bindings / module.name).read_bytes() != module.read_bytes()
        ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="only say whether the shipped bindings are current"
    )
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_bindings()
        for name in stale:
            print(f"out of date: {BINDINGS / name}", file=sys.stderr)
        return 1 if stale else 0
    for module in generate():
        print(module)
    return 0


if __name__ == "__main__":
    sys.exit(main())
