"""Benchmarks of one short command: start-up (``--version``, ``--help``) and ``evaluate`` on a real declaration."""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

from bench import AS_OF, HERE, ROOT, Bench, CannotRunError, ratio
from measure import Series
from results import Figure, Section, Target

__all__ = ["EXAMPLE", "bundled_evaluate", "imported_modules", "startup"]

HEAVY = ("pydantic", "openpyxl", "jinja2", "cryptography", "rich", "yaml")
EXAMPLE = ROOT / "examples" / "fs-standard" / "declaration.yaml"


def _figure(s: Series, note: str = "") -> Figure:
    return Figure(s.label, s.seconds, s.max_rss_mb, note)


def imported_modules(b: Bench, argv: list[str]) -> dict[str, float]:
    """Every module ``argv`` (a Python script and its arguments) imports, with its cumulative import time in s."""
    done = subprocess.run(
        [b.python, "-X", "importtime", *argv], cwd=ROOT, env=b.env, capture_output=True, text=True, check=False
    )
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        _, cumulative, name = line.split("|")
        if cumulative.strip().isdigit():
            found[name.strip()] = int(cumulative) / 1e6
    return found


def _heavy_loaded(modules: dict[str, float]) -> list[str]:
    return sorted({name.split(".")[0] for name in modules if name.split(".")[0] in HEAVY})


def startup(b: Bench) -> Section:
    nothing, typer, version, help_ = b.measure(
        [
            ("`python -c pass`", [b.python, "-c", "pass"]),
            ('`python -c "import typer"`', [b.python, "-c", "import typer"]),
            ("`psc-check --version`", [*b.cli, "--version"]),
            ("`psc-check --help`", [*b.cli, "--help"]),
        ],
        21,
        allowed={0},
        warmup=1,
    )
    help_ratio = ratio(help_.seconds, typer.seconds)
    loaded = _heavy_loaded(imported_modules(b, [b.cli[0], "--help"]))
    section = Section(
        "Start-up: `--version` and `--help`",
        "Floors: an empty interpreter, and one that only imports Typer (the CLI library psc-check is built on).",
        [
            _figure(nothing, "floor: interpreter start"),
            _figure(typer, f"floor: Typer; {ratio(typer.seconds, nothing.seconds):.1f}× `pass`"),
            _figure(version, f"{ratio(version.seconds, typer.seconds):.2f}× Typer"),
            _figure(help_, f"{help_ratio:.2f}× Typer"),
        ],
    )
    heavy = ", ".join(loaded) if loaded else "none of " + ", ".join(HEAVY)
    why = (
        f"`--help` loads {heavy}: the commands' modules hold only their options, every pipeline, model and renderer "
        f"is imported inside the command that runs; {1000 * (help_.seconds - typer.seconds):.0f} ms above Typer "
        "are psc-check's command modules and Typer building the help of eleven commands."
    )
    section.targets.append(
        Target("`--help` under 2× `import typer`", "≤ 2.00×", f"{help_ratio:.2f}×", help_ratio <= 2, why)
    )
    return section


def _stages(b: Bench, referential: Path, reps: int) -> dict[str, float]:
    runs: list[dict[str, float]] = []
    for _ in range(reps):
        done = subprocess.run(
            [b.python, str(HERE / "stages.py"), str(referential), str(EXAMPLE), AS_OF],
            cwd=ROOT,
            env=b.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise CannotRunError(f"benchmarks/stages.py failed: {done.stderr.strip()[-500:]}")
        runs.append(json.loads(done.stdout))
    return {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}


def bundled_evaluate(b: Bench, referential: Path) -> Section:
    floor, libraries, evaluate = b.measure(
        [
            ("floor: import yaml and pydantic, parse both files (C loader)", b.floor(referential, EXAMPLE)),
            ("reference: the floor + Typer + one pydantic model", b.floor("--libraries", referential, EXAMPLE)),
            ("`psc-check evaluate examples/fs-standard/declaration.yaml --format json`", b.evaluate(EXAMPLE)),
        ],
        15,
        allowed={0, 1},
        warmup=1,
    )
    stages = _stages(b, referential, b.reps(9))
    over = ratio(evaluate.seconds, floor.seconds)
    section = Section(
        "`evaluate` on a real declaration, against its floor",
        f"The bundled PSC referential ({referential.stat().st_size // 1024} KiB) and the FS example "
        f"({EXAMPLE.stat().st_size // 1024} KiB: 42 applicable requirements, 57 evidence files hashed, 16 automated "
        "checks). The floor is `benchmarks/floor.py`: a process that imports yaml and pydantic and parses the same "
        "two files with PyYAML's C loader, and does nothing else. The reference adds to it what any program on "
        "psc-check's libraries pays first: Typer, pydantic's model machinery, one model built and used.",
        [
            Figure(floor.label, floor.seconds, floor.max_rss_mb, "floor"),
            Figure(
                libraries.label,
                libraries.seconds,
                libraries.max_rss_mb,
                f"{ratio(libraries.seconds, floor.seconds):.2f}× the floor",
            ),
            Figure(evaluate.label, evaluate.seconds, evaluate.max_rss_mb, f"{over:.2f}× the floor"),
        ],
    )
    section.figures += [Figure(f"stage: {name}", seconds, None, "in one process") for name, seconds in stages.items()]
    section.targets.append(
        Target(
            "`evaluate` under 1.5× its floor",
            "≤ 1.50×",
            f"{over:.2f}×",
            over <= 1.5,
            _why(over, evaluate, floor, libraries),
        )
    )
    return section


def _why(over: float, evaluate: Series, floor: Series, libraries: Series) -> str:
    extra = 1000 * (evaluate.seconds - floor.seconds)
    theirs = 1000 * (libraries.seconds - floor.seconds)
    ours = 1000 * (evaluate.seconds - libraries.seconds)
    text = (
        f"`evaluate` costs {extra:.0f} ms more than the floor: {theirs:.0f} ms are the libraries' own start "
        f"(the reference above, already {ratio(libraries.seconds, floor.seconds):.2f}× the floor before any "
        f"psc-check code), {ours:.0f} ms are psc-check's (its 45 strict models built, validation with line "
        "numbers, evidence hashed and checked, report rendered; see the stages)."
    )
    if over > 1.5 and libraries.seconds > 1.5 * floor.seconds:
        text += (
            " The 1.5× target cannot be met while the CLI is built on Typer (which itself loads pydantic's "
            "machinery to coerce options) and the inputs are validated by pydantic models: their start alone "
            "passes it. Meeting it would mean replacing both, which the issue does not ask."
        )
    elif over > 1.5:
        text += " The libraries leave room under the target; psc-check's own part is what exceeds it."
    return text
