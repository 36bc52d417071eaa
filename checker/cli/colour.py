"""Whether the console gets colour: a terminal, unless ``NO_COLOR`` says no; ``FORCE_COLOR`` says yes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from checker.errors import UsageError

__all__ = ["QuietOption", "check_quiet", "use_colour"]

QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="N'afficher que la ligne du verdict ; le rapport complet va dans les fichiers -o (exigé).",
    ),
]


def check_quiet(quiet: bool, outputs: list[Path] | None) -> None:
    """``--quiet`` without ``-o`` would print a verdict with no report anywhere: refused (exit 2)."""
    if quiet and not outputs:
        from checker.errors import msg

        raise UsageError(msg("cli.quiet_needs_output"))


def use_colour() -> bool:
    """``NO_COLOR`` set (any value, https://no-color.org) → no; ``FORCE_COLOR`` set and not ``0`` → yes; else
    colour only when standard output is a terminal (never in a pipe, a file or CI logs)."""
    if "NO_COLOR" in os.environ:
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force not in ("", "0"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False
