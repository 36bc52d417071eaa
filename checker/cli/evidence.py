"""``psc-check evidence add|refresh``: cite evidence files in a declaration, keep their hashes and dates current."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.app.write import emit, warn
from checker.cli.common import ReferentialOption, check_choice
from checker.cli.help import Command, Group, choices
from checker.cli.language import command_lang
from checker.cli.vocabulary import ENVIRONMENTS, EVIDENCE_KINDS
from checker.i18n import LANGS
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
LangOption = Annotated[
    str | None, typer.Option("--lang", metavar="LANGUE", help=f"Langue des messages : {choices(LANGS)}.")
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
    environment: Annotated[
        str | None,
        typer.Option("--environment", metavar="ENVIRONNEMENT", help=f"Environnement : {choices(ENVIRONMENTS)}."),
    ] = None,
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
    if kind is not None:
        kind = check_choice("--kind", kind, EVIDENCE_KINDS)
    if environment is not None:
        environment = check_choice("--environment", environment, ENVIRONMENTS)
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
    for note in result.warnings:
        warn(note)
    for line in result.lines:
        emit(line)
    if result.output:
        emit(result.output)
