"""``referentiel list|show|check``: read an edition of the referential, select, render."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.errors import UsageError
from checker.i18n import message
from checker.inputs.suggest import check_choice, check_choices, did_you_mean
from checker.inputs.textsafe import shown
from checker.referential.load import load_referential
from checker.render.listing import RequirementList, RequirementSheet
from checker.render.registry import REQUIREMENT, REQUIREMENT_LIST, Format

__all__ = ["CheckRequest", "ListRequest", "ShowRequest", "run_check", "run_list", "run_show"]


@dataclass(frozen=True)
class ListRequest:
    """Which requirements ``referentiel list`` shows, and how."""

    actors: tuple[str, ...] = ()
    """Requirements applying to any of these actors; all when empty."""
    level: str | None = None
    theme: str | None = None
    referential: Path | None = None
    """Another edition of the referential (YAML file); the bundled one when None."""
    stdout_format: Format = Format.TABLE


def run_list(request: ListRequest) -> bytes:
    """The selected requirements, rendered (a usage error for an actor, level or theme the edition lacks)."""
    ref = load_referential(request.referential)
    actors = check_choices("--actor", request.actors, ref.actors)
    if request.level is not None:
        check_choice("--level", request.level, ref.level_closure)
    if request.theme is not None:
        check_choice("--theme", request.theme, [t.id for t in ref.model.themes])
    selected = tuple(ref.select(actors, request.level, request.theme))
    return REQUIREMENT_LIST.render(RequirementList(ref, selected), request.stdout_format)


@dataclass(frozen=True)
class ShowRequest:
    """The requirement ``referentiel show`` prints whole."""

    requirement_id: str
    referential: Path | None = None
    stdout_format: Format = Format.TEXT


def run_show(request: ShowRequest) -> bytes:
    """One requirement, rendered (a usage error with a suggestion for an unknown id)."""
    ref = load_referential(request.referential)
    req = ref.requirements.get(request.requirement_id)
    if req is None:
        hint = did_you_mean(request.requirement_id, ref.requirements) or message("error.see_list", lang="en")
        raise UsageError(message("error.unknown_requirement", id=shown(request.requirement_id), hint=hint, lang="en"))
    return REQUIREMENT.render(RequirementSheet(ref, req), request.stdout_format)


@dataclass(frozen=True)
class CheckRequest:
    """The edition ``referentiel check`` verifies."""

    path: Path


def run_check(request: CheckRequest) -> str:
    """One line saying the edition is valid (loading it raises the errors of an invalid one)."""
    ref = load_referential(request.path)
    return message(
        "cli.referential_ok", path=str(request.path), id=ref.id, version=ref.version, count=len(ref.requirements)
    )
