"""``referentiel list|show|check``: read an edition of the referential, select, render."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.app.write import write_atomic
from checker.errors import UsageError, msg
from checker.i18n import message
from checker.i18n.lang import current_lang
from checker.inputs.suggest import check_choice, check_choices, did_you_mean
from checker.inputs.textsafe import shown
from checker.referential.load import load_referential
from checker.render.listing import RequirementList, RequirementSheet
from checker.render.registry import EXPORT_SUFFIXES, REFERENTIAL_EXPORT, REQUIREMENT, REQUIREMENT_LIST, Format

__all__ = [
    "CheckRequest",
    "ExportRequest",
    "ExportResult",
    "ListRequest",
    "ShowRequest",
    "run_check",
    "run_export",
    "run_list",
    "run_show",
]


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
    lang: str = "fr"


def run_list(request: ListRequest) -> bytes:
    """The selected requirements, rendered (a usage error for an actor, level or theme the edition lacks)."""
    ref = load_referential(request.referential)
    actors = check_choices("--actor", request.actors, ref.actors)
    level = None if request.level is None else check_choice("--level", request.level, ref.level_closure)
    theme = None if request.theme is None else check_choice("--theme", request.theme, [t.id for t in ref.model.themes])
    selected = tuple(ref.select(actors, level, theme))
    return REQUIREMENT_LIST.render(RequirementList(ref, selected, request.lang), request.stdout_format)


@dataclass(frozen=True)
class ShowRequest:
    """The requirement ``referentiel show`` prints whole."""

    requirement_id: str
    referential: Path | None = None
    stdout_format: Format = Format.TEXT
    lang: str = "fr"


def run_show(request: ShowRequest) -> bytes:
    """One requirement, rendered (a usage error with a suggestion for an unknown id)."""
    ref = load_referential(request.referential)
    req = ref.requirements.get(request.requirement_id)
    if req is None:
        hint = did_you_mean(request.requirement_id, ref.requirements) or msg("error.see_list")
        raise UsageError(msg("error.unknown_requirement", id=shown(request.requirement_id), hint=hint))
    return REQUIREMENT.render(RequirementSheet(ref, req, request.lang), request.stdout_format)


@dataclass(frozen=True)
class CheckRequest:
    """The edition ``referentiel check`` verifies."""

    path: Path


def run_check(request: CheckRequest) -> str:
    """One line saying the edition is valid (loading it raises the errors of an invalid one)."""
    ref = load_referential(request.path)
    return message(
        "cli.referential_ok",
        current_lang(),
        path=str(request.path),
        id=ref.id,
        version=ref.version,
        count=len(ref.requirements),
    )


@dataclass(frozen=True)
class ExportRequest:
    """The edition ``referentiel export`` writes in another tool's format."""

    fmt: Format
    """One of the formats of :data:`REFERENTIAL_EXPORT` (CISO Assistant library, OSCAL catalog)."""
    output: Path | None = None
    """The file to write (its suffix must suit the format); standard output when None."""
    referential: Path | None = None


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    """The export, also written to ``output`` when one was given."""
    output: Path | None
    referential_id: str
    count: int
    """How many requirements the export holds."""


def run_export(request: ExportRequest) -> ExportResult:
    """Render the edition in ``request.fmt``; write it atomically to ``request.output`` when given."""
    if request.output is not None:
        suffixes = EXPORT_SUFFIXES[request.fmt]
        if not request.output.name.lower().endswith(suffixes):
            raise UsageError(
                msg(
                    "error.export_suffix",
                    path=str(request.output),
                    format=request.fmt.value,
                    suffixes=" / ".join(suffixes),
                )
            )
    ref = load_referential(request.referential)
    data = REFERENTIAL_EXPORT.render(ref, request.fmt)
    if request.output is not None:
        write_atomic(request.output, data, inputs=[ref.path])
    return ExportResult(data, request.output, ref.id, len(ref.requirements))
