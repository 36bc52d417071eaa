"""The benchmark context: which psc-check and Python to run, with what environment, where to write data."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from measure import Series, Spawner

__all__ = ["AS_OF", "HERE", "ROOT", "Bench", "CannotRunError", "environment", "ratio"]

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
    """Children write bytecode to a private cache (as an installed package has), never into the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PSC_CHECK", "PYTHON"))}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return env


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

    def floor(self, *args: str | Path) -> list[str]:
        return [self.python, str(HERE / "floor.py"), *map(str, args)]

    def evaluate(self, declaration: Path, *extra: str) -> list[str]:
        return [*self.cli, "evaluate", str(declaration), "--as-of", AS_OF, "--format", "json", *extra]


def ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")
