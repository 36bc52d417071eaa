"""Which requirements apply to a declaration, and why (actor × level × parcours × features)."""

from __future__ import annotations

from checker.i18n import message
from checker.model.declaration import Declaration
from checker.model.referential import Requirement
from checker.model.report import Reason
from checker.referential.load import LoadedReferential

__all__ = ["applicable_requirements", "why_applies"]


def why_applies(ref: LoadedReferential, req: Requirement, decl: Declaration, lang: str) -> list[Reason] | None:
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
    reasons = [Reason(code="actor", message=message("why.actor", lang, actors=", ".join(actors)))] if actors else []
    reasons += [
        Reason(
            code="inherited",
            message=message(
                "why.inherited", lang, actor=actor, inherits=rule.inherits, rationale=rule.rationale.in_lang(lang)
            ),
        )
        for actor, rule in sorted(inherited.items())
    ]
    reasons += [
        Reason(code="level", message=message("why.level", lang, level=decl.level, levels=", ".join(req.levels))),
    ]
    if app.features_all:
        reasons.append(
            Reason(code="features_all", message=message("why.features_all", lang, features=", ".join(app.features_all)))
        )
    if app.features_any:
        hit = sorted(declared.intersection(app.features_any))
        reasons.append(Reason(code="features_any", message=message("why.features_any", lang, features=", ".join(hit))))
    if app.features_none:
        reasons.append(
            Reason(
                code="features_none", message=message("why.features_none", lang, features=", ".join(app.features_none))
            )
        )
    if app.parcours and decl.parcours is not None:
        reasons.append(Reason(code="parcours", message=message("why.parcours", lang, parcours=decl.parcours.id)))
    return reasons


def applicable_requirements(
    ref: LoadedReferential, decl: Declaration, lang: str = "fr"
) -> list[tuple[Requirement, list[Reason]]]:
    """Every requirement that applies to ``decl`` with its reasons, sorted by id."""
    out: list[tuple[Requirement, list[Reason]]] = []
    for req in ref.model.requirements:
        reasons = why_applies(ref, req, decl, lang)
        if reasons is not None:
            out.append((req, reasons))
    out.sort(key=lambda pair: pair[0].id)
    return out
