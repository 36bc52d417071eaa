"""The acceptance corpus: every folder under tests/cases/{ready,gaps,invalid}/ is one case, run end to end.

The case format (``case.yaml``: command, generated files, expected exit code and messages) is described in
``tests/case_support.py``. Each case runs on a working copy; no file may change but the outputs it names, and no
temporary file may be left behind.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.case_support import CASES, expand, generate, snapshot
from tests.conftest import MINI, Cli, Result

KINDS = ("ready", "gaps", "invalid")
ALL = sorted(p for kind in KINDS for p in (CASES / kind).iterdir() if p.is_dir())


def _meta(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load((case / "case.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return data


def _command(meta: dict[str, Any], work: Path) -> list[str]:
    if "command" in meta:
        return [expand(str(arg), work) for arg in meta["command"]]
    args = ["evaluate", str(work / "declaration.yaml"), "--as-of", str(meta["as_of"]), "--format", "json"]
    return args + (["--referentiel", str(MINI)] if meta.get("referentiel") == "mini" else [])


def _working_copy(cli: Cli, case: Path, tmp_path: Path) -> tuple[dict[str, Any], Path]:
    """The case's ``case.yaml`` and a working copy of its folder (without it) under ``tmp_path``, its files generated."""
    meta = _meta(case)
    work = tmp_path / case.name
    shutil.copytree(case, work, symlinks=True, ignore=shutil.ignore_patterns("case.yaml"))
    for spec in meta.get("generate") or []:
        generate(spec, work, cli)
    return meta, work


@pytest.mark.parametrize("case", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(cli: Cli, case: Path, tmp_path: Path) -> None:
    meta, work = _working_copy(cli, case, tmp_path)
    before = snapshot(work)
    result = cli(*_command(meta, work), cwd=work)
    _check_files(work, before, [str(work / name) for name in meta.get("outputs") or []])
    assert result.code == meta["exit_code"], (result.code, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "erreur interne" not in result.stderr, result.stderr
    _check_messages(meta, result)
    if any(key in meta for key in ("outcomes", "reasons", "problems", "absent")):
        _check_report(meta, json.loads(result.stdout))


def _check_files(work: Path, before: dict[str, object], outputs: list[str]) -> None:
    after = snapshot(work)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)} - set(outputs)
    assert not changed, f"files changed or appeared: {sorted(changed)}"
    leftovers = [p for p in after if Path(p).name.startswith(".") and Path(p).name.endswith(".tmp")]
    assert not leftovers, f"temporary files left behind: {leftovers}"


def _check_messages(meta: dict[str, Any], result: Result) -> None:
    for fragment in meta.get("stderr_contains") or []:
        assert fragment in result.stderr, (fragment, result.stderr[-3000:])
    for fragment in meta.get("stdout_contains") or []:
        assert fragment in result.stdout, (fragment, result.stdout[-3000:])
    for fragment in meta.get("stderr_excludes") or []:
        assert fragment not in result.stderr, (fragment, result.stderr[-3000:])
    if meta["exit_code"] == 2:
        assert result.stderr.strip(), "an input error says what is wrong"


def _check_report(meta: dict[str, Any], report: dict[str, Any]) -> None:
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
    """Every kind has cases; every case says what it expects; the invalid corpus covers every input."""
    assert {p.parent.name for p in ALL} == set(KINDS)
    invalid = [p for p in ALL if p.parent.name == "invalid"]
    assert len(invalid) >= 60, len(invalid)
    heads: set[str] = set()
    options: set[str] = set()
    for case in ALL:
        meta = _meta(case)
        assert "exit_code" in meta, case
        generated = {spec["path"] for spec in meta.get("generate") or []}
        if "command" not in meta:
            assert (case / "declaration.yaml").is_file() or "declaration.yaml" in generated, case
        if meta["exit_code"] == 2:
            assert meta.get("stderr_contains"), f"{case}: an invalid case names a message fragment"
        command = [str(arg) for arg in meta.get("command") or ["evaluate"]]
        heads.add(command[0])
        options.update(arg for arg in command if arg.startswith("-"))
    assert {"evaluate", "referentiel", "import-matrix", "check-evidence", "init", "portfolio", "diff"} <= heads
    assert {"--referentiel", "--audit", "--jwks", "--as-of", "--baseline", "--date", "-o"} <= options
