"""The benchmark context: which psc-check and Python to run, with what environment, where to write data."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from measure import Series, Spawner

__all__ = ["AS_OF", "HERE", "ROOT", "SPREAD", "Bench", "CannotRunError", "Paired", "environment", "ratio"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = "2026-11-28"
"""The evaluation date of the examples (their README verdicts hold at this date)."""


class CannotRunError(Exception):
    """The benchmark cannot run (psc-check missing, a command fails): the only reason to exit non-zero."""


def _psc_check() -> list[str]:
    found = shutil.which("psc-check", path=str(Path(sys.executable).parent)) or shutil.which("psc-check")
    if found is None:
        raise CannotRunError("psc-check is not installed: run the README's install command first")
    return [found]


def environment(tmp: Path) -> dict[str, str]:
    """Children write bytecode to a private cache (as an installed package has), never into the checkout, and
    compiled referentials to a private user cache folder, never into the user's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSC_CHECK", "PYTHON"))}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")
    return env


SPREAD = 0.10
"""A ratio is taken as settled when its pairs' interquartile range is under this share of their median."""


@dataclass(frozen=True)
class Paired:
    """A command B against its floor A, run in pairs (A then B, again and again) until their ratio settles."""

    floor: Series
    command: Series
    ratios: list[float]
    """CPU time of B over CPU time of A, pair by pair."""

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def spread(self) -> float:
        """Interquartile range of the pairs' ratios over their median (0.05: 5 %)."""
        if len(self.ratios) < 4:
            return abs(max(self.ratios) - min(self.ratios)) / self.ratio if self.ratio else float("inf")
        q1, _, q3 = statistics.quantiles(self.ratios, n=4)
        return (q3 - q1) / self.ratio if self.ratio else float("inf")

    @property
    def settled(self) -> bool:
        return self.spread < SPREAD

    def spread_text(self) -> str:
        done = f"spread {100 * self.spread:.0f} % over {len(self.ratios)} pairs"
        return done if self.settled else f"{done}: could not get it under {100 * SPREAD:.0f} %"


@dataclass(frozen=True)
class Bench:
    cli: list[str]
    python: str
    env: dict[str, str]
    tmp: Path
    quick: bool
    spawner: Spawner
    """Starts every measured command (see ``benchmarks/spawner.py`` for why not this process)."""

    @classmethod
    def prepare(cls, tmp: Path, spawner: Spawner, *, quick: bool) -> Bench:
        return cls(_psc_check(), sys.executable, spawner.env, tmp, quick, spawner)

    def reps(self, full: int) -> int:
        """Repetitions for a measurement (a third with ``--quick``, at least one)."""
        return max(1, full // 3) if self.quick else full

    def measure(
        self,
        commands: list[tuple[str, list[str]]],
        full: int,
        *,
        allowed: set[int],
        sample_tree: bool = False,
        warmup: int = 0,
    ) -> list[Series]:
        """Run ``commands`` interleaved; a command exiting outside ``allowed`` means the benchmark cannot run."""
        done = self.spawner.series(commands, self.reps(full), sample_tree=sample_tree, warmup=warmup)
        for s in done:
            bad = s.exit_codes - allowed
            if bad:
                raise CannotRunError(f"`{' '.join(s.argv)}` exited with {sorted(bad)}")
        return done

    def pairs(self, floor: tuple[str, list[str]], command: tuple[str, list[str]], least: int, most: int) -> Paired:
        """Run floor then command, pair after pair, until the CPU ratio settles (``least`` to ``most`` pairs; a
        third of each with ``--quick``, at least three)."""
        least, most = (max(3, least // 3), max(3, most // 3)) if self.quick else (least, most)
        a, b = Series(*floor), Series(*command)
        ratios: list[float] = []
        while len(ratios) < most:
            a.runs.append(self.spawner.run(a.argv))
            b.runs.append(self.spawner.run(b.argv))
            for s in (a, b):
                if s.runs[-1].exit_code not in (0, 1):
                    raise CannotRunError(f"`{' '.join(s.argv)}` exited with {s.runs[-1].exit_code}")
            ratios.append(ratio(b.runs[-1].cpu_seconds, a.runs[-1].cpu_seconds))
            done = Paired(a, b, list(ratios))
            if len(ratios) >= least and done.settled:
                break
        return Paired(a, b, ratios)

    def floor(self, *args: str | Path) -> list[str]:
        return [self.python, str(HERE / "floor.py"), *map(str, args)]

    def evaluate(self, declaration: Path, *extra: str) -> list[str]:
        return [*self.cli, "evaluate", str(declaration), "--as-of", AS_OF, "--format", "json", *extra]


def ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")
