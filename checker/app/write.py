"""Writing outputs safely: a temporary file beside the target, renamed over it; never over an input file.

What a write guarantees: the target holds either its previous content or the complete new one, never a mix; an
error (full disk, permissions, an exception, Ctrl-C, SIGTERM) leaves no temporary file behind; a temporary file
left by a process killed outright (SIGKILL, power cut) is named ``.NAME.psc-PID-….tmp`` and removed by the next
write to the same target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from checker.errors import InputError, Location
from checker.i18n import Translator
from checker.i18n.lang import current_lang
from checker.inputs.files import refuse_input_overwrite
from checker.inputs.textsafe import terminal_text

if TYPE_CHECKING:
    from checker.errors import Message

__all__ = ["create_new", "emit", "error", "refuse_input_overwrite", "warn", "write_atomic", "write_stdout"]

_CHUNK = 1 << 20


def write_atomic(target: Path, data: bytes, *, inputs: Iterable[Path] = (), overwrite: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``.

    With ``overwrite=False`` an existing ``target`` is refused, and the final step links the file into place so a
    file created meanwhile by someone else is not replaced either.
    """
    import tempfile  # imported when writing: not at start-up (random, hashing), which `--help` pays otherwise

    from checker.errors import msg

    refuse_input_overwrite(target, inputs)
    folder = _check_target(target, overwrite)
    _remove_stale(folder, target.name)
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_prefix(target.name)}{os.getpid()}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle.fileno(), data)
            os.fchmod(handle.fileno(), _mode_for(target))
            os.fsync(handle.fileno())
        _publish(tmp, target, overwrite)
        tmp = ""
        _sync_folder(folder)
    except FileExistsError:
        raise _exists(target) from None
    except OSError as exc:
        raise InputError.at(
            Location(str(target)), msg("error.cannot_write", reason=str(exc.strerror or exc)), _hint(exc)
        ) from None
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()


def _check_target(target: Path, overwrite: bool) -> Path:
    from checker.errors import msg

    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise InputError.at(Location(str(target)), msg("error.is_folder"), msg("hint.give_file_to_write"))
    if not overwrite and (target.exists() or target.is_symlink()):
        raise _exists(target)
    if not folder.is_dir():
        raise InputError.at(Location(str(target)), msg("error.no_output_folder"), msg("hint.create_it_first"))
    return folder


def _exists(target: Path) -> InputError:
    from checker.errors import msg

    return InputError.at(Location(str(target)), msg("error.file_exists"), msg("hint.remove_or_force"))


def _hint(exc: OSError) -> Message:
    from checker.errors import msg

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return msg("hint.write_free_space")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return msg("hint.write_permissions")
    return msg("hint.write_permissions_space")


def _prefix(name: str) -> str:
    return f".{name}.psc-"


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _publish(tmp: str, target: Path, overwrite: bool) -> None:
    if overwrite:
        Path(tmp).replace(target)
        return
    try:
        os.link(tmp, target)  # fails with FileExistsError if the target appeared meanwhile: never replaced
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system (FAT, some network shares): check, then rename
        if target.exists() or target.is_symlink():
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
        Path(tmp).replace(target)
        return
    Path(tmp).unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale(folder: Path, name: str) -> None:
    """Remove the temporary files of earlier writes to ``name`` whose process no longer exists."""
    prefix = _prefix(name)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(prefix) :].split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def create_new(path: Path) -> BinaryIO:
    """A new file opened for writing in a folder of our own (a temporary one): never through a link, never over
    an existing file (for extracting a dossier, where ``write_atomic``'s rename is not needed)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    return os.fdopen(fd, "wb")


def emit(text: str) -> None:
    """Print ``text`` to standard output (UTF-8, one trailing newline, terminal controls made visible)."""
    safe = terminal_text(text)
    sys.stdout.write(safe if safe.endswith("\n") else safe + "\n")


def _words(text: str | Message) -> str:
    """Text already in words as it is; a message in the run's language."""
    return text if isinstance(text, str) else Translator(current_lang()).text(text)


def warn(text: str | Message) -> None:
    """Print a warning line on standard error, in the run's language (terminal controls made visible)."""
    words = Translator(current_lang())
    for line in _words(text).splitlines() or [""]:
        sys.stderr.write(f"psc-check: {terminal_text(words('error.warning_line', text=line))}\n")


def error(text: str | Message) -> None:
    """Print an error line on standard error, in the run's language (terminal controls made visible)."""
    for line in _words(text).splitlines() or [""]:
        sys.stderr.write(f"psc-check: {terminal_text(line)}\n")


def write_stdout(data: bytes) -> None:
    """Write rendered bytes to standard output as they are (a renderer has made them safe for a terminal)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
