"""Read an input file defensively: a regular file only (never a folder or a device), bounded in size."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from checker.errors import InputError, Location
from checker.inputs.limits import size_text

__all__ = ["read_input", "real_path", "require_regular_file"]


def require_regular_file(path: Path, hint: str, *, missing: str = "file not found") -> int:
    """The size of ``path``; an :class:`InputError` unless it is an existing regular file."""
    where = Location(str(path))
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError.at(where, missing, "check the path") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "invalid path"
        raise InputError.at(where, f"cannot read the file ({reason})", "check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError.at(where, "is a folder, not a file", hint)
    if not stat.S_ISREG(info.st_mode):
        raise InputError.at(where, "is not a regular file (a device, pipe or socket)", hint)
    return info.st_size


def read_input(path: Path, limit: int, *, what: str, hint: str) -> bytes:
    """The bytes of ``path`` (at most ``limit``): refused when missing, not a regular file, or larger."""
    where = Location(str(path))
    size = require_regular_file(path, hint)
    shown = size_text(size) if size_text(size) != size_text(limit) else f"{size} bytes"
    too_large = f"file too large ({shown}; the limit for {what} is {size_text(limit)})"
    if size > limit:
        raise InputError.at(where, too_large, "is this the right file?")
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError.at(where, f"cannot read the file ({exc.strerror})", "check its permissions") from None
    if len(raw) > limit:
        raise InputError.at(where, too_large, "is this the right file?")
    return raw


def real_path(path: Path) -> Path:
    """``path`` absolute with its links followed; a link loop (RuntimeError before Python 3.13) leaves it as written."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.normpath(path.absolute()))
