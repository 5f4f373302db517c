"""Freed memory is given back to the system when asked (Linux with glibc)."""

from __future__ import annotations

import os
import sys
import weakref
from pathlib import Path

import pytest

from reconnect.desktop.memory import give_back_free_memory


def _resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_freed_in_the_middle_of_the_heap_goes_back_to_the_system() -> None:
    if not give_back_free_memory(collect=False):
        pytest.skip("not glibc")
    # 40 MB in blocks small enough to come from the heap, written so they are resident; all
    # freed but the last, which keeps glibc from giving back the end of its heap by itself.
    blocks = [bytearray(b"x" * 32 * 1024) for _ in range(1280)]
    kept = blocks.pop()
    before = _resident_mb()
    del blocks
    freed = _resident_mb()
    assert give_back_free_memory(collect=False)
    after = _resident_mb()
    assert before - freed < 10, "glibc gave the middle of its heap back by itself"
    assert freed - after > 30, f"resident {before:.0f} MB, freed {freed:.0f}, after {after:.0f}"
    del kept


def test_the_cycles_a_window_left_are_collected_first() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it

    freed: list[bool] = []
    node = Node()
    weakref.finalize(node, freed.append, True)
    del node
    give_back_free_memory()
    assert freed == [True]
