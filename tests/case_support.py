"""The acceptance corpus's case format: the command a case runs, and the files it generates at test time.

A case is a folder holding ``case.yaml`` and its committed files. ``case.yaml`` keys:

- ``command``: the arguments after ``psc-check`` (default: ``evaluate declaration.yaml --as-of AS_OF --format json``
  with ``--referentiel`` from ``referentiel: mini|bundled``). Placeholders: ``{case}`` the case's working copy,
  ``{mini}`` the mini referential, ``{cases}`` the corpus folder.
- ``generate``: files made in the working copy before the run (too large, binary or system-specific to commit),
  each ``{path: ..., <kind>: ...}`` with one kind: ``from`` (a copy, with ``replace`` pairs, an ``encoding``, a
  ``bom``), ``repeat`` (``{prefix, text, count, suffix}``), ``symlink`` (target), ``fifo``, ``sparse`` (size),
  ``zip`` (members: ``{name: text}``, or ``zeros`` per member for a bomb), ``matrix`` (an exported evidence
  matrix, then ``edit`` operations).
- ``exit_code``; ``stderr_contains`` / ``stdout_contains`` / ``stderr_excludes`` fragments; ``outputs``: files the
  command may write (anything else changing fails the case); for ``evaluate`` reports, ``outcomes``, ``reasons``,
  ``absent``, ``problems``, ``problem_messages``.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import MINI, Cli
from tests.matrix_support import load
from tests.zip_support import zip_bytes

__all__ = ["CASES", "expand", "generate", "snapshot"]

CASES = Path(__file__).resolve().parent / "cases"
_MATRICES: dict[str, bytes] = {}


def expand(value: str, work: Path) -> str:
    """A command argument or path with its placeholders filled in."""
    return value.replace("{case}", str(work)).replace("{mini}", str(MINI)).replace("{cases}", str(CASES))


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry below ``folder``: content hash of regular files, link target of symlinks, type of the rest."""
    out: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            out[str(path)] = ("link", str(path.readlink()))
        elif stat.S_ISREG(info.st_mode):
            out[str(path)] = ("file", info.st_size, _digest(path, info.st_size))
        elif not stat.S_ISDIR(info.st_mode):
            out[str(path)] = ("special", stat.S_IFMT(info.st_mode))
    return out


def _digest(path: Path, size: int) -> str:
    if size > 64 * 1024 * 1024:  # a sparse file standing for a huge one: its size says enough
        return "large"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def generate(spec: dict[str, Any], work: Path, cli: Cli) -> None:
    """Make one generated file of a case in its working copy ``work``."""
    target = work / spec["path"]
    target.parent.mkdir(parents=True, exist_ok=True)
    kinds = [k for k in _MAKERS if k in spec]
    assert len(kinds) == 1, f"one kind of generated file per entry: {spec}"
    _MAKERS[kinds[0]](spec, target, work, cli)


def _from(spec: dict[str, Any], target: Path, work: Path, _cli: Cli) -> None:
    source = Path(expand(spec["from"], work))
    text = (source if source.is_absolute() else work / source).read_text(encoding="utf-8")
    for old, new in spec.get("replace", []):
        assert old in text, f"`{old}` not in {source}"
        text = text.replace(old, new)
    if "grow" in spec:  # `@@` stands for a long run: {text, count}
        assert "@@" in text, f"no @@ marker to grow in {spec}"
        text = text.replace("@@", spec["grow"]["text"] * int(spec["grow"]["count"]))
    raw = text.encode(spec.get("encoding", "utf-8"))
    target.write_bytes((b"\xef\xbb\xbf" if spec.get("bom") else b"") + raw)


def _repeat(spec: dict[str, Any], target: Path, _work: Path, _cli: Cli) -> None:
    part = spec["repeat"]
    body = part["text"] * int(part["count"])
    target.write_text(part.get("prefix", "") + body + part.get("suffix", ""), encoding="utf-8")


def _symlink(spec: dict[str, Any], target: Path, work: Path, _cli: Cli) -> None:
    target.symlink_to(expand(spec["symlink"], work))


def _fifo(_spec: dict[str, Any], target: Path, _work: Path, _cli: Cli) -> None:
    os.mkfifo(target)


def _sparse(spec: dict[str, Any], target: Path, _work: Path, _cli: Cli) -> None:
    with target.open("wb") as handle:
        handle.truncate(int(spec["sparse"]))


def _zip(spec: dict[str, Any], target: Path, _work: Path, _cli: Cli) -> None:
    members = {name: str(text).encode("utf-8") for name, text in (spec["zip"].get("members") or {}).items()}
    zeros = {name: int(size) for name, size in (spec["zip"].get("zeros") or {}).items()}
    target.write_bytes(zip_bytes(members, zeros))


def _matrix(spec: dict[str, Any], target: Path, work: Path, cli: Cli) -> None:
    """An evidence matrix exported from the case's declaration, then edited as an auditor (or an attacker) would."""
    options = spec["matrix"]
    declaration = work / options.get("declaration", "declaration.yaml")
    key = hashlib.sha256(declaration.read_bytes()).hexdigest()
    if key not in _MATRICES:
        exported = work / ".exported.xlsx"
        result = cli("evaluate", declaration, "--referentiel", MINI, "--as-of", "2026-11-28", "-o", exported)
        assert result.code in (0, 1), result.stderr
        _MATRICES[key] = exported.read_bytes()
        exported.unlink()
    target.write_bytes(_MATRICES[key])
    from tests.matrix_edits import apply_edits

    apply_edits(target, options.get("edit") or [], load)


_MAKERS: dict[str, Callable[[dict[str, Any], Path, Path, Cli], None]] = {
    "from": _from,
    "repeat": _repeat,
    "symlink": _symlink,
    "fifo": _fifo,
    "sparse": _sparse,
    "zip": _zip,
    "matrix": _matrix,
}
