"""Wayland clients of the compositor's own protocols (idle notification), through pywayland;
``bindings/`` is generated from ``protocols/`` (see ``generate``)."""
