"""The exit status of ``reconnect``: what each number means to a script or a service manager."""

from __future__ import annotations

EXIT_OK = 0
"""Done."""
EXIT_FAILED = 1
"""Could not be done: the data folder or database, no desktop to start in, or the reader of
the output went away."""
EXIT_BAD_INPUT = 2
"""Something in the command was not right; nothing was written."""
EXIT_NOT_RUNNING = 3
"""No running Reconnect to talk to."""
