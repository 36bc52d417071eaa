"""``psc-check diff``: what changed between two referential editions, and for a declaration."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import write_stdout
from checker.cli.common import check_choice


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
    from checker.app.diff import DiffRequest, run_diff
    from checker.render.registry import EDITION_DIFF, Format

    check_choice("--format", fmt, EDITION_DIFF.stdout_names)
    request = DiffRequest(
        old=old, new=new, declaration=declaration, output=output, stdout_format=Format(fmt), force=force
    )
    write_stdout(run_diff(request))
