"""The ``reconnect`` command: the tray app and its command-line companions."""
