"""`evaluate --baseline`: regressions between two submissions, and `--fail-on`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, Cli, assert_clean_error

EXAMPLE = ROOT / "examples" / "fs-standard"


def _setup(cli: Cli, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "fs"
    shutil.copytree(EXAMPLE, folder)
    baseline = tmp_path / "previous.json"
    first = cli("evaluate", folder / "declaration.yaml", "--as-of", "2026-11-28", "-o", baseline)
    assert first.code == 0, first.stderr
    return folder / "declaration.yaml", baseline


def test_no_regression_exits_0(cli: Cli, tmp_path: Path) -> None:
    decl, baseline = _setup(cli, tmp_path)
    result = cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline, "--format", "json")
    assert result.code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["regressions"] == [] and report["baseline"]["ready"] is True


def test_downgraded_status_exits_1_and_names_it(cli: Cli, tmp_path: Path) -> None:
    decl, baseline = _setup(cli, tmp_path)
    text = decl.read_text(encoding="utf-8")
    marker = "  PSC-OIDC-06:\n    status: compliant\n"
    assert marker in text
    decl.write_text(text.replace(marker, "  PSC-OIDC-06:\n    status: partial\n"), encoding="utf-8")
    result = cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline, "--format", "json")
    report = json.loads(result.stdout)
    assert report["summary"]["ready"] is True  # PSC-OIDC-06 is recommended: still ready…
    assert result.code == 1  # …but a regression fails by default with a baseline
    kinds = {(r["kind"], r["requirement_id"]) for r in report["regressions"]}
    assert ("new_gap", "PSC-OIDC-06") in kinds
    console = cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline)
    assert "PSC-OIDC-06" in console.stdout and "nouvel écart" in console.stdout
    html = decl.parent / "r.html"
    cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline, "-o", html)
    assert "PSC-OIDC-06 : nouvel écart" in html.read_text(encoding="utf-8")
    assert cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline, "--fail-on", "gaps").code == 0
    assert cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline, "--fail-on", "never").code == 0


def test_evidence_changed_and_removed(cli: Cli, tmp_path: Path) -> None:
    decl, baseline = _setup(cli, tmp_path)
    report = json.loads(baseline.read_text(encoding="utf-8"))
    finding = next(f for f in report["findings"] if f["evidence"])
    finding["evidence"][0]["sha256"] = "0" * 64
    finding["evidence"].append({**finding["evidence"][0], "path": "evidence/gone.pdf"})
    baseline.write_text(json.dumps(report), encoding="utf-8")
    result = cli("evaluate", decl, "--as-of", "2026-11-28", "--baseline", baseline, "--format", "json")
    assert result.code == 1
    kinds = {r["kind"] for r in json.loads(result.stdout)["regressions"]}
    assert {"evidence_changed", "evidence_removed"} <= kinds


def test_bad_baseline(cli: Cli, tmp_path: Path) -> None:
    decl, _ = _setup(cli, tmp_path)
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    assert_clean_error(cli("evaluate", decl, "--baseline", junk), "junk.json", "n'est pas un rapport JSON")
    other = tmp_path / "other.json"
    other.write_text('{"schema_version": "1"}', encoding="utf-8")
    assert_clean_error(cli("evaluate", decl, "--baseline", other), "ce n'est pas un rapport JSON de psc-check")
    assert_clean_error(cli("evaluate", decl, "--baseline", tmp_path / "none.json"), "introuvable")
    assert_clean_error(cli("evaluate", decl, "--fail-on", "sometimes"), "--fail-on")
