"""``psc-check init``: write a ready-to-fill declaration."""

from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import ReferentialOption
from checker.cli.help import choices
from checker.cli.vocabulary import ACTORS, FEATURES, LEVELS, PARCOURS


def init(
    actor: Annotated[
        list[str], typer.Option("--actor", metavar="ACTEUR", help=f"Acteur déclaré : {choices(ACTORS)} ; répétable.")
    ],
    level: Annotated[str, typer.Option("--level", metavar="NIVEAU", help=f"Niveau : {choices(LEVELS)}.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="FICHIER", help="Fichier à créer (jamais écrasé sans --force).")
    ],
    parcours: Annotated[
        str | None,
        typer.Option(
            "--parcours",
            metavar="PARCOURS",
            help=f"Parcours de raccordement : {choices(PARCOURS)} ; par défaut le parcours usuel du niveau.",
        ),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", metavar="NOM", help="Nom de l'organisation.")
    ] = None,
    siren: Annotated[str | None, typer.Option("--siren", metavar="SIREN", help="SIREN de l'organisation.")] = None,
    feature: Annotated[
        list[str] | None,
        typer.Option(
            "--feature",
            metavar="CARACTÉRISTIQUE",
            help=f"Caractéristique déclarée : {choices(FEATURES)} ; répétable.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Remplacer un fichier existant.")] = False,
    referentiel: ReferentialOption = None,
) -> None:
    """Créer une déclaration à remplir : chaque exigence applicable, statut `not_assessed`."""
    from checker.app.init import InitRequest, run_init
    from checker.i18n import message

    request = InitRequest(
        actors=tuple(actor),
        level=level,
        parcours=parcours,
        organisation=organisation,
        siren=siren,
        features=tuple(feature or ()),
        output=output,
        force=force,
        referential=referentiel,
    )
    result = run_init(request)
    typer.echo(message("cli.init_done", path=str(result.output), count=result.to_fill))
