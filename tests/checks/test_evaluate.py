"""Automated checks inside `evaluate`: a contradicting file makes a claimed `compliant` unsupported, in every output."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checker.checks.registry import check_ids
from checker.checks.runner import AUTOMATED_KINDS, kind_of
from checker.referential.load import load_referential
from tests import evidence_factory as ef
from tests.conftest import MINI, Cli, assert_clean_error
from tests.declarations import ELP_HABILITATION

AS_OF = "2026-11-28"
_CERT_CHECKS = "[cert.validity, cert.issuer, cert.auth_cli, cert.cn_client_id]"


def _referential(folder: Path, cert_checks: str = _CERT_CHECKS) -> Path:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace(
        "    title: Certificat valide\n", f"    title: Certificat valide\n    checks: {cert_checks}\n", 1
    )
    text = re.sub(r"(  - id: T-OIDC-01\n)", r"\1    checks: [har.acr, har.scope, har.logout]\n", text, count=1)
    path = folder / "referential.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _evidence(folder: Path, name: str, data: bytes, **fields: str) -> str:
    """Write ``data`` to ``evidence/name`` in ``folder``; return an answer's ``evidence:`` (YAML, no final newline)
    citing it by path and sha256, with ``fields``."""
    (folder / "evidence").mkdir(exist_ok=True)
    (folder / "evidence" / name).write_bytes(data)
    lines = ["    evidence:", f"      - path: evidence/{name}", f"        sha256: {hashlib.sha256(data).hexdigest()}"]
    return "\n".join(lines + [f"        {key}: {value}" for key, value in fields.items()])


def _declaration(folder: Path, cert: bytes, capture: bytes, *, client_id: str = ef.CLIENT_ID) -> Path:
    login = _evidence(folder, "login.har", capture, collected="2026-10-01", environment="production")
    certificate = _evidence(
        folder, "client.pem", cert, expires="2028-05-06", environment="production", kind="certificate"
    )
    text = f"""schema_version: "1"
organisation:
  name: Éditeur Cas
  siren: "552100554"
  country: FR
subject:
  name: Produit de test
  psc_client_id:
    production: {client_id}
actors: [ELU]
level: espace_de_confiance
features:
  uses_ciba: true
{ELP_HABILITATION}
answers:
  T-OIDC-01:
    status: compliant
{login}
  T-CIBA-01:
    status: conforme
  T-CERT-01:
    status: compliant
{certificate}
"""
    path = folder / "declaration.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def prod_chain() -> list[ef.Issued]:
    return ef.ca_chain(test=False)


def _login(issuer: str = ef.PROD_ISSUER, **overrides: str | None) -> bytes:
    return ef.har(ef.authorize_entry("wallet.esw.esante.gouv.fr", **overrides), ef.logout_entry(issuer))


def _finding(report: dict[str, Any], requirement: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["requirement_id"] == requirement)


def test_verified_evidence_keeps_the_declaration_ready(cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]) -> None:
    ref = _referential(tmp_path)
    decl = _declaration(tmp_path, ef.pem(ef.leaf(prod_chain[0], cn=ef.CLIENT_ID), *prod_chain), _login())
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json")
    assert result.code == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    cert = _finding(report, "T-CERT-01")
    assert cert["outcome"] == "compliant"
    assert {c["check"]: c["status"] for c in cert["evidence"][0]["checks"]} == {
        "cert.validity": "verified",
        "cert.issuer": "verified",
        "cert.auth_cli": "verified",
        "cert.cn_client_id": "verified",
    }
    assert "check_verified" in {r["code"] for r in cert["reasons"]}
    login = _finding(report, "T-OIDC-01")
    assert [c["status"] for c in login["evidence"][0]["checks"]] == ["verified"] * 3


def test_contradicting_certificate_makes_compliant_unsupported(
    cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]
) -> None:
    ref = _referential(tmp_path)
    decl = _declaration(tmp_path, ef.pem(ef.leaf(prod_chain[0], cn="autre-client"), *prod_chain), _login())
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json")
    assert result.code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["ready"] is False
    cert = _finding(report, "T-CERT-01")
    assert cert["outcome"] == "unsupported"
    failed = [r for r in cert["reasons"] if r["code"] == "check_contradicted"]
    assert len(failed) == 1
    assert "cert.cn_client_id" in failed[0]["message"]
    assert "« autre-client » différent du client_id « editeur-test-bas »" in failed[0]["message"]
    console = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF)
    assert "T-CERT-01" in console.stdout and "cert.cn_client_id" in console.stdout
    assert "✓ T-CERT-01 evidence/client.pem cert.validity: vérifié" in console.stdout
    assert "✗ T-CERT-01 evidence/client.pem cert.cn_client_id: contredit" in console.stdout


def test_markdown_lists_every_check_with_its_status(cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]) -> None:
    ref = _referential(tmp_path)
    decl = _declaration(tmp_path, ef.pem(ef.leaf(prod_chain[0]), *prod_chain), _login(acr_values=None))
    out = tmp_path / "report.md"
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--lang", "en", "-o", out)
    assert result.code == 1, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "## Automated evidence checks" in text
    assert "| T-CERT-01 | `evidence/client.pem` | `cert.validity` | verified |" in text
    assert (
        "| T-OIDC-01 | `evidence/login.har` | `har.acr` | contradicted | authorization request without acr_values |"
        in text
    )
    assert "check har.acr on evidence/login.har: contradicted" in text


def test_sandbox_hosts_offered_as_production_evidence_contradict(
    cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]
) -> None:
    ref = _referential(tmp_path)
    capture = ef.har(ef.authorize_entry(), ef.logout_entry(ef.BAS_ISSUER))
    decl = _declaration(tmp_path, ef.pem(ef.leaf(prod_chain[0]), *prod_chain), capture)
    text = _referential(tmp_path).read_text(encoding="utf-8").replace("har.logout]", "har.logout, har.hosts]")
    ref.write_text(text, encoding="utf-8")
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json", "--lang", "en")
    login = _finding(json.loads(result.stdout), "T-OIDC-01")
    assert login["outcome"] == "unsupported"
    assert any(
        "PSC hosts of sandbox, though the evidence is offered for production" in r["message"] for r in login["reasons"]
    )


def test_checks_run_only_on_a_fitting_kind(cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]) -> None:
    ref = _referential(tmp_path)
    decl = _declaration(tmp_path, ef.pem(ef.leaf(prod_chain[0]), *prod_chain), b"Compte rendu de test, pas un HAR.\n")
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json")
    login = _finding(json.loads(result.stdout), "T-OIDC-01")
    assert login["evidence"][0]["checks"] == []
    # a text file is not the HAR the requirement expects: the claim is unsupported, and says why (issue 13)
    assert login["outcome"] == "unsupported"
    assert "evidence_kind_mismatch" in {r["code"] for r in login["reasons"]}


def test_malformed_declared_kind_is_not_checkable_without_blocking(cli: Cli, tmp_path: Path) -> None:
    ref = _referential(tmp_path)
    decl = _declaration(tmp_path, b"-----BEGIN CERTIFICATE-----\nMIIB\n", _login())
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json")
    assert "Traceback" not in result.stderr
    cert = _finding(json.loads(result.stdout), "T-CERT-01")
    assert {c["status"] for c in cert["evidence"][0]["checks"]} == {"not_checkable"}
    assert "PEM tronqué" in cert["evidence"][0]["checks"][0]["reasons"][0]
    assert cert["outcome"] == "compliant"
    assert "check_not_checkable" in {r["code"] for r in cert["reasons"]}


def test_unknown_check_id_fails_at_load_time_with_file_and_line(cli: Cli, tmp_path: Path) -> None:
    ref = _referential(tmp_path, "[cert.validity, cert.cn_clientid]")
    result = cli("referentiel", "check", ref)
    assert_clean_error(result, "referential.yaml:", "contrôle automatique inconnu `cert.cn_clientid`")


def test_every_registered_check_resolves_and_every_referential_check_is_registered() -> None:
    registered = set(check_ids())
    assert {kind_of(check) for check in registered} == set(AUTOMATED_KINDS)
    named = {c for r in load_referential().model.requirements for c in r.checks}
    assert named <= registered
    assert named == registered, f"checks named on no requirement: {sorted(registered - named)}"


def test_subject_client_id_per_environment_is_validated(cli: Cli, tmp_path: Path) -> None:
    decl = _declaration(tmp_path, b"x", b"y").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(decl.replace("    production: editeur-test-bas", "    recette: editeur-test-bas"), encoding="utf-8")
    result = cli("validate", bad, "--referentiel", MINI, "--as-of", dt.date(2026, 11, 28).isoformat())
    assert_clean_error(result, "bad.yaml:", "psc_client_id")


def test_certificate_closer_to_expiry_than_declared_is_caught(
    cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]
) -> None:
    ref = _referential(tmp_path)
    soon = ef.leaf(prod_chain[0], start=dt.date(2025, 12, 1), end=dt.date(2026, 12, 10))
    decl = _declaration(tmp_path, ef.pem(soon, *prod_chain), _login())  # the declaration says 2028-05-06
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", AS_OF, "--format", "json")
    assert result.code == 1, result.stderr
    cert = _finding(json.loads(result.stdout), "T-CERT-01")
    assert cert["outcome"] == "unsupported"
    message = next(r["message"] for r in cert["reasons"] if r["code"] == "check_contradicted")
    assert "12 jours de validité restante, la règle en demande au moins 30" in message
    assert "expiration le 2028-05-06, le certificat expire le 2026-12-10" in message
