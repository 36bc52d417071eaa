"""Options and small helpers shared by the commands."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from checker.errors import UsageError
from checker.inputs.suggest import did_you_mean
from checker.inputs.textsafe import shown

__all__ = ["PolicyOption", "ReferentialOption", "check_choice", "check_choices"]

ReferentialOption = Annotated[
    Path | None,
    typer.Option(
        "--referentiel",
        help="Autre édition du référentiel (fichier YAML) ; par défaut le référentiel PSC fourni.",
        show_default=False,
    ),
]

PolicyOption = Annotated[
    Path | None,
    typer.Option(
        "--policy",
        help=(
            "Fichier YAML de politique : remplace des seuils propres à psc-check (pas ceux de l'ANS), "
            "p. ex. policy: {certificate-margin: {min_remaining_days: 15}} ; le rapport le signale."
        ),
        show_default=False,
    ),
]


def check_choice(option: str, value: str, allowed: Iterable[str]) -> str:
    """Return ``value`` if allowed, else raise a usage error with a suggestion."""
    known = list(allowed)
    if value not in known:
        hint = did_you_mean(value, known) or f"choose one of: {', '.join(known)}"
        raise UsageError(f"{option}: unknown value `{shown(value)}` — {hint}")
    return value


def check_choices(option: str, values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    known = list(allowed)
    return [check_choice(option, v, known) for v in values]
