"""``psc-check check-evidence``: run the automated checks on one evidence file, for a vendor preparing proofs."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import error, write_stdout
from checker.checks.kinds import CHECKED_KINDS
from checker.cli.common import (
    AsOfOption,
    EnvironmentOption,
    LangOption,
    check_environment,
    check_optional_choice,
    parse_as_of,
    stdout_format,
)
from checker.cli.help import choices
from checker.cli.language import command_lang
from checker.cli.vocabulary import LEVELS
from checker.render.registry import CHECK_RESULT

__all__ = ["check_evidence"]


def check_evidence(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FICHIER", help="Fichier de preuve : certificat, configuration OIDC, HAR, jeton, CIBA, traces."
        ),
    ],
    kind: Annotated[
        str | None,
        typer.Option("--kind", metavar="TYPE", help=f"Type de preuve : {choices(CHECKED_KINDS)} ; reconnu sinon."),
    ] = None,
    as_of: AsOfOption = None,
    client_id: Annotated[
        str | None, typer.Option("--client-id", metavar="CLIENT_ID", help="client_id enregistré auprès de PSC.")
    ] = None,
    environment: EnvironmentOption = None,
    level: Annotated[str | None, typer.Option("--level", metavar="NIVEAU", help=f"Niveau : {choices(LEVELS)}.")] = None,
    jwks: Annotated[
        Path | None,
        typer.Option("--jwks", metavar="FICHIER", help="JWKS (JSON) pour vérifier la signature d'un jeton."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help=f"Sortie : {choices(CHECK_RESULT.stdout_names)}.")
    ] = "console",
    lang: LangOption = None,
) -> None:
    """Vérifier une preuve technique hors ligne. Code 0 vérifiée, 1 contredite, 2 non vérifiable."""
    from checker.app.check_evidence import CheckEvidenceRequest, run_check_evidence

    kind = check_optional_choice("--kind", kind, CHECKED_KINDS)
    environment = check_environment(environment)
    level = check_optional_choice("--level", level, LEVELS)
    out_format = stdout_format(fmt, CHECK_RESULT)
    lang = command_lang(lang)
    request = CheckEvidenceRequest(
        file=file,
        as_of=parse_as_of(as_of),
        kind=kind,
        client_id=client_id,
        environment=environment,
        level=level,
        jwks=jwks,
        stdout_format=out_format,
        lang=lang,
    )
    result = run_check_evidence(request)
    write_stdout(result.stdout)
    if result.problem:  # exit 2 always comes with its reason on standard error
        error(result.problem)
    raise typer.Exit(result.exit_code)
