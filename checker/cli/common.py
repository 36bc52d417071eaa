"""Options and small helpers shared by the commands."""

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from checker.app.write import emit, warn
from checker.cli.help import choices
from checker.cli.vocabulary import ENVIRONMENTS, REQUIRE_ASSURANCE
from checker.i18n import LANGS
from checker.inputs.dates import parse_day
from checker.inputs.suggest import check_choice, check_choices
from checker.render.registry import DocumentKind, Format

if TYPE_CHECKING:
    from checker.model.message import Message
    from checker.model.report import Assurance

__all__ = [
    "AsOfOption",
    "EnvironmentOption",
    "LangOption",
    "PolicyOption",
    "ReferentialOption",
    "RequireAssuranceOption",
    "WaiversOption",
    "check_choice",
    "check_choices",
    "check_environment",
    "check_optional_choice",
    "parse_as_of",
    "required_assurance",
    "show_lines",
    "stdout_format",
]

LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="LANGUE", help=f"Langue des messages et des sorties : {choices(LANGS)}."),
]
"""Every command's ``--lang``; the command resolves it with :func:`checker.cli.language.command_lang`."""

AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="AAAA-MM-JJ", help="Date d'évaluation (aujourd'hui par défaut)."),
]

EnvironmentOption = Annotated[
    str | None,
    typer.Option("--environment", metavar="ENVIRONNEMENT", help=f"Environnement PSC : {choices(ENVIRONMENTS)}."),
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


def check_optional_choice(option: str, value: str | None, allowed: Sequence[str]) -> str | None:
    """:func:`check_choice` for an option that may be left out: ``None`` stays ``None``."""
    return None if value is None else check_choice(option, value, allowed)


def check_environment(value: str | None) -> str | None:
    """``--environment`` checked (``None`` when left out)."""
    return check_optional_choice("--environment", value, ENVIRONMENTS)


def parse_as_of(value: str | None) -> dt.date:
    """``--as-of`` as a date, today when left out."""
    return parse_day(value, "--as-of")


def stdout_format(value: str, kind: DocumentKind[Any]) -> Format:
    """``--format`` checked against the formats ``kind`` writes on standard output."""
    return Format(check_choice("--format", value, kind.stdout_names))


def required_assurance(value: str | None) -> "Assurance | None":
    """``--require-assurance`` checked, as the assurance level it names (``None`` when left out)."""
    level = check_optional_choice("--require-assurance", value, REQUIRE_ASSURANCE)
    if level is None:
        return None
    from checker.model.report import Assurance  # pydantic: not loaded for --help

    return Assurance(level)


def show_lines(warnings: "Iterable[str | Message]", lines: Iterable[str]) -> None:
    """A use case's warnings on standard error, then its lines on standard output."""
    for note in warnings:
        warn(note)
    for line in lines:
        emit(line)
