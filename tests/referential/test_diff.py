"""`psc-check diff`: every kind of change between the bundled edition and a test edition, and the migration."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from checker.inputs.paths import default_referential
from tests.conftest import DATA, ROOT, Cli, assert_clean_error

NEXT = DATA / "psc-next.yaml"
EXAMPLE = ROOT / "examples" / "fs-standard"


def test_each_kind_of_change(cli: Cli) -> None:
    result = cli("diff", default_referential(), NEXT, "--format", "json")
    assert result.code == 0, result.stderr
    changes = {
        (c["kind"], tuple(c["old_ids"]), tuple(c["new_ids"])): c["fields"] for c in json.loads(result.stdout)["changes"]
    }
    assert changes[("removed", ("PSC-UX-01",), ())] == []
    assert changes[("added", (), ("PSC-OIDC-13",))] == []
    assert changes[("changed", ("PSC-OIDC-02",), ("PSC-OIDC-02",))] == ["statement"]
    assert changes[("changed", ("PSC-OIDC-06",), ("PSC-OIDC-06",))] == ["obligation"]
    assert changes[("changed", ("PSC-TOK-04",), ("PSC-TOK-04",))] == ["actors"]
    assert changes[("changed", ("EDC-CERT-02",), ("EDC-CERT-02",))] == ["evidence"]
    assert changes[("renamed", ("PSC-OIDC-10",), ("PSC-OIDC-10A",))] == []
    assert ("split", ("PSC-OIDC-04",), ("PSC-OIDC-04A", "PSC-OIDC-04B")) in changes
    assert ("merged", ("PSC-LOG-01", "PSC-LOG-02"), ("PSC-LOG-10",)) in changes
    assert len(changes) == 9


def test_migration_keeps_what_carries_over(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "fs"
    shutil.copytree(EXAMPLE, folder)
    decl, migrated = folder / "declaration.yaml", folder / "migrated.yaml"
    before = decl.read_bytes()
    result = cli("diff", default_referential(), NEXT, "--declaration", decl, "-o", migrated, "--format", "json")
    assert result.code == 0, result.stderr
    assert decl.read_bytes() == before
    verdicts = {(a["old_id"], a["new_id"]): a["verdict"] for a in json.loads(result.stdout)["answers"]}
    old = yaml.load(before, Loader=yaml.CSafeLoader)["answers"]
    new = yaml.load(migrated.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["answers"]
    carried = [(o, n) for (o, n), v in verdicts.items() if v == "carries_over"]
    assert len(carried) > 20
    for old_id, new_id in carried:
        assert new[new_id]["status"] == old[old_id]["status"], new_id
        assert len(new[new_id].get("evidence") or []) == len(old[old_id].get("evidence") or [])
    assert verdicts[("PSC-OIDC-10", "PSC-OIDC-10A")] == "carries_over"
    assert (
        verdicts[("PSC-OIDC-02", "PSC-OIDC-02")] == "reconfirm"
        and new["PSC-OIDC-02"]["status"] == old["PSC-OIDC-02"]["status"]
    )
    assert verdicts[("PSC-OIDC-06", "PSC-OIDC-06")] == "reassess" and new["PSC-OIDC-06"]["status"] == "not_assessed"
    assert verdicts[("PSC-OIDC-04", "PSC-OIDC-04A")] == "reassess" and new["PSC-OIDC-04B"]["status"] == "not_assessed"
    assert verdicts[("PSC-UX-01", None)] == "obsolete" and "PSC-UX-01" not in new
    assert verdicts[(None, "PSC-OIDC-13")] == "new" and new["PSC-OIDC-13"]["status"] == "not_assessed"
    text = migrated.read_text(encoding="utf-8")
    assert "# À RÉÉVALUER — PSC-OIDC-04 scindée" in text
    evaluated = cli("evaluate", migrated, "--referentiel", NEXT, "--as-of", "2026-11-28", "--format", "json")
    assert evaluated.code == 1, evaluated.stderr
    outcomes = {f["requirement_id"]: f["outcome"] for f in json.loads(evaluated.stdout)["findings"]}
    assert outcomes["PSC-OIDC-10A"] == "compliant" and outcomes["PSC-OIDC-13"] == "unanswered"
    again = cli("diff", default_referential(), NEXT, "--declaration", decl, "-o", migrated)
    assert_clean_error(again, "existe déjà")
    clash = cli("diff", default_referential(), NEXT, "--declaration", decl, "-o", decl, "--force")
    assert_clean_error(clash, "écraserait un fichier d'entrée")
    assert decl.read_bytes() == before


def test_next_edition_is_current() -> None:
    from tests.data.make_next_edition import build

    assert NEXT.read_text(encoding="utf-8") == build(), "run `python tests/data/make_next_edition.py`"
