"""`check-evidence` on X.509 certificates built at test time under IGC-Santé-like TEST and production CAs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests import evidence_factory as ef
from tests.conftest import Cli

AS_OF = "2026-11-28"


@pytest.fixture(scope="module")
def test_chain() -> list[ef.Issued]:
    return ef.ca_chain(test=True)


@pytest.fixture(scope="module")
def prod_chain() -> list[ef.Issued]:
    return ef.ca_chain(test=False)


def run(cli: Cli, path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = cli("check-evidence", path, "--as-of", AS_OF, "--format", "json", *args)
    assert "Traceback" not in result.stderr
    return result.code, json.loads(result.stdout)


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {c["check"]: c["status"] for c in report["checks"]}


def reasons(report: dict[str, Any], check: str) -> str:
    return " | ".join(next(c["reasons"] for c in report["checks"] if c["check"] == check))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_good_sandbox_certificate_with_chain_is_verified(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    cert = write(tmp_path, "client.pem", ef.pem(ef.leaf(test_chain[0]), *test_chain))
    code, report = run(cli, cert, "--client-id", ef.CLIENT_ID, "--environment", "bac_a_sable")
    assert code == 0, report
    assert statuses(report) == {
        "cert.validity": "verified",
        "cert.issuer": "verified",
        "cert.auth_cli": "verified",
        "cert.cn_client_id": "verified",
    }
    assert report["kind"] == "certificate" and report["kind_source"] == "recognised"
    assert "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS" in reasons(report, "cert.issuer")
    assert "TEST AC RACINE IGC-SANTE ELEMENTAIRE" in reasons(report, "cert.issuer")


def test_der_leaf_alone_is_read_and_said_unchained(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    cert = write(tmp_path, "client.der", ef.der(ef.leaf(test_chain[0])))
    code, report = run(cli, cert, "--lang", "en")
    assert code == 0, report
    assert statuses(report)["cert.issuer"] == "verified"
    assert "only the issuer's name is checked" in reasons(report, "cert.issuer")
    assert statuses(report)["cert.cn_client_id"] == "not_checkable"
    assert "--client-id" in reasons(report, "cert.cn_client_id")


@pytest.mark.parametrize(
    ("start", "end", "fragment"),
    [
        pytest.param(dt.date(2023, 1, 1), dt.date(2026, 10, 31), "a expiré le 2026-10-31", id="expired"),
        pytest.param(dt.date(2027, 1, 1), dt.date(2029, 1, 1), "2027-01-01", id="not-yet-valid"),
    ],
)
def test_a_certificate_outside_its_validity_is_contradicted(
    cli: Cli, tmp_path: Path, test_chain: list[ef.Issued], start: dt.date, end: dt.date, fragment: str
) -> None:
    cert = ef.leaf(test_chain[0], start=start, end=end)
    code, report = run(cli, write(tmp_path, "client.pem", ef.pem(cert)))
    assert code == 1
    assert statuses(report)["cert.validity"] == "contradicted"
    assert fragment in reasons(report, "cert.validity")


def test_wrong_eku_is_contradicted(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    server = ef.leaf(test_chain[0], eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    code, report = run(cli, write(tmp_path, "server.pem", ef.pem(server)), "--lang", "en")
    assert code == 1
    assert statuses(report)["cert.auth_cli"] == "contradicted"
    assert "without clientAuth (serverAuth)" in reasons(report, "cert.auth_cli")


def test_weak_key_and_no_structure_ou_are_contradicted(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    weak = ef.leaf(test_chain[0], eku=[], key_size=1024, ou="Service informatique")
    code, report = run(cli, write(tmp_path, "weak.pem", ef.pem(weak)), "--lang", "en")
    assert code == 1
    text = reasons(report, "cert.auth_cli")
    assert "key RSA 1024 refused" in text
    assert "no OU holds a structure identifier" in text


def test_missing_eku_is_not_a_contradiction(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    """The AUTH_CLI profile bits are a known gap: without an EKU extension no usage is restricted (RFC 5280)."""
    plain = ef.leaf(test_chain[0], eku=[])
    _, report = run(cli, write(tmp_path, "plain.pem", ef.pem(plain)), "--lang", "en")
    assert statuses(report)["cert.auth_cli"] == "verified"
    assert "no extendedKeyUsage extension: no usage is restricted" in reasons(report, "cert.auth_cli")


def test_cn_other_than_client_id_is_contradicted(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    other = ef.leaf(test_chain[0], cn="autre-client")
    code, report = run(cli, write(tmp_path, "other.pem", ef.pem(other)), "--client-id", ef.CLIENT_ID)
    assert code == 1
    assert statuses(report)["cert.cn_client_id"] == "contradicted"
    assert "« autre-client »" in reasons(report, "cert.cn_client_id")
    assert ef.CLIENT_ID in reasons(report, "cert.cn_client_id")


def test_production_chain_offered_as_sandbox_evidence_is_contradicted(
    cli: Cli, tmp_path: Path, prod_chain: list[ef.Issued]
) -> None:
    cert = write(tmp_path, "prod.pem", ef.pem(ef.leaf(prod_chain[0]), *prod_chain))
    code, report = run(cli, cert, "--environment", "bac_a_sable")
    assert code == 1
    assert statuses(report)["cert.issuer"] == "contradicted"
    assert "AC de production, mais la preuve est présentée pour bac à sable" in reasons(report, "cert.issuer")
    code, report = run(cli, cert, "--environment", "production")
    assert code == 0, report


def test_foreign_issuer_and_broken_chain_are_contradicted(
    cli: Cli, tmp_path: Path, test_chain: list[ef.Issued], prod_chain: list[ef.Issued]
) -> None:
    own_ca = ef.ca_chain(test=True)[1]  # a root named like the TEST root, but another key
    bogus = ef.Issued(own_ca.cert, own_ca.key)
    stray = ef.leaf(bogus)  # issued by a root, not by an organisations CA
    code, report = run(cli, write(tmp_path, "stray.pem", ef.pem(stray)), "--lang", "en")
    assert code == 1
    assert "not an IGC-Santé Organisations CA" in reasons(report, "cert.issuer")
    mixed = ef.pem(ef.leaf(test_chain[0]), prod_chain[0])
    code, report = run(cli, write(tmp_path, "mixed.pem", mixed), "--lang", "en")
    assert code == 1
    assert "broken chain" in reasons(report, "cert.issuer")


def test_forged_chain_signature_is_contradicted(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    impostor = ef.ca_chain(test=True)  # same names, other keys: the leaf does not verify with the real CA
    cert = ef.pem(ef.leaf(impostor[0]), test_chain[0], test_chain[1])
    code, report = run(cli, write(tmp_path, "forged.pem", cert), "--lang", "en")
    assert code == 1
    assert "does not verify with" in reasons(report, "cert.issuer")


def test_private_key_beside_the_certificate_is_contradicted(
    cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]
) -> None:
    issued = ef.leaf(test_chain[0])
    code, report = run(cli, write(tmp_path, "bundle.pem", ef.pem(issued) + ef.private_key_pem(issued)))
    assert code == 1
    assert "clé privée" in reasons(report, "cert.auth_cli")


def test_console_output_names_each_check(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    cert = write(tmp_path, "client.pem", ef.pem(ef.leaf(test_chain[0], cn="autre")))
    result = cli("check-evidence", cert, "--as-of", AS_OF, "--client-id", ef.CLIENT_ID, "--kind", "certificate")
    assert result.code == 1
    assert "✗ contredit: cert.cn_client_id" in result.stdout
    assert "✓ vérifié: cert.validity" in result.stdout
    assert "Type de preuve: certificat (indiqué)" in result.stdout


def test_a_ca_certificate_offered_as_client_certificate(cli: Cli, tmp_path: Path, test_chain: list[ef.Issued]) -> None:
    code, report = run(cli, write(tmp_path, "ca.pem", ef.pem(ef.leaf(test_chain[0], ca=True))), "--lang", "en")
    assert code == 1
    assert "a CA certificate offered as a client certificate" in reasons(report, "cert.auth_cli")
