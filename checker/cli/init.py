"""``psc-check init``: write a ready-to-fill declaration."""

from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import ReferentialOption


def init(
    actor: Annotated[
        list[str], typer.Option("--actor", help="Acteur déclaré (FS, ELU, ELP, OSU, OSP, FIT) ; répétable.")
    ],
    level: Annotated[str, typer.Option("--level", help="communaute ou espace_de_confiance.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Fichier à créer (jamais écrasé sans --force).")],
    parcours: Annotated[str | None, typer.Option("--parcours", help="Parcours de raccordement.")] = None,
    organisation: Annotated[str | None, typer.Option("--organisation", help="Nom de l'organisation.")] = None,
    siren: Annotated[str | None, typer.Option("--siren", help="SIREN de l'organisation.")] = None,
    feature: Annotated[
        list[str] | None, typer.Option("--feature", help="Caractéristique déclarée (ex. uses_ciba) ; répétable.")
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
