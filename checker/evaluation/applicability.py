"""Which requirements apply to a declaration, and why (actor × level × parcours × features)."""

from __future__ import annotations

from checker.model.declaration import Declaration
from checker.model.message import Message, msg, terms
from checker.model.referential import Requirement
from checker.model.report import Reason
from checker.referential.load import LoadedReferential

__all__ = ["applicable_requirements", "why_applies"]


def _features(ref: LoadedReferential, ids: list[str]) -> Message:
    return terms([ref.term("feature", f) for f in ids])


def why_applies(ref: LoadedReferential, req: Requirement, decl: Declaration) -> list[Reason] | None:
    """The reasons ``req`` applies to ``decl``, or None when it does not apply."""
    actors = [a for a in decl.actors if a in req.actors]
    inherited = {a: rule for a, rule in ref.inherited_by(req).items() if a in decl.actors and a not in actors}
    if not (actors or inherited) or not ref.binds_level(req, decl.level):
        return None
    declared = {name for name, on in decl.features.items() if on}
    app = req.applicability
    if app.features_all and not declared.issuperset(app.features_all):
        return None
    if app.features_any and not declared.intersection(app.features_any):
        return None
    if declared.intersection(app.features_none):
        return None
    if app.parcours and (decl.parcours is None or decl.parcours.id not in app.parcours):
        return None
    reasons = [Reason(code="actor", message=msg("why.actor", actors=", ".join(actors)))] if actors else []
    reasons += [
        Reason(
            code="inherited",
            message=msg(
                "why.inherited",
                actor=actor,
                inherits=rule.inherits,
                rationale=msg("text.by_lang", fr=rule.rationale.fr, en=rule.rationale.en),
            ),
        )
        for actor, rule in sorted(inherited.items())
    ]
    reasons += [
        Reason(
            code="level",
            message=msg(
                "why.level",
                level=ref.term("level", decl.level),
                levels=terms([ref.term("level", lv) for lv in req.levels]),
            ),
        ),
    ]
    if app.features_all:
        reasons.append(
            Reason(
                code="features_all",
                message=msg("why.features_all", features=_features(ref, app.features_all)),
            )
        )
    if app.features_any:
        hit = sorted(declared.intersection(app.features_any))
        reasons.append(Reason(code="features_any", message=msg("why.features_any", features=_features(ref, hit))))
    if app.features_none:
        reasons.append(
            Reason(
                code="features_none",
                message=msg("why.features_none", features=_features(ref, app.features_none)),
            )
        )
    if app.parcours and decl.parcours is not None:
        reasons.append(
            Reason(
                code="parcours",
                message=msg("why.parcours", parcours=ref.term("parcours", decl.parcours.id)),
            )
        )
    return reasons


def applicable_requirements(ref: LoadedReferential, decl: Declaration) -> list[tuple[Requirement, list[Reason]]]:
    """Every requirement that applies to ``decl`` with its reasons, sorted by id."""
    out: list[tuple[Requirement, list[Reason]]] = []
    for req in ref.model.requirements:
        reasons = why_applies(ref, req, decl)
        if reasons is not None:
            out.append((req, reasons))
    out.sort(key=lambda pair: pair[0].id)
    return out
