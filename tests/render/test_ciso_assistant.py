"""The CISO Assistant library export, checked against the format's rules and against ``init``'s selection.

The rules are those of CISO Assistant's library format, from its public repository (intuitem/ciso-assistant-
community): the library keys ``StoredLibrary.REQUIRED_FIELDS`` and ``LibraryImporter.REQUIRED_FIELDS`` ask for,
an integer ``version``, URNs matching ``core.models.URN_REGEX`` (checked lower-cased, as the loader stores them),
the framework keys of ``FrameworkImporter``, ``tools/README.md`` for requirement nodes (``depth``, ``importance``
among mandatory / recommended / nice_to_have, implementation groups referring to the framework's definitions), and
a parent that exists before its child with a depth one more than the parent's. CISO Assistant's own loader needs
its Django models and a database: it is not run here.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.referential.load import LoadedReferential, load_referential
from checker.render.ciso_assistant import Group, group_members, implementation_groups, library_document
from tests.conftest import ROOT, Cli, assert_clean_error

BUNDLED = sorted((ROOT / "referentiel").glob("*.yaml"))
URN = re.compile(
    r"^urn:([a-zA-Z0-9_-]+):([a-zA-Z0-9_-]+):([a-zA-Z0-9_-]+)(?::([a-zA-Z0-9_-]+))?:([0-9A-Za-z\[\]\(\)\-\._:]+)$"
)
"""CISO Assistant's URN rule (``core.models.URN_REGEX``)."""
LIBRARY_KEYS = (
    "urn",
    "locale",
    "ref_id",
    "name",
    "description",
    "copyright",
    "version",
    "publication_date",
    "provider",
    "packager",
    "objects",
)
FRAMEWORK_KEYS = ("urn", "ref_id", "name", "description", "implementation_groups_definition", "requirement_nodes")
IMPORTANCE = {"mandatory", "recommended", "nice_to_have", "undefined"}


def format_problems(library: dict[str, Any]) -> list[str]:
    """Every way ``library`` breaks the library format's rules (empty: a valid library)."""
    problems = [f"library: missing `{key}`" for key in LIBRARY_KEYS if not library.get(key)]
    if not isinstance(library.get("version"), int):
        problems.append("library: `version` is not an integer")
    if not isinstance(library.get("publication_date"), dt.date):
        problems.append("library: `publication_date` is not a date")
    framework = library.get("objects", {}).get("framework", {})
    problems += [f"framework: missing `{key}`" for key in FRAMEWORK_KEYS if not framework.get(key)]
    groups = [g.get("ref_id") for g in framework.get("implementation_groups_definition", [])]
    problems += [
        f"group without ref_id/name: {g}"
        for g in framework.get("implementation_groups_definition", [])
        if not (g.get("ref_id") and g.get("name"))
    ]
    if len(set(groups)) != len(groups):
        problems.append("implementation groups: a ref_id is defined twice")
    urns = [library.get("urn", ""), framework.get("urn", "")]
    depth: dict[str, int] = {}
    for index, node in enumerate(framework.get("requirement_nodes", [])):
        where = f"node {index} ({node.get('ref_id')})"
        urn = str(node.get("urn", "")).lower()
        urns.append(urn)
        if not isinstance(node.get("assessable"), bool):
            problems.append(f"{where}: `assessable` is not a boolean")
        parent = node.get("parent_urn")
        expected = 1 if parent is None else depth.get(parent.lower(), -1) + 1
        if parent is not None and parent.lower() not in depth:
            problems.append(f"{where}: parent_urn `{parent}` is no earlier node")
        if node.get("depth") != expected:
            problems.append(f"{where}: depth {node.get('depth')}, expected {expected}")
        depth[urn] = node.get("depth", 0)
        if node.get("importance", "undefined") not in IMPORTANCE:
            problems.append(f"{where}: importance `{node.get('importance')}`")
        problems += [
            f"{where}: implementation group `{g}` is not defined"
            for g in node.get("implementation_groups", [])
            if g not in groups
        ]
        if node.get("assessable") and not (node.get("ref_id") and node.get("name") and node.get("description")):
            problems.append(f"{where}: an assessable node needs ref_id, name and description")
    problems += [f"URN `{u}` does not match CISO Assistant's rule" for u in urns if not URN.match(str(u).lower())]
    lowered = [str(u).lower() for u in urns]
    problems += [f"URN `{u}` is not unique" for u in sorted(set(lowered)) if lowered.count(u) > 1]
    return problems


def _exported(path: Path) -> dict[str, Any]:
    """The library exported from ``path``, parsed (a fresh copy: a test may change it)."""
    return copy.deepcopy(_parsed(path))


@cache
def _parsed(path: Path) -> dict[str, Any]:
    loaded = yaml.load(_render(path), Loader=yaml.CSafeLoader)  # the safe loader, in C
    assert isinstance(loaded, dict)
    return loaded


@cache
def _render(path: Path) -> bytes:
    """The library rendered in this process, once per edition (the export command's bytes are compared with it)."""
    from checker.render.ciso_assistant import render_library

    return render_library(load_referential(path))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_each_bundled_referential_exports_a_valid_library(path: Path) -> None:
    library = _exported(path)
    assert format_problems(library) == []
    ref = load_referential(path)
    nodes = library["objects"]["framework"]["requirement_nodes"]
    assessable = [n for n in nodes if n["assessable"]]
    assert [n["ref_id"] for n in assessable] == [
        r.id for th in ref.model.themes for r in ref.model.requirements if r.theme == th.id
    ]
    assert {n["ref_id"] for n in nodes if not n["assessable"]} == {th.id for th in ref.model.themes}
    by_id = ref.requirements
    for node in assessable:
        req = by_id[node["ref_id"]]
        assert (node["name"], node["description"], node["importance"]) == (
            req.title,
            req.statement,
            req.obligation.value,
        )
        assert node["depth"] == 2
        assert req.provenance.basis.value in node["annotation"]
    assert "pas une publication de l'ANS" in library["description"]
    assert library["locale"] == "fr"
    assert library["publication_date"] == ref.model.metadata.published


def test_the_format_check_finds_what_it_should() -> None:
    """The rules above catch each kind of mistake (a check that passes everything would prove nothing)."""
    library = _exported(BUNDLED[0])
    assert format_problems(library) == []
    nodes = library["objects"]["framework"]["requirement_nodes"]
    bad = copy.deepcopy(library)
    bad_nodes = bad["objects"]["framework"]["requirement_nodes"]
    bad["version"] = "1.0"
    bad_nodes[1]["parent_urn"] = "urn:psc-check:risk:req_node:nowhere:x"
    bad_nodes[2]["depth"] = 3
    bad_nodes[3]["urn"] = nodes[4]["urn"].upper()
    bad_nodes[5]["implementation_groups"] = ["NOPE"]
    bad_nodes[6]["urn"] = "urn:psc check:x"
    found = "\n".join(format_problems(bad))
    for fragment in (
        "`version` is not an integer",
        "is no earlier node",
        "depth 3, expected 2",
        "is not unique",
        "`NOPE` is not defined",
        "does not match",
    ):
        assert fragment in found, found


def test_urns_come_from_ids_not_positions() -> None:
    """Removing a requirement leaves every other URN as it was (URNs do not depend on order or count)."""
    ref = load_referential(BUNDLED[1])
    first = library_document(ref)
    model = ref.model.model_copy(update={"requirements": ref.model.requirements[1:]})
    second = library_document(LoadedReferential(model, ref.path, ref.sha256, ref.document))

    def urns(lib: dict[str, Any]) -> dict[str, str]:
        return {n["ref_id"]: n["urn"] for n in lib["objects"]["framework"]["requirement_nodes"]}

    before, after = urns(first), urns(second)
    assert before.keys() - after.keys() == {ref.model.requirements[0].id}
    assert all(before[k] == after[k] for k in after)
    assert before["PSC-OIDC-01"] == "urn:psc-check:risk:req_node:psc:psc-oidc-01"
    pgssi = urns(library_document(load_referential(ROOT / "referentiel" / "pgssi-s-identification-pp.yaml")))
    assert pgssi["EXI 03"] == "urn:psc-check:risk:req_node:pgssi-s-identification-pp:exi-03"


def _selected(library: dict[str, Any], groups: set[str]) -> set[str]:
    """What CISO Assistant keeps for a selection: a node in any selected group
    (``ComplianceAssessment.requirement_matches_selected_groups``)."""
    return {
        n["ref_id"]
        for n in library["objects"]["framework"]["requirement_nodes"]
        if n["assessable"] and groups & set(n.get("implementation_groups", []))
    }


def _init_ids(cli: Cli, tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "declaration.yaml"
    result = cli("init", *args, "-o", out, "--force")
    assert result.code == 0, result.stderr
    answers = yaml.load(out.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["answers"] or {}
    return set(answers)


OSU_FEATURE_CONDITIONAL = {
    *("EDC-CERT-01-LPS-PROD", "EDC-GOV-12", "EDC-PRX-01"),
    *("PGS-01", "PGS-02", "PGS-03", "PGS-04", "PGS-05", "PGS-06", "PGS-08", "PGS-09"),
    *("PSC-ADM-06", "PSC-CIBA-01", "PSC-CIBA-02", "PSC-CIBA-03", "PSC-DATA-05"),
    *("PSC-OIDC-01", "PSC-OIDC-04", "PSC-OIDC-05", "PSC-OIDC-06", "PSC-OIDC-07", "PSC-OIDC-11"),
    *("PSC-SEC-02", "PSC-SEC-05-FS", "PSC-TOK-02", "PSC-TOK-07", "PSC-UX-02"),
}
"""The requirements the OSU group has beyond ``init --actor OSU --level espace_de_confiance`` (no features): each
applies to an OSU only when a feature is declared (CISO Assistant has no features; the node's annotation says so)."""


def test_osu_at_the_espace_de_confiance_selects_what_init_lists(cli: Cli, tmp_path: Path) -> None:
    library = _exported(ROOT / "referentiel" / "psc.yaml")
    selected = _selected(library, {"OSU-espace_de_confiance"})
    listed = _init_ids(cli, tmp_path, "--actor", "OSU", "--level", "espace_de_confiance")
    assert listed <= selected
    assert selected - listed == OSU_FEATURE_CONDITIONAL
    ref = load_referential()
    for req_id in OSU_FEATURE_CONDITIONAL:
        app = ref.requirements[req_id].applicability
        assert app.features_all or app.features_any, req_id
    nodes = {n["ref_id"]: n for n in library["objects"]["framework"]["requirement_nodes"]}
    assert all("quelles que soient les caractéristiques" in nodes[i]["annotation"] for i in OSU_FEATURE_CONDITIONAL)


def test_two_actors_select_the_union_init_lists(cli: Cli, tmp_path: Path) -> None:
    """CISO Assistant's union of groups matches ``init`` with two actors (features aside)."""
    library = _exported(ROOT / "referentiel" / "psc.yaml")
    selected = _selected(library, {"OSU-espace_de_confiance", "ELU-espace_de_confiance"})
    listed = _init_ids(cli, tmp_path, "--actor", "OSU", "--actor", "ELU", "--level", "espace_de_confiance")
    ref = load_referential()
    extra = selected - listed
    assert listed <= selected
    assert extra
    assert all(
        ref.requirements[i].applicability.features_all or ref.requirements[i].applicability.features_any for i in extra
    )


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_group_is_init_plus_only_feature_conditional_requirements(path: Path) -> None:
    from checker.evaluation.applicability import applicable_requirements
    from checker.render.init_template import InitRequest, template_declaration

    ref = load_referential(path)
    groups = implementation_groups(ref)
    assert {g.actor for g in groups} == set(ref.actors)
    for group in groups:
        members = set(group_members(ref, group))
        decl = template_declaration(ref, InitRequest(actors=(group.actor,), level=group.level))
        listed = {r.id for r, _ in applicable_requirements(ref, decl)}
        assert listed <= members, group
        for req_id in members - listed:
            app = ref.requirements[req_id].applicability
            assert app.features_all or app.features_any or app.parcours, (group, req_id)


def test_a_feature_excluded_requirement_stays_in_its_group() -> None:
    """``features_none`` requirements apply when no feature is declared: the group holds them like init does."""
    ref = load_referential()
    excluded = [
        r
        for r in ref.model.requirements
        if r.applicability.features_none and not r.applicability.features_all and not r.applicability.features_any
    ]
    for req in excluded:
        for actor in req.actors:
            for level in ref.actors[actor].levels:
                if ref.binds_level(req, level):
                    assert req.id in group_members(ref, Group(actor, level))


def test_export_command_writes_the_same_bytes_twice(cli: Cli, tmp_path: Path) -> None:
    for path in BUNDLED:
        outputs = [tmp_path / f"{path.stem}-{i}.yaml" for i in (1, 2)]
        for out in outputs:
            result = cli("referentiel", "export", "--format", "ciso-assistant", "-o", out, "--referentiel", path)
            assert result.code == 0, result.stderr
            assert str(out) in result.stdout
        assert outputs[0].read_bytes() == outputs[1].read_bytes()
        assert outputs[0].read_bytes() == _render(path)
    stdout = cli("referentiel", "export", "--format", "ciso-assistant")
    assert stdout.code == 0
    assert stdout.stdout.encode("utf-8") == _render(ROOT / "referentiel" / "psc.yaml")


def test_export_refuses_a_suffix_the_format_does_not_take(cli: Cli, tmp_path: Path) -> None:
    result = cli("referentiel", "export", "--format", "ciso-assistant", "-o", tmp_path / "psc.json")
    assert_clean_error(result, "un export ciso-assistant s'écrit dans un fichier .yaml / .yml")
    assert not (tmp_path / "psc.json").exists()
    assert_clean_error(cli("referentiel", "export", "--format", "excel"), "choisissez parmi : ciso-assistant, oscal")
