"""TLS scans (testssl.sh ``--jsonfile``, sslyze ``--json_out``): recognised, read into one model, checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from checker.checks.base import CheckContext, NotCheckable
from checker.checks.recognise import recognise
from checker.checks.tls import check_certificate, check_host, check_versions, load
from checker.model.referential import EvidenceKind
from tests.conftest import Cli
from tests.evidence_factory import check_json, statuses

DATA = Path(__file__).parent / "data"
GOOD = ("testssl-tls12-13.json", "sslyze-tls12-13.json")
TLS10 = ("testssl-tls10.json", "sslyze-tls10.json")
HOST = "psc-portail.ormeval.example"
CTX = CheckContext(as_of=dt.date(2026, 11, 28))


def _raw(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.mark.parametrize("name", GOOD + TLS10)
def test_each_tools_output_is_recognised_as_a_tls_scan(name: str) -> None:
    assert recognise(_raw(name)) is EvidenceKind.TLS_SCAN


@pytest.mark.parametrize("name", GOOD)
def test_only_tls_12_and_13_verify_the_versions(name: str) -> None:
    scan = load(_raw(name))
    (endpoint,) = scan.endpoints
    assert (endpoint.host, endpoint.port) == (HOST, 443)
    assert {p for p, on in endpoint.offered.items() if on} == {"TLS 1.2", "TLS 1.3"}
    assert check_versions(scan, CTX).status == "verified"


@pytest.mark.parametrize("name", TLS10)
def test_tls_10_offered_contradicts_the_versions(name: str) -> None:
    found = check_versions(load(_raw(name)), CTX)
    assert found.status == "contradicted"
    assert [r.key for r in found.reasons] == ["check.tls.forbidden_offered"]
    assert found.reasons[0].params["versions"] == "TLS 1.0"


@pytest.mark.parametrize("name", GOOD)
def test_the_certificate_is_valid_only_between_its_dates(name: str) -> None:
    scan = load(_raw(name))
    assert check_certificate(scan, CTX).status == "verified"
    assert check_certificate(scan, CheckContext(as_of=dt.date(2027, 2, 2))).status == "contradicted"
    assert check_certificate(scan, CheckContext(as_of=dt.date(2026, 1, 31))).status == "contradicted"


@pytest.mark.parametrize("name", GOOD)
def test_the_host_scanned_must_be_a_declared_host(name: str) -> None:
    scan = load(_raw(name))
    assert check_host(scan, CTX).status == "not_checkable"
    assert check_host(scan, CheckContext(as_of=CTX.as_of, hosts=(HOST.upper(),))).status == "verified"
    other = check_host(scan, CheckContext(as_of=CTX.as_of, hosts=("autre.example",)))
    assert other.status == "contradicted"


def _testssl(**findings: str) -> bytes:
    rows = [
        {"id": i, "ip": "h.example/192.0.2.1", "port": "443", "severity": "INFO", "finding": f}
        for i, f in findings.items()
    ]
    return json.dumps(rows).encode()


def test_a_version_the_scan_does_not_report_on_is_not_checkable_never_verified() -> None:
    found = check_versions(load(_testssl(TLS1_2="offered", TLS1_3="offered")), CTX)
    assert found.status == "not_checkable"


def test_no_modern_version_offered_is_contradicted() -> None:
    states = dict.fromkeys(("SSLv2", "SSLv3", "TLS1", "TLS1_1", "TLS1_2", "TLS1_3"), "not offered")
    assert check_versions(load(_testssl(**states)), CTX).status == "contradicted"


def test_several_certificates_are_each_checked() -> None:
    rows: list[dict[str, Any]] = [
        {"id": "TLS1_2", "ip": "h.example/192.0.2.1", "port": "443", "severity": "OK", "finding": "offered"},
        {"id": "cert_notAfter <hostCert#1>", "ip": "h.example/192.0.2.1", "port": "443", "finding": "2027-01-01 00:00"},
        {
            "id": "cert_notBefore <hostCert#1>",
            "ip": "h.example/192.0.2.1",
            "port": "443",
            "finding": "2026-01-01 00:00",
        },
        {"id": "cert_notAfter <hostCert#2>", "ip": "h.example/192.0.2.1", "port": "443", "finding": "2026-06-01 00:00"},
        {
            "id": "cert_notBefore <hostCert#2>",
            "ip": "h.example/192.0.2.1",
            "port": "443",
            "finding": "2025-06-01 00:00",
        },
    ]
    found = check_certificate(load(json.dumps(rows).encode()), CTX)
    assert found.status == "contradicted"
    assert [r.params["end"] for r in found.reasons] == ["2026-06-01"]


@pytest.mark.parametrize(
    "raw",
    [b"[]", b'{"server_scan_results": "x"}', b'[{"id": "heartbleed", "finding": "ok"}]', b"not json", b"{}"],
)
def test_what_is_not_a_scan_is_not_checkable(raw: bytes) -> None:
    with pytest.raises(NotCheckable):
        load(raw)


def test_a_malformed_sslyze_result_is_read_without_crashing() -> None:
    data = {"server_scan_results": [{"server_location": {"hostname": 3}, "scan_result": {"tls_1_2_cipher_suites": 1}}]}
    scan = load(json.dumps(data).encode())
    assert scan.endpoints[0].host == "?"
    assert check_versions(scan, CTX).status == "not_checkable"
    assert check_certificate(scan, CTX).status == "not_checkable"


def test_check_evidence_runs_the_tls_checks(cli: Cli) -> None:
    code, report = check_json(cli, DATA / "sslyze-tls10.json")
    assert code == 1, report
    assert report["kind"] == "tls_scan"
    assert statuses(report) == {
        "tls.versions": "contradicted",
        "tls.certificate": "verified",
        "tls.host": "not_checkable",
    }
