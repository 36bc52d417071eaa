"""``psc-check check-evidence``: run the automated checks on one evidence file, for a vendor preparing proofs."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import error, write_stdout
from checker.checks.kinds import CHECKED_KINDS
from checker.cli.common import check_choice
from checker.i18n import LANGS
from checker.inputs.dates import parse_day

__all__ = ["check_evidence"]

_ENVIRONMENTS = ("bac_a_sable", "production")
_LEVELS = ("communaute", "espace_de_confiance")


def check_evidence(
    file: Annotated[
        Path, typer.Argument(help="Fichier de preuve : certificat, configuration OIDC, HAR, jeton, CIBA, traces.")
    ],
    kind: Annotated[
        str | None, typer.Option("--kind", help=f"Type de preuve ({', '.join(CHECKED_KINDS)}) ; reconnu sinon.")
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date de vérification AAAA-MM-JJ.")] = None,
    client_id: Annotated[str | None, typer.Option("--client-id", help="client_id enregistré auprès de PSC.")] = None,
    environment: Annotated[
        str | None, typer.Option("--environment", help="Environnement revendiqué : bac_a_sable ou production.")
    ] = None,
    level: Annotated[str | None, typer.Option("--level", help="Niveau : communaute ou espace_de_confiance.")] = None,
    jwks: Annotated[
        Path | None, typer.Option("--jwks", help="JWKS (JSON) pour vérifier la signature d'un jeton.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Sortie : console ou json.")] = "console",
    lang: Annotated[str, typer.Option("--lang", help="Langue : fr ou en.")] = "fr",
) -> None:
    """Vérifier une preuve technique hors ligne. Code 0 vérifiée, 1 contredite, 2 non vérifiable."""
    from checker.app.check_evidence import CheckEvidenceRequest, run_check_evidence
    from checker.render.registry import CHECK_RESULT, Format

    for option, value, allowed in (
        ("--kind", kind, CHECKED_KINDS),
        ("--environment", environment, _ENVIRONMENTS),
        ("--level", level, _LEVELS),
    ):
        if value is not None:
            check_choice(option, value, allowed)
    check_choice("--format", fmt, CHECK_RESULT.stdout_names)
    check_choice("--lang", lang, LANGS)
    request = CheckEvidenceRequest(
        file=file,
        as_of=parse_day(as_of, "--as-of"),
        kind=kind,
        client_id=client_id,
        environment=environment,
        level=level,
        jwks=jwks,
        stdout_format=Format(fmt),
        lang=lang,
    )
    result = run_check_evidence(request)
    write_stdout(result.stdout)
    if result.problem:  # exit 2 always comes with its reason on standard error
        error(result.problem)
    raise typer.Exit(result.exit_code)
