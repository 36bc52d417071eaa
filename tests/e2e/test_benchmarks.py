"""The benchmarks' synthetic data is valid input: the CLI evaluates it, every answer is used, every hash matches.

No timing is asserted here (benchmarks/run.py measures; tests only check that what it measures is real work).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import yaml

from tests.conftest import ROOT, Cli

AS_OF = "2026-11-28"


def _module(name: str) -> ModuleType:
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _evidence_hashes_match(declaration: Path) -> int:
    data = yaml.load(declaration.read_bytes(), Loader=yaml.CBaseLoader)  # noqa: S506 - the base loader builds no objects
    checked = 0
    for answer in data["answers"].values():
        for item in answer.get("evidence") or []:
            assert hashlib.sha256((declaration.parent / item["path"]).read_bytes()).hexdigest() == item["sha256"]
            checked += 1
    return checked


def test_synthetic_referential_and_declaration_evaluate_fully(cli: Cli, tmp_path: Path) -> None:
    synthetic = _module("synthetic")
    ref = synthetic.write_referential(tmp_path / "ref.yaml", 250)
    decl = synthetic.write_declaration(tmp_path / "decl", ref.path)
    assert _evidence_hashes_match(decl.path) >= decl.evidence_files > 50
    done = cli("evaluate", decl.path, "--referentiel", ref.path, "--as-of", AS_OF, "--format", "json")
    assert done.code in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert report["referential"]["id"] == "synthetic-250"
    assert report["summary"]["applicable"] == decl.answers > 50
    assert report["summary"]["outcomes"]["unanswered"] == 0
    assert report["summary"]["ready"], report["problems"]
    assert {f["outcome"] for f in report["findings"]} == {"compliant", "not_applicable"}
    statuses = {e["status"] for f in report["findings"] for e in f["evidence"]}
    assert statuses == {"ok"}, statuses


def test_synthetic_matrix_case_makes_every_requirement_apply(cli: Cli, tmp_path: Path) -> None:
    synthetic = _module("synthetic")
    ref, decl = synthetic.write_matrix_set(tmp_path, 120, max_answers=100)
    assert decl.answers == 100
    done = cli("evaluate", decl.path, "--referentiel", ref.path, "--as-of", AS_OF, "--format", "json")
    assert done.code == 1, done.stderr
    summary = json.loads(done.stdout)["summary"]
    assert summary["applicable"] == 120
    assert summary["outcomes"]["unanswered"] == 20


def test_synthetic_portfolio_is_evaluated_whole(cli: Cli, tmp_path: Path) -> None:
    synthetic = _module("synthetic")
    built = synthetic.write_portfolio(tmp_path, 12)
    assert sum(built.by_example.values()) == 12
    out = tmp_path / "portefeuille.json"
    done = cli("portfolio", built.folder, "--as-of", AS_OF, "-o", out, "--workers", "2")
    assert done.code in (0, 1), done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["rows"]) == 12
    assert not report["errors"]
    assert len({row["organisation"] for row in report["rows"]}) == 12


def test_spawner_measures_a_command(tmp_path: Path) -> None:
    measure = _module("measure")
    with measure.Spawner({"PATH": "/usr/bin:/bin"}, tmp_path) as spawner:
        run = spawner.run([sys.executable, "-c", "import sys; sys.exit(3)"])
    assert run.exit_code == 3
    assert run.seconds > 0
    assert run.max_rss_mb > 1
