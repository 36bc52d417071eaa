"""``psc-check diff``: what changed between two referential editions, and for a declaration."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import write_stdout
from checker.cli.common import stdout_format
from checker.cli.help import choices
from checker.render.registry import EDITION_DIFF


def diff(
    old: Annotated[Path, typer.Argument(metavar="ANCIEN.yaml", help="Ancienne édition du référentiel.")],
    new: Annotated[Path, typer.Argument(metavar="NOUVEAU.yaml", help="Nouvelle édition du référentiel.")],
    declaration: Annotated[
        Path | None,
        typer.Option("--declaration", metavar="DECLARATION", help="Déclaration écrite pour l'ancienne édition."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FICHIER", help="Écrire la déclaration migrée (YAML).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help=f"Format : {choices(EDITION_DIFF.stdout_names)}.")
    ] = "text",
    force: Annotated[bool, typer.Option("--force", help="Remplacer un fichier de sortie existant.")] = False,
) -> None:
    """Comparer deux éditions ; avec --declaration, dire ce que devient chaque réponse."""
    from checker.app.diff import DiffRequest, run_diff

    out_format = stdout_format(fmt, EDITION_DIFF)
    request = DiffRequest(
        old=old, new=new, declaration=declaration, output=output, stdout_format=out_format, force=force
    )
    write_stdout(run_diff(request))
