"""The acceptance corpus: every folder under tests/cases/{ready,gaps,invalid}/ is one case, run end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import MINI, Cli

CASES = Path(__file__).resolve().parent / "cases"
ALL = sorted(p for kind in ("ready", "gaps", "invalid") for p in (CASES / kind).iterdir() if p.is_dir())


def _meta(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    return data


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(cli: Cli, case: Path) -> None:
    meta = _meta(case)
    args: list[str | Path] = ["evaluate", case / "declaration.yaml", "--as-of", str(meta["as_of"]), "--format", "json"]
    if meta["referentiel"] == "mini":
        args += ["--referentiel", MINI]
    before = _snapshot(case)
    result = cli(*args)
    assert _snapshot(case) == before, "an input file changed"
    assert result.code == meta["exit_code"], (result.stdout[-2000:], result.stderr)
    assert "Traceback" not in result.stderr
    if meta["exit_code"] == 2:
        for fragment in meta["stderr_contains"]:
            assert fragment in result.stderr, (fragment, result.stderr)
        assert "declaration.yaml" in result.stderr
        return
    report = json.loads(result.stdout)
    assert report["summary"]["ready"] is (meta["exit_code"] == 0)
    outcomes = {f["requirement_id"]: f for f in report["findings"]}
    for req_id, outcome in (meta.get("outcomes") or {}).items():
        assert outcomes[req_id]["outcome"] == outcome, outcomes[req_id]
    for req_id, code in (meta.get("reasons") or {}).items():
        assert code in {r["code"] for r in outcomes[req_id]["reasons"]}, outcomes[req_id]["reasons"]
    for req_id in meta.get("absent") or []:
        assert req_id not in outcomes
    codes = {p["code"] for p in report["problems"]}
    assert set(meta.get("problems") or []) <= codes, report["problems"]
    messages = " ".join(p["message"] for p in report["problems"])
    for fragment in meta.get("problem_messages") or []:
        assert fragment in messages, (fragment, messages)
    if meta["exit_code"] == 1 and not meta.get("problems"):
        assert report["summary"]["mandatory_gaps"] > 0


def test_corpus_is_complete() -> None:
    kinds = {p.parent.name for p in ALL}
    assert kinds == {"ready", "gaps", "invalid"}
    for case in ALL:
        assert (case / "declaration.yaml").is_file() and (case / "case.yaml").is_file(), case
