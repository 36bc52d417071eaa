"""``probe tls`` against local servers: TLS 1.2+ verifies ``tls.versions``; TLS 1.0 accepted contradicts it where the
local OpenSSL can offer it, and a version the local OpenSSL cannot offer is "not testable here", never guessed."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from checker.checks.recognise import recognise
from checker.model.referential import EvidenceKind
from checker.probe import tls as probe_tls
from tests.conftest import Cli
from tests.probe.conftest import Guard, Servers


def _scan(cli: Cli, servers: Servers, port: int, folder: Path, *extra: str) -> tuple[int, str, dict[str, Any]]:
    done = cli("probe", "tls", f"127.0.0.1:{port}", "-o", folder, "--ca-bundle", servers.pki.ca, *extra)
    assert done.stderr == ""
    return done.code, done.stdout, json.loads((folder / "probe-tls.json").read_text(encoding="utf-8"))


def test_a_tls_12_plus_server_verifies_the_versions_and_records_the_chain(
    cli: Cli, servers: Servers, tmp_path: Path, guard: Guard
) -> None:
    code, out, doc = _scan(cli, servers, servers.port, tmp_path)
    assert code == 0
    assert "vérifié tls.versions" in out and "vérifié tls.certificate" in out
    assert doc["format"] == "psc-check-tls-scan" and doc["version"] == 1
    [end] = doc["endpoints"]
    assert end["protocols"] == {
        "SSLv2": "refused",
        "SSLv3": "refused",
        "TLS 1.0": "refused",
        "TLS 1.1": "refused",
        "TLS 1.2": "offered",
        "TLS 1.3": "offered",
    }
    assert end["verification"] == {"verified": True, "error": None}
    assert [c["subject"] for c in end["chain"]] == ["CN=localhost", "CN=psc-check test CA"]
    assert "localhost" in end["chain"][0]["names"] and "127.0.0.1" in end["chain"][0]["names"]
    assert set(guard.seen) == {"127.0.0.1"}
    # the same file is recognised as a TLS scan and read by check-evidence like a testssl.sh or sslyze output
    assert recognise((tmp_path / "probe-tls.json").read_bytes()) is EvidenceKind.TLS_SCAN
    again = cli("check-evidence", tmp_path / "probe-tls.json", "--format", "json")
    results = {c["check"]: c["status"] for c in json.loads(again.stdout)["checks"]}
    assert results["tls.versions"] == "verified" and results["tls.certificate"] == "verified"


def test_a_server_accepting_tls_10_contradicts_the_versions(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    if servers.old_port is None or probe_tls._version_context("TLSv1") is None:
        pytest.skip("the local OpenSSL can neither serve nor offer TLS 1.0 (the next test covers that case)")
    code, out, doc = _scan(cli, servers, servers.old_port, tmp_path, "--lang", "en")
    assert code == 1
    assert "contradicted tls.versions" in out and "TLS 1.0" in out
    assert doc["endpoints"][0]["protocols"]["TLS 1.0"] == "offered"


def test_a_version_the_local_openssl_cannot_offer_is_not_testable_here(
    cli: Cli, servers: Servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a machine whose OpenSSL refuses TLS 1.0 and 1.1 outright: the scan says so, the check cannot conclude."""
    real = probe_tls._version_context
    monkeypatch.setattr(
        probe_tls, "_version_context", lambda name: None if name in ("TLSv1", "TLSv1_1") else real(name)
    )
    code, out, doc = _scan(cli, servers, servers.port, tmp_path)
    assert code == 2
    assert "TLS 1.0 : non testable ici" in out and "TLS 1.1 : non testable ici" in out
    assert "non vérifiable tls.versions" in out
    protocols = doc["endpoints"][0]["protocols"]
    assert protocols["TLS 1.0"] == protocols["TLS 1.1"] == "not_testable"


def test_the_real_local_openssl_is_asked_offline_whether_it_can_offer_a_version() -> None:
    assert probe_tls._version_context("TLSv1_2") is not None
    assert probe_tls._version_context("TLSv1_3") is not None


@pytest.mark.parametrize("target", ["", "host:0", "host:99999", "a b", "[::1", "host/x"])
def test_a_bad_target_exits_2(cli: Cli, tmp_path: Path, target: str) -> None:
    done = cli("probe", "tls", target, "-o", tmp_path)
    assert done.code == 2 and "HÔTE[:PORT]" in done.stderr


def test_a_silent_server_is_no_answer_never_refused(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that accepts connections and never speaks: every version unknown, the check cannot conclude."""
    monkeypatch.setattr(probe_tls, "TIMEOUT", 0.2)
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                held.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        done = cli("probe", "tls", f"127.0.0.1:{listener.getsockname()[1]}", "-o", tmp_path, "--lang", "en")
    finally:
        listener.close()
        for conn in held:
            conn.close()
    assert done.code == 2, done.stderr
    protocols = json.loads((tmp_path / "probe-tls.json").read_text(encoding="utf-8"))["endpoints"][0]["protocols"]
    assert set(protocols.values()) == {"no_answer"}
    assert "TLS 1.2: no answer from the server (unknown, not guessed)" in done.stdout
    assert "not checkable tls.versions" in done.stdout
