"""Giving memory that was freed back to the system, when a window has closed.

glibc keeps what a program frees for its next allocations, and gives back only what lies at
the very end of its heap. In a tray app that lives for days, what a closed dashboard freed is
rarely needed again soon: the soak benchmark saw 10 to 15 MB of such free memory kept, and
what the dashboard and the settings left freed but kept made its memory grow over the first
day of use. ``malloc_trim`` returns every free page (Linux with glibc; elsewhere nothing is
done, and the system's allocator keeps its own ways).
"""

from __future__ import annotations

import functools
import gc
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


@functools.cache
def _trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_free_memory(collect: bool = True) -> bool:
    """Return the free pages the C allocator keeps to the system, after collecting the
    cycles of objects a closed window left (``collect``): until the collector runs they
    keep their memory, and in an app at rest it runs seldom. Returns whether the pages
    could be asked back (glibc on Linux)."""
    if collect:
        gc.collect()
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
