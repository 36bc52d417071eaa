"""The floors of ``evaluate``: what a process costs before psc-check's own work, measured the same way.

``python benchmarks/floor.py REFERENTIAL.yaml DECLARATION.yaml`` is the floor of the issue: a process that
imports yaml and pydantic and parses both files with PyYAML's C loader (``CSafeLoader``, libyaml), nothing more.

``python benchmarks/floor.py --libraries REFERENTIAL.yaml DECLARATION.yaml`` adds what any program built on
psc-check's libraries pays before its first line of work: Typer imported, pydantic's model machinery loaded and
one strict model built and used. It is not a target; it shows how much of the distance to the floor is theirs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pydantic  # noqa: F401 - importing it is part of the floor
import yaml

__all__ = ["libraries", "parse"]


def parse(paths: list[str]) -> int:
    """Parse every file; the number of top-level keys read (so the work cannot be skipped)."""
    keys = 0
    for name in paths:
        with Path(name).open("rb") as handle:
            keys += len(yaml.load(handle, Loader=yaml.CSafeLoader))
    return keys


def libraries() -> None:
    """Import Typer, load pydantic's model machinery, build one strict frozen model and validate with it."""
    import typer  # noqa: F401
    from pydantic import BaseModel, ConfigDict

    class Probe(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)
        name: str

    Probe.model_validate({"name": "floor"})


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--libraries":
        libraries()
        args = args[1:]
    if not args:
        sys.exit("usage: floor.py [--libraries] FILE.yaml...")
    parse(args)
