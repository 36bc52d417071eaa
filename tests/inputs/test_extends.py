"""`extends:`: organisation-level answers and habilitations inherited by products, each output naming the source."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import MINI, Cli, assert_clean_error
from tests.declarations import ELP_HABILITATION

ORG = """organisation:
  name: Éditeur Groupe
  siren: "732829320"
  country: FR
{habilitations}
answers:
  T-OIDC-01:
    status: compliant
    evidence:
      - path: evidence/authorize.har
        sha256: {sha}
  T-CIBA-01:
    status: compliant
"""
PRODUCT = """extends: {base}
subject:
  name: Produit A
actors: [ELU]
level: espace_de_confiance
features:
  uses_ciba: true
answers:
  T-CIBA-01:
    status: partial
    justification: Produit A n'a pas encore le mode poll.
  T-CERT-01:
    status: not_applicable
    justification: Pas de certificat propre.
"""


_HAR = b'{"log": {"entries": []}}'
"""An (empty) HAR: the kind of evidence T-OIDC-01 expects."""


def _tree(root: Path, base: str = "../organisation.yaml") -> Path:
    (root / "evidence").mkdir(parents=True)
    (root / "evidence" / "authorize.har").write_bytes(_HAR)
    (root / "organisation.yaml").write_text(
        ORG.format(habilitations=ELP_HABILITATION, sha=hashlib.sha256(_HAR).hexdigest()), encoding="utf-8"
    )
    (root / "product").mkdir()
    decl = root / "product" / "declaration.yaml"
    decl.write_text(PRODUCT.format(base=base), encoding="utf-8")
    return decl


def test_answers_and_habilitations_are_inherited(cli: Cli, tmp_path: Path) -> None:
    decl = _tree(tmp_path)
    product = ("--allow-extends-outside", "evaluate", "product/declaration.yaml", "--referentiel", MINI)
    result = cli(*product, "--as-of", "2026-11-28", "--format", "json", cwd=tmp_path)
    assert result.code == 1, result.stderr  # T-CIBA-01 is partial in the product
    report = json.loads(result.stdout)
    findings = {f["requirement_id"]: f for f in report["findings"]}
    assert findings["T-OIDC-01"]["outcome"] == "compliant"  # evidence resolved beside organisation.yaml
    assert findings["T-OIDC-01"]["source"] == "organisation.yaml"
    assert findings["T-OIDC-01"]["line"] == 13
    assert findings["T-CIBA-01"]["outcome"] == "partial"  # overridden by the product
    assert findings["T-CIBA-01"]["source"] == "product/declaration.yaml"
    assert "habilitation_missing" not in {p["code"] for p in report["problems"]}
    md = cli(
        "--allow-extends-outside", "evaluate", decl, "--referentiel", MINI, "--as-of", "2026-11-28", "--format", "md"
    ).stdout
    assert "Réponse héritée de" in md or "T-OIDC-01" in md
    sarif = tmp_path / "r.sarif"
    cli(*product, "--as-of", "2026-11-28", "-o", sarif, cwd=tmp_path)
    uris = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(sarif.read_text())["runs"][0]["results"]
    }
    assert uris["T-CIBA-01"] == "product/declaration.yaml"


@pytest.mark.parametrize(
    ("base", "fragment"),
    [
        ("/etc/passwd", "sort de l'arborescence du dossier de la déclaration"),
        ("../../../../../x.yaml", "sort de l'arborescence du dossier de la déclaration"),
        ("sub/../../../x.yaml", "sort de l'arborescence du dossier de la déclaration"),
        ("../absent.yaml", "fichier introuvable"),
        ("declaration.yaml", "circulaire"),
    ],
)
def test_bad_extends(cli: Cli, tmp_path: Path, base: str, fragment: str) -> None:
    decl = _tree(tmp_path, base)
    assert_clean_error(cli("--allow-extends-outside", "validate", decl, "--referentiel", MINI), fragment)


def test_error_in_the_base_names_the_base(cli: Cli, tmp_path: Path) -> None:
    decl = _tree(tmp_path)
    org = tmp_path / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    assert "  T-OIDC-01:\n    status: compliant\n" in text
    org.write_text(
        text.replace("  T-OIDC-01:\n    status: compliant\n", "  T-OIDC-01:\n    status: complient\n"), encoding="utf-8"
    )
    assert_clean_error(
        cli("--allow-extends-outside", "validate", decl, "--referentiel", MINI),
        "organisation.yaml:14:13",
        "vouliez-vous dire `compliant` ?",
    )
