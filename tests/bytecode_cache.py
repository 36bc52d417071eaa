"""The test run's compiled bytecode, kept in a cache folder outside the source tree, for pytest and the processes
it starts.

An environment that forbids writing bytecode (``PYTHONDONTWRITEBYTECODE``, as ``.ci/run`` sets it, so that no
``__pycache__`` folder appears beside the sources) made every run compile every module of psc-check and of the tests
from source again: in pytest (its assertion rewriting of each test module included) and in each ``psc-check``
process a test starts. Python can keep bytecode in a folder of its own instead (``sys.pycache_prefix``,
``PYTHONPYCACHEPREFIX`` for a new process): importing this module, the first thing ``tests/conftest.py`` does, points
this process at ``$XDG_CACHE_HOME/psc-check-tests/pycache`` (``~/.cache/…`` by default), allows writing bytecode
there (and only there: with a prefix, Python writes nowhere else), and exports both to the processes the tests start.

With a prefix, Python no longer reads the ``__pycache__`` folders the standard library and the installed packages
come with. So that a first run does not compile all of them again, this process copies a module's bytecode from its
``__pycache__`` into the cache folder when the folder lacks it, at the module's first import (and, at start, for the
modules already imported).

What a cached file holds cannot leak from one module to another: it is stored under the absolute path of its source
and checked against the source's modification time and size on every import, as in ``__pycache__`` (an installed
wheel reads the bytecode of its own files, never the checkout's). A prefix the user already set is kept. A cache
folder that cannot be created leaves everything as it was.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["AS_FOUND", "cache_folder", "forget"]

AS_FOUND = {name: os.environ.get(name, "") for name in ("PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE")}
"""The bytecode variables as the run found them (an empty one is unset), for a process that cannot read the cache
folder (one started as another user): it reads and writes bytecode where it would without the tests."""


def _default_folder() -> Path | None:
    """``$XDG_CACHE_HOME/psc-check-tests/pycache``, else ``~/.cache/…`` below a home folder that exists (an empty or
    missing ``HOME`` gives no folder: nothing is created at the root or in place of a home)."""
    xdg = Path(os.environ.get("XDG_CACHE_HOME", ""))
    if xdg.is_absolute():  # a relative XDG path is ignored (the specification)
        return xdg / "psc-check-tests" / "pycache"
    try:
        home = Path.home()
    except RuntimeError:  # no home folder to be found
        return None
    if home == Path(home.anchor) or not home.is_dir():
        return None
    return home / ".cache" / "psc-check-tests" / "pycache"


def _prune(cache: Path) -> None:
    """Drop the bytecode of source folders that are gone (a removed checkout, a temporary folder): each folder of the
    cache stands for the source folder of the same path, so the cache keeps only what a run can read again."""
    folders = [cache]
    while folders:
        try:
            entries = [entry for entry in os.scandir(folders.pop()) if entry.is_dir(follow_symlinks=False)]
        except OSError:
            continue
        for entry in entries:
            if Path(Path(entry.path).anchor, Path(entry.path).relative_to(cache)).is_dir():
                folders.append(Path(entry.path))
            else:
                shutil.rmtree(entry.path, ignore_errors=True)


def _use_cache_folder() -> Path | None:
    """Point this process and its children at the bytecode cache folder; the folder, or None if there is none."""
    if sys.pycache_prefix is None:
        folder = _default_folder()
        if folder is None:
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        _prune(folder)  # ours alone: a prefix the user chose is never pruned
        sys.pycache_prefix = str(folder)
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    return Path(sys.pycache_prefix)


def _copy_installed_bytecode(source: str | None) -> None:
    """The bytecode of ``source`` copied from the ``__pycache__`` beside it into the cache folder, if only there."""
    if not source or not source.endswith(".py"):
        return
    cached = Path(importlib.util.cache_from_source(source))
    if cached.exists():
        return
    partial = cached.with_name(f"{cached.name}.{os.getpid()}")
    try:
        data = (Path(source).parent / "__pycache__" / cached.name).read_bytes()
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(cached)  # whole or not at all: a truncated bytecode file would fail the import
    except OSError:
        partial.unlink(missing_ok=True)


class _CopyInstalledBytecode:
    """Python's path finder, which first copies the bytecode of the module it finds, as above. It stands just before
    ``PathFinder`` on ``sys.meta_path``, so it answers only what the finders before it declined, as ``PathFinder``
    would: each module is looked for once."""

    @staticmethod
    def find_spec(
        name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None:
            _copy_installed_bytecode(spec.origin)
        return spec


_FOLDER = _use_cache_folder()
if _FOLDER is not None:
    for _module in list(sys.modules.values()):
        _copy_installed_bytecode(getattr(getattr(_module, "__spec__", None), "origin", None))
    _AT = next((i for i, f in enumerate(sys.meta_path) if f is importlib.machinery.PathFinder), len(sys.meta_path))
    sys.meta_path.insert(_AT, _CopyInstalledBytecode())


def cache_folder() -> Path | None:
    """Where this run keeps its bytecode (None: where Python keeps it by default)."""
    return _FOLDER


def forget(folder: Path) -> None:
    """Drop the bytecode cached for the sources under ``folder`` (a temporary folder of the run, such as a wheel
    installed by a test): the cache keeps only what the next run can read again."""
    if _FOLDER is None:
        return
    for path in {folder, folder.resolve()}:
        if path.is_absolute():
            shutil.rmtree(_FOLDER / path.relative_to(path.anchor), ignore_errors=True)
