"""Options and small helpers shared by the commands."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from checker.errors import UsageError
from checker.i18n import message
from checker.inputs.suggest import did_you_mean
from checker.inputs.textsafe import shown

__all__ = ["ReferentialOption", "check_choice", "check_choices"]

ReferentialOption = Annotated[
    Path | None,
    typer.Option(
        "--referentiel",
        help="Autre édition du référentiel (fichier YAML) ; par défaut le référentiel PSC fourni.",
        show_default=False,
    ),
]


def check_choice(option: str, value: str, allowed: Iterable[str]) -> str:
    """Return ``value`` if allowed, else raise a usage error with a suggestion."""
    known = list(allowed)
    if value not in known:
        hint = did_you_mean(value, known) or message("error.choose_one_of", choices=", ".join(known), lang="en")
        raise UsageError(message("error.unknown_value", option=option, value=shown(value), hint=hint, lang="en"))
    return value


def check_choices(option: str, values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    known = list(allowed)
    return [check_choice(option, v, known) for v in values]
