"""Write a ready-to-fill declaration for given actors, level, parcours and features."""

from __future__ import annotations

import json
from dataclasses import dataclass

from checker.errors import UsageError, msg
from checker.evaluation.applicability import applicable_requirements
from checker.i18n import Translator
from checker.inputs.limits import MAX_SHORT_TEXT_CHARS
from checker.inputs.suggest import did_you_mean
from checker.inputs.textsafe import shown, strip_control
from checker.model.declaration import Declaration, Organisation, ParcoursProgress, Subject, luhn_ok
from checker.referential.load import LoadedReferential

__all__ = ["InitRequest", "default_parcours", "render_declaration_template", "template_declaration"]


@dataclass(frozen=True)
class InitRequest:
    actors: tuple[str, ...]
    level: str
    parcours: str | None = None
    organisation: str | None = None
    siren: str | None = None
    subject: str | None = None
    features: tuple[str, ...] = ()


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def default_parcours(ref: LoadedReferential, actors: tuple[str, ...], level: str) -> str | None:
    """The usual path: delegation for a FIT, otherwise the first path of the level."""
    wanted = "delegation_fi_tiers" if "FIT" in actors else None
    ids = [p.id for p in ref.model.parcours if level in p.levels]
    if wanted in ids:
        return wanted
    preferred = [p for p in ("standard", "espace_de_confiance") if p in ids]
    return preferred[0] if preferred else (ids[0] if ids else None)


def _validate(ref: LoadedReferential, req: InitRequest) -> None:
    for actor in req.actors:
        if actor not in ref.actors:
            hint = did_you_mean(actor, ref.actors) or msg("error.choose_one_of", choices=", ".join(ref.actors))
            raise UsageError(msg("error.unknown_value", option="--actor", value=shown(actor), hint=hint))
        if req.level in ref.level_closure and req.level not in ref.actors[actor].levels:
            levels = ", ".join(ref.actors[actor].levels)
            raise UsageError(msg("error.init_actor_level", actor=actor, level=req.level, levels=levels))
    if req.level not in ref.level_closure:
        hint = msg("error.choose_one_of", choices=", ".join(ref.level_closure))
        raise UsageError(msg("error.unknown_value", option="--level", value=shown(req.level), hint=hint))
    features = {f.id for f in ref.model.features}
    for feature in req.features:
        if feature not in features:
            hint = did_you_mean(feature, features) or msg("error.choose_one_of", choices=", ".join(sorted(features)))
            raise UsageError(msg("error.unknown_value", option="--feature", value=shown(feature), hint=hint))
    if req.siren is not None and not (len(req.siren) == 9 and req.siren.isdigit() and luhn_ok(req.siren)):
        raise UsageError(msg("error.init_siren", value=shown(req.siren)))
    if req.organisation is not None:
        _check_name("--organisation", req.organisation)
    paths = {p.id for p in ref.model.parcours}
    if req.parcours is not None and req.parcours not in paths:
        hint = msg("error.choose_one_of", choices=", ".join(paths))
        raise UsageError(msg("error.unknown_value", option="--parcours", value=shown(req.parcours), hint=hint))


def _check_name(option: str, value: str) -> None:
    if not value.strip() or len(value) > MAX_SHORT_TEXT_CHARS or strip_control(value) != value or "\n" in value:
        raise UsageError(msg("error.init_name", option=option, value=shown(value), limit=MAX_SHORT_TEXT_CHARS))


def template_declaration(ref: LoadedReferential, req: InitRequest) -> Declaration:
    """The declaration ``init`` writes, as a model: what decides which requirements it lists (a usage error for
    an actor, level, feature or parcours the edition lacks)."""
    _validate(ref, req)
    parcours = req.parcours or default_parcours(ref, req.actors, req.level)
    return Declaration(
        organisation=Organisation(name=req.organisation or "À compléter", siren=req.siren),
        subject=Subject(name=req.subject or "À compléter"),
        actors=list(req.actors),
        level=req.level,
        parcours=ParcoursProgress(id=parcours) if parcours else None,
        features={f.id: f.id in req.features for f in ref.model.features},
    )


def render_declaration_template(ref: LoadedReferential, req: InitRequest) -> str:
    """The YAML text of a new declaration: every applicable requirement `not_assessed`, commented."""
    model = template_declaration(ref, req)
    parcours = model.parcours.id if model.parcours else None
    labels, t = ref.labels, Translator("fr")
    lines = [
        "# yaml-language-server: $schema=declaration.schema.json",
        "# JSON Schema : `psc-check schema declaration > declaration.schema.json` (à placer à côté de ce fichier).",
        f"# Déclaration pour le référentiel {ref.id} {ref.version} — remplissez chaque réponse, puis : psc-check evaluate FICHIER",
        'schema_version: "1"',
        "organisation:",
        f"  name: {_q(model.organisation.name)}",
        f"  siren: {_q(req.siren) if req.siren else 'null  # 9 chiffres (numéro SIREN)'}",
        "  country: FR",
        "subject:",
        f"  name: {_q(model.subject.name)}",
        "  version: null",
        (
            "  psc_client_id: null  # client_id PSC, ou un par environnement `{bac_a_sable: …, production: …}` :"
            " CN des certificats, aud des jetons"
        ),
        (
            "  psc_environment: null  # `bac_a_sable` (bac à sable) ou `production` : environnement des preuves qui"
            " ne le disent pas"
        ),
        "  hosts: []  # noms d'hôte du service : une analyse TLS d'un autre hôte ne vaut pas preuve (tls.host)",
        f"actors: [{', '.join(req.actors)}]  # {_comment(', '.join(labels.actor(a) for a in req.actors))}",
        f"level: {req.level}  # {_comment(labels.level(req.level))}",
    ]
    if parcours:
        lines += [
            "parcours:",
            f"  id: {parcours}  # {_comment(labels.path(parcours))}",
            "  completed: {}  # étape: AAAA-MM-JJ",
        ]
    lines.append("features:")
    lines += [
        f"  {f.id}: {'true' if f.id in req.features else 'false'}  # {_comment(f.label)}" for f in ref.model.features
    ]
    lines += ["habilitations:", "  held: []", "  relied_upon: []"]
    for actor in req.actors:
        deps = ref.actors[actor].relies_on
        if deps:
            lines.append(
                f"  # {actor} s'appuie sur l'habilitation de : {', '.join(deps)} (actor, reference, holder, granted, environment)"
            )
    applicable = applicable_requirements(ref, model)
    lines.append(
        "answers:" if applicable else "answers: {}  # aucune exigence applicable : vérifiez actors, level et features"
    )
    if applicable:
        lines.append(f"  # {t('init.status_help')}")
    for requirement, _ in applicable:
        obligation = t(f"obligation.{requirement.obligation.value}")
        lines.append(f"  # {_comment(requirement.title)} — {obligation} — {_comment(labels.theme(requirement.theme))}")
        lines += [
            f"  {requirement.id}:" if " " not in requirement.id else f"  {_q(requirement.id)}:",
            "    status: not_assessed",
            "    justification: null",
            "    evidence: []",
        ]
    return "\n".join(lines) + "\n"
