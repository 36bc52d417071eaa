"""Short commands against their floors: ``--help``, ``referentiel list``, ``evaluate`` on each example."""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

from bench import AS_OF, HERE, ROOT, Bench, CannotRunError, Paired
from results import Figure, Section, Target

__all__ = ["EXAMPLES", "bundled_evaluate", "imported_modules", "listing", "startup"]

HEAVY = ("pydantic", "openpyxl", "jinja2", "cryptography", "rich", "yaml")
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/declaration.yaml"))
QUICK_EXAMPLES = ("fs-standard", "elu-lps")


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


def _pair_figures(p: Paired, floor_note: str = "floor") -> list[Figure]:
    return [
        Figure(p.floor.label, p.floor.cpu_seconds, p.floor.max_rss_mb, floor_note),
        Figure(p.command.label, p.command.cpu_seconds, p.command.max_rss_mb, f"{p.ratio:.2f}× ({p.spread_text()})"),
    ]


def startup(b: Bench) -> Section:
    typer_floor = [b.python, "-c", "import gc; gc.disable(); import typer"]
    paired = b.pairs(("floor: `import typer` (GC off)", typer_floor), ("`psc-check --help`", [*b.cli, "--help"]), 9, 31)
    loaded = sorted({n.split(".")[0] for n in imported_modules(b, [b.cli[0], "--help"]) if n.split(".")[0] in HEAVY})
    section = Section(
        "Start-up: `--help` against `import typer`",
        "The floor is an interpreter with the garbage collector off (as the console script runs) that imports "
        'Typer, the CLI library psc-check is built on: `python -c "import gc; gc.disable(); import typer"`.',
        _pair_figures(paired),
    )
    heavy = ", ".join(loaded) if loaded else "none of " + ", ".join(HEAVY)
    section.targets.append(
        Target(
            "`--help` / `import typer`",
            "≤ 1.20×",
            f"{paired.ratio:.2f}×",
            paired.ratio <= 1.2,
            f"`--help` loads {heavy}. What it adds to Typer's import (measured in one process when this was "
            "written): psc-check's command modules, about 8 ms, and Typer building the click command of every "
            "command and option (35 functions) to print the help, about 7 ms. What would close it: a lazy command "
            "group, each command's module imported and its click command built only when that command runs, the "
            f"top-level help printed from a static table. {paired.spread_text().capitalize()}.",
        )
    )
    return section


def listing(b: Bench) -> Section:
    floor = ("floor: `benchmarks/floor.py` without files (GC off, import typer, yaml, pydantic)", b.floor())
    command = ("`psc-check referentiel list --format json`", [*b.cli, "referentiel", "list", "--format", "json"])
    paired = b.pairs(floor, command, 9, 25)
    section = Section(
        "`referentiel list --format json` against the libraries' import",
        "The bundled edition's requirements listed as JSON: its compiled form read (no YAML parsed), listed, "
        "written with orjson. The floor imports the three libraries the CLI stands on, nothing else.",
        _pair_figures(paired),
    )
    section.targets.append(
        Target(
            "`referentiel list --format json` / `import typer, yaml, pydantic`",
            "≤ 1.30×",
            f"{paired.ratio:.2f}×",
            paired.ratio <= 1.3,
            "Above the floor: psc-check's command modules and Typer's command tree (about 15 ms, as for `--help`), "
            "Typer's option coercion, the referential's pydantic model classes built (their validators: the larger "
            "share), the compiled edition validated (about 5 ms), the listing written. What would close it: no "
            "pydantic model built to list (the listing's rows precomputed when the edition is compiled), and the "
            f"lazy command group of `--help`. {paired.spread_text().capitalize()}.",
        )
    )
    return section


def _stages(b: Bench, declaration: Path, reps: int) -> dict[str, float]:
    runs: list[dict[str, float]] = []
    for _ in range(reps):
        done = subprocess.run(
            [b.python, str(HERE / "stages.py"), "", str(declaration), AS_OF],
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


def bundled_evaluate(b: Bench) -> Section:
    examples = [e for e in EXAMPLES if not b.quick or e.name in QUICK_EXAMPLES]
    section = Section(
        "`evaluate` on each example, against its floor",
        "The bundled PSC referential and each example declaration, `evaluate --format json`. The floor is "
        "`benchmarks/floor.py DECLARATION`: GC off, `import typer, yaml, pydantic`, the declaration parsed by the "
        "CLI's loader. The referential is not in the floor: psc-check reads its compiled form, and parsing its YAML "
        "is exactly the work the compiled form avoids.",
    )
    ratios: dict[str, Paired] = {}
    for example in examples:
        declaration = example / "declaration.yaml"
        ratios[example.name] = paired = b.pairs(
            (f"floor for {example.name}", b.floor(declaration)),
            (f"`evaluate examples/{example.name}/declaration.yaml`", b.evaluate(declaration)),
            5,
            15,
        )
        section.figures += _pair_figures(paired)
    stages = _stages(b, ROOT / "examples" / "fs-standard" / "declaration.yaml", b.reps(5))
    section.figures += [
        Figure(f"stage (fs-standard, wall): {name}", seconds, None, "in one process")
        for name, seconds in stages.items()
    ]
    worst_name, worst = max(ratios.items(), key=lambda kv: kv[1].ratio)
    section.targets.append(
        Target(
            "`evaluate` on each example / floor",
            "≤ 1.50×",
            f"{min(p.ratio for p in ratios.values()):.2f}–{worst.ratio:.2f}× (worst: {worst_name})",
            all(p.ratio <= 1.5 for p in ratios.values()),
            "Above the floor (see the stages, wall time in one process): importing psc-check's modules is the "
            "largest share, its strict pydantic models built (a validator and a serialiser per class, about half "
            "of the stage), the automated checks' modules (cryptography, JWS, HAR), then evaluating (evidence "
            "hashed and checked) and rendering. The compiled referential now loads in a few ms. What would close "
            "it: fewer model classes built at start-up (the report's built only when rendered, the checks' modules "
            "imported when a declaration cites evidence of their kind). "
            + "; ".join(f"{name}: {p.spread_text()}" for name, p in ratios.items())
            + ".",
        )
    )
    return section
