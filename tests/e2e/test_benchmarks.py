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

import pytest
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


def test_the_floor_parses_what_it_is_given(tmp_path: Path) -> None:
    from tests.conftest import run_argv

    declaration = ROOT / "examples" / "fs-standard" / "declaration.yaml"
    assert run_argv([sys.executable, ROOT / "benchmarks" / "floor.py", declaration]).code == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [unclosed\n", encoding="utf-8")
    assert run_argv([sys.executable, ROOT / "benchmarks" / "floor.py", broken]).code == 1, "the floor really parses"


def test_a_ratio_settles_only_under_ten_percent() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))  # bench imports its siblings by their bare names
    try:
        bench = _module("bench")
        measure = _module("measure")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    series = measure.Series("x", [])
    tight = bench.Paired(series, series, [1.30, 1.31, 1.29, 1.30, 1.32])
    loose = bench.Paired(series, series, [1.0, 1.5, 1.2, 0.9, 1.4])
    assert tight.settled and tight.ratio == 1.30
    assert not loose.settled and "could not" in loose.spread_text()


def test_a_dirty_checkout_is_refused_without_dirty(tmp_path: Path) -> None:
    import subprocess

    machine = _module("machine")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid"]
    subprocess.run([*git, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "f.txt").write_text("one\n", encoding="utf-8")
    subprocess.run([*git, "-C", str(tmp_path), "add", "f.txt"], check=True)
    subprocess.run([*git, "-C", str(tmp_path), "commit", "-qm", "one"], check=True)
    clean = machine.checkout_state(tmp_path)
    assert not clean.dirty and len(clean.commit) == 40 and "clean" in clean.text()
    (tmp_path / "f.txt").write_text("two\n", encoding="utf-8")
    dirty = machine.checkout_state(tmp_path)
    assert dirty.dirty and "uncommitted" in dirty.text() and clean.commit in dirty.text()


def test_the_benchmark_refuses_a_dirty_tree_unless_told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))  # run imports its siblings by their bare names
    run = _module("run")
    machine = _module("machine")
    monkeypatch.setattr(run, "checkout_state", lambda _root: machine.Checkout("0" * 40, dirty=True))
    out = tmp_path / "RESULTS.md"
    assert run.main(["--quick", "--output", str(out)]) == 2
    assert not out.exists()
