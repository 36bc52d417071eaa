"""A referential edition compiled once: its checked model as JSON, loaded without YAML and without Python checks.

Loading an edition from YAML costs a YAML parse (every scalar a Python object, every node a mark), a validation
from Python data, and the consistency checks in Python: half of ``evaluate`` at 10,000 requirements, redone at
every run. The compiled form is the model already validated and checked, written by pydantic-core as JSON and read
back by ``Referential.model_validate_json`` (pydantic-core parses and validates it in one pass, in Rust).

An entry is one header line, then the body (the model's JSON)::

    {"format": 1, "mac": "…", "source": "<sha256 of the YAML file's bytes>", "tool": "<psc-check version>"}
    {"schema_version": "1", "metadata": {…}, …}

It is only ever used for the file whose bytes hash to ``source``, by the psc-check version named in ``tool``, when
``mac`` (HMAC-SHA256 of the body, keyed by the format, the version and the source hash) matches: a corrupt, stale,
foreign or edited entry fails one of those and the edition is loaded from its YAML again (and the entry rewritten).
The body is then validated in full by pydantic-core, like any input; the consistency checks ran when it was
compiled, on the same bytes, by the same version.

Where entries live:

- the bundled editions (``referentiel/*.yaml``) are compiled into ``checker/referential/bundled/<name>.json``,
  committed; ``tests/referential/test_compiled.py`` fails when one is stale (regenerate with
  ``python -m checker.app.catalogue``, as ``docs/referentiel.md``). A committed file works in a checkout, an editable install and a
  wheel alike, where a build hook would only run for a wheel. An edited bundled YAML simply no longer matches its
  entry and goes through the user cache below;
- any other edition (``--referentiel FILE``) is compiled on first use into the user cache folder,
  ``$XDG_CACHE_HOME/psc-check/referentiel/`` (``~/.cache/…`` by default), named by the file's sha256 and the tool
  version. Written atomically (a temporary file renamed); a cache folder that cannot be written is no error.

``--no-cache`` (or ``PSC_CHECK_NO_CACHE=1``) loads every edition from its YAML and writes nothing.

A referential has no ``extends:`` and a policy file (``--policy``) is applied after loading: the YAML file's bytes
are everything that determines an entry, with the tool version (models, consistency rules, registered checks).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
import tempfile
from pathlib import Path

from pydantic import ValidationError

from checker import __version__
from checker.inputs.limits import NO_CACHE_VARIABLE
from checker.model.referential import Referential

__all__ = [
    "BUNDLED",
    "FORMAT",
    "NO_CACHE_VARIABLE",
    "bundled_entries",
    "bundled_entry",
    "cache_dir",
    "cache_enabled",
    "cached_entry",
    "entry_bytes",
    "read_entry",
    "store",
]

FORMAT = 1
"""The layout of an entry; a new layout is a new number (and every older entry is rebuilt)."""
BUNDLED = Path(__file__).resolve().parent / "bundled"
"""The compiled forms of the bundled editions, one ``<stem>.json`` per ``referentiel/<stem>.yaml``."""
_MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""An entry larger than this is not read (the JSON of a referential at the 16 MiB YAML limit stays well under)."""


def cache_enabled() -> bool:
    """False with ``--no-cache`` or ``PSC_CHECK_NO_CACHE`` set (to anything but ``0`` or nothing)."""
    return os.environ.get(NO_CACHE_VARIABLE, "") in ("", "0")


def cache_dir() -> Path | None:
    """The user cache folder for compiled editions (XDG), or None when caching is off or no home is known."""
    if not cache_enabled():
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():  # the XDG specification: a relative value is ignored
        return Path(base) / "psc-check" / "referentiel"
    try:
        return Path.home() / ".cache" / "psc-check" / "referentiel"
    except (RuntimeError, KeyError, OSError):  # no HOME and no password entry
        return None


def _key(source: str) -> bytes:
    return hashlib.sha256(f"psc-check compiled referential\x00{FORMAT}\x00{__version__}\x00{source}".encode()).digest()


def entry_bytes(model: Referential, source: str) -> bytes:
    """The compiled entry of ``model``, checked and built from the YAML file whose bytes hash to ``source``."""
    body = model.model_dump_json(exclude_unset=True).encode("utf-8")  # what the YAML set: `model_fields_set` kept
    mac = hmac.new(_key(source), body, hashlib.sha256).hexdigest()
    header = {"format": FORMAT, "mac": mac, "source": source, "tool": __version__}
    return json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + body


def read_entry(data: bytes, source: str) -> Referential | None:
    """The model in ``data`` if it is an intact entry for ``source`` by this version; None for anything else."""
    header_line, newline, body = data.partition(b"\n")
    if not newline:
        return None
    try:
        header = json.loads(header_line)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("tool") != __version__:
        return None
    mac = header.get("mac")
    if header.get("source") != source or not isinstance(mac, str):
        return None
    if not hmac.compare_digest(hmac.new(_key(source), body, hashlib.sha256).hexdigest(), mac):
        return None
    try:
        return Referential.model_validate_json(body)
    except (ValidationError, ValueError):
        return None


def _read_small_file(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link) under the entry limit; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_ENTRY_BYTES:
                return None
            return handle.read(_MAX_ENTRY_BYTES + 1)
    except OSError:
        return None


def bundled_entry(stem: str, source: str) -> Referential | None:
    """The packaged compiled form of the bundled edition ``stem``, if it was built from these very bytes."""
    if not cache_enabled():
        return None
    data = _read_small_file(BUNDLED / f"{stem}.json")
    return read_entry(data, source) if data is not None else None


def _entry_path(folder: Path, source: str) -> Path:
    return folder / f"{source}-{__version__}.json"


def cached_entry(source: str) -> Referential | None:
    """The user cache's compiled form of the file whose bytes hash to ``source``, if intact."""
    folder = cache_dir()
    if folder is None:
        return None
    data = _read_small_file(_entry_path(folder, source))
    return read_entry(data, source) if data is not None else None


def store(model: Referential, source: str) -> None:
    """Write ``model``'s entry into the user cache, atomically; a folder that cannot be written is no error."""
    folder = cache_dir()
    if folder is None:
        return
    tmp: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(entry_bytes(model, source))
        Path(tmp).replace(_entry_path(folder, source))
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()


def bundled_entries() -> dict[str, bytes]:
    """The compiled form of every bundled edition, by file name in :data:`BUNDLED` (written by
    ``python -m checker.app.catalogue``, which regenerates every file generated from the referential)."""
    from checker.inputs.paths import referential_dir
    from checker.referential.load import compile_referential

    return {f"{source.stem}.json": compile_referential(source) for source in sorted(referential_dir().glob("*.yaml"))}
