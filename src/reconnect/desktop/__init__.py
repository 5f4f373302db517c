"""Adapters of the operating system and desktop: idle, busy, sleep, notifications,
sound, start at login, the control socket, the crash log, the statistics process, the scheduler.

PySide6 may come in here first: its import hook is taken out at once (see
``reconnect.import_order``).
"""

from reconnect.import_order import drop_qt_import_hook

drop_qt_import_hook()
