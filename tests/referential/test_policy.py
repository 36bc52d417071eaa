"""psc-check policy values: labelled as psc-check's in reports, overridable from a policy file (``--policy``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.errors import InputError
from checker.referential.load import load_referential
from checker.referential.policy import apply_policy, load_policy, policy_values
from tests.conftest import ROOT, Cli, assert_clean_error

AS_OF = "2026-11-28"
DECLARATION = """\
schema_version: "1"
organisation: {name: Org, siren: "123456782"}
subject: {name: Portail}
actors: [FS]
level: communaute
answers:
  PSC-SEC-06:
    status: compliant
    evidence:
      - path: scan.json
        kind: tls_scan
        collected: 2025-09-01
"""
"""A TLS scan 453 days old on the evaluation date: stale under the 365-day policy, fresh under 730 days."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "declaration.yaml").write_text(DECLARATION, encoding="utf-8")
    scan = ROOT / "examples" / "fs-standard" / "evidence" / "analyse-tls-portail-2026-10.json"
    (tmp_path / "scan.json").write_bytes(scan.read_bytes())  # a real testssl.sh scan: recognised as a TLS scan
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _finding(report: dict[str, Any], req_id: str) -> dict[str, Any]:
    return next(f for f in report["findings"] if f["requirement_id"] == req_id)


def test_every_policy_key_has_one_rationale_and_values() -> None:
    values = policy_values(load_referential())
    assert {"certificate-margin", "technical-evidence-age"} <= values.keys()
    for label, settings in values.values():
        assert label.by == "psc-check"
        assert label.rationale
        assert any(v is not None for v in settings.values())


def test_a_stale_item_under_policy_says_the_threshold_is_psc_check_policy(cli: Cli, folder: Path) -> None:
    out = folder / "report.json"
    result = cli("evaluate", folder / "declaration.yaml", "--as-of", AS_OF, "-o", out, "-o", folder / "r.md")
    assert result.code == 1, result.stderr
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    finding = _finding(report, "PSC-SEC-06")
    assert finding["outcome"] == "unsupported"
    detail = finding["evidence"][0]["detail"]
    assert "plus de 365 jours" in detail
    assert "politique psc-check « technical-evidence-age », pas par l'ANS" in detail
    assert finding["policy"] == {
        "by": "psc-check",
        "key": "technical-evidence-age",
        "rationale": finding["policy"]["rationale"],
        "max_age_days": 365,
        "min_remaining_days": None,
        "overridden": False,
    }
    assert report["policy"] is None
    markdown = (folder / "r.md").read_text(encoding="utf-8")
    assert (
        "- Politique psc-check : « technical-evidence-age » (preuve de moins de 365 jours) — choix de psc-check"
        in markdown
    )


def test_a_policy_file_overrides_the_value_and_the_report_records_it(cli: Cli, folder: Path) -> None:
    policy = _write(folder / "policy.yaml", "policy:\n  technical-evidence-age:\n    max_age_days: 730\n")
    out = folder / "report.json"
    result = cli(
        "evaluate",
        folder / "declaration.yaml",
        "--as-of",
        AS_OF,
        "--policy",
        policy,
        "-o",
        out,
        "-o",
        folder / "r.html",
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    finding = _finding(report, "PSC-SEC-06")
    assert finding["outcome"] == "compliant", result.stdout
    assert finding["policy"]["max_age_days"] == 730
    assert finding["policy"]["overridden"] is True
    assert report["policy"]["overrides"] == [
        {"key": "technical-evidence-age", "setting": "max_age_days", "before": 365, "after": 730}
    ]
    html = (folder / "r.html").read_text(encoding="utf-8")
    assert "technical-evidence-age : max_age_days 365 → 730" in html


def test_the_override_applies_to_every_requirement_with_the_key_and_leaves_others(tmp_path: Path) -> None:
    ref = load_referential()
    before = {r.id: r for r in ref.model.requirements}
    policy_file = tmp_path / "p.yaml"
    policy_file.write_text("policy:\n  certificate-margin: {min_remaining_days: 7}\n", encoding="utf-8")
    changed = apply_policy(ref, load_policy(policy_file, ref))
    for req in changed.model.requirements:
        fresh = req.evidence.freshness if req.evidence else None
        old = before[req.id].evidence
        old_fresh = old.freshness if old else None
        if fresh is not None and fresh.policy is not None and fresh.policy.key == "certificate-margin":
            assert fresh.min_remaining_days == 7
        else:
            assert fresh == old_fresh
    assert ref.policy is None  # the loaded referential itself is untouched
    assert changed.sha256 == ref.sha256


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        (
            "policy:\n  certificat-margin:\n    min_remaining_days: 10\n",
            [
                "policy.yaml:2:3",
                "clé de politique inconnue `certificat-margin`",
                "vouliez-vous dire `certificate-margin` ?",
            ],
        ),
        (
            "policy:\n  technical-evidence-age:\n    min_remaining_days: 3\n",
            ["policy.yaml:3:5", "règle max_age_days, pas min_remaining_days"],
        ),
        (
            "policy:\n  technical-evidence-age:\n    max_age_dayz: 3\n",
            ["policy.yaml:3:5", "max_age_dayz", "max_age_days"],
        ),
        ("policy:\n  technical-evidence-age:\n    max_age_days: -4\n", ["policy.yaml:3:19"]),
        ("policy:\n  technical-evidence-age: {}\n", ["policy.yaml:2:", "ne donne aucune valeur"]),
        ("polcy: {}\n", ["policy.yaml:1:1", "polcy"]),
    ],
)
def test_a_bad_policy_file_is_a_clean_error_naming_file_line_and_fix(
    cli: Cli, folder: Path, text: str, fragments: list[str]
) -> None:
    policy = _write(folder / "policy.yaml", text)
    for command in (["evaluate"], ["validate"]):
        result = cli(*command, folder / "declaration.yaml", "--as-of", AS_OF, "--policy", policy)
        assert_clean_error(result, *fragments)


def test_load_policy_raises_input_error_not_a_crash(tmp_path: Path) -> None:
    ref = load_referential()
    bad = _write(tmp_path / "p.yaml", "policy: [1, 2]\n")
    with pytest.raises(InputError, match=r"p\.yaml:1:"):
        load_policy(bad, ref)


def test_portfolio_applies_the_policy_file(cli: Cli, folder: Path) -> None:
    policy = _write(folder / "policy.yaml", "policy:\n  technical-evidence-age:\n    max_age_days: 730\n")
    out = folder / "portfolio.json"
    result = cli("portfolio", folder / "declaration.yaml", "--as-of", AS_OF, "--policy", policy, "-o", out)
    assert result.code in (0, 1), result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["policy"]["overrides"][0]["after"] == 730
    assert data["heatmap"]["PSC-SEC-06"]["D1"] == "compliant"


def test_schema_policy_is_published(cli: Cli) -> None:
    result = cli("schema", "policy")
    assert result.code == 0, result.stderr
    schema = json.loads(result.stdout)
    assert "policy" in schema["properties"]
