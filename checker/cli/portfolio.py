"""``psc-check portfolio``: evaluate many declarations at once, with their habilitations resolved across them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit, write_atomic
from checker.cli.common import PolicyOption, ReferentialOption, check_choice
from checker.errors import ExitCode
from checker.i18n import LANGS
from checker.inputs.textsafe import terminal_text


def portfolio(
    inputs: Annotated[list[Path], typer.Argument(help="Déclarations (fichiers) ou dossiers qui en contiennent.")],
    output: Annotated[
        list[Path] | None,
        typer.Option("-o", "--output", help="Fichier de sortie .json, .md, .html ou .xlsx ; répétable."),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date d'évaluation AAAA-MM-JJ.")] = None,
    referentiel: ReferentialOption = None,
    lang: Annotated[str, typer.Option("--lang", help="fr ou en.")] = "fr",
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, max=64, help="Processus parallèles (par défaut : un par cœur).")
    ] = None,
    policy: PolicyOption = None,
) -> None:
    """Évaluer un portefeuille : 0 si toutes prêtes, 1 sinon, 2 si aucune n'a pu être évaluée."""
    from checker.app.evaluate import parse_as_of
    from checker.portfolio.render import render_portfolio
    from checker.portfolio.run import PortfolioRequest, run_portfolio

    check_choice("--lang", lang, LANGS)
    request = PortfolioRequest(
        inputs=tuple(inputs),
        as_of=parse_as_of(as_of),
        referential=referentiel,
        lang=lang,
        workers=workers,
        policy=policy,
    )
    report = run_portfolio(request)
    for error in report.errors:
        sys.stderr.write("".join(f"psc-check: {terminal_text(line)}\n" for line in error.message.splitlines()))
    for path in output or []:
        write_atomic(path, render_portfolio(report, path), inputs=[*inputs, *map(Path, report.input_files)])
    ready = sum(1 for row in report.rows if row.ready)
    emit(f"{len(report.rows)} déclaration(s) évaluée(s), {ready} prête(s), {len(report.errors)} en erreur")
    for link in report.links:
        if link.status != "resolved":
            emit(f"  {link.declaration}: {link.message}")
    all_ready = ready == len(report.rows) and not report.errors
    raise typer.Exit(int(ExitCode.OK if all_ready else ExitCode.NOT_READY))
