"""``init``: a ready-to-fill declaration for the chosen actors and level, written (never over a file unless forced)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from checker.app.write import write_atomic
from checker.inputs.suggest import same_case
from checker.referential.load import load_referential
from checker.render import init_template as template

__all__ = ["InitRequest", "InitResult", "run_init"]


@dataclass(frozen=True, kw_only=True)
class InitRequest(template.InitRequest):
    """What ``psc-check init`` was asked to write."""

    output: Path
    force: bool = False
    """Replace an existing ``output``."""
    referential: Path | None = None
    """Another edition of the referential (YAML file); the bundled one when None."""


@dataclass(frozen=True)
class InitResult:
    output: Path
    to_fill: int
    """How many answers the declaration holds, each `not_assessed` until filled."""


def run_init(request: InitRequest) -> InitResult:
    """Write the declaration: every requirement applicable to the actors and level, status ``not_assessed``."""
    ref = load_referential(request.referential)
    request = replace(  # any case: `--actor elu` is ELU
        request,
        actors=tuple(same_case(actor, ref.actors) for actor in request.actors),
        level=same_case(request.level, ref.level_closure),
        parcours=None if request.parcours is None else same_case(request.parcours, [p.id for p in ref.model.parcours]),
    )
    text = template.render_declaration_template(ref, request)
    write_atomic(request.output, text.encode("utf-8"), inputs=[ref.path], overwrite=request.force)
    return InitResult(request.output, text.count("status: not_assessed"))
