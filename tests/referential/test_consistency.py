"""Consistency of a referential: each requirement rule on its own, and every problem in a stable order."""

from __future__ import annotations

import pytest

from checker.checks.registry import is_known_check
from checker.i18n import text as words
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import load_yaml_text
from checker.model.referential import Referential
from checker.referential.consistency import REQUIREMENT_RULES, Known, RequirementRule, _Collector, referential_problems
from tests.conftest import MINI

_BROKEN = """  - id: T-BAD-01
    title: Tout faux
    statement: Chaque règle de cohérence y trouve un problème.
    actors: [FS, XX]
    levels: [espace_de_confiance, niveau]
    obligation: mandatory
    theme: oidcc
    effective: 2030-01-01
    deadline: 2029-01-01
    checks: [cert.validity, cert.validty]
    applicability:
      features_all: [uses_cib]
      features_any: [uses_ciba, autre]
      features_none: [zzz]
      parcours: [standart]
    provenance:
      basis: sourced
      sources: [S0, S9]
"""


def _problems(extra: str = "") -> list[str]:
    text = MINI.read_text(encoding="utf-8") + extra
    doc = load_yaml_text(text, "ref.yaml")
    return [words(m, "en") for m in referential_problems(validate_document(doc, Referential), doc, is_known_check)]


def test_the_bundled_mini_referential_is_consistent() -> None:
    assert _problems() == []


def test_every_requirement_rule_reports_in_order() -> None:
    """The messages and their order are those of the single function the rules were split from."""
    assert _problems(_BROKEN) == [
        "ref.yaml:124:14: requirements.4.actors.0: actor `FS` never works at level(s) espace_de_confiance, niveau — fix the requirement's actors or levels",
        "ref.yaml:124:18: requirements.4.actors.1: unknown actor `XX` — define it under `actors`",
        "ref.yaml:125:35: requirements.4.levels.1: unknown level `niveau` — define it under `levels`",
        "ref.yaml:127:12: requirements.4.theme: unknown theme `oidcc` — did you mean `oidc`?",
        "ref.yaml:138:21: requirements.4.provenance.sources.1: unknown source `S9` — define it under `sources`",
        "ref.yaml:132:22: requirements.4.applicability.features_all.0: unknown feature `uses_cib` — did you mean `uses_ciba`?",
        "ref.yaml:133:33: requirements.4.applicability.features_any.1: unknown feature `autre` — define it under `features`",
        "ref.yaml:134:23: requirements.4.applicability.features_none.0: unknown feature `zzz` — define it under `features`",
        "ref.yaml:135:18: requirements.4.applicability.parcours.0: unknown parcours `standart` — did you mean `standard`?",
        "ref.yaml:130:29: requirements.4.checks.1: unknown automated check `cert.validty` — see `psc-check check-evidence --help`",
        "ref.yaml:129:15: requirements.4.deadline: deadline before the effective date — swap or fix the dates",
    ]


_FIELD_OF_RULE = {
    "actors_known_and_at_level": "requirements.4.actors.",
    "levels_known": "requirements.4.levels.",
    "theme_known": "requirements.4.theme :",
    "sources_known": "requirements.4.provenance.sources.",
    "features_known": "requirements.4.applicability.features_",
    "parcours_known": "requirements.4.applicability.parcours.",
    "checks_registered": "requirements.4.checks.",
    "deadline_after_effective": "requirements.4.deadline :",
}


def test_every_rule_is_tested() -> None:
    assert [rule.__name__ for rule in REQUIREMENT_RULES] == list(_FIELD_OF_RULE)


@pytest.mark.parametrize("rule", REQUIREMENT_RULES, ids=lambda rule: rule.__name__)
def test_each_rule_flags_the_broken_requirement_and_passes_a_sound_one(rule: RequirementRule) -> None:
    doc = load_yaml_text(MINI.read_text(encoding="utf-8") + _BROKEN, "ref.yaml")
    ref = validate_document(doc, Referential)
    known = Known.of(ref, is_known_check)
    broken, sound = _Collector(doc), _Collector(doc)
    rule(ref.requirements[4], ["requirements", 4], known, broken)
    rule(ref.requirements[3], ["requirements", 3], known, sound)
    assert broken.messages
    assert all(_FIELD_OF_RULE[rule.__name__] in words(m) for m in broken.messages), broken.messages
    assert sound.messages == []
