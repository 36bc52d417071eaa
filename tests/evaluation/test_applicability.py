"""Which requirements apply, and why: actor × level × features (all, any, none) × parcours, each reason in turn."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from checker.evaluation.applicability import applicable_requirements, why_applies
from checker.i18n import Translator
from checker.model.declaration import Declaration
from checker.model.referential import Applicability, Requirement
from checker.referential.load import LoadedReferential
from tests.declarations import declaration


@dataclass(frozen=True)
class _Said:
    """A reason as a reader sees it: its stable code, and its message in one language."""

    code: str
    message: str


def _why(
    ref: LoadedReferential, req: Requirement, decl: Declaration, lang: str, *, codes: bool = False
) -> list[_Said] | None:
    """The reasons in ``lang``: ids by their labels for people, as codes for machine formats (``codes``)."""
    reasons = why_applies(ref, req, decl)
    words = Translator(lang, codes=codes).text
    return None if reasons is None else [_Said(r.code, words(r.message)) for r in reasons]


def _ids(ref: LoadedReferential, decl: Declaration) -> list[str]:
    return [req.id for req, _ in applicable_requirements(ref, decl)]


def _codes(ref: LoadedReferential, req: Requirement, decl: Declaration) -> list[str] | None:
    reasons = why_applies(ref, req, decl)
    return None if reasons is None else [r.code for r in reasons]


def _with(req: Requirement, **applicability: list[str]) -> Requirement:
    """The same requirement under other applicability conditions (the mini edition has no such requirement)."""
    return req.model_copy(update={"applicability": Applicability(**applicability)})


def test_actor_level_and_feature_select_the_mini_requirements(mini: LoadedReferential) -> None:
    elu = declaration(["ELU"], "espace_de_confiance", {"uses_ciba": True})
    assert _ids(mini, elu) == ["T-CERT-01", "T-CIBA-01", "T-OIDC-01"]  # T-OIDC-02 binds FS only
    fs = declaration(["FS"], "communaute", {"uses_ciba": True})
    assert _ids(mini, fs) == ["T-CIBA-01", "T-OIDC-01", "T-OIDC-02"]  # T-CERT-01 binds ELU and ELP only
    elp = declaration(["ELP"], "espace_de_confiance")
    assert _ids(mini, elp) == ["T-CERT-01"]


def test_a_level_binds_what_it_includes_not_what_includes_it(mini: LoadedReferential) -> None:
    """``espace_de_confiance`` includes ``communaute``: communaute requirements bind it, not the other way round."""
    assert _ids(mini, declaration(["ELU"], "communaute")) == ["T-OIDC-01"]
    assert _ids(mini, declaration(["ELU"], "espace_de_confiance")) == ["T-CERT-01", "T-OIDC-01"]
    assert _ids(mini, declaration(["ELU"], "niveau_inconnu")) == []


def test_a_feature_declared_false_is_not_declared(mini: LoadedReferential) -> None:
    ciba = mini.requirements["T-CIBA-01"]
    assert _codes(mini, ciba, declaration(["ELU"], "espace_de_confiance", {"uses_ciba": False})) is None
    assert _codes(mini, ciba, declaration(["ELU"], "espace_de_confiance")) is None
    on = declaration(["ELU"], "espace_de_confiance", {"uses_ciba": True})
    assert _codes(mini, ciba, on) == ["actor", "level", "features_all"]


def test_actor_and_level_reasons_say_which_actor_and_level(mini: LoadedReferential) -> None:
    decl = declaration(["FS", "ELU"], "espace_de_confiance", {"uses_ciba": True})
    reasons = _why(mini, mini.requirements["T-CERT-01"], decl, "fr")
    assert reasons is not None
    assert [(r.code, r.message) for r in reasons] == [
        ("actor", "vous déclarez l'acteur ELU, visé par l'exigence"),  # FS is declared too, but not bound
        ("level", "niveau Espace de confiance : l'exigence relève de Espace de confiance"),
    ]
    english = _why(mini, mini.requirements["T-OIDC-01"], decl, "en")
    assert english is not None
    assert [r.message for r in english] == [
        "you declare actor FS, ELU, bound by the requirement",
        "level Espace de confiance: the requirement belongs to Communauté",
    ]
    machine = _why(mini, mini.requirements["T-OIDC-01"], decl, "en", codes=True)  # JSON, SARIF: the codes
    assert machine is not None
    assert machine[-1].message == "level espace_de_confiance: the requirement belongs to communaute"
    features = _why(mini, mini.requirements["T-CIBA-01"], decl, "fr")
    assert features is not None and features[-1].message == "caractéristiques déclarées : Utilise CIBA"


def test_features_all_needs_every_feature(mini: LoadedReferential) -> None:
    req = _with(mini.requirements["T-OIDC-01"], features_all=["uses_ciba", "uses_mtls"])
    one = declaration(["ELU"], "espace_de_confiance", {"uses_ciba": True})
    both = declaration(["ELU"], "espace_de_confiance", {"uses_ciba": True, "uses_mtls": True})
    assert _codes(mini, req, one) is None
    reasons = _why(mini, req, both, "en")
    assert reasons is not None and reasons[-1].message == "declared features: Uses CIBA, uses_mtls"  # no label: id


def test_features_any_needs_one_and_names_those_declared(psc: LoadedReferential) -> None:
    """On the bundled referential: the first requirement that asks for any of several features."""
    req = next(r for r in psc.model.requirements if r.applicability.features_any)
    actor, level = req.actors[0], req.levels[0]
    wanted = sorted(req.applicability.features_any)
    assert _codes(psc, req, declaration([actor], level)) is None
    assert _codes(psc, req, declaration([actor], level, dict.fromkeys(wanted, False))) is None
    decl = declaration([actor], level, {wanted[-1]: True, "feature_not_asked": True})
    reasons = _why(psc, req, decl, "fr")
    assert reasons is not None
    assert reasons[-1].code == "features_any"
    label = next(f.label for f in psc.model.features if f.id == wanted[-1])
    assert reasons[-1].message == f"au moins une caractéristique déclarée : {label}"


def test_features_any_lists_every_declared_match_sorted(mini: LoadedReferential) -> None:
    req = _with(mini.requirements["T-OIDC-01"], features_any=["web_browser_flow", "mobile_app", "thick_client"])
    decl = declaration(["FS"], "communaute", {"web_browser_flow": True, "mobile_app": True, "thick_client": False})
    reasons = _why(mini, req, decl, "fr")
    assert reasons is not None
    assert reasons[-1].message == "au moins une caractéristique déclarée : mobile_app, web_browser_flow"


def test_features_none_excludes_and_says_so(mini: LoadedReferential) -> None:
    req = _with(mini.requirements["T-OIDC-01"], features_none=["delegates_to_fi_tiers"])
    assert _codes(mini, req, declaration(["FS"], "communaute", {"delegates_to_fi_tiers": True})) is None
    decl = declaration(["FS"], "communaute", {"delegates_to_fi_tiers": False})
    reasons = _why(mini, req, decl, "en")
    assert reasons is not None
    assert [r.code for r in reasons] == ["actor", "level", "features_none"]
    assert reasons[-1].message == "none of the features: delegates_to_fi_tiers"


def test_parcours_binds_only_the_declared_path(mini: LoadedReferential) -> None:
    req = _with(mini.requirements["T-OIDC-01"], parcours=["standard"])
    assert _codes(mini, req, declaration(["FS"], "communaute")) is None, "no parcours declared"
    other = declaration(["FS"], "communaute", parcours={"id": "autre"})
    assert _codes(mini, req, other) is None
    decl = declaration(["FS"], "communaute", parcours={"id": "standard", "completed": {"test": "2026-01-05"}})
    reasons = _why(mini, req, decl, "fr")
    assert reasons is not None
    assert [(r.code, r.message) for r in reasons][-1] == ("parcours", "parcours Standard")
    plain = _why(mini, mini.requirements["T-OIDC-01"], decl, "fr")
    assert plain is not None and "parcours" not in {r.code for r in plain}, "said only when the path decides"


def test_every_condition_is_reported_in_order(mini: LoadedReferential) -> None:
    req = _with(
        mini.requirements["T-OIDC-01"],
        features_all=["uses_ciba"],
        features_any=["mobile_app"],
        features_none=["thick_client"],
        parcours=["standard"],
    )
    decl = declaration(["FS"], "communaute", {"uses_ciba": True, "mobile_app": True}, parcours={"id": "standard"})
    assert _codes(mini, req, decl) == ["actor", "level", "features_all", "features_any", "features_none", "parcours"]
    for feature in ("uses_ciba", "mobile_app"):  # each condition alone removes it
        assert _codes(mini, req, decl.model_copy(update={"features": {**decl.features, feature: False}})) is None
    assert _codes(mini, req, decl.model_copy(update={"features": {**decl.features, "thick_client": True}})) is None


@pytest.mark.parametrize("actor", ["FS", "ELU", "OSU"])
def test_bundled_referential_applicability_is_sorted_and_consistent(psc: LoadedReferential, actor: str) -> None:
    """At each level: sorted, bound by actor and level, none behind a feature (none declared); levels nest."""
    found: dict[str, list[str]] = {}
    for level in ("communaute", "espace_de_confiance"):
        applicable = applicable_requirements(psc, declaration([actor], level))
        ids = found[level] = [req.id for req, _ in applicable]
        assert ids == sorted(set(ids)) and ids, (actor, level)
        for req, reasons in applicable:
            assert psc.binds_level(req, level)
            assert not req.applicability.features_all and not req.applicability.features_any, "no feature declared"
            if actor in req.actors:
                said = Translator("en").text(reasons[0].message)
                assert said == f"you declare actor {actor}, bound by the requirement"
            else:  # taken from another actor by the referential's inheritance rule, and said so first
                assert actor in psc.inherited_by(req) and reasons[0].code == "inherited", (actor, req.id)
        missed = [
            r.id
            for r in psc.model.requirements
            if r.id not in set(ids)
            and actor in r.actors
            and psc.binds_level(r, level)
            and not r.applicability.features_all
            and not r.applicability.features_any
            and not r.applicability.parcours
        ]
        assert missed == [], f"{actor} at {level}: bound, unconditional, yet not applicable"
    assert set(found["communaute"]) <= set(found["espace_de_confiance"])
    if actor != "FS":  # a service provider stays in the community level: nothing binds it only above
        assert set(found["communaute"]) < set(found["espace_de_confiance"])
