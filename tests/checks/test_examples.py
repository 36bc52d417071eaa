"""The README's `check-evidence` commands run on the shipped example evidence, with the exit codes it implies."""

from __future__ import annotations

import json
import re
import shlex

from tests.conftest import ROOT, Cli


def _readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- check-evidence-commands -->\n```sh\n(.*?)```", text, re.DOTALL)
    assert block, "the README lost its check-evidence commands"
    return [shlex.split(line, comments=True)[1:] for line in block.group(1).splitlines() if line.strip()]


def test_readme_check_evidence_commands(cli_process: Cli) -> None:
    """As a reader would type them: the installed executable, from the repository root."""
    commands = _readme_commands()
    results = [cli_process(*args, cwd=ROOT) for args in commands]
    codes = [result.code for result in results]
    assert codes == [0, 0, 1], codes
    report = json.loads(results[2].stdout)  # the third command asks for JSON
    assert report["status"] == "contradicted"
    assert [c["check"] for c in report["checks"] if c["status"] == "contradicted"] == ["ciba.channel"]


def test_example_evidence_is_checked_in_the_evaluation(cli: Cli) -> None:
    result = cli("evaluate", "examples/elu-lps/declaration.yaml", "--as-of", "2026-11-28", "--format", "json", cwd=ROOT)
    assert result.code == 1, result.stderr
    findings = {f["requirement_id"]: f for f in json.loads(result.stdout)["findings"]}
    channel = findings["PSC-CIBA-03"]
    assert channel["outcome"] == "partial"  # a contradicted check shows on a declared gap without changing it
    checks = {(e["path"], c["check"]): c["status"] for e in channel["evidence"] for c in e["checks"]}
    assert checks[("evidence/capture-ciba-carte-recette.json", "ciba.channel")] == "contradicted"
    assert checks[("evidence/capture-ciba-mobile-bas.json", "ciba.channel")] == "verified"
    sec05 = findings["PSC-SEC-05"]
    assert {c["check"]: c["status"] for c in sec05["evidence"][0]["checks"]}["cert.cn_client_id"] == "verified"
