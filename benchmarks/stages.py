"""Where one ``evaluate`` spends its time, stage by stage, in a fresh interpreter (printed as JSON).

``python benchmarks/stages.py REFERENTIAL.yaml DECLARATION.yaml AS_OF`` (an empty REFERENTIAL: the bundled one): the same steps as ``psc-check evaluate
--format json`` (imports, load, validate, evaluate, render), each timed; the benchmark explains the distance to
the floor with it.
"""

from __future__ import annotations

import time

_START = time.perf_counter()

import datetime as dt  # noqa: E402 - the clock starts before any import
import gc  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

__all__ = ["main"]


class _Clock:
    def __init__(self) -> None:
        self.last = _START
        self.stages: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = now - self.last
        self.last = now


def main(referential: Path | None, declaration: Path, as_of: dt.date) -> dict[str, float]:
    gc.disable()  # as the CLI does (checker/cli/main.py)
    clock = _Clock()
    import pydantic  # noqa: F401
    import yaml  # noqa: F401

    clock.lap("import yaml and pydantic (as the floor does)")
    import typer  # noqa: F401

    clock.lap("import typer")
    from pydantic import BaseModel  # noqa: F401

    clock.lap("import pydantic's model machinery (BaseModel)")
    from checker.cli import main as cli_main  # noqa: F401

    clock.lap("import psc-check's CLI (command signatures)")
    from checker.declaration.load import load_declaration
    from checker.evaluation.evaluate import EvaluationOptions, evaluate
    from checker.referential.load import load_referential
    from checker.render.registry import REPORT, Format

    clock.lap("import the evaluation modules (pydantic models built)")
    ref = load_referential(referential)
    clock.lap("load the referential (its compiled form)")
    decl = load_declaration(declaration, ref)
    clock.lap("load and validate the declaration")
    report = evaluate(ref, decl, EvaluationOptions(as_of=as_of))
    clock.lap("evaluate (evidence hashed and checked)")
    REPORT.render(report, Format.JSON)
    clock.lap("render the JSON report")
    return clock.stages


if __name__ == "__main__":
    stages = main(Path(sys.argv[1]) if sys.argv[1] else None, Path(sys.argv[2]), dt.date.fromisoformat(sys.argv[3]))
    sys.stdout.write(json.dumps(stages) + "\n")
