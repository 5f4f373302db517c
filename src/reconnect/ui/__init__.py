"""The Qt side of Reconnect: tray, windows and dialogs. Thin: decisions live in the core.

PySide6 is first imported here, and its ``__feature__`` import hook is taken out again at once
(see ``reconnect.import_order.drop_qt_import_hook``): no module of Reconnect opts into
PySide6's features, and the hook would read and keep the source of everything imported after.
"""

from reconnect.import_order import drop_qt_import_hook

drop_qt_import_hook()
