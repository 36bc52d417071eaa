"""The CLI stays light: help and version import no pipeline, model, renderer or heavy library.

What is imported is checked, not how long it takes (``benchmarks/run.py`` measures that).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

_PROBE = """
import json, sys
sys.argv = ["psc-check", *json.loads(sys.argv[1])]
from checker.cli.main import run
code = run()
top = sorted({name.split(".")[0] for name in sys.modules})
ours = sorted(name for name in sys.modules if name.startswith("checker.") and not name.startswith("checker.cli"))
sys.stderr.write("\\n" + json.dumps({"code": code, "top": top, "ours": ours}))
"""

LIGHT = {
    "checker.app",  # the packages of the modules below: a docstring each
    "checker.checks",
    "checker.inputs",
    "checker.model",
    "checker.checks.kinds",
    "checker.inputs.dates",
    "checker.inputs.files",
    "checker.errors",
    "checker.i18n",
    "checker.i18n.catalogue",
    "checker.i18n.checks_catalogue",
    "checker.i18n.checks_credentials",
    "checker.i18n.checks_exchanges",
    "checker.i18n.commands_catalogue",
    "checker.i18n.evidence_catalogue",
    "checker.i18n.export_catalogue",
    "checker.i18n.click_catalogue",
    "checker.i18n.lang",
    "checker.i18n.probe_catalogue",
    "checker.i18n.errors_catalogue",
    "checker.i18n.labels_catalogue",
    "checker.i18n.terms_catalogue",
    "checker.i18n.matrix_catalogue",
    "checker.inputs.limits",
    "checker.app.write",
    "checker.inputs.readfile",
    "checker.model.schemas",
    "checker.inputs.suggest",
    "checker.inputs.textsafe",
    "checker.render",  # the format registry, for the --format choices the help lists (it imports no renderer)
    "checker.render.registry",
}
"""psc-check modules the command registry may load: errors, messages, limits, option helpers, check kinds."""


def _loaded(*args: str) -> tuple[int, set[str], set[str]]:
    """Exit code, top-level packages imported, psc-check modules (outside the CLI) imported."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        check=True,
        timeout=60,
    )
    found = json.loads(done.stderr.strip().splitlines()[-1])
    return int(found["code"]), set(found["top"]), set(found["ours"])


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["evaluate", "--help"], ["referentiel", "--help"]])
def test_help_and_version_load_no_pipeline(args: list[str]) -> None:
    code, top, ours = _loaded(*args)
    assert code == 0
    assert ours <= LIGHT, ours - LIGHT
    heavy = {"yaml", "openpyxl", "jinja2", "cryptography", "rich"}
    if len(args) == 1:  # Typer itself loads pydantic to coerce a command's options, not for the top-level help
        heavy.add("pydantic")
    assert not heavy & top, heavy & top


def test_evaluate_loads_no_renderer_or_command_it_does_not_use() -> None:
    code, top, ours = _loaded(
        "evaluate", "examples/fs-standard/declaration.yaml", "--as-of", "2026-11-28", "--format", "json"
    )
    assert code == 0
    assert not {"openpyxl", "jinja2"} & top
    unused = {
        "checker.evaluation.audit",
        "checker.portfolio.run",
        "checker.matrix.importer",
        "checker.referential.diff",
        "checker.matrix.writer",
    }
    assert not unused & ours
