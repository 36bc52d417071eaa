"""The probes' manners: the test guard itself bites, httpx missing is one clear message, hosts not named are refused."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from checker.model.referential import EvidenceKind
from checker.probe.net import HttpSession, ProbeError, origin_of
from tests.conftest import Cli
from tests.probe.conftest import Guard, Servers


def test_the_guard_refuses_and_reports_an_address_outside_loopback(guard: Guard) -> None:
    with pytest.raises(OSError, match="outside 127"):
        socket.create_connection(("192.0.2.1", 443), timeout=0.1)
    with pytest.raises(OSError, match="outside 127"):
        socket.getaddrinfo("wallet.bas.psc.esante.gouv.fr", 443)
    assert guard.outside == ["192.0.2.1", "wallet.bas.psc.esante.gouv.fr"]
    guard.outside.clear()  # this test asked for it


def test_without_httpx_the_probe_names_the_extra_to_install(
    cli: Cli, servers: Servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)  # what `import httpx` meets when the extra is not installed
    done = cli("probe", "cors", servers.url("/cors-strict/api"), "-o", tmp_path, "--ca-bundle", servers.pki.ca)
    assert done.code == 2
    assert "pip install 'psc-checker[probe]'" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_host_not_named_is_never_requested(servers: Servers, guard: Guard) -> None:
    allowed = frozenset({origin_of(servers.url("/"))})
    with HttpSession(allowed, ca_bundle=servers.pki.ca) as session, pytest.raises(ProbeError) as refused:
        session.request("GET", f"https://localhost:{servers.port}/good/login")  # same server, another name
    assert refused.value.reason.key == "probe.host_not_named"
    assert guard.seen == []


def test_the_request_budget_is_enforced(servers: Servers) -> None:
    allowed = frozenset({origin_of(servers.url("/"))})
    with HttpSession(allowed, ca_bundle=servers.pki.ca, max_requests=2) as session:
        session.request("GET", servers.url("/cors-strict/api"))
        session.request("GET", servers.url("/cors-strict/api"))
        with pytest.raises(ProbeError) as spent:
            session.request("GET", servers.url("/cors-strict/api"))
    assert spent.value.reason.key == "probe.budget_requests"
    assert len(session.exchanges) == 2


def test_the_kinds_of_the_files_are_the_ones_evidence_add_recognises() -> None:
    """A psc-check HAR is still a HAR (its creator does not matter), a psc-check scan a tls_scan."""
    from checker.checks.recognise import recognise

    har = b'{"log": {"creator": {"name": "psc-check"}, "entries": [{"request": {"url": "https://a.fr/", "method": "GET"}}]}}'
    scan = b'{"format": "psc-check-tls-scan", "version": 1, "endpoints": []}'
    assert recognise(har) is EvidenceKind.HTTP_CAPTURE
    assert recognise(scan) is EvidenceKind.TLS_SCAN
    assert recognise(scan.replace(b'"version": 1', b'"version": 2')) is None  # an unknown version is not guessed
