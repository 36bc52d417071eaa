"""Read an input file defensively: a regular file only (never a folder or a device), bounded in size."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import InputError, Location
from checker.inputs.limits import size_text

if TYPE_CHECKING:
    from checker.errors import Message

__all__ = ["read_input", "real_path", "require_regular_file"]


def require_regular_file(path: Path, hint: Message, *, missing: Message | None = None) -> int:
    """The size of ``path``; an :class:`InputError` unless it is an existing regular file."""
    from checker.errors import msg

    where = Location(str(path))
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError.at(where, missing or msg("error.file_not_found"), msg("hint.check_path")) from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None)
        problem = msg("error.cannot_read", reason=reason) if reason else msg("error.invalid_path")
        raise InputError.at(where, problem, msg("hint.check_path_permissions")) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError.at(where, msg("error.is_folder_not_file"), hint)
    if not stat.S_ISREG(info.st_mode):
        raise InputError.at(where, msg("error.not_regular_file"), hint)
    return info.st_size


def read_input(path: Path, limit: int, *, what: Message, hint: Message) -> bytes:
    """The bytes of ``path`` (at most ``limit``): refused when missing, not a regular file, or larger."""
    from checker.errors import msg

    where = Location(str(path))
    size = require_regular_file(path, hint)
    shown = size_text(size) if size_text(size) != size_text(limit) else f"{size} bytes"
    too_large = msg("error.file_too_large", size=shown, what=what, limit=size_text(limit))
    if size > limit:
        raise InputError.at(where, too_large, msg("hint.right_file"))
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError.at(
            where, msg("error.cannot_read", reason=str(exc.strerror)), msg("hint.check_permissions")
        ) from None
    if len(raw) > limit:
        raise InputError.at(where, too_large, msg("hint.right_file"))
    return raw


def real_path(path: Path) -> Path:
    """``path`` absolute with its links followed; a link loop (RuntimeError before Python 3.13) leaves it as written."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.normpath(path.absolute()))
