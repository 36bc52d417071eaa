"""``psc-check evidence add|refresh``: cite evidence files in a declaration, keep their hashes and dates current."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.app.write import emit
from checker.cli.common import (
    EnvironmentOption,
    LangOption,
    ReferentialOption,
    check_environment,
    check_optional_choice,
    show_lines,
)
from checker.cli.help import Command, Group, choices
from checker.cli.language import command_lang
from checker.cli.vocabulary import EVIDENCE_KINDS
from checker.inputs.dates import parse_day

if TYPE_CHECKING:
    from checker.app.evidence import EvidenceEditResult

__all__ = ["app"]

app = typer.Typer(
    cls=Group,
    help="Citer des preuves dans une déclaration (empreinte, type, dates) et les tenir à jour.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Ne rien écrire : afficher le YAML à coller (add) ou le diff (refresh).")
]
OutsideOption = Annotated[
    bool,
    typer.Option("--allow-outside-evidence", help="Accepter une preuve hors du dossier de la déclaration."),
]
CollectedOption = Annotated[
    str | None,
    typer.Option(
        "--collected",
        metavar="AAAA-MM-JJ",
        help="Date de collecte (« today » : aujourd'hui) ; par défaut la date de modification du fichier.",
    ),
]


def _collected(value: str | None) -> dt.date | None:
    if value is None:
        return None
    return parse_day(None if value in ("today", "aujourd'hui") else value, "--collected")


@app.command("add", cls=Command)
def add(
    declaration: Annotated[Path, typer.Argument(metavar="DECLARATION", help="La déclaration à compléter (YAML).")],
    requirement: Annotated[
        str, typer.Argument(metavar="EXIGENCE", help="Identifiant de l'exigence, p. ex. EDC-GOV-01.")
    ],
    files: Annotated[
        list[Path], typer.Argument(metavar="FICHIER…", help="Fichiers de preuve, dans le dossier de la déclaration.")
    ],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="TYPE",
            help=f"Forcer le type de preuve (avertissement s'il n'est pas attendu) : {choices(EVIDENCE_KINDS)}.",
        ),
    ] = None,
    environment: EnvironmentOption = None,
    description: Annotated[
        str | None, typer.Option("--description", metavar="TEXTE", help="Description de la preuve.")
    ] = None,
    collected: CollectedOption = None,
    dry_run: DryRunOption = False,
    allow_outside: OutsideOption = False,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Citer des fichiers de preuve : type reconnu, sha256, dates ; la déclaration est modifiée sur place (diff affiché)."""
    from checker.app.evidence import EvidenceAddRequest, run_evidence_add

    lang = command_lang(lang)
    kind = check_optional_choice("--kind", kind, EVIDENCE_KINDS)
    environment = check_environment(environment)
    request = EvidenceAddRequest(
        declaration=declaration,
        requirement=requirement,
        files=tuple(files),
        kind=kind,
        environment=environment,
        description=description,
        collected=_collected(collected),
        dry_run=dry_run,
        allow_outside=allow_outside,
        referential=referentiel,
        lang=lang,
    )
    _show(run_evidence_add(request))


@app.command("refresh", cls=Command)
def refresh(
    declaration: Annotated[Path, typer.Argument(metavar="DECLARATION", help="La déclaration à mettre à jour (YAML).")],
    requirements: Annotated[
        list[str] | None, typer.Argument(metavar="EXIGENCE…", help="Les réponses à rafraîchir ; toutes par défaut.")
    ] = None,
    collected: CollectedOption = None,
    dry_run: DryRunOption = False,
    allow_outside: OutsideOption = False,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Recalculer l'empreinte et les dates des preuves qui ont changé ; jamais le statut ni la justification."""
    from checker.app.evidence import EvidenceRefreshRequest, run_evidence_refresh

    lang = command_lang(lang)
    request = EvidenceRefreshRequest(
        declaration=declaration,
        requirements=tuple(requirements or ()),
        collected=_collected(collected),
        dry_run=dry_run,
        allow_outside=allow_outside,
        referential=referentiel,
        lang=lang,
    )
    _show(run_evidence_refresh(request))


def _show(result: "EvidenceEditResult") -> None:
    show_lines(result.warnings, result.lines)
    if result.output:
        emit(result.output)
