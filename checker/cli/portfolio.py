"""``psc-check portfolio``: evaluate many declarations at once, with their habilitations resolved across them."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit
from checker.cli.common import PolicyOption, ReferentialOption, RequireAssuranceOption, WaiversOption, check_choice
from checker.i18n import LANGS
from checker.inputs.dates import parse_day


def portfolio(
    inputs: Annotated[list[Path], typer.Argument(help="Déclarations (fichiers) ou dossiers qui en contiennent.")],
    output: Annotated[
        list[Path] | None,
        typer.Option("-o", "--output", help="Fichier de sortie .json, .md, .html, .xlsx ou .pdf ; répétable."),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date d'évaluation AAAA-MM-JJ.")] = None,
    referentiel: ReferentialOption = None,
    lang: Annotated[str, typer.Option("--lang", help="fr ou en.")] = "fr",
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, max=64, help="Processus parallèles (par défaut : un par cœur).")
    ] = None,
    policy: PolicyOption = None,
    waivers: WaiversOption = None,
    require_assurance: RequireAssuranceOption = None,
) -> None:
    """Évaluer un portefeuille : 0 si toutes prêtes, 1 sinon, 2 si aucune n'a pu être évaluée."""
    from checker.app.evaluate import REQUIRE_ASSURANCE
    from checker.app.portfolio import PortfolioRequest, run_portfolio
    from checker.model.report import Assurance

    check_choice("--lang", lang, LANGS)
    if require_assurance is not None:
        check_choice("--require-assurance", require_assurance, REQUIRE_ASSURANCE)
    request = PortfolioRequest(
        inputs=tuple(inputs),
        as_of=parse_day(as_of, "--as-of"),
        referential=referentiel,
        lang=lang,
        workers=workers,
        policy=policy,
        waivers=waivers,
        outputs=tuple(output or ()),
        require_assurance=Assurance(require_assurance) if require_assurance is not None else None,
    )
    result = run_portfolio(request)
    for line in result.lines:
        emit(line)
    raise typer.Exit(result.exit_code)
