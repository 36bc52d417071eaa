"""Issue 12, item 6: the corrections of the independent second read, each with a test that would have caught it."""

from __future__ import annotations

import pytest

from checker.checks.psc import is_national_id, national_id_form
from checker.model.referential import Obligation, ProvenanceBasis, SourceKind
from checker.referential.load import LoadedReferential
from tests.declarations import applies, declaration


@pytest.mark.parametrize(
    ("value", "form"),
    [
        ("11234567801/00001", "ADELI-cabinet"),
        ("3750100125/1453", "FINESS"),
        ("4123456789/emp-7", "SIREN"),
        ("512345678900017/42", "SIRET"),
        ("610005678901011/A1", "RPPS-cabinet"),
        ("810005678901", "RPPS"),
    ],
)
def test_every_psidnat_form_is_a_national_id_and_named(value: str, form: str) -> None:
    assert is_national_id(value) and national_id_form(value) == form


@pytest.mark.parametrize("value", ["4123456789", "512345678900017", "7123456789/1", "2123456789"])
def test_structure_forms_need_their_internal_id_and_other_prefixes_are_refused(value: str) -> None:
    assert not is_national_id(value)


def test_data_01_cites_the_ans_psidnat_type_as_a_normative_source(psc: LoadedReferential) -> None:
    req = psc.requirements["PSC-DATA-01"]
    kinds = {s.key: s.kind for s in psc.model.metadata.sources}
    assert any(kinds[k] is SourceKind.NORMATIVE and k == "S28" for k in req.provenance.sources)
    assert all(f"{digit} +" in req.statement for digit in "0134568")


def test_a_mandatory_requirement_is_sourced_and_rests_on_more_than_example_or_third_party_code(
    bundle: dict[str, LoadedReferential],
) -> None:
    for edition in bundle.values():
        kinds = {s.key: s.kind for s in edition.model.metadata.sources}
        weak = {SourceKind.EXAMPLE, SourceKind.THIRD_PARTY}
        for req in edition.model.requirements:
            if req.obligation is Obligation.MANDATORY:
                assert req.provenance.basis is ProvenanceBasis.SOURCED, req.id
                assert any(kinds.get(k) not in weak for k in req.provenance.sources), req.id


def test_the_delegation_path_has_no_sandbox_test_step(psc: LoadedReferential) -> None:
    assert "PSC-ADM-04" not in applies(psc, declaration(["FS"], "communaute", parcours="delegation_fi_tiers"))
    assert "PSC-ADM-04" in applies(psc, declaration(["FS"], "communaute", parcours="standard"))


def test_exi_27_identity_rule_reaches_the_operator_not_the_editor(psc: LoadedReferential) -> None:
    elu = applies(psc, declaration(["ELU"], "espace_de_confiance", ["sensitive_service"]))
    osu = applies(psc, declaration(["OSU"], "espace_de_confiance", ["sensitive_service"]))
    assert "PSC-DATA-05" not in elu
    assert "inherited" in osu["PSC-DATA-05"]


def test_pgs_01_to_04_bind_only_sensitive_services(psc: LoadedReferential) -> None:
    plain = applies(psc, declaration(["FS"], "communaute", ["transition_mie"]))
    sensitive = applies(psc, declaration(["FS"], "communaute", ["transition_mie", "sensitive_service"]))
    for req_id in ("PGS-01", "PGS-02", "PGS-03", "PGS-04"):
        assert req_id not in plain, req_id
        assert req_id in sensitive, req_id


def test_ciba_04_imposes_no_body_on_server_errors(psc: LoadedReferential) -> None:
    statement = psc.requirements["PSC-CIBA-04"].statement
    assert "sans corps imposé" in statement
    assert "(400, 401, 404) portent le corps" in statement


def test_an_envisaged_certificate_profile_is_checked_only_where_it_is_recommended(psc: LoadedReferential) -> None:
    for req in psc.model.requirements:
        if "cert.auth_cli" in req.checks:
            assert req.obligation is Obligation.RECOMMENDED, req.id
    assert "cert.auth_cli" not in psc.requirements["EDC-TX-03"].checks
    assert "cert.auth_cli" in psc.requirements["EDC-CERT-02"].checks


def test_proxy_rules_follow_the_reference_contract(psc: LoadedReferential) -> None:
    assert "un certificat par client PSC servi" in psc.requirements["EDC-PRX-08"].statement
    prx10 = psc.requirements["EDC-PRX-10"]
    assert (prx10.obligation, prx10.provenance.basis) == (Obligation.RECOMMENDED, ProvenanceBasis.INFERRED)
    assert "Postman" not in psc.requirements["EDC-CONF-01"].statement
    assert "Platines" not in psc.requirements["EDC-TRC-05"].statement
    assert psc.requirements["EDC-TX-08"].provenance.basis is ProvenanceBasis.SOURCED


def test_homologated_mie_rules_carry_their_scope(bundle: dict[str, LoadedReferential]) -> None:
    pgssi = bundle["pgssi-s-identification-pp"].requirements
    for req_id in ("EXI 11", "EXI 12", "EXI 13", "EXI 14"):
        assert pgssi[req_id].applicability.features_all == ["operates_homologated_mie"], req_id
    assert "comme MIE de transition" in pgssi["EXI 25"].statement


def test_test_certificates_are_the_editors_and_production_certificates_the_operators(psc: LoadedReferential) -> None:
    reqs = psc.requirements
    assert reqs["EDC-CERT-01"].actors == ["ELP"] and reqs["EDC-CERT-01-PROD"].actors == ["OSP"]
    assert reqs["EDC-CERT-01-LPS"].actors == ["ELU"] and reqs["EDC-CERT-01-LPS-PROD"].actors == ["OSU"]
    for req_id in ("EDC-CERT-01", "EDC-CERT-01-LPS"):
        assert "test" in reqs[req_id].statement and "production" not in reqs[req_id].statement
    for req_id in ("EDC-CERT-01-PROD", "EDC-CERT-01-LPS-PROD"):
        assert "production" in reqs[req_id].statement and "de test" not in reqs[req_id].statement


def test_a_service_without_single_factor_reauthentication_is_not_asked_for_evidence(psc: LoadedReferential) -> None:
    req = psc.requirements["PGS-07"]
    assert req.evidence is not None and not req.evidence.required
    assert "non applicable" in (req.provenance.note or "")
    assert "(le justifier)" not in (req.provenance.note or "")


def test_the_fit_path_steps_not_bound_to_the_fit_are_a_recorded_gap(psc: LoadedReferential) -> None:
    gaps = {g.id: g.note for g in psc.model.metadata.known_gaps}
    assert "S0 l. 252 et 258" in gaps["fit-raccordement-bas-production"]
