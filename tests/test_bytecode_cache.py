"""The test run's bytecode is kept in its cache folder (``tests/bytecode_cache.py``), never beside the sources, and
the processes the tests start read it from there."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import checker.errors
import checker.referential.load
from tests import bytecode_cache
from tests.conftest import ROOT, run_argv


@pytest.fixture
def folder() -> Path:
    found = bytecode_cache.cache_folder()
    if found is None:
        pytest.skip("no cache folder can be created here")
    return found


def test_psc_check_and_the_tests_are_compiled_into_the_cache_folder(folder: Path) -> None:
    for module in (checker.referential.load, sys.modules[__name__]):
        cached = Path(getattr(module.__spec__, "cached", None) or "")
        assert cached.is_relative_to(folder), (module.__name__, cached)
        assert not cached.is_relative_to(ROOT)
    written = Path(importlib.util.cache_from_source(checker.referential.load.__file__))
    assert written.is_file(), "imported before the tests ran, so compiled and written by now"


def test_a_started_process_reads_the_same_cache_folder(folder: Path) -> None:
    probe = "import json, sys, checker.errors as m; print(json.dumps([sys.pycache_prefix, m.__spec__.cached]))"
    done = run_argv([sys.executable, "-c", probe], cwd=ROOT)
    assert done.code == 0, done.stderr
    prefix, cached = json.loads(done.stdout)
    assert prefix == str(folder)
    assert cached == importlib.util.cache_from_source(checker.errors.__file__)
    assert Path(cached).is_file()


def test_each_source_has_its_own_bytecode_file(folder: Path, tmp_path: Path) -> None:
    """The cache is named after the absolute path of the source: a copy elsewhere (a wheel installed by a test) never
    reads the checkout's bytecode, and what a temporary folder left is dropped."""
    copy = tmp_path / "site" / "checker" / "errors.py"
    ours = Path(importlib.util.cache_from_source(checker.errors.__file__))
    theirs = Path(importlib.util.cache_from_source(str(copy)))
    assert ours != theirs and theirs.is_relative_to(folder / tmp_path.relative_to("/"))
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"")
    bytecode_cache.forget(tmp_path)
    assert not (folder / tmp_path.relative_to("/")).exists()
    assert ours.is_file()


def test_the_bytecode_of_gone_sources_is_pruned(tmp_path: Path) -> None:
    """A removed checkout's bytecode goes at the next run; a folder whose sources still exist stays whole."""
    cache = tmp_path / "cache"
    kept = cache / ROOT.relative_to(ROOT.anchor) / "checker"
    gone = cache / (tmp_path / "removed-checkout").relative_to(tmp_path.anchor) / "checker"
    for folder in (kept, gone):
        folder.mkdir(parents=True)
        (folder / "errors.cpython-311.pyc").write_bytes(b"")
    bytecode_cache._prune(cache)
    assert (kept / "errors.cpython-311.pyc").is_file()
    assert not gone.parent.exists()
    assert (cache / tmp_path.relative_to(tmp_path.anchor)).is_dir(), "its parent still stands for a source folder"


@pytest.mark.parametrize("home", ["", "/", "missing"])
def test_no_cache_folder_without_a_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, home: str) -> None:
    """An empty, root or missing ``HOME`` (and no ``XDG_CACHE_HOME``) gives no folder: none is created in its place."""
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / home) if home == "missing" else home)
    assert bytecode_cache._default_folder() is None
    assert not (tmp_path / "missing").exists()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert bytecode_cache._default_folder() == tmp_path / ".cache" / "psc-check-tests" / "pycache"
