"""``psc-check portfolio``: evaluate many declarations at once, with their habilitations resolved across them."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import write_stdout
from checker.cli.colour import QuietOption, check_quiet, use_colour
from checker.cli.common import (
    AsOfOption,
    LangOption,
    PolicyOption,
    ReferentialOption,
    RequireAssuranceOption,
    WaiversOption,
    parse_as_of,
    required_assurance,
)
from checker.cli.language import command_lang


def portfolio(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="DOSSIER|DECLARATION…", help="Déclarations (fichiers) ou dossiers qui en contiennent."),
    ],
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "-o", "--output", metavar="FICHIER", help="Fichier de sortie .json, .md, .html, .xlsx ou .pdf ; répétable."
        ),
    ] = None,
    as_of: AsOfOption = None,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", metavar="N", min=1, max=64, help="Processus parallèles (par défaut : un par cœur)."),
    ] = None,
    policy: PolicyOption = None,
    waivers: WaiversOption = None,
    require_assurance: RequireAssuranceOption = None,
    quiet: QuietOption = False,
) -> None:
    """Évaluer un portefeuille : 0 si toutes prêtes, 1 sinon, 2 si aucune n'a pu être évaluée."""
    from checker.app.portfolio import PortfolioRequest, run_portfolio

    lang = command_lang(lang)
    check_quiet(quiet, output)
    assurance = required_assurance(require_assurance)
    request = PortfolioRequest(
        inputs=tuple(inputs),
        as_of=parse_as_of(as_of),
        referential=referentiel,
        lang=lang,
        workers=workers,
        policy=policy,
        waivers=waivers,
        outputs=tuple(output or ()),
        require_assurance=assurance,
        quiet=quiet,
        colour=use_colour(),
    )
    result = run_portfolio(request)
    write_stdout(result.stdout)
    raise typer.Exit(result.exit_code)
