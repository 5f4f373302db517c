"""Errors that carry a message meant for the person, saying what to do."""


class InputError(Exception):
    """Something the person typed or chose can't be used; nothing was written."""
