"""Reconnect: small moments of sensation during the working day, and what they stir."""

__version__ = "0.1.0"
