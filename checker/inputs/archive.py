"""Reading a zip someone else made, safely: every member checked before one byte is written, then each extracted
into a folder of our own, streamed, hashed and bounded.

Refused (exit 2), with the member named: a path that leaves the folder (``..``, an absolute or drive path, a
backslash), a symlink or any special file, two members with the same name (also once case is folded), an
encrypted member, a compression other than stored or deflated, too many members, a member or a total larger than
the limits (declared sizes first, then the bytes actually inflated), and a member that expands more than
:data:`~checker.inputs.limits.MAX_DOSSIER_RATIO` times.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from checker.errors import InputError, Location, Message, msg
from checker.inputs.limits import (
    MAX_DOSSIER_BYTES,
    MAX_DOSSIER_MEMBERS,
    MAX_DOSSIER_NAME_CHARS,
    MAX_DOSSIER_RATIO,
    MAX_DOSSIER_UNPACKED_BYTES,
    size_text,
)

__all__ = ["Create", "Extracted", "check_members", "extract_archive", "safe_name_problem"]

_CHUNK = 1 << 20
_RATIO_FLOOR = 1 << 20  # members under 1 MB may compress as well as they like
_ENCRYPTED = 0x1
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Extracted:
    """One regular file extracted from the archive."""

    name: str
    size: int
    sha256: str


def safe_name_problem(name: str) -> Message | None:
    """Why ``name`` may not be a path inside our folder (None when it may): relative, ``/``-separated, normalised."""
    if not name or len(name) > MAX_DOSSIER_NAME_CHARS:
        return msg("error.zip_name_length", length=len(name), limit=MAX_DOSSIER_NAME_CHARS)
    if _CONTROL.search(name) or "\\" in name:
        return msg("error.zip_name_control")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return msg("error.zip_name_absolute")
    parts = name.removesuffix("/").split("/")
    if ".." in parts:
        return msg("error.zip_name_leaves")
    if any(part in {"", "."} for part in parts):
        return msg("error.zip_name_not_normal")
    return None


def _refuse(where: str, name: str, why: Message, hint: Message | None = None) -> InputError:
    problem = msg("error.zip_member", name=name[:120], problem=why)
    return InputError.at(Location(where), problem, hint or msg("hint.dossier_hostile"))


def _member_problem(info: zipfile.ZipInfo) -> Message | None:
    problem = safe_name_problem(info.filename)
    if problem is not None:
        return problem
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return msg("error.zip_symlink") if stat.S_ISLNK(mode) else msg("error.zip_special")
    if info.flag_bits & _ENCRYPTED:
        return msg("error.zip_encrypted")
    if info.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
        return msg("error.zip_compression", method=info.compress_type)
    if info.file_size > MAX_DOSSIER_UNPACKED_BYTES:
        return msg(
            "error.zip_unzipped_size", size=size_text(info.file_size), limit=size_text(MAX_DOSSIER_UNPACKED_BYTES)
        )
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_DOSSIER_RATIO * max(info.compress_size, 1):
        return msg("error.zip_ratio", ratio=info.file_size // max(info.compress_size, 1), limit=MAX_DOSSIER_RATIO)
    return None


def check_members(archive: zipfile.ZipFile, where: str) -> list[zipfile.ZipInfo]:
    """The archive's regular files, once every member passed the checks above (an :class:`InputError` if not)."""
    infos = archive.infolist()
    if len(infos) > MAX_DOSSIER_MEMBERS:
        raise InputError.at(Location(where), msg("error.zip_members", count=len(infos), limit=MAX_DOSSIER_MEMBERS))
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        problem = _member_problem(info)
        if problem is not None:
            raise _refuse(where, info.filename, problem)
        folded = info.filename.removesuffix("/").casefold()
        if folded in seen:
            raise _refuse(where, info.filename, msg("error.zip_second_member", other=seen[folded][:120]))
        seen[folded] = info.filename
        total += info.file_size
    if total > MAX_DOSSIER_UNPACKED_BYTES:
        raise InputError.at(
            Location(where),
            msg("error.zip_unzipped_size", size=size_text(total), limit=size_text(MAX_DOSSIER_UNPACKED_BYTES)),
            msg("hint.dossier_too_large"),
        )
    files = [info for info in infos if not info.is_dir()]
    _refuse_file_folder_clash(files, where)
    return files


def _refuse_file_folder_clash(files: list[zipfile.ZipInfo], where: str) -> None:
    names = {info.filename.casefold() for info in files}
    for info in files:
        parts = info.filename.casefold().split("/")
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]) in names:
                raise _refuse(where, info.filename, msg("error.zip_under_file"))


Create = Callable[[Path], BinaryIO]
"""Opens a new file for writing, never following a link nor replacing a file (``checker.app.write.create_new``)."""


def extract_archive(path: Path, folder: Path, create: Create) -> list[Extracted]:
    """Check the zip at ``path``, then extract its regular files under ``folder`` (empty), each made by ``create``."""
    where = str(path)
    _check_stored_size(path)
    try:
        with zipfile.ZipFile(path) as archive:
            files = check_members(archive, where)
            budget = MAX_DOSSIER_UNPACKED_BYTES
            out = []
            for info in files:
                item = _extract_one(archive, info, folder, where, budget, create)
                budget -= item.size
                out.append(item)
            return out
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise InputError.at(
            Location(where), msg("error.zip_unreadable", reason=str(exc)), msg("hint.dossier_damaged")
        ) from None


def _check_stored_size(path: Path) -> None:
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError.at(Location(str(path)), msg("error.cannot_read", reason=str(exc.strerror or exc))) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError.at(Location(str(path)), msg("error.not_regular_file"), msg("hint.give_dossier_zip"))
    if info.st_size > MAX_DOSSIER_BYTES:
        raise InputError.at(
            Location(str(path)),
            msg("error.size_over", size=size_text(info.st_size), limit=size_text(MAX_DOSSIER_BYTES)),
        )


def _extract_one(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, where: str, budget: int, create: Create
) -> Extracted:
    target = folder.joinpath(*info.filename.split("/"))
    digest = hashlib.sha256()
    size = 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with create(target) as out, archive.open(info) as source:
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size or size > budget:
                    raise _refuse(where, info.filename, msg("error.zip_inflates"))
                digest.update(chunk)
                out.write(chunk)
    except OSError as exc:
        raise _refuse(where, info.filename, msg("error.zip_extract", reason=str(exc.strerror or exc))) from None
    if size != info.file_size:
        raise _refuse(where, info.filename, msg("error.zip_size_mismatch", size=size, declared=info.file_size))
    return Extracted(info.filename, size, digest.hexdigest())
