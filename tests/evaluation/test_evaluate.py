"""`init`, `validate` and `evaluate` end to end on the mini referential: outcomes, reasons, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests import evidence_factory as ef
from tests.conftest import MINI, Cli, Result, assert_clean_error

AS_OF = "2026-11-28"


def _write_decl(
    folder: Path,
    answers: str,
    *,
    actors: str = "[ELU]",
    level: str = "espace_de_confiance",
    extra: str = "",
    siren: str = "732829320",
) -> Path:
    text = f"""schema_version: "1"
organisation:
  name: Éditeur Test
  siren: "{siren}"
  country: FR
subject:
  name: Logiciel
  version: "1.10"
actors: {actors}
level: {level}
features:
  uses_ciba: true
habilitations:
  relied_upon:
    - actor: ELP
      reference: HAB-ELP-1
      holder: Proxy SA
      granted: 2025-01-15
      environment: bac_a_sable
{extra}answers:
{answers}"""
    path = folder / "declaration.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _evidence(folder: Path, name: str, content: bytes = b"proof") -> str:
    (folder / "evidence").mkdir(exist_ok=True)
    (folder / "evidence" / name).write_bytes(content)
    return hashlib.sha256(content).hexdigest()


def _json(cli: Cli, decl: Path, *args: str) -> tuple[Result, dict[str, Any]]:
    result = cli("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "--format", "json", *args)
    assert result.code in (0, 1), result.stderr
    return result, json.loads(result.stdout)


def _outcomes(report: dict[str, Any]) -> dict[str, str]:
    return {f["requirement_id"]: f["outcome"] for f in report["findings"]}


def _ready_answers(folder: Path) -> str:
    cap = _evidence(folder, "authorize.har", ef.har(ef.authorize_entry()))  # a HAR: the kind T-OIDC-01 expects
    cert = _evidence(folder, "client.pem", b"cert")
    return f"""  T-OIDC-01:
    status: conforme
    justification: Capture jointe.
    evidence:
      - path: evidence/authorize.har
        sha256: {cap}
        collected: 2026-10-01
  T-CIBA-01:
    status: compliant
  T-CERT-01:
    status: compliant
    evidence:
      - path: evidence/client.pem
        sha256: {cert}
        expires: 2027-06-30
        environment: production
"""


def test_init_then_evaluate_is_all_unanswered(cli: Cli, tmp_path: Path) -> None:
    decl = tmp_path / "new.yaml"
    made = cli(
        "init",
        "--actor",
        "ELU",
        "--level",
        "espace_de_confiance",
        "--feature",
        "uses_ciba",
        "-o",
        decl,
        "--referentiel",
        MINI,
    )
    assert made.code == 0, made.stderr
    assert decl.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    result, report = _json(cli, decl)
    assert result.code == 1
    assert set(_outcomes(report).values()) == {"unanswered"}
    assert report["summary"]["ready"] is False
    again = cli("init", "--actor", "ELU", "--level", "espace_de_confiance", "-o", decl, "--referentiel", MINI)
    assert_clean_error(again, "existe déjà")


def test_all_compliant_with_evidence_is_ready(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    result, report = _json(cli, decl)
    assert result.code == 0, report["problems"]
    assert report["summary"]["ready"] is True
    assert set(_outcomes(report).values()) == {"compliant"}
    evidence = report["findings"][0]["evidence"][0]
    assert evidence["status"] == "ok" and len(evidence["sha256"]) == 64
    assert {
        "schema_version",
        "tool",
        "as_of",
        "referential",
        "declaration",
        "summary",
        "findings",
        "problems",
    } <= report.keys()


def test_missing_habilitation_is_a_problem(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    decl.write_text(decl.read_text().replace("  relied_upon:\n", "  relied_upon: []\n  old:\n"), encoding="utf-8")
    text = decl.read_text().split("  old:\n")[0] + "answers:" + decl.read_text().split("answers:")[1]
    decl.write_text(text, encoding="utf-8")
    result, report = _json(cli, decl)
    assert result.code == 1
    codes = {p["code"] for p in report["problems"]}
    assert "habilitation_missing" in codes
    assert set(_outcomes(report).values()) == {"compliant"}


def test_expired_habilitation(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    decl.write_text(decl.read_text().replace("granted: 2025-01-15", "granted: 2023-11-27"), encoding="utf-8")
    result, report = _json(cli, decl)
    assert result.code == 1
    expired = [p for p in report["problems"] if p["code"] == "habilitation_expired"]
    assert expired and "HAB-ELP-1" in expired[0]["message"] and "2026-11-27" in expired[0]["message"]


def test_non_compliant_mandatory_is_not_ready(cli: Cli, tmp_path: Path) -> None:
    answers = _ready_answers(tmp_path).replace(
        "  T-CIBA-01:\n    status: compliant\n",
        "  T-CIBA-01:\n    status: non_conforme\n    justification: Pas encore fait.\n    planned: 2027-03-01\n",
    )
    result, report = _json(cli, _write_decl(tmp_path, answers))
    assert result.code == 1
    assert _outcomes(report)["T-CIBA-01"] == "non_compliant"
    assert report["summary"]["mandatory_gaps"] == 1


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (
            lambda a: a.replace("      - path: evidence/client.pem", "      - path: evidence/absent.pem"),
            "evidence_missing",
        ),
        (lambda a: a.replace("      - path: evidence/client.pem", "      - path: ../outside.pem"), "evidence_outside"),
        (lambda a: a.replace("      - path: evidence/client.pem", "      - path: /etc/hostname"), "evidence_outside"),
        (lambda a: a.replace("expires: 2027-06-30", "expires: 2026-11-01"), "evidence_expired"),
        (lambda a: a.replace("expires: 2027-06-30", "expires: 2026-12-10"), "evidence_stale"),
        (lambda a: a.replace("environment: production", "environment: bac_a_sable"), "evidence_wrong_environment"),
        (lambda a: re.sub(r"sha256: [0-9a-f]{64}", "sha256: " + "0" * 64, a, count=1), "evidence_hash_mismatch"),
    ],
)
def test_unsupported_claims(cli: Cli, tmp_path: Path, edit: Any, reason: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "outside.pem").write_bytes(b"x")
    answers = edit(_ready_answers(tmp_path / "sub"))
    _, report = _json(cli, _write_decl(tmp_path / "sub", answers))
    bad = [f for f in report["findings"] if f["outcome"] == "unsupported"]
    assert len(bad) == 1, report["findings"]
    assert reason in {r["code"] for r in bad[0]["reasons"]}
    assert report["summary"]["ready"] is False


def test_compliant_without_expected_evidence_is_unsupported(cli: Cli, tmp_path: Path) -> None:
    answers = _ready_answers(tmp_path).replace(
        "    evidence:\n      - path: evidence/authorize.har",
        "    evidence: []\n    unused:\n      - path: evidence/authorize.har",
    )
    answers = answers.split("    unused:")[0] + "  T-CIBA-01:" + answers.split("  T-CIBA-01:")[1]
    _, report = _json(cli, _write_decl(tmp_path, answers))
    finding = next(f for f in report["findings"] if f["requirement_id"] == "T-OIDC-01")
    assert finding["outcome"] == "unsupported"
    assert "no_evidence" in {r["code"] for r in finding["reasons"]}


def test_outputs_are_deterministic(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    outs = []
    for n in (1, 2):
        json_out, md_out = tmp_path / f"r{n}.json", tmp_path / f"r{n}.md"
        result = cli("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "-o", json_out, "-o", md_out)
        assert result.code == 0, result.stderr
        outs.append((json_out.read_bytes(), md_out.read_bytes()))
    assert outs[0] == outs[1]
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "r1.json").stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600
    assert "# Rapport d'écarts Pro Santé Connect" in outs[0][1].decode()


def test_english_output(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    result = cli("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "--format", "md", "--lang", "en")
    assert "# Pro Santé Connect gap report" in result.stdout


@pytest.mark.parametrize(
    ("answers", "fragments"),
    [
        (
            "  T-OIDC-1:\n    status: compliant\n",
            ["declaration.yaml:", "exigence inconnue `T-OIDC-1`", "vouliez-vous dire `T-OIDC-01` ?"],
        ),
        (
            "  T-OIDC-01:\n    status: compliant\n  T-OIDC-01:\n    status: partial\n",
            ["declaration.yaml:", "clé `T-OIDC-01` en double"],
        ),
        ("  T-OIDC-01:\n    status: complient\n", ["declaration.yaml:", "vouliez-vous dire `compliant` ?"]),
        (
            "  T-OIDC-01:\n    status: compliant\n    evidence:\n      - path: a\n        collected: 2026-02-30\n",
            ["declaration.yaml:", "date"],
        ),
    ],
)
def test_invalid_declarations(cli: Cli, tmp_path: Path, answers: str, fragments: list[str]) -> None:
    decl = _write_decl(tmp_path, answers)
    for command in ("evaluate", "validate"):
        assert_clean_error(cli(command, decl, "--referentiel", MINI, "--as-of", AS_OF), *fragments)


def test_bad_siren(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, "  T-OIDC-01:\n    status: compliant\n", siren="732829321")
    assert_clean_error(cli("validate", decl, "--referentiel", MINI), "declaration.yaml:4:10", "Luhn")


def test_validate_lints(cli: Cli, tmp_path: Path) -> None:
    answers = (
        "  T-OIDC-01:\n    status: non_applicable\n"
        "  T-CIBA-01:\n    status: partiel\n"
        "  T-OIDC-02:\n    status: compliant\n"
    )
    result = cli("validate", _write_decl(tmp_path, answers), "--referentiel", MINI)
    assert_clean_error(result, "T-OIDC-01", "non applicable sans justification", "T-CIBA-01", "sans justification")
    assert "avertissement" in result.stderr and "T-OIDC-02" in result.stderr  # FS-only requirement answered by an ELU
    ok = cli("validate", _write_decl(tmp_path, _ready_answers(tmp_path)), "--referentiel", MINI)
    assert ok.code == 0 and "OK" in ok.stdout


def test_output_never_overwrites_input(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    before = decl.read_bytes()
    same = tmp_path / "copy.json"
    result = cli("evaluate", decl, "--referentiel", MINI, "-o", decl.with_suffix(".json"), "-o", same)
    assert result.code in (0, 1)
    clash = cli("evaluate", decl, "--referentiel", MINI, "-o", tmp_path / "declaration.yaml")
    assert_clean_error(clash, "suffixe de sortie inconnu")
    assert decl.read_bytes() == before


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    decl = _write_decl(tmp_path, _ready_answers(tmp_path))
    assert_clean_error(cli("evaluate", decl, "--as-of", "2026-13-01", "--referentiel", MINI), "--as-of")
    assert_clean_error(cli("evaluate", decl, "--format", "jsn", "--referentiel", MINI), "vouliez-vous dire `json` ?")
    assert_clean_error(cli("evaluate", tmp_path / "nope.yaml", "--referentiel", MINI), "fichier introuvable")
