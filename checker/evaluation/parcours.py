"""The declared connection path: which steps concern the actors, which are done, and in what order."""

from __future__ import annotations

import datetime as dt

from checker.inputs.yamlload import YamlDocument
from checker.model.declaration import Declaration
from checker.model.message import msg
from checker.model.report import ParcoursStepState, Problem
from checker.referential.load import LoadedReferential

__all__ = ["review_parcours"]


def review_parcours(
    ref: LoadedReferential, decl: Declaration, doc: YamlDocument, as_of: dt.date
) -> tuple[list[ParcoursStepState], list[Problem]]:
    """Each step's state for the declared actors, and order problems (warnings)."""
    if decl.parcours is None:
        return [], [
            Problem(
                code="parcours_missing",
                severity="info",
                location=doc.name,
                message=msg("problem.parcours_missing"),
            )
        ]
    parcours = next((p for p in ref.model.parcours if p.id == decl.parcours.id), None)
    if parcours is None:
        return [], []
    done = decl.parcours.completed
    states: list[ParcoursStepState] = []
    problems: list[Problem] = []
    previous: tuple[str, dt.date | None] | None = None
    for step in parcours.steps:
        concerned = not step.actors or bool(set(step.actors).intersection(decl.actors))
        date = done.get(step.id)
        state = "done" if date is not None else ("pending" if concerned else "not_concerned")
        states.append(ParcoursStepState(id=step.id, label=step.label, actors=list(step.actors), state=state, date=date))
        if not concerned:
            continue
        at: list[str | int] = ["parcours", "completed", step.id]  # located only for a problem (a second parse)
        if date is not None and date > as_of:
            problems.append(
                Problem(
                    code="parcours_future",
                    severity="warning",
                    location=str(doc.location(at, key=True)),
                    message=msg("problem.parcours_future", step=step.label, date=date.isoformat()),
                )
            )
        if previous is not None and date is not None:
            prev_label, prev_date = previous
            if prev_date is None:
                problems.append(
                    Problem(
                        code="parcours_skipped",
                        severity="warning",
                        location=str(doc.location(at, key=True)),
                        message=msg("problem.parcours_skipped", step=step.label, previous=prev_label),
                    )
                )
            elif date < prev_date:
                problems.append(
                    Problem(
                        code="parcours_order",
                        severity="warning",
                        location=str(doc.location(at, key=True)),
                        message=msg(
                            "problem.parcours_order",
                            step=step.label,
                            date=date.isoformat(),
                            previous=prev_label,
                            previous_date=prev_date.isoformat(),
                        ),
                    )
                )
        previous = (step.label, date)
    return states, problems
