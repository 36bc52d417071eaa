"""The inheritance rule's rationale is given in both languages: an English report says why in English."""

from __future__ import annotations

from checker.evaluation.applicability import why_applies
from checker.i18n import Translator
from checker.model.declaration import Declaration
from checker.referential.load import load_referential
from checker.render.catalogue import catalogue_text


def _osu() -> Declaration:
    return Declaration.model_validate(
        {
            "schema_version": "1",
            "organisation": {"name": "Org"},
            "subject": {"name": "LPS"},
            "actors": ["OSU"],
            "level": "espace_de_confiance",
            "answers": {},
        }
    )


def test_the_inherited_why_is_in_the_reports_language() -> None:
    ref = load_referential()
    inherited = [r for r in ref.model.requirements if "OSU" in ref.inherited_by(r) and why_applies(ref, r, _osu())]
    assert inherited, "the OSU inherits Communauté FS obligations"
    rule = ref.inherited_by(inherited[0])["OSU"]
    for lang, own, other in (
        ("en", rule.rationale.en, rule.rationale.fr),
        ("fr", rule.rationale.fr, rule.rationale.en),
    ):
        why = why_applies(ref, inherited[0], _osu())
        assert why is not None
        text = Translator(lang).text(next(r.message for r in why if r.code == "inherited"))
        assert own in text and other not in text
    english = Translator("en").text(
        next(r.message for r in why_applies(ref, inherited[0], _osu()) or [] if r.code == "inherited")
    )
    assert "l'OSU" not in english and "fournisseur" not in english


def test_every_inheritance_rule_has_both_languages_and_shows_in_the_catalogue() -> None:
    ref = load_referential()
    text = catalogue_text()
    for rule in ref.model.metadata.actor_inheritance:
        assert rule.rationale.fr != rule.rationale.en
        assert f"**{rule.actor}** prend les obligations de **{rule.inherits}**" in text
    assert "| `certificate-margin` | min_remaining_days = 30 |" in text
