"""Measure commands through the spawner process: wall time, CPU time, peak memory (own and process tree)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

__all__ = ["Run", "Series", "Spawner"]

_SPAWNER = Path(__file__).resolve().parent / "spawner.py"


@dataclass(frozen=True)
class Run:
    """One run of one command."""

    seconds: float
    cpu_seconds: float
    """User + system time of the process and of every child it waited for (the portfolio's workers)."""
    max_rss_mb: float
    """Peak resident memory of the largest single process (``wait4``: the process or a child it waited for)."""
    tree_rss_mb: float | None
    """Peak of the summed resident memory of the process and its descendants, sampled; None when not sampled."""
    exit_code: int


@dataclass
class Series:
    """Repeated runs of one command, summarised by medians."""

    label: str
    argv: list[str]
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def max_rss_mb(self) -> float:
        return statistics.median(r.max_rss_mb for r in self.runs)

    @property
    def tree_rss_mb(self) -> float | None:
        sampled = [r.tree_rss_mb for r in self.runs if r.tree_rss_mb is not None]
        return statistics.median(sampled) if sampled else None

    @property
    def exit_codes(self) -> set[int]:
        return {r.exit_code for r in self.runs}


class Spawner:
    """The small process (``benchmarks/spawner.py``) that starts each measured command, and its pipe."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env, self.cwd = env, cwd
        self._proc = subprocess.Popen(
            [sys.executable, str(_SPAWNER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True
        )

    def __enter__(self) -> Spawner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()

    def run(self, argv: Sequence[str], *, sample_tree: bool = False) -> Run:
        """Run ``argv`` once (output discarded) and measure it."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        request = {"argv": list(argv), "cwd": str(self.cwd), "sample_tree": sample_tree}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise OSError("the benchmark's spawner process stopped")
        return Run(**json.loads(line))

    def series(
        self, commands: Sequence[tuple[str, list[str]]], repetitions: int, *, warmup: int = 0, sample_tree: bool = False
    ) -> list[Series]:
        """Run every command ``repetitions`` times, interleaved (round-robin) so machine noise hits them alike."""
        out = [Series(label, argv) for label, argv in commands]
        for _ in range(warmup):
            for s in out:
                self.run(s.argv)
        for _ in range(repetitions):
            for s in out:
                s.runs.append(self.run(s.argv, sample_tree=sample_tree))
        return out
