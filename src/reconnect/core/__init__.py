"""The plain-Python heart of Reconnect: no Qt, no database, only the standard library."""
