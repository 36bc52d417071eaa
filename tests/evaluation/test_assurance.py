"""Honest verdicts (issue 13): what each "compliant" rests on, never "verified" for evidence no check verified."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from checker.checks.runner import AUTOMATED_KINDS
from checker.referential.load import load_referential
from tests import evidence_factory as ef
from tests.assurance_support import referential_text, write_verified_files
from tests.conftest import MINI, Cli

AS_OF = "2026-11-28"
RECOGNISABLE = {k.value for k in AUTOMATED_KINDS}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _dummy_declaration(cli: Cli, folder: Path, *, kind: str | None = None) -> Path:
    """A fresh ``init`` declaration where every answer is ``compliant`` and cites one dummy one-line text file."""
    decl = folder / "declaration.yaml"
    made = cli("init", "--actor", "FS", "--level", "communaute", "--organisation", "Éditeur", "-o", decl)
    assert made.code == 0, made.stderr
    dummy = b"preuve\n"
    (folder / "preuve.txt").write_bytes(dummy)
    data = yaml.load(decl.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    item: dict[str, Any] = {"path": "preuve.txt", "sha256": _sha(dummy), "collected": "2026-11-01"}
    if kind:
        item["kind"] = kind
    requirements = load_referential(None).requirements
    data["answers"] = {}
    for req_id in list(yaml.load(decl.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["answers"]):
        spec = requirements[req_id].evidence
        cited = dict(item)
        if spec is not None and spec.environment is not None:  # the environment is not what this test is about
            cited["environment"] = spec.environment.value
        data["answers"][req_id] = {"status": "compliant", "evidence": [cited], "justification": "voir la preuve"}
    data["organisation"]["siren"] = "552100554"
    decl.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return decl


def _findings(result: Any) -> dict[str, dict[str, Any]]:
    return {f["requirement_id"]: f for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize("kind", [None, "screenshot"])
def test_one_dummy_file_for_every_answer_is_unsupported_where_only_recognisable_kinds_are_expected(
    cli: Cli, tmp_path: Path, kind: str | None
) -> None:
    decl = _dummy_declaration(cli, tmp_path, kind=kind)
    result = cli("evaluate", decl, "--as-of", AS_OF, "--format", "json")
    assert "Traceback" not in result.stderr
    requirements = load_referential(None).requirements
    findings = _findings(result)
    unsupported = compliant = 0
    for req_id, finding in findings.items():
        spec = requirements[req_id].evidence
        only_recognisable = spec is not None and {k.value for k in spec.kinds} <= RECOGNISABLE
        codes = [r["code"] for r in finding["reasons"]]
        if spec is not None and spec.required and (only_recognisable or (kind and kind not in spec.kinds)):
            assert finding["outcome"] == "unsupported", req_id
            assert "evidence_kind_mismatch" in codes, req_id
            unsupported += 1
        else:
            assert finding["outcome"] == "compliant", (req_id, codes)
            assert finding["assurance"] == "present", req_id
            compliant += 1
        assert finding["evidence"][0]["assurance"] == "present"
    assert unsupported and compliant
    for fmt in ("console", "md", "json"):
        shown = cli("evaluate", decl, "--as-of", AS_OF, "--format", fmt).stdout
        assert "vérifiée" not in shown and "verified" not in shown.replace("machine_verified", ""), fmt
    english = cli("evaluate", decl, "--as-of", AS_OF, "--lang", "en").stdout
    assert "verified" not in english
    html = tmp_path / "report.html"
    cli("evaluate", decl, "--as-of", AS_OF, "-o", html)
    assert "vérifiée" not in html.read_text(encoding="utf-8")


def test_the_kind_mismatch_reason_names_the_expected_kinds_and_what_was_seen(cli: Cli, tmp_path: Path) -> None:
    decl = _dummy_declaration(cli, tmp_path, kind="screenshot")
    finding = _findings(cli("evaluate", decl, "--as-of", AS_OF, "--format", "json"))["PSC-OIDC-03"]
    mismatch = next(r["message"] for r in finding["reasons"] if r["code"] == "evidence_kind_mismatch")
    assert "http_capture" in mismatch and "token_sample" in mismatch and "screenshot" in mismatch


def test_require_assurance_machine_verified_makes_the_dummy_declaration_not_ready(cli: Cli, tmp_path: Path) -> None:
    decl = _dummy_declaration(cli, tmp_path)
    plain = cli("evaluate", decl, "--as-of", AS_OF, "--format", "json")
    strict = cli("evaluate", decl, "--as-of", AS_OF, "--format", "json", "--require-assurance", "machine_verified")
    assert strict.code == 1
    report = json.loads(strict.stdout)
    assert report["summary"]["required_assurance"] == "machine_verified"
    before = _findings(plain)
    for req_id, finding in _findings(strict).items():
        if before[req_id]["outcome"] == "compliant" and finding["obligation"] == "mandatory":
            assert finding["outcome"] == "unsupported"
            assert "assurance_below" in {r["code"] for r in finding["reasons"]}, req_id
    console = cli("evaluate", decl, "--as-of", AS_OF, "--require-assurance", "machine_verified").stdout
    assert "inférieur au niveau exigé" in console


def test_require_assurance_refuses_an_unknown_level(cli: Cli, tmp_path: Path) -> None:
    decl = _dummy_declaration(cli, tmp_path)
    result = cli("evaluate", decl, "--as-of", AS_OF, "--require-assurance", "verified")
    assert result.code == 2 and "machine_verified" in result.stderr and "Traceback" not in result.stderr


VERIFIED = (
    ("T-CERT", "[certificate]", "[cert.validity]", "client.pem"),
    ("T-HAR", "[http_capture]", "[har.scope]", "login.har"),
    ("T-JWT", "[token_sample]", "[token.acr]", "token.json"),
    ("T-TLS", "[tls_scan]", "[tls.versions, tls.certificate]", "scan.json"),
    ("T-DOC", "[document]", "[]", "doc.txt"),
)
"""The requirements of the verified referential: (id, evidence kinds, checks, the file its answer cites)."""


def _verified_referential(folder: Path) -> Path:
    path = folder / "referential.yaml"
    requirements = [(req_id, kinds, checks) for req_id, kinds, checks, _ in VERIFIED]
    path.write_text(referential_text(requirements), encoding="utf-8")
    return path


def _verified_declaration(folder: Path, *, no_hash: str = "") -> Path:
    files = write_verified_files(folder, ef.ca_chain(test=True), {"doc.txt": b"procedure\n"})
    answers = ""
    for req_id, _, _, name in VERIFIED:
        digest = "" if name == no_hash else f"\n        sha256: {_sha(files[name])}"
        answers += f"""  {req_id}:
    status: compliant
    evidence:
      - path: {name}{digest}
        collected: 2026-11-01
"""
    text = f"""schema_version: "1"
organisation:
  name: Éditeur
  siren: "552100554"
subject:
  name: Produit
  psc_client_id: {ef.CLIENT_ID}
  psc_environment: bac_a_sable
actors: [FS]
level: communaute
answers:
{answers}"""
    path = folder / "declaration.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_evidence_that_passes_its_checks_is_machine_verified_in_every_report(cli: Cli, tmp_path: Path) -> None:
    ref = _verified_referential(tmp_path)
    decl = _verified_declaration(tmp_path)
    xlsx, md, html = tmp_path / "m.xlsx", tmp_path / "r.md", tmp_path / "r.html"
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json", "-o", xlsx, "-o", md)
    assert result.code == 0, result.stdout + result.stderr
    findings = _findings(result)
    levels = {req_id: f["assurance"] for req_id, f in findings.items()}
    assert levels == {
        "T-CERT": "machine_verified",
        "T-HAR": "machine_verified",
        "T-JWT": "machine_verified",
        "T-TLS": "machine_verified",
        "T-DOC": "present",
    }
    assert json.loads(result.stdout)["summary"]["assurance"]["machine_verified"] == 4
    console = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF).stdout
    assert "4 vérifiées automatiquement, 1 présente" in console
    assert "vérifiée automatiquement (4): T-CERT, T-HAR, T-JWT, T-TLS" in console
    assert "T-CERT — Exigence T-CERT : conforme (Assurance : vérifiée automatiquement)" in md.read_text(
        encoding="utf-8"
    )
    cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--lang", "en", "-o", html)
    page = html.read_text(encoding="utf-8")
    assert "<td>machine-verified</td>" in page and "4 machine-verified, 1 present" in page
    sheet = openpyxl.load_workbook(xlsx)["Matrice"]
    header = [c.value for c in sheet[1]]
    column = header.index("Assurance")
    shown = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}
    assert shown["T-TLS"] == "vérifiée automatiquement" and shown["T-DOC"] == "présente"
    assert sheet.auto_filter.ref is not None


def test_evidence_without_sha256_is_not_tamper_evident_and_a_gap_when_assurance_is_required(
    cli: Cli, tmp_path: Path
) -> None:
    ref = _verified_referential(tmp_path)
    decl = _verified_declaration(tmp_path, no_hash="doc.txt")
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json")
    report = json.loads(result.stdout)
    doc = _findings(result)["T-DOC"]
    assert doc["outcome"] == "compliant" and doc["assurance"] == "declared"
    assert "evidence_no_hash" in {r["code"] for r in doc["reasons"]}
    assert [p["severity"] for p in report["problems"] if p["code"] == "evidence_no_hash"] == ["warning"]
    strict = cli(
        "evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json", "--require-assurance", "present"
    )
    assert strict.code == 1
    assert _findings(strict)["T-DOC"]["outcome"] == "unsupported"
    assert _findings(strict)["T-CERT"]["outcome"] == "compliant"


def test_evidence_without_environment_says_so_plainly(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "c.pem").write_bytes(b"x")
    decl = tmp_path / "declaration.yaml"
    decl.write_text(
        f"""schema_version: "1"
organisation: {{name: Éditeur, siren: "552100554"}}
subject: {{name: Produit}}
actors: [ELU]
level: espace_de_confiance
answers:
  T-CERT-01:
    status: compliant
    evidence:
      - path: c.pem
        sha256: {_sha(b"x")}
        expires: 2028-01-01
        kind: configuration
""",
        encoding="utf-8",
    )
    finding = _findings(cli("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "--format", "json"))["T-CERT-01"]
    assert finding["evidence"][0]["status"] == "no_environment"
    text = finding["evidence"][0]["detail"]
    assert "subject.psc_environment" in text and "?" not in text
    decl.write_text(
        decl.read_text(encoding="utf-8").replace("{name: Produit}", "{name: Produit, psc_environment: production}")
    )
    finding = _findings(cli("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "--format", "json"))["T-CERT-01"]
    assert finding["evidence"][0]["status"] == "ok"


def test_validate_agrees_with_evaluate_on_a_fresh_init_file(cli: Cli, tmp_path: Path) -> None:
    decl = tmp_path / "declaration.yaml"
    assert cli("init", "--actor", "ELU", "--level", "espace_de_confiance", "-o", decl).code == 0
    evaluated = json.loads(cli("evaluate", decl, "--as-of", AS_OF, "--format", "json").stdout)
    errors = {p["code"] for p in evaluated["problems"] if p["severity"] == "error"}
    assert errors
    result = cli("validate", decl, "--as-of", AS_OF)
    assert result.code == 2
    for code in errors:
        assert f"[{code}]" in result.stderr
    assert "evaluate" in result.stdout
