"""A small process that starts the measured commands, so their peak memory is theirs alone.

Linux records in a child's peak resident memory (``ru_maxrss``) the memory of the process it was forked from,
up to the ``exec``: a command started by the benchmark itself, which holds generated data, would report the
benchmark's memory. This process imports almost nothing and stays small. It reads one JSON request per line on
standard input (``{"argv": [...], "cwd": "...", "sample_tree": false}``), runs the command with its output
discarded, and writes one JSON line: wall seconds, CPU seconds (the command and the children it waited for),
peak memory of its largest process in MiB (``wait4``), peak summed memory of its process tree in MiB when
sampled (``/proc``, every 0.1 s), and the exit code.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

__all__ = ["measure_one"]

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):  # the process may have just ended
                stat = Path(entry.path, "stat").read_text(encoding="ascii", errors="replace")
                tree.setdefault(int(stat.rpartition(")")[2].split()[1]), []).append(int(entry.name))
    return tree


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and its descendants."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(Path(f"/proc/{pid}/statm").read_text(encoding="ascii").split()[1]) * _PAGE
        todo.extend(tree.get(pid, []))
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak = pid, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.peak = max(self.peak, _tree_rss(self.pid))


def measure_one(argv: list[str], cwd: str, sample_tree: bool) -> dict[str, float | int | None]:
    """Run ``argv`` once and measure it."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sampler = _Sampler(proc.pid) if sample_tree and Path("/proc/self/statm").exists() else None
    if sampler is not None:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if sampler is not None:
        sampler.done.set()
        sampler.join()
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024,
        "tree_rss_mb": sampler.peak / 2**20 if sampler is not None and sampler.peak else None,
        "exit_code": proc.returncode,
    }


def main() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        result = measure_one(request["argv"], request["cwd"], bool(request.get("sample_tree")))
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
