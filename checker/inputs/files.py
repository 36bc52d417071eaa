"""The files a command reads are never written over: an output path is checked against every input."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from checker.errors import InputError, Location

__all__ = ["refuse_input_overwrite"]


def refuse_input_overwrite(target: Path, inputs: Iterable[Path]) -> None:
    """Raise if ``target`` is one of ``inputs`` (the same path, or the same file through any path or link)."""
    from checker.errors import msg

    where = target.absolute()
    try:
        info: os.stat_result | None = target.stat()
    except (OSError, ValueError):
        info = None
    for path in dict.fromkeys(inputs):
        if path.absolute() == where or (info is not None and _same_file(path, info)):
            raise InputError.at(Location(str(target)), msg("error.overwrite_input"), msg("hint.other_output_path"))


def _same_file(path: Path, info: os.stat_result) -> bool:
    try:
        other = path.stat()
    except (OSError, ValueError):
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)
