"""For every actor and level of the bundled referential: init → all unanswered; filled in → ready."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.checks.runner import AUTOMATED_KINDS
from checker.referential.load import load_referential
from tests.conftest import Cli

AS_OF = dt.date(2026, 11, 28)
RECOGNISABLE = {k.value for k in AUTOMATED_KINDS}
SITUATIONS = [
    ("FS", "communaute"),
    ("FIT", "communaute"),
    ("ELU", "espace_de_confiance"),
    ("ELP", "espace_de_confiance"),
    ("OSU", "espace_de_confiance"),
    ("OSP", "espace_de_confiance"),
]


def _evaluate(cli: Cli, decl: Path) -> tuple[int, dict[str, Any]]:
    result = cli("evaluate", decl, "--as-of", AS_OF.isoformat(), "--format", "json")
    assert result.code in (0, 1), result.stderr
    return result.code, json.loads(result.stdout)


def _only_recognisable(req_id: str) -> bool:
    """The requirement's evidence is required and only a file psc-check recognises (a HAR, a certificate…) fits."""
    spec = load_referential().requirements[req_id].evidence
    return spec is not None and spec.required and {k.value for k in spec.kinds} <= RECOGNISABLE


def _fill(data: dict[str, Any], folder: Path) -> None:
    """Every answer ``compliant``, citing one text file of the first expected kind no recogniser covers."""
    ref = load_referential()
    proof = folder / "evidence" / "proof.txt"
    proof.parent.mkdir()
    proof.write_bytes(b"preuve")
    digest = hashlib.sha256(b"preuve").hexdigest()
    for req_id, answer in data["answers"].items():
        spec = ref.requirements[req_id].evidence
        answer["status"] = "compliant"
        if spec is None:
            continue
        uncovered = [k for k in spec.kinds if k.value not in RECOGNISABLE]
        item = {
            "path": "evidence/proof.txt",
            "sha256": digest,
            "kind": (uncovered or spec.kinds)[0].value,
            "collected": str(AS_OF - dt.timedelta(days=10)),
            "expires": str(AS_OF + dt.timedelta(days=400)),
        }
        if spec.environment is not None:
            item["environment"] = spec.environment.value
        answer["evidence"] = [item]


def _habilitations(actor: str) -> list[dict[str, str]]:
    ref = load_referential()
    out = []
    for dep in ref.actors[actor].relies_on:
        env = ref.actors[dep].habilitation_environment
        out.append(
            {
                "actor": dep,
                "reference": f"HAB-{dep}-1",
                "holder": "Tiers SA",
                "granted": "2025-06-01",
                "environment": env.value if env else "production",
            }
        )
    return out


@pytest.mark.parametrize(("actor", "level"), SITUATIONS)
def test_init_fill_evaluate(cli: Cli, tmp_path: Path, actor: str, level: str) -> None:
    decl = tmp_path / "declaration.yaml"
    features = ["--feature", "delegates_to_fi_tiers"] if actor == "FIT" else []
    made = cli(
        "init",
        "--actor",
        actor,
        "--level",
        level,
        "--organisation",
        "Org",
        "--siren",
        "732829320",
        "-o",
        decl,
        *features,
    )
    assert made.code == 0, made.stderr
    code, report = _evaluate(cli, decl)
    assert code == 1
    assert report["findings"] and {f["outcome"] for f in report["findings"]} == {"unanswered"}

    data = yaml.load(decl.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    _fill(data, tmp_path)
    decl.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, report = _evaluate(cli, decl)
    # a text file never supports a claim whose evidence can only be a recognised file (issue 13): those are
    # unsupported, with the reason; the test then answers them not applicable, with a justification
    unsupported = {f["requirement_id"] for f in report["findings"] if f["outcome"] == "unsupported"}
    assert unsupported == {f["requirement_id"] for f in report["findings"] if _only_recognisable(f["requirement_id"])}
    for f in report["findings"]:
        if f["requirement_id"] in unsupported:
            assert "evidence_kind_mismatch" in {r["code"] for r in f["reasons"]}
            data["answers"][f["requirement_id"]] = {"status": "not_applicable", "justification": "hors du test"}
    decl.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, report = _evaluate(cli, decl)
    errors = {p["code"] for p in report["problems"] if p["severity"] == "error"}
    assert {f["outcome"] for f in report["findings"]} <= {"compliant", "not_applicable"}, report["findings"]
    assert {f["assurance"] for f in report["findings"] if f["outcome"] == "compliant"} <= {"present", "declared"}
    deps = _habilitations(actor)
    if deps:
        assert code == 1 and errors == {"habilitation_missing"}
        data["habilitations"]["relied_upon"] = deps
        decl.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        code, report = _evaluate(cli, decl)
    assert code == 0, report["problems"]
    assert report["summary"]["ready"] is True
