"""A bug is exit 3 and one line asking for a report (with the version and a --debug hint); --debug shows the trace."""

from __future__ import annotations

import sys

import pytest

import checker.inputs.yamlload
import checker.referential.compiled
import checker.referential.load
from checker import __version__
from tests.conftest import MINI, ROOT, run_argv
from tests.fuzz_support import in_process


def _bug(*_args: object) -> object:
    raise ZeroDivisionError("a bug planted by the test")


@pytest.fixture
def planted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every YAML load fails with an unexpected exception; ``--debug``'s environment flag is undone afterwards."""
    monkeypatch.setattr(checker.inputs.yamlload, "load_yaml_text", _bug)
    monkeypatch.setattr(checker.referential.compiled, "read_entry", _bug)  # the bundled edition's compiled form
    monkeypatch.setattr(checker.referential.load, "_LOADED", {})  # an edition loaded earlier would skip the bug
    monkeypatch.delenv("PSC_CHECK_DEBUG", raising=False)


@pytest.mark.usefixtures("planted")
@pytest.mark.parametrize(
    "args",
    [
        ["referentiel", "check", str(MINI)],
        ["evaluate", str(ROOT / "examples" / "fs-standard" / "declaration.yaml"), "--as-of", "2026-11-28"],
        ["init", "--actor", "FS", "--level", "communaute", "-o", "/nonexistent/never-written.yaml"],
    ],
    ids=["referentiel", "evaluate", "init"],
)
def test_an_internal_error_is_one_line_and_exit_3(args: list[str]) -> None:
    result = in_process(*args)
    assert result.code == 3
    assert result.stderr.count("\n") == 1, result.stderr
    line = result.stderr.strip()
    assert line.startswith("psc-check: erreur interne (ZeroDivisionError)"), line
    assert f"merci de la signaler avec la version de psc-check {__version__}" in line
    assert "--debug" in line
    assert "Traceback" not in result.stderr


@pytest.mark.usefixtures("planted")
def test_debug_shows_the_traceback() -> None:
    result = in_process("--debug", "referentiel", "check", str(MINI))
    assert result.code == 3
    assert "Traceback (most recent call last)" in result.stderr
    assert "ZeroDivisionError: a bug planted by the test" in result.stderr


_CHILD = """
import sys
import checker.inputs.yamlload
def bug(*args):
    raise ZeroDivisionError("a bug planted by the test")
checker.inputs.yamlload.load_yaml_text = bug
sys.argv = ["psc-check", *sys.argv[1:]]
from checker.cli.main import entry
entry()
"""


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_the_installed_entry_point_behaves_the_same(debug: bool) -> None:
    args = [*(["--debug"] if debug else []), "referentiel", "check", str(MINI)]
    done = run_argv([sys.executable, "-c", _CHILD, *args], timeout=60)
    assert done.code == 3
    assert ("Traceback (most recent call last)" in done.stderr) is debug
    assert ("--debug pour voir la trace" in done.stderr) is not debug
