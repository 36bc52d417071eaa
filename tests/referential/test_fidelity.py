"""Issue 12: the bundled referentials say where each fact stands, quote what we hold, and carry no known defect."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from checker.checks.psc import is_national_id, national_id_form
from checker.model.referential import Obligation, ProvenanceBasis, SourceKind
from checker.referential.load import LoadedReferential
from tests.conftest import Cli
from tests.declarations import applies, declaration

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
"""``../shared`` beside the repository, as in CI (a git worktree one level deeper looks one level up)."""
if not SHARED.is_dir() and (ROOT.parents[1] / "shared").is_dir():
    ROOT_FOR_SHARED = ROOT.parents[1] / "_"
    SHARED = ROOT.parents[1] / "shared"
else:
    ROOT_FOR_SHARED = ROOT


def _normalise(text: str) -> str:
    """Whitespace collapsed, Markdown emphasis markers dropped: the text as a reader sees it."""
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


# --- provenance you can check -------------------------------------------------------------------------------------


def test_every_sourced_or_secondary_requirement_has_a_locator(bundle: dict[str, LoadedReferential]) -> None:
    missing = [
        f"{ref.id}:{req.id}"
        for ref in bundle.values()
        for req in ref.model.requirements
        if req.provenance.basis in (ProvenanceBasis.SOURCED, ProvenanceBasis.SECONDARY) and not req.provenance.locators
    ]
    assert not missing


def test_every_source_says_what_it_is_worth(bundle: dict[str, LoadedReferential]) -> None:
    assert all(s.kind is not None for ref in bundle.values() for s in ref.model.metadata.sources)
    kinds = {s.key: s.kind for s in bundle["psc"].model.metadata.sources}
    assert kinds["S2"] == kinds["S3"] == SourceKind.EXAMPLE  # the reference proxy, the keycloak connector
    assert kinds["S0"] == kinds["S1b"] == kinds["S17"] == SourceKind.NORMATIVE


def test_no_mandatory_sourced_rule_stands_only_on_example_code(bundle: dict[str, LoadedReferential]) -> None:
    for ref in bundle.values():
        kinds = {s.key: s.kind for s in ref.model.metadata.sources}
        for req in ref.model.requirements:
            rule_sources = [k for k in req.provenance.sources if kinds[k] != SourceKind.COMPILATION]
            only_examples = all(kinds[k] == SourceKind.EXAMPLE for k in rule_sources)
            if only_examples and req.obligation is Obligation.MANDATORY:
                assert req.provenance.basis is ProvenanceBasis.INFERRED, req.id


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (dossier and webinar text) absent beside the repository")
def test_every_quote_is_found_in_the_text_we_hold(bundle: dict[str, LoadedReferential]) -> None:
    checked = 0
    for ref in bundle.values():
        held = {s.key: s.held_text for s in ref.model.metadata.sources if s.held_text}
        texts = {
            key: _normalise(Path(os.path.normpath(ROOT_FOR_SHARED / path)).read_text(encoding="utf-8"))
            for key, path in held.items()
        }
        quotes = [(req.id, q) for req in ref.model.requirements for q in req.provenance.quotes]
        quotes += [
            (f"inheritance {r.actor}", q) for r in ref.model.metadata.actor_inheritance for q in r.provenance.quotes
        ]
        for where, quote in quotes:
            assert _normalise(quote.text) in texts[quote.source], (ref.id, where, quote.text)
            checked += 1
    assert checked > 100


def test_thresholds_no_source_gives_are_labelled_policy(bundle: dict[str, LoadedReferential]) -> None:
    sourced_periods = {"PGS-06", "PGS-09", "EXI 10", "EXI 32"}  # 4-year homologation, yearly engagement (S17)
    for ref in bundle.values():
        for req in ref.model.requirements:
            fresh = req.evidence.freshness if req.evidence else None
            if fresh is not None and req.id not in sourced_periods:
                assert fresh.policy is not None and fresh.policy.by == "psc-check", req.id


def test_referentiel_show_gives_locator_quote_policy_and_inheritance(cli: Cli) -> None:
    shown = cli("referentiel", "show", "EDC-CERT-01")
    assert shown.code == 0
    assert "localisation [S20a]" in shown.stdout and "citation [S0]" in shown.stdout
    assert "politique psc-check « certificate-margin »" in shown.stdout
    inherited = cli("referentiel", "show", "PSC-OIDC-04").stdout
    assert "OSU prend cette obligation de FS" in inherited


# --- actor inheritance, once -----------------------------------------------------------------------------------------


def test_no_requirement_copies_the_inheritance_rule(psc: LoadedReferential) -> None:
    for req in psc.model.requirements:
        for rule in psc.model.metadata.actor_inheritance:
            assert not (rule.actor in req.actors and rule.inherits in req.actors and rule.covers(req)), req.id
        assert "héritent des exigences du fournisseur" not in (req.provenance.note or ""), req.id


def test_an_osu_at_the_trust_space_gets_the_fs_obligations_and_says_why(psc: LoadedReferential) -> None:
    found = applies(psc, declaration(["OSU"], "espace_de_confiance", ["web_browser_flow"]))
    for req_id in ("PSC-OIDC-03", "PSC-OIDC-04", "PSC-OIDC-05", "PSC-SEC-01", "PSC-LOG-01"):
        assert "inherited" in found[req_id], req_id
    elu = applies(psc, declaration(["ELU"], "espace_de_confiance"))
    assert "inherited" in elu["PSC-SEC-01"]
    assert "PSC-ADM-05" not in elu  # the production request is the operator's step, not inherited by the editor


# --- the listed defects ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "form"),
    [("899700218896", "RPPS"), ("0123456789", "ADELI"), ("02B1234567", "ADELI"), ("3750000011/12345", "FINESS")],
)
def test_every_documented_national_id_form_is_accepted(value: str, form: str) -> None:
    assert is_national_id(value) and national_id_form(value) == form


@pytest.mark.parametrize("value", ["99970021889", "8997002188961", "1234567890", "3750000011", "", None, 899700218896])
def test_other_values_are_not_national_ids(value: object) -> None:
    assert not is_national_id(value)


def test_ciba_04_does_not_require_every_upstream_error_mapped_to_503(psc: LoadedReferential) -> None:
    statement = psc.requirements["PSC-CIBA-04"].statement
    assert "502" in statement and "504" in statement and "relayé" in statement
    assert "renvoyée au LPS en 503" not in statement


def test_sandbox_tests_are_not_required_on_the_direct_path_nor_of_operators(psc: LoadedReferential) -> None:
    assert "PSC-ADM-04" in applies(psc, declaration(["FS"], "communaute", parcours="standard"))
    assert "PSC-ADM-04" not in applies(psc, declaration(["FS"], "communaute", parcours="direct"))
    assert "PSC-ADM-04" in applies(psc, declaration(["ELU"], "espace_de_confiance", parcours="espace_de_confiance"))
    assert "PSC-ADM-04" not in applies(psc, declaration(["OSU"], "espace_de_confiance", parcours="espace_de_confiance"))


def test_logout_behaviour_has_one_obligation_grounded_in_its_source(psc: LoadedReferential) -> None:
    log1, log2 = psc.requirements["PSC-LOG-01"], psc.requirements["PSC-LOG-02"]
    assert log1.obligation is log2.obligation is Obligation.RECOMMENDED
    assert log1.provenance.basis is ProvenanceBasis.INFERRED  # example code only (S3, S2)


def test_sensitive_service_rules_bind_only_sensitive_services(psc: LoadedReferential) -> None:
    for req_id in ("PSC-UX-02", "PSC-DATA-05", "PGS-08", "PGS-09"):
        req = psc.requirements[req_id]
        assert req.applicability.features_all == ["sensitive_service"], req_id
        assert req.actors == ["FS"], req_id
    assert "PGS-09" not in applies(psc, declaration(["ELU"], "espace_de_confiance", ["sensitive_service"]))
    assert "PGS-09" in applies(psc, declaration(["OSU"], "espace_de_confiance", ["sensitive_service"]))
    assert "PSC-UX-02" not in applies(psc, declaration(["FS"], "communaute"))


def test_permissions_are_not_musts_and_no_duty_is_invented(bundle: dict[str, LoadedReferential]) -> None:
    pgssi = bundle["pgssi-s-identification-pp"].requirements
    for req_id in ("EXI 06", "EXI 15"):
        assert pgssi[req_id].obligation is Obligation.RECOMMENDED
    assert "ocumenter" not in (pgssi["EXI 06"].remediation or "")


def test_exi_12_13_keep_the_homologated_mie_scope(bundle: dict[str, LoadedReferential]) -> None:
    pgssi = bundle["pgssi-s-identification-pp"].requirements
    for req_id in ("EXI 12", "EXI 13"):
        assert pgssi[req_id].applicability.features_all == ["operates_homologated_mie"]
        assert "homologué" in pgssi[req_id].statement
    spec = pgssi["EXI 13"].evidence
    assert spec is not None and spec.freshness is None


def test_envisaged_certificate_profile_and_unwritten_content_are_not_mandatory(psc: LoadedReferential) -> None:
    assert psc.requirements["EDC-CERT-02"].obligation is Obligation.RECOMMENDED
    assert "envisage" in psc.requirements["EDC-TX-03"].statement
    assert psc.requirements["EDC-TX-08"].obligation is Obligation.RECOMMENDED


def test_no_empty_condition_and_conditional_statements_are_conditional(psc: LoadedReferential) -> None:
    assert "features_all: []" not in (ROOT / "referentiel" / "psc.yaml").read_text(encoding="utf-8")
    assert psc.requirements["EDC-CERT-01-LPS"].applicability.features_all == ["lps_authenticates_to_psc"]
    assert psc.requirements["EDC-PRX-01"].applicability.features_all == ["calls_api_psc"]


def test_notes_match_levels_and_tls_rule_matches_its_source(psc: LoadedReferential) -> None:
    ciba = psc.requirements["PSC-CIBA-02"]
    assert ciba.levels == ["communaute"] and "encodé à l'Espace" not in (ciba.provenance.note or "")
    sec = psc.requirements["PSC-SEC-06"]
    assert sec.provenance.sources[0] == "S12a" and "S1a" not in sec.provenance.sources
    assert "1.0" not in sec.statement and "1.1" not in sec.statement


def test_only_the_mock_api_is_said_to_run_on_platines(psc: LoadedReferential) -> None:
    for req in psc.model.requirements:
        assert "conformité de l'ANS (Platines)" not in req.statement, req.id


def test_osu_dependency_conflict_is_recorded_and_the_table_followed(psc: LoadedReferential) -> None:
    assert psc.actors["OSU"].relies_on == ["ELU", "OSP"]
    assert "tableau" in (psc.requirements["EDC-GOV-05"].provenance.conflict or "")


def test_init_fit_lists_the_fit_requirements(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "fit.yaml"
    made = cli("init", "--actor", "FIT", "--level", "communaute", "--organisation", "Org", "-o", out)
    assert made.code == 0, made.stderr
    answers = yaml.safe_load(out.read_text(encoding="utf-8"))["answers"]
    assert {"FIT-01", "FIT-02", "FIT-03"} <= set(answers)


def test_a_declaration_to_which_nothing_applies_is_never_ready(cli: Cli, tmp_path: Path) -> None:
    mini = yaml.safe_load((ROOT / "tests" / "data" / "mini-referential.yaml").read_text(encoding="utf-8"))
    for req in mini["requirements"]:
        req["applicability"] = {"features_all": ["uses_ciba"]}
    ref = tmp_path / "ref.yaml"
    ref.write_text(yaml.safe_dump(mini, allow_unicode=True, sort_keys=False), encoding="utf-8")
    decl = tmp_path / "declaration.yaml"
    made = cli(
        "init", "--actor", "FS", "--level", "communaute", "--organisation", "Org", "--referentiel", ref, "-o", decl
    )
    assert made.code == 0, made.stderr
    result = cli("evaluate", decl, "--referentiel", ref, "--as-of", "2026-01-01", "--format", "json")
    assert result.code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["ready"] is False
    [problem] = [p for p in report["problems"] if p["code"] == "nothing_applies"]
    assert problem["severity"] == "error"
    assert "FS" in problem["message"] and "communaute" in problem["message"]
