"""``psc-check import-matrix``: an auditor's returned matrix → an audit file for ``evaluate --audit``."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit, warn
from checker.cli.common import LangOption, ReferentialOption
from checker.cli.language import command_lang
from checker.i18n import message
from checker.inputs.dates import parse_day


def import_matrix(
    matrix: Annotated[
        Path, typer.Argument(metavar="MATRICE.xlsx", help="Matrice de preuves renseignée par l'auditeur.")
    ],
    declaration: Annotated[
        Path,
        typer.Option(
            "--declaration",
            metavar="DECLARATION",
            help="La déclaration d'où la matrice a été exportée.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", metavar="FICHIER", help="Fichier d'audit YAML (fusionné s'il existe).", show_default=False
        ),
    ],
    auditor: Annotated[str | None, typer.Option("--auditor", metavar="NOM", help="Nom de l'auditeur.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="AAAA-MM-JJ", help="Date de l'audit (aujourd'hui par défaut).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Remplacer le fichier d'audit existant au lieu de le compléter.")
    ] = False,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Importer les verdicts et commentaires d'une matrice renvoyée par l'auditeur dans un fichier d'audit."""
    from checker.app.import_matrix import ImportRequest, run_import_matrix

    lang = command_lang(lang)
    request = ImportRequest(
        matrix=matrix,
        declaration=declaration,
        output=output,
        date=parse_day(date, "--date"),
        referential=referentiel,
        auditor=auditor,
        force=force,
    )
    result = run_import_matrix(request)
    for note in result.warnings:
        warn(note)
    counts = {"new": result.new, "changed": result.changed, "kept": result.kept}
    emit(
        message(
            "import.done",
            lang,
            path=output,
            count=len(result.audit.verdicts),
            not_assessed=result.not_assessed,
            auditor=result.audit.auditor.name,
            **counts,
        )
    )
