"""``probe cors``: a reflected origin (with credentials) is a finding, with the exchanges recorded; the strict
variant passes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli
from tests.probe.conftest import Guard, Servers


def test_a_reflected_origin_is_flagged_and_a_strict_endpoint_passes(
    cli: Cli, servers: Servers, tmp_path: Path, guard: Guard
) -> None:
    reflect, strict = servers.url("/cors-reflect/api"), servers.url("/cors-strict/api")
    done = cli("probe", "cors", reflect, strict, "-o", tmp_path, "--ca-bundle", servers.pki.ca)
    assert done.code == 1
    findings = [line for line in done.stdout.splitlines() if line.strip().startswith("écart")]
    assert len(findings) == 2 and all("/cors-reflect/api" in f and "Credentials: true" in f for f in findings)
    assert "OPTIONS " + strict + " → 204" in done.stdout and "GET " + strict + " → 200" in done.stdout
    har = json.loads((tmp_path / "probe-cors.har").read_text(encoding="utf-8"))
    origins = {
        h["value"] for e in har["log"]["entries"] for h in e["request"]["headers"] if h["name"].lower() == "origin"
    }
    assert origins == {"https://psc-check.invalid"} and len(har["log"]["entries"]) == 4
    assert set(guard.seen) == {"127.0.0.1"}


def test_the_strict_endpoint_alone_passes(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    done = cli("probe", "cors", servers.url("/cors-strict/api"), "-o", tmp_path, "--ca-bundle", servers.pki.ca)
    assert done.code == 0
    assert "n'autorise l'origine étrangère" in done.stdout
