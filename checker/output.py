"""Writing outputs safely: atomic replace, never over an input file."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from checker.errors import InputError, Location

__all__ = ["emit", "refuse_input_overwrite", "write_atomic"]


def refuse_input_overwrite(target: Path, inputs: Iterable[Path]) -> None:
    """Raise if ``target`` is one of ``inputs`` (same file, through any path or link)."""
    resolved = target.resolve()
    for path in inputs:
        try:
            same = path.resolve() == resolved or (target.exists() and target.samefile(path))
        except OSError:
            same = False
        if same:
            raise InputError.at(
                Location(str(target)), "the output would overwrite an input file", "choose another output path"
            )


def write_atomic(target: Path, data: bytes, *, inputs: Iterable[Path] = (), overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``."""
    refuse_input_overwrite(target, inputs)
    if not overwrite and target.exists():
        raise InputError.at(
            Location(str(target)), "file already exists", "remove it, choose another path or pass --force"
        )
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise InputError.at(Location(str(target)), "the output folder does not exist", "create it first")
    fd, tmp_name = -1, ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).chmod(_mode_for(target))
        if not overwrite and target.exists():
            raise InputError.at(Location(str(target)), "file already exists", "remove it or pass --force")
        Path(tmp_name).replace(target)
        tmp_name = ""
    except OSError as exc:
        raise InputError.at(
            Location(str(target)),
            f"cannot write the file ({exc.strerror})",
            "check the folder's permissions and free space",
        ) from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def emit(text: str) -> None:
    """Print ``text`` to standard output (UTF-8, one trailing newline)."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
