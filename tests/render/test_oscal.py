"""OSCAL exports, parsed by compliance-trestle's OSCAL models (the Python reference implementation), not by eye."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog

from checker.app.evaluate import EvaluateRequest, evaluate_file
from checker.errors import InputError
from checker.model.report import GAP_OUTCOMES, Report
from checker.referential.load import load_referential
from checker.render.oscal import catalog_uuid, control_id, render_assessment_results, render_catalog
from tests.conftest import MINI, ROOT, Cli

BUNDLED = sorted((ROOT / "referentiel").glob("*.yaml"))
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*/declaration.yaml"))
AS_OF = dt.date(2026, 11, 28)


def _catalog(path: Path) -> tuple[dict[str, Any], Catalog]:
    data = json.loads(render_catalog(load_referential(path)))
    return data, Catalog.model_validate(data["catalog"])


def _dumped(model: Catalog | AssessmentResults) -> dict[str, Any]:
    dumped = json.loads(model.model_dump_json(by_alias=True, exclude_none=True))
    assert isinstance(dumped, dict)
    return dumped


def _controls(catalog: Catalog) -> list[Any]:
    """Every control of the catalog, group by group (trestle types a group as one of two shapes)."""
    return [c for g in catalog.groups or [] for c in getattr(g, "controls", None) or []]


def _ids(node: Any) -> list[str]:
    """Every ``id`` and ``uuid`` in a JSON tree, in document order."""
    if isinstance(node, dict):
        own = [str(node[k]) for k in ("id", "uuid") if k in node]
        return own + [i for value in node.values() for i in _ids(value)]
    if isinstance(node, list):
        return [i for value in node for i in _ids(value)]
    return []


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_the_catalog_parses_with_every_requirement_as_a_control(path: Path) -> None:
    data, catalog = _catalog(path)
    ref = load_referential(path)
    controls = _controls(catalog)
    assert [c.id for c in controls] == [
        control_id(r.id) for th in ref.model.themes for r in ref.model.requirements if r.theme == th.id
    ]
    labels = {next(p.value for p in c.props or [] if p.name == "label"): c for c in controls}
    assert set(labels) == set(ref.requirements)
    for req_id, control in labels.items():
        req = ref.requirements[req_id]
        assert control.title == req.title
        props = {(p.name, p.value) for p in control.props or []}
        assert {("actor", a) for a in req.actors} <= props
        assert {("level", lv) for lv in req.levels} <= props
        assert ("obligation", req.obligation.value) in props
        parts = {p.name: p for p in control.parts or []}
        statement = parts["statement"]
        assert statement.prose == req.statement
        assert statement.id == f"{control_id(req_id)}_smt"
        if req.remediation or req.evidence:
            assert parts["guidance"].prose
        resources = {r.uuid: r for r in catalog.back_matter.resources or []} if catalog.back_matter else {}
        for link in control.links or []:
            resource = resources[link.href.removeprefix("#")]
            assert link.rel == "reference"
            assert next(p.value for p in resource.props or [] if p.name == "source-key") in req.provenance.sources
    assert {g.id for g in catalog.groups or []} == {control_id(t.id) for t in ref.model.themes}
    assert catalog.uuid == catalog_uuid(ref.id)
    assert len(set(_ids(data))) == len(_ids(data)), "an id or uuid appears twice"


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_the_catalog_round_trips_through_trestle_without_losing_ids(path: Path) -> None:
    data, catalog = _catalog(path)
    again = Catalog.model_validate(_dumped(catalog))
    assert _ids(_dumped(again)) == _ids(data["catalog"])
    assert again == catalog


def test_sources_keep_their_urls() -> None:
    ref = load_referential()
    _, catalog = _catalog(ROOT / "referentiel" / "psc.yaml")
    assert catalog.back_matter is not None
    urls = {r.title: [link.href for link in r.rlinks or []] for r in catalog.back_matter.resources or []}
    for source in ref.model.metadata.sources:
        assert urls[source.title] == ([source.url] if source.url else [])


def test_a_requirement_id_with_a_space_becomes_a_token_and_keeps_its_label() -> None:
    assert control_id("EXI 03") == "EXI_03"
    assert control_id("PSC-OIDC-01") == "PSC-OIDC-01"
    _, catalog = _catalog(ROOT / "referentiel" / "pgssi-s-identification-pp.yaml")
    control = next(c for c in _controls(catalog) if c.id == "EXI_03")
    assert next(p.value for p in control.props or [] if p.name == "label") == "EXI 03"


def test_two_ids_that_become_one_token_are_refused(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    first = load_referential(MINI).model.requirements[0].id
    assert "_" not in first and "-" in first
    clash = tmp_path / "clash.yaml"
    clash.write_text(text.replace(f"id: {first}\n", f"id: {first.replace('-', ' ')}\n", 1), encoding="utf-8")
    ref = load_referential(clash)
    twin = ref.model.requirements[0].model_copy(update={"id": first.replace("-", "_")})
    model = ref.model.model_copy(update={"requirements": [*ref.model.requirements, twin]})
    from checker.referential.load import LoadedReferential

    with pytest.raises(InputError, match="deviennent tous deux l'identifiant OSCAL"):
        render_catalog(LoadedReferential(model, ref.path, ref.sha256, ref.document))


@cache
def _report(declaration: Path) -> Report:
    return evaluate_file(EvaluateRequest(declaration=declaration.relative_to(ROOT), as_of=AS_OF))[2]


@pytest.mark.parametrize("declaration", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_results_have_one_finding_per_applicable_requirement(
    declaration: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    report = _report(declaration)
    data = json.loads(render_assessment_results(report))
    results = AssessmentResults.model_validate(data["assessment-results"])
    assert len(results.results) == 1
    result = results.results[0]
    findings = result.findings or []
    assert len(findings) == report.summary.applicable == len(report.findings)
    assert [f.target.target_id for f in findings] == [f"{control_id(f.requirement_id)}_smt" for f in report.findings]
    for finding, ours in zip(findings, report.findings, strict=True):
        waived = ours.outcome == "waived"  # a gap a waiver covers is still not satisfied
        expected = "not-satisfied" if ours.outcome in GAP_OUTCOMES or waived else "satisfied"
        assert finding.target.status is not None
        assert finding.target.status.state.value == expected
        assert ours.requirement_id in finding.title
    assert results.metadata.last_modified.date() == AS_OF
    assert {(p.name, p.value) for p in results.metadata.props or []} >= {
        ("as-of", AS_OF.isoformat()),
        ("tool", "psc-check"),
    }
    again = AssessmentResults.model_validate(_dumped(results))
    assert _ids(_dumped(again)) == _ids(data["assessment-results"])


def test_observations_point_at_evidence_with_its_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _report(ROOT / "examples" / "osu-operator" / "declaration.yaml")
    results = AssessmentResults.model_validate(json.loads(render_assessment_results(report))["assessment-results"])
    assert results.back_matter is not None
    resources = {r.uuid: r for r in results.back_matter.resources or []}
    observations = {o.uuid: o for o in results.results[0].observations or []}
    expected = [(f.requirement_id, e.path, e.sha256) for f in report.findings for e in f.evidence]
    assert len(observations) == len(expected) > 0
    seen = []
    for finding, ours in zip(results.results[0].findings or [], report.findings, strict=True):
        for related in finding.related_observations or []:
            observation = observations[related.observation_uuid]
            (evidence,) = observation.relevant_evidence or []
            assert evidence.href is not None
            resource = resources[evidence.href.removeprefix("#")]
            (rlink,) = resource.rlinks or []
            hashes = [h.value for h in rlink.hashes or [] if h.algorithm == "SHA-256"]
            seen.append((ours.requirement_id, resource.title, hashes[0] if hashes else None))
    assert seen == expected
    assert all("key=" not in o.description and o.description.startswith("Preuve : ") for o in observations.values())
    catalog = resources[results.import_ap.href.removeprefix("#")]
    assert [d.identifier for d in catalog.document_ids or []] == [catalog_uuid("psc")]


def test_a_gap_is_not_satisfied_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _report(ROOT / "examples" / "osu-operator" / "declaration.yaml")
    gap = next(f for f in report.findings if f.outcome in GAP_OUTCOMES)
    data = json.loads(render_assessment_results(report))
    finding = next(
        f
        for f in data["assessment-results"]["results"][0]["findings"]
        if f["title"].startswith(gap.requirement_id + " ")
    )
    assert finding["target"]["status"] == {"state": "not-satisfied", "reason": "fail"}
    assert "non conforme" in finding["description"]


def test_evaluate_writes_oscal_for_the_compound_suffix_and_json_for_json(cli: Cli, tmp_path: Path) -> None:
    declaration = ROOT / "examples" / "fs-standard" / "declaration.yaml"
    oscal, report = tmp_path / "resultats.oscal.json", tmp_path / "rapport.json"
    for _ in range(2):
        result = cli("evaluate", declaration, "--as-of", AS_OF.isoformat(), "-o", oscal, "-o", report, cwd=ROOT)
        assert result.code in (0, 1), result.stderr
        first = oscal.read_bytes()
    assert "assessment-results" in json.loads(oscal.read_bytes())
    assert "assessment-results" not in json.loads(report.read_bytes())
    result = cli("evaluate", declaration, "--as-of", AS_OF.isoformat(), "-o", oscal, cwd=ROOT)
    assert oscal.read_bytes() == first


def test_the_catalog_export_is_byte_identical_and_matches_the_renderer(cli: Cli, tmp_path: Path) -> None:
    for path in BUNDLED:
        outputs = [tmp_path / f"{path.stem}-{i}.json" for i in (1, 2)]
        for out in outputs:
            assert cli("referentiel", "export", "--format", "oscal", "-o", out, "--referentiel", path).code == 0
        assert outputs[0].read_bytes() == outputs[1].read_bytes() == render_catalog(load_referential(path))
