"""Habilitations: the ones a declaration's actors hold and rely on, checked as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from checker.evaluation.lapses import lapse_within
from checker.inputs.yamlload import YamlDocument
from checker.model.declaration import Habilitation
from checker.model.message import Param, msg
from checker.model.report import HabilitationStatus, Lapse, Problem, Severity
from checker.referential.load import LoadedReferential

__all__ = ["HabilitationProblem", "HabilitationReview", "add_years", "review_habilitations"]

HabilitationProblem = Literal[
    "habilitation_environment",
    "habilitation_future",
    "held_not_declared_actor",
    "held_expired",
    "habilitation_unused",
    "habilitation_expired",
]
"""The problems of one declared habilitation (each one is the catalogue key ``problem.<code>``)."""


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus ``years`` (29 February falls back to 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class HabilitationReview:
    statuses: list[HabilitationStatus]
    problems: list[Problem]
    lapses: list[Lapse]


def _state(hab: Habilitation, expires: dt.date, as_of: dt.date) -> str:
    if hab.granted > as_of:
        return "future"
    return "expired" if expires <= as_of else "valid"


def review_habilitations(
    ref: LoadedReferential,
    actors: list[str],
    held: list[Habilitation],
    relied_upon: list[Habilitation],
    doc: YamlDocument,
    as_of: dt.date,
    horizon_days: int = 90,
) -> HabilitationReview:
    """Statuses of every declared habilitation, and the problems of the dependencies the actors need."""
    years = ref.model.habilitation.validity_years if ref.model.habilitation else 3
    statuses: list[HabilitationStatus] = []
    problems: list[Problem] = []
    lapses: list[Lapse] = []
    for relation, items in (("held", held), ("relied_upon", relied_upon)):
        for i, hab in enumerate(items):
            expires = add_years(hab.granted, years)
            state = _state(hab, expires, as_of)
            statuses.append(
                HabilitationStatus(
                    relation=relation,
                    actor=hab.actor,
                    reference=hab.reference,
                    holder=hab.holder,
                    granted=hab.granted,
                    expires=expires,
                    environment=hab.environment.value,
                    state=state,
                )
            )
            at: list[str | int] = ["habilitations", relation, i]
            params: dict[str, Param] = {
                "dependency": hab.actor,
                "reference": hab.reference,
                "granted": hab.granted.isoformat(),
                "expires": expires.isoformat(),
                "years": years,
            }
            problems.extend(_item_problems(ref, relation, hab, state, actors, (doc, at), params))
            what = msg("lapse.habilitation", actor=hab.actor, reference=hab.reference)
            if state == "valid" and (lapse := lapse_within("habilitation", expires, as_of, horizon_days, what)):
                lapses.append(lapse)
    problems.extend(_missing(ref, actors, relied_upon, doc))
    return HabilitationReview(statuses, problems, lapses)


def _item_problems(
    ref: LoadedReferential,
    relation: str,
    hab: Habilitation,
    state: str,
    actors: list[str],
    place: tuple[YamlDocument, list[str | int]],
    params: dict[str, Param],
) -> list[Problem]:
    """Problems of one declared habilitation: environment, date, and what its relation implies (each at ``place``,
    located only when there is one: locating means a second parse of the file)."""
    actor_def = ref.actors.get(hab.actor)
    expected = actor_def.habilitation_environment if actor_def else None
    needed = {dep for a in actors if a in ref.actors for dep in ref.actors[a].relies_on}
    found: list[tuple[HabilitationProblem, Severity, dict[str, Param]]] = []
    if expected is not None and hab.environment != expected:
        found.append(
            ("habilitation_environment", "error", {"actual": hab.environment.value, "expected": expected.value})
        )
    if state == "future":
        found.append(("habilitation_future", "error", {}))
    if relation == "held":
        if hab.actor not in actors:
            found.append(("held_not_declared_actor", "warning", {}))
        if state == "expired":
            found.append(("held_expired", "error", {}))
    else:
        if hab.actor not in needed:
            found.append(("habilitation_unused", "warning", {}))
        if state == "expired":
            found.append(("habilitation_expired", "error", {}))
    if not found:
        return []
    where = str(place[0].location(place[1]))
    return [
        Problem(code=code, severity=severity, location=where, message=msg(f"problem.{code}", **params, **extra))
        for code, severity, extra in found
    ]


def _missing(
    ref: LoadedReferential,
    actors: list[str],
    relied_upon: list[Habilitation],
    doc: YamlDocument,
) -> list[Problem]:
    out: list[Problem] = []
    for actor in actors:
        actor_def = ref.actors.get(actor)
        for dep in actor_def.relies_on if actor_def else []:
            candidates = [h for h in relied_upon if h.actor == dep]
            if not candidates:
                out.append(
                    Problem(
                        code="habilitation_missing",
                        severity="error",
                        location=str(doc.location(["habilitations"])),
                        message=msg("problem.habilitation_missing", actor=actor, dependency=dep),
                    )
                )
    return out
