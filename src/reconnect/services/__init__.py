"""Use cases: what the command line and the windows ask for, on top of core and storage."""
