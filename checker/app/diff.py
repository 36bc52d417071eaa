"""``diff``: what changed between two referential editions, what becomes of a declaration's answers, the migration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.app.write import warn, write_atomic
from checker.declaration.files import declaration_inputs
from checker.declaration.load import LoadedDeclaration, load_declaration
from checker.errors import InputError, msg
from checker.evaluation.applicability import applicable_requirements
from checker.inputs.readfile import real_path
from checker.referential.diff import AnswerMove, classify_answers, diff_editions
from checker.referential.load import LoadedReferential, load_referential
from checker.referential.migrate import migrated_declaration_text
from checker.render.diff_text import DiffDocument
from checker.render.registry import EDITION_DIFF, Format

__all__ = ["DiffRequest", "run_diff"]


@dataclass(frozen=True)
class DiffRequest:
    """What ``psc-check diff`` was asked to compare."""

    old: Path
    new: Path
    declaration: Path | None = None
    """A declaration written for the old edition: what becomes of each of its answers."""
    output: Path | None = None
    """Where to write that declaration migrated to the new edition (needs ``declaration``)."""
    stdout_format: Format = Format.TEXT
    force: bool = False
    """Replace an existing ``output``."""


def run_diff(request: DiffRequest) -> bytes:
    """Compare the editions, write the migrated declaration if asked, return the diff for standard output."""
    old_ref, new_ref = load_referential(request.old), load_referential(request.new)
    changes = diff_editions(old_ref, new_ref)
    moves: list[AnswerMove] = []
    if request.declaration is not None:
        decl = load_declaration(request.declaration, old_ref)
        applicable = {req.id for req, _ in applicable_requirements(new_ref, decl.model)}
        moves = classify_answers(changes, decl.model, applicable)
        if request.output is not None:
            _write_migrated(request, (request.declaration, request.output), decl, moves, (old_ref, new_ref))
    elif request.output is not None:
        raise InputError(msg("error.output_needs_declaration"))
    return EDITION_DIFF.render(DiffDocument(changes, tuple(moves)), request.stdout_format)


def _write_migrated(
    request: DiffRequest,
    paths: tuple[Path, Path],
    decl: LoadedDeclaration,
    moves: list[AnswerMove],
    editions: tuple[LoadedReferential, LoadedReferential],
) -> None:
    (source, output), (old_ref, new_ref) = paths, editions
    text = migrated_declaration_text(decl.model, moves, old_ref.version, new_ref.version)
    if real_path(output).parent != real_path(source).parent:
        # now, not with the result: it matters even when the write below fails
        warn(msg("warning.migrated_elsewhere", output=output.name, declaration=source.name))
    inputs = [*declaration_inputs(decl), request.old, request.new]
    write_atomic(output, text.encode("utf-8"), inputs=inputs, overwrite=request.force)
