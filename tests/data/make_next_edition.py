"""Build tests/data/psc-next.yaml: a later test edition of the bundled PSC referential, one change of each kind.

Run from the repository root: ``python tests/data/make_next_edition.py``. The output is committed.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from checker.inputs.yamlload import load_yaml_file
from checker.referential.migrate import dump_yaml

ROOT = Path(__file__).resolve().parents[2]


def _find(reqs: list[dict[str, Any]], req_id: str) -> dict[str, Any]:
    return next(r for r in reqs if r["id"] == req_id)


def build() -> str:
    data: dict[str, Any] = load_yaml_file(ROOT / "referentiel" / "psc.yaml").data
    data["metadata"]["version"] = "2026.1-test"
    data["metadata"]["edition_status"] = "test"
    data["metadata"]["title"] = "Référentiel Pro Santé Connect (édition de test pour psc-check diff)"
    reqs: list[dict[str, Any]] = data["requirements"]
    reqs.remove(_find(reqs, "PSC-UX-01"))  # removed
    _find(reqs, "PSC-OIDC-02")["statement"] += " La portée est envoyée à chaque requête."  # wording
    _find(reqs, "PSC-OIDC-06")["obligation"] = "mandatory"  # obligation
    _find(reqs, "PSC-TOK-04")["actors"] = [*_find(reqs, "PSC-TOK-04")["actors"], "ELU"]  # actors
    cert = _find(reqs, "EDC-CERT-02")  # evidence rule
    cert.setdefault("evidence", {})["freshness"] = {"min_remaining_days": "60"}
    renamed = _find(reqs, "PSC-OIDC-10")  # renamed, same content
    renamed["id"], renamed["replaces"] = "PSC-OIDC-10A", {"ids": ["PSC-OIDC-10"], "kind": "renamed"}
    old_state = _find(reqs, "PSC-OIDC-04")  # split in two
    index = reqs.index(old_state)
    parts = []
    for suffix, title in (("A", "Paramètre state aléatoire"), ("B", "Vérification du state au retour")):
        part = copy.deepcopy(old_state)
        part["id"], part["title"] = f"PSC-OIDC-04{suffix}", title
        part["replaces"] = {"ids": ["PSC-OIDC-04"], "kind": "split"}
        parts.append(part)
    reqs[index : index + 1] = parts
    log1, log2 = _find(reqs, "PSC-LOG-01"), _find(reqs, "PSC-LOG-02")  # merged
    merged = copy.deepcopy(log1)
    merged["id"], merged["title"] = "PSC-LOG-10", "Déconnexion explicite de l'application et de PSC"
    merged["replaces"] = {"ids": ["PSC-LOG-01", "PSC-LOG-02"], "kind": "merged"}
    reqs[reqs.index(log1)] = merged
    reqs.remove(log2)
    added = copy.deepcopy(_find(reqs, "PSC-OIDC-07"))  # added
    added["id"], added["title"] = "PSC-OIDC-13", "Journaliser les échecs d'authentification PSC"
    added["statement"] = "Le fournisseur de service journalise chaque échec d'authentification renvoyé par PSC."
    reqs.append(added)
    header = "# Test edition built by tests/data/make_next_edition.py from referentiel/psc.yaml: not ANS content.\n"
    return header + dump_yaml(data)


if __name__ == "__main__":
    (ROOT / "tests" / "data" / "psc-next.yaml").write_text(build(), encoding="utf-8")
