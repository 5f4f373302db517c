"""Where the running app listens, and the token a launcher gave: what a start asks before
anything else (is Reconnect already running?), kept apart from the rest of the control
protocol (``control_protocol``) so that a start loads no more than this.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

# An xdg-activation token or startup id is a short string; anything longer is not one.
MAX_TOKEN_CHARS = 1024
# Where a launcher or terminal leaves the token for the program it starts: Wayland's
# xdg-activation first, then X11's startup notification.
TOKEN_VARIABLES = ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID")


def server_name(data_root: Path) -> str:
    """The local socket name of the app using this data folder.

    Named after the folder so two data folders can each run their own app.
    """
    try:  # CPython's own, as the random module takes it: no OpenSSL loaded at start
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # another Python
        from hashlib import sha256

    digest = sha256(str(data_root.resolve()).encode("utf-8")).hexdigest()
    return f"reconnect-{digest[:16]}"


def activation_token(environ: Mapping[str, str]) -> str | None:
    """The activation token a terminal or launcher gave this command line, if any."""
    for name in TOKEN_VARIABLES:
        token = environ.get(name, "").strip()
        if token and len(token) <= MAX_TOKEN_CHARS:
            return token
    return None
