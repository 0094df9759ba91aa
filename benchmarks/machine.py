"""How fast this machine's core is right now: a fixed pure-Python loop (run by hand).

The benchmark runs on shared virtual cores whose speed changes over minutes; printing this
next to each result says in which period it was measured (lower is faster).
"""

from __future__ import annotations

import time

LOOP = 2_000_000


def reference_ms(attempts: int = 3) -> float:
    """Best of `attempts` runs of the same loop, in ms."""
    best = float("inf")
    for _ in range(attempts):
        started = time.perf_counter()
        total = 0
        for i in range(LOOP):
            total += i
        best = min(best, (time.perf_counter() - started) * 1000)
    return best
