"""The shipped data: both referentials load, are consistent and faithful to the dossier's structure."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from checker.app.catalogue import CATALOGUE_PATH
from checker.model.schemas import SCHEMAS, schema_text
from checker.referential.load import LoadedReferential
from checker.render.catalogue import catalogue_text
from tests.conftest import ROOT, Cli

ACTORS = {"FS", "ELU", "ELP", "OSU", "OSP", "FIT"}
LEVELS = {"communaute", "espace_de_confiance"}


def test_both_editions_load(bundle: dict[str, LoadedReferential]) -> None:
    assert set(bundle) == {"psc", "pgssi-s-identification-pp"}


def test_psc_shape(psc: LoadedReferential) -> None:
    assert len(psc.requirements) >= 90
    assert set(psc.actors) == ACTORS
    assert {lv.id for lv in psc.model.levels} == LEVELS
    assert psc.level_closure["espace_de_confiance"] == LEVELS
    relies = {a.id: set(a.relies_on) for a in psc.model.actors}
    assert relies == {"FS": set(), "ELP": set(), "ELU": {"ELP"}, "OSP": {"ELP"}, "OSU": {"ELU", "OSP"}, "FIT": set()}
    env = {a.id: a.habilitation_environment for a in psc.model.actors if a.habilitation_environment}
    assert {k: v.value for k, v in env.items()} == {
        "ELU": "bac_a_sable",
        "ELP": "bac_a_sable",
        "OSU": "production",
        "OSP": "production",
    }
    assert psc.model.habilitation is not None and psc.model.habilitation.validity_years == 3
    keys = {s.key for s in psc.model.metadata.sources}
    for req in psc.model.requirements:
        assert set(req.actors) <= ACTORS and set(req.levels) <= LEVELS
        assert req.provenance.sources and set(req.provenance.sources) <= keys, req.id


def test_parcours_follow_the_webinar_table(psc: LoadedReferential) -> None:
    paths = {p.id: p for p in psc.model.parcours}
    assert set(paths) == {"standard", "direct", "espace_de_confiance", "delegation_fi_tiers"}
    assert [len(paths[p].steps) for p in ("standard", "direct", "espace_de_confiance", "delegation_fi_tiers")] == [
        7,
        4,
        13,
        5,
    ]
    edc = {s.id: set(s.actors) for s in paths["espace_de_confiance"].steps}
    assert {"ELU", "ELP"} in edc.values() and {"ELP"} in edc.values() and {"OSU", "OSP"} in edc.values()


def test_themes_of_the_inventory_are_covered(psc: LoadedReferential) -> None:
    used = Counter(r.theme for r in psc.model.requirements)
    expected = {
        "adm",
        "oidc",
        "client_auth",
        "tokens",
        "logout",
        "identity",
        "ciba",
        "ux",
        "edc_gov",
        "proxy",
        "token_exchange",
        "traces",
        "certificates",
        "tls",
        "conformity",
        "operations",
        "fi_tiers",
    }
    assert expected <= set(used)


def test_official_pgssi_ids_and_gaps(bundle: dict[str, LoadedReferential]) -> None:
    pgssi = bundle["pgssi-s-identification-pp"]
    assert all(i.startswith("EXI ") and len(i) == 6 for i in pgssi.requirements)
    gaps = {g.id for g in pgssi.model.metadata.known_gaps}
    assert {"EXI 02", "EXI 23", "EXI 28"} <= gaps
    assert not gaps & set(pgssi.requirements)
    linked = {c.requirement for r in bundle["psc"].model.requirements for c in r.cross_references}
    assert "EXI 04" in linked


def test_actor_and_level_filters(cli: Cli) -> None:
    elp = json.loads(
        cli("referentiel", "list", "--actor", "ELP", "--level", "espace_de_confiance", "--format", "json").stdout
    )
    themes = {r["theme"] for r in elp}
    assert {"proxy", "token_exchange", "traces", "certificates"} <= themes
    assert all("ELP" in r["actors"] for r in elp)
    fs = json.loads(cli("referentiel", "list", "--actor", "FS", "--level", "communaute", "--format", "json").stdout)
    assert fs and all("communaute" in r["levels"] for r in fs)
    assert not [r for r in fs if r["levels"] == ["espace_de_confiance"]]
    for r in fs:
        assert {"id", "title", "actors", "levels", "obligation", "theme", "provenance"} <= r.keys()


def test_catalogue_is_current() -> None:
    current = (ROOT / CATALOGUE_PATH).read_text(encoding="utf-8")
    assert current == catalogue_text(), "docs/referentiel.md is stale: run `python -m checker.app.catalogue`"


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_exported_schemas_are_current(kind: str) -> None:
    path = ROOT / "docs" / "schemas" / f"{kind}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(kind), (
        f"run `psc-check schema {kind} > {path.relative_to(ROOT)}`"
    )
    assert json.loads(path.read_text())["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_shipped_referentials_are_valid_against_their_schema(bundle: dict[str, LoadedReferential]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_text("referential"))
    for edition in bundle.values():
        data = edition.model.model_dump(mode="json")
        jsonschema.validate(data, schema)
