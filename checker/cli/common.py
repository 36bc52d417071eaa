"""Options and small helpers shared by the commands."""

from pathlib import Path
from typing import Annotated

import typer

from checker.cli.help import choices
from checker.cli.vocabulary import REQUIRE_ASSURANCE
from checker.inputs.suggest import check_choice, check_choices

__all__ = [
    "PolicyOption",
    "ReferentialOption",
    "RequireAssuranceOption",
    "WaiversOption",
    "check_choice",
    "check_choices",
]

ReferentialOption = Annotated[
    Path | None,
    typer.Option(
        "--referentiel",
        metavar="FICHIER",
        help="Autre édition du référentiel (fichier YAML) ; par défaut le référentiel PSC fourni.",
        show_default=False,
    ),
]

WaiversOption = Annotated[
    Path | None,
    typer.Option(
        "--waivers",
        metavar="FICHIER",
        help=(
            "Fichier YAML de dérogations (tenu par l'équipe d'audit), appliqué avec les `waivers:` de la déclaration ; "
            "voir `psc-check schema waivers`."
        ),
        show_default=False,
    ),
]

PolicyOption = Annotated[
    Path | None,
    typer.Option(
        "--policy",
        metavar="FICHIER",
        help=(
            "Fichier YAML de politique : remplace des seuils propres à psc-check (pas ceux de l'ANS), "
            "p. ex. policy: {certificate-margin: {min_remaining_days: 15}} ; le rapport le signale."
        ),
        show_default=False,
    ),
]

RequireAssuranceOption = Annotated[
    str | None,
    typer.Option(
        "--require-assurance",
        metavar="NIVEAU",
        help=(
            f"{choices(REQUIRE_ASSURANCE)} : une exigence obligatoire conforme en dessous de ce niveau "
            "d'assurance (ou appuyée sur une preuve sans sha256) devient un écart."
        ),
        show_default=False,
    ),
]
