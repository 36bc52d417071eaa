"""``probe proxy`` against a fake Proxy e-Santé: a 500 to a malformed /connect is a contract failure; the conforming
fake passes; a host that does not look like a sandbox is refused unless --i-know."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli
from tests.probe.conftest import Guard, Servers


def test_a_500_to_a_malformed_connect_is_a_contract_failure(
    cli: Cli, servers: Servers, tmp_path: Path, guard: Guard
) -> None:
    done = cli("probe", "proxy", servers.url("/proxy-bad"), "-o", tmp_path, "--ca-bundle", servers.pki.ca)
    assert done.code == 1
    assert "POST /connect (connect_empty) : 500 (erreur du serveur) au lieu de 400" in done.stdout
    contract = json.loads((tmp_path / "probe-proxy-contract.json").read_text(encoding="utf-8"))
    assert contract["format"] == "psc-check-proxy-contract"
    failed = {c["id"] for c in contract["cases"] if not c["conforms"]}
    assert failed == {c["id"] for c in contract["cases"] if c["request"] == "POST /connect"}
    har = json.loads((tmp_path / "probe-proxy.har").read_text(encoding="utf-8"))
    assert len(har["log"]["entries"]) == len(contract["cases"]) == 8
    assert set(guard.seen) == {"127.0.0.1"}


def test_the_conforming_proxy_passes_and_its_traces_are_checked(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    done = cli("probe", "proxy", servers.url("/proxy-good"), "-o", tmp_path, "--ca-bundle", servers.pki.ca)
    assert done.code == 0, done.stdout
    assert "vérifié traces.fields" in done.stdout and "les 8 cas du contrat" in done.stdout
    traces = json.loads((tmp_path / "probe-proxy-traces.json").read_text(encoding="utf-8"))
    assert [t["type"] for t in traces] == ["CONNECT_FAILURE"]


def test_a_host_that_does_not_look_like_a_sandbox_is_refused_unless_i_know(
    cli: Cli, tmp_path: Path, guard: Guard
) -> None:
    refused = cli("probe", "proxy", "https://proxy.editeur.fr", "-o", tmp_path)
    assert refused.code == 2 and "--i-know" in refused.stderr
    planned = cli("probe", "proxy", "https://proxy.editeur.fr", "--dry-run", "--i-know")
    assert planned.code == 0 and "https://proxy.editeur.fr/connect" in planned.stdout
    sandbox = cli("probe", "proxy", "https://proxy.bas.editeur.fr", "--dry-run")
    assert sandbox.code == 0
    claimed = cli("probe", "proxy", "https://proxy.bas.editeur.fr", "--dry-run", "--environment", "production")
    assert claimed.code == 2 and "--i-know" in claimed.stderr
    assert guard.seen == []
