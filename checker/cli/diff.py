"""``psc-check diff``: what changed between two referential editions, and for a declaration."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli.common import check_choice
from checker.errors import InputError

if TYPE_CHECKING:
    from checker.referential.diff import AnswerMove, EditionDiff


def diff(
    old: Annotated[Path, typer.Argument(help="Ancienne édition du référentiel.")],
    new: Annotated[Path, typer.Argument(help="Nouvelle édition du référentiel.")],
    declaration: Annotated[
        Path | None, typer.Option("--declaration", help="Déclaration écrite pour l'ancienne édition.")
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Écrire la déclaration migrée (YAML).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
    force: Annotated[bool, typer.Option("--force", help="Remplacer un fichier de sortie existant.")] = False,
) -> None:
    """Comparer deux éditions ; avec --declaration, dire ce que devient chaque réponse."""
    from checker.app.write import warn, write_atomic
    from checker.declaration.files import declaration_inputs
    from checker.declaration.load import load_declaration
    from checker.evaluation.applicability import applicable_requirements
    from checker.i18n import message
    from checker.inputs.readfile import real_path
    from checker.referential.diff import classify_answers, diff_editions
    from checker.referential.load import load_referential
    from checker.referential.migrate import migrated_declaration_text

    check_choice("--format", fmt, ["text", "json"])
    old_ref, new_ref = load_referential(old), load_referential(new)
    changes = diff_editions(old_ref, new_ref)
    moves: list[AnswerMove] = []
    if declaration is not None:
        decl = load_declaration(declaration, old_ref)
        applicable = {req.id for req, _ in applicable_requirements(new_ref, decl.model)}
        moves = classify_answers(changes, decl.model, applicable)
        if output is not None:
            text = migrated_declaration_text(decl.model, moves, old_ref.version, new_ref.version)
            if real_path(output).parent != real_path(declaration).parent:
                warn(message("warning.migrated_elsewhere", output=output.name, declaration=declaration.name, lang="en"))
            inputs = [*declaration_inputs(decl), old, new]
            write_atomic(output, text.encode("utf-8"), inputs=inputs, overwrite=force)
    elif output is not None:
        raise InputError(message("error.output_needs_declaration", lang="en"))
    _print(changes, moves, fmt)


def _print(changes: EditionDiff, moves: list[AnswerMove], fmt: str) -> None:
    from checker.inputs.textsafe import terminal_text
    from checker.render.diff_text import render_diff_json, render_diff_text

    text = render_diff_json(changes, moves) if fmt == "json" else render_diff_text(changes, moves)
    sys.stdout.write(text if fmt == "json" else terminal_text(text))
