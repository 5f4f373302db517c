"""Probes of the desktop: idle time, full screen and do-not-disturb, sleep and clock jumps."""
