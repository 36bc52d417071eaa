"""The closed sets the help lists are those the code checks against: each light tuple equals its source, in order."""

from __future__ import annotations

from checker.app.evaluate import FAIL_ON, REQUIRE_ASSURANCE
from checker.cli import vocabulary
from checker.model.referential import Environment, EvidenceKind
from checker.referential.load import LoadedReferential


def test_the_tuples_of_the_code_are_the_code_s() -> None:
    assert vocabulary.FAIL_ON == FAIL_ON
    assert vocabulary.REQUIRE_ASSURANCE == REQUIRE_ASSURANCE
    assert tuple(e.value for e in Environment) == vocabulary.ENVIRONMENTS
    assert tuple(k.value for k in EvidenceKind) == vocabulary.EVIDENCE_KINDS


def test_the_referential_s_sets_are_the_bundled_edition_s(psc: LoadedReferential) -> None:
    assert tuple(a.id for a in psc.model.actors) == vocabulary.ACTORS
    assert tuple(level.id for level in psc.model.levels) == vocabulary.LEVELS
    assert tuple(t.id for t in psc.model.themes) == vocabulary.THEMES
    assert tuple(f.id for f in psc.model.features) == vocabulary.FEATURES
    assert tuple(p.id for p in psc.model.parcours) == vocabulary.PARCOURS
