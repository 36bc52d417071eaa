"""``--cite``: the probe's files are cited through ``evidence add``'s own code (hash, kind, collected date,
environment), and the next ``evaluate`` of the fs-standard example shows those findings as machine-verified."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from checker.inputs.yamlload import load_yaml_text
from tests.conftest import ROOT, Cli, Result
from tests.probe.conftest import Guard, Servers

_RAISED = {"PSC-OIDC-05": "typed", "PSC-SEC-01": "present"}
"""The fs-standard answers the login probe raises to machine_verified, and their level before."""


def _fs_standard(tmp_path: Path) -> Path:
    """The declaration of a working copy of the fs-standard example."""
    example = tmp_path / "fs-standard"
    shutil.copytree(ROOT / "examples" / "fs-standard", example)
    return example / "declaration.yaml"


def _probe_citing(
    cli: Cli, servers: Servers, probe: str, target: str, out: Path, declaration: Path, *requirements: str
) -> Result:
    """``probe PROBE TARGET -o OUT`` trusting the test CA, citing its files in ``declaration`` for ``requirements``."""
    cited = [arg for requirement in requirements for arg in ("-r", requirement)]
    return cli("probe", probe, target, "-o", out, "--ca-bundle", servers.pki.ca, "--cite", declaration, *cited)


def _findings(cli: Cli, declaration: Path) -> dict[str, dict[str, Any]]:
    done = cli("evaluate", declaration, "--format", "json", "-o", declaration.parent / "report.json")
    assert done.code in (0, 1), done.stderr
    report = json.loads((declaration.parent / "report.json").read_text(encoding="utf-8"))
    (declaration.parent / "report.json").unlink()
    return {f["requirement_id"]: f for f in report["findings"]}


def test_cite_makes_evaluate_show_the_findings_as_machine_verified(cli: Cli, servers: Servers, tmp_path: Path) -> None:
    declaration = _fs_standard(tmp_path)
    before = _findings(cli, declaration)
    assert {r: before[r]["assurance"] for r in _RAISED} == _RAISED

    out = declaration.parent / "evidence" / "sonde"
    done = _probe_citing(
        cli, servers, "login", servers.url("/good/login"), out, declaration, "PSC-OIDC-04", "PSC-OIDC-05", "PSC-SEC-01"
    )
    assert done.code == 0, done.stdout + done.stderr
    har = out / "probe-login.har"
    answers = load_yaml_text(declaration.read_text(encoding="utf-8"), str(declaration)).data["answers"]
    for requirement in ("PSC-OIDC-04", *_RAISED):
        [item] = [e for e in answers[requirement]["evidence"] if e["path"] == "evidence/sonde/probe-login.har"]
        assert item["sha256"] == hashlib.sha256(har.read_bytes()).hexdigest()
        assert item["kind"] == "http_capture" and item["environment"] == "bac_a_sable"
        assert str(item["collected"]) == dt.date.today().isoformat()
        assert item["description"] == "Produite par psc-check probe login"
        assert f"{requirement}" in done.stdout

    after = _findings(cli, declaration)
    for requirement in ("PSC-OIDC-04", *_RAISED):
        assert after[requirement]["assurance"] == "machine_verified"
        [cited] = [e for e in after[requirement]["evidence"] if e["path"] == "evidence/sonde/probe-login.har"]
        assert cited["status"] == "ok" and {c["status"] for c in cited["checks"]} == {"verified"}


def test_cite_refuses_a_requirement_expecting_none_of_the_kinds_produced(
    cli: Cli, servers: Servers, tmp_path: Path
) -> None:
    declaration = _fs_standard(tmp_path)
    original = declaration.read_bytes()
    out = declaration.parent / "evidence" / "tls"
    done = _probe_citing(cli, servers, "tls", f"127.0.0.1:{servers.port}", out, declaration, "PSC-OIDC-04")
    assert done.code == 2 and "PSC-OIDC-04" in done.stderr and "tls_scan" in done.stderr
    assert declaration.read_bytes() == original


def test_cite_and_requirement_go_together(cli: Cli, tmp_path: Path) -> None:
    alone = cli("probe", "tls", "127.0.0.1:1", "-o", tmp_path, "--cite", tmp_path / "d.yaml")
    assert alone.code == 2 and "--requirement" in alone.stderr
    orphan = cli("probe", "tls", "127.0.0.1:1", "-o", tmp_path, "-r", "PSC-OIDC-04")
    assert orphan.code == 2 and "--cite" in orphan.stderr


def test_cite_checks_the_declaration_and_the_folder_before_any_request(
    cli: Cli, servers: Servers, tmp_path: Path, guard: Guard
) -> None:
    declaration = tmp_path / "vendor" / "declaration.yaml"
    declaration.parent.mkdir()
    declaration.write_text("x: 1\n", encoding="utf-8")
    url = servers.url("/good/login")
    outside = cli("probe", "login", url, "-o", tmp_path / "elsewhere", "--cite", declaration, "-r", "PSC-OIDC-04")
    assert outside.code == 2 and "hors du dossier de la déclaration" in outside.stderr
    missing = cli("probe", "login", url, "-o", tmp_path / "x", "--cite", tmp_path / "nope.yaml", "-r", "PSC-OIDC-04")
    assert missing.code == 2 and "nope.yaml" in missing.stderr
    assert guard.seen == []
