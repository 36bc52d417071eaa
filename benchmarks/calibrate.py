"""How many cores the machine gives right now: a fixed pure-Python CPU task split over N processes.

``python benchmarks/calibrate.py N``: eight equal chunks of arithmetic run in a pool of N processes. Run with 1
and with 2 in the same series as the portfolio, the ratio of the two times is the parallel speed-up the machine
offered at that moment (below 2 on a 2-core machine when something else is running).
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

__all__ = ["burn", "main"]


def burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def main(workers: int) -> None:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        sum(pool.map(burn, [2_000_000] * 8))


if __name__ == "__main__":
    main(int(sys.argv[1]))
