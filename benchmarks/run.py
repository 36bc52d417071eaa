"""Measure psc-check against its floors at every size and write ``benchmarks/RESULTS.md``.

``python benchmarks/run.py [--quick] [--output FILE]``, from the environment psc-check is installed in (the
README's install). Synthetic data goes to a temporary folder, removed at the end. Exits 0 whatever the timings;
exits 2 only when the benchmark could not run (psc-check missing, a command failing, a write refused).
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import AS_OF, HERE, ROOT, Bench, CannotRunError, environment
from machine import describe, load_average
from measure import Spawner
from results import Results, Section, render
from scaling import matrix, portfolio, scaling
from startup import EXAMPLE, bundled_evaluate, startup

__all__ = ["main"]

METHOD = [
    (
        "Each command is started by a small spawner process (`benchmarks/spawner.py`): Linux counts in a child's "
        "peak memory the memory of the process it was forked from, so the benchmark itself, which holds the "
        "generated data, must not start them (about 16 MB, an empty interpreter's, is the spawner's own and the "
        "least any figure can show). Wall time is taken "
        "around spawn and `wait4`; CPU time and peak memory (`ru_maxrss`: the largest process of the tree) come "
        "from `wait4`'s resource usage. The portfolio's memory is the sum over the main process and its workers, "
        "sampled every 0.1 s (`/proc`)."
    ),
    (
        "Commands of one comparison run interleaved (round-robin) and the median is reported; ratios compare "
        "medians of the same run. Before any timing every command and output format runs once (bytecode "
        "compiled), and each input is read once before it is measured (files in the page cache)."
    ),
    (
        "Children get the caller's environment without `PYTHON*` variables and with `PYTHONPYCACHEPREFIX` "
        "pointing into the temporary folder: bytecode is compiled once and reused, as after a normal install, "
        "and nothing is written into the checkout."
    ),
    "Synthetic data (`benchmarks/synthetic.py`) is written to a temporary folder, never committed, and removed.",
]


def _bundled_referential() -> Path:
    from checker.inputs.paths import default_referential

    return default_referential()


def _max_answers() -> int:
    from checker.model.declaration import MAX_ANSWERS

    return MAX_ANSWERS


def _warm_up(bench: Bench) -> None:
    """Run every command and output format once, so each module's bytecode is compiled before any timing."""
    outputs = [
        arg for ext in ("json", "md", "html", "xlsx", "sarif", "xml") for arg in ("-o", str(bench.tmp / f"w.{ext}"))
    ]
    portfolio_outputs = [arg for ext in ("json", "md", "html", "xlsx") for arg in ("-o", str(bench.tmp / f"p.{ext}"))]
    for argv in (
        [*bench.cli, "--help"],
        bench.evaluate(EXAMPLE, *outputs),
        [*bench.cli, "portfolio", str(ROOT / "examples"), "--as-of", AS_OF, "--workers", "2", *portfolio_outputs],
        [bench.python, str(HERE / "floor.py"), "--libraries", str(EXAMPLE)],
    ):
        done = subprocess.run(argv, cwd=ROOT, env=bench.env, capture_output=True, check=False)
        if done.returncode not in (0, 1):
            raise CannotRunError(f"`{' '.join(argv)}` exited with {done.returncode}: {done.stderr.decode()[-500:]}")


def _sections(bench: Bench) -> list[Section]:
    steps: list[tuple[str, Callable[[], Section]]] = [
        ("start-up", lambda: startup(bench)),
        ("evaluate vs floor", lambda: bundled_evaluate(bench, _bundled_referential())),
        ("scaling", lambda: scaling(bench)),
        ("xlsx matrix", lambda: matrix(bench, _max_answers())),
        ("portfolio", lambda: portfolio(bench)),
    ]
    out = []
    for name, step in steps:
        began = time.perf_counter()
        sys.stderr.write(f"benchmarks: {name}…\n")
        out.append(step())
        sys.stderr.write(f"benchmarks: {name} done in {time.perf_counter() - began:.0f} s\n")
    return out


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure psc-check against its floors; write benchmarks/RESULTS.md.")
    parser.add_argument("--quick", action="store_true", help="a third of the repetitions (a rough look)")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="where to write the results")
    args = parser.parse_args(argv)
    started, began, load_before = dt.datetime.now(), time.perf_counter(), load_average()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="psc-check-bench-") as tmp,
            Spawner(environment(Path(tmp)), ROOT) as spawner,
        ):
            bench = Bench.prepare(Path(tmp), spawner, quick=args.quick)
            _warm_up(bench)
            sections = _sections(bench)
        elapsed = time.perf_counter() - began
        results = Results(describe(ROOT), started, elapsed, load_before, load_average(), METHOD, sections)
        _write(args.output, render(results))
    except (CannotRunError, OSError) as error:
        sys.stderr.write(f"benchmarks: could not run: {error}\n")
        return 2
    sys.stderr.write(f"benchmarks: results written to {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
