"""Measure psc-check against its floors at every size and write ``benchmarks/RESULTS.md``.

``python benchmarks/run.py [--quick] [--dirty] [--output FILE]``, from the environment psc-check is installed in
(the README's install, from this checkout). The results describe a commit: the script refuses a checkout with
uncommitted changes unless ``--dirty`` (and then says so in the file). ``--quick`` (under a minute) measures
smaller sizes and fewer pairs, for a developer's loop; it says so next to every target it shrinks. Synthetic data
goes to a temporary folder, removed at the end. Exits 0 whatever the timings; exits 2 when the benchmark could not
run (psc-check missing, a command failing, a dirty tree without ``--dirty``).
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
from machine import checkout_state, describe, load_average
from measure import Spawner
from results import Results, Section, render
from scaling import matrix, portfolio, scaling
from startup import bundled_evaluate, listing, startup

__all__ = ["main"]

METHOD = [
    (
        "Every ratio is of CPU time (user + system, the command's and its children's, from `wait4`), a command "
        "against its floor, run in pairs: floor then command, again and again, until the interquartile range of "
        "the pairs' ratios is under 10 % of their median (or the most pairs allowed ran: then the target says it "
        "could not settle). The median of the pairs' ratios is the ratio reported. Peak memory is `ru_maxrss` "
        "(the largest process), the portfolio's a sampled sum over its processes (`/proc`, every 0.1 s)."
    ),
    (
        "Every floor runs as the CLI runs: the cyclic garbage collector off (the console script turns it off), "
        "the libraries the CLI is built on imported (`typer`, `yaml`, `pydantic`), and each YAML file parsed by "
        "the CLI's own loader (libyaml's `CBaseLoader`, tuned the same way) — `benchmarks/floor.py`, quoted below."
    ),
    (
        "Each command is started by a small spawner process (`benchmarks/spawner.py`), so that the benchmark's own "
        "memory never counts in a command's peak. Children get the caller's environment without `PYTHON*` and "
        "`PSC_CHECK*` variables, `PYTHONPYCACHEPREFIX` and `XDG_CACHE_HOME` pointing into the temporary folder: "
        "bytecode compiled once (as after an install), compiled referentials cached once (as a user's second run), "
        "nothing written into the checkout or the home folder. Every command and output format runs once before "
        "any timing."
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
    example = ROOT / "examples" / "fs-standard" / "declaration.yaml"
    outputs = [
        arg for ext in ("json", "md", "html", "xlsx", "sarif", "xml") for arg in ("-o", str(bench.tmp / f"w.{ext}"))
    ]
    portfolio_outputs = [arg for ext in ("json", "md", "html", "xlsx") for arg in ("-o", str(bench.tmp / f"p.{ext}"))]
    for argv in (
        [*bench.cli, "--help"],
        [*bench.cli, "referentiel", "list", "--format", "json"],
        bench.evaluate(example, *outputs),
        [*bench.cli, "portfolio", str(ROOT / "examples"), "--as-of", AS_OF, "--workers", "2", *portfolio_outputs],
        [bench.python, str(HERE / "floor.py"), str(example)],
    ):
        done = subprocess.run(argv, cwd=ROOT, env=bench.env, capture_output=True, check=False)
        if done.returncode not in (0, 1):
            raise CannotRunError(f"`{' '.join(argv)}` exited with {done.returncode}: {done.stderr.decode()[-500:]}")


def _sections(bench: Bench) -> list[Section]:
    steps: list[tuple[str, Callable[[], Section]]] = [
        ("start-up", lambda: startup(bench)),
        ("referentiel list", lambda: listing(bench)),
        ("evaluate vs floor", lambda: bundled_evaluate(bench)),
        ("scaling", lambda: scaling(bench)),
        ("xlsx matrix", lambda: matrix(bench, _max_answers())),
        ("portfolio", lambda: portfolio(bench)),
    ]
    out = []
    for name, step in steps:
        began, load = time.perf_counter(), load_average()
        sys.stderr.write(f"benchmarks: {name}…\n")
        section = step()
        section.notes.append(f"Load average before this section {load}, after {load_average()}.")
        out.append(section)
        sys.stderr.write(f"benchmarks: {name} done in {time.perf_counter() - began:.0f} s\n")
    return out


def _floor_section() -> Section:
    code = (HERE / "floor.py").read_text(encoding="utf-8").rstrip()
    return Section(
        "The floor's exact code",
        f"`benchmarks/floor.py`, as run for every floor above:\n\n```python\n{code}\n```",
    )


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure psc-check against its floors; write benchmarks/RESULTS.md.")
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer pairs (under a minute)")
    parser.add_argument("--dirty", action="store_true", help="measure a checkout with uncommitted changes anyway")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="where to write the results")
    args = parser.parse_args(argv)
    state = checkout_state(ROOT)
    if state.dirty and not args.dirty:
        sys.stderr.write(
            f"benchmarks: the checkout ({state.commit}) has uncommitted changes: commit them, or run with --dirty "
            "(the results then say so)\n"
        )
        return 2
    started, began, load_before = dt.datetime.now(), time.perf_counter(), load_average()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="psc-check-bench-") as tmp,
            Spawner(environment(Path(tmp)), ROOT) as spawner,
        ):
            bench = Bench.prepare(Path(tmp), spawner, quick=args.quick)
            _warm_up(bench)
            sections = [*_sections(bench), _floor_section()]
        elapsed = time.perf_counter() - began
        mode = "--quick" if args.quick else "full"
        results = Results(describe(ROOT), started, elapsed, load_before, load_average(), METHOD, sections, mode)
        _write(args.output, render(results))
    except (CannotRunError, OSError) as error:
        sys.stderr.write(f"benchmarks: could not run: {error}\n")
        return 2
    sys.stderr.write(f"benchmarks: results written to {args.output} in {elapsed:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
