"""Shared fixtures: run the installed ``psc-check`` command end to end on real files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINI = DATA / "mini-referential.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the current output")


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


Cli = Callable[..., Result]


def _command() -> list[str]:
    found = shutil.which("psc-check", path=str(Path(sys.executable).parent)) or shutil.which("psc-check")
    return [found] if found else [sys.executable, "-m", "checker"]


@pytest.fixture(scope="session")
def cli() -> Cli:
    """Run the installed CLI; returns exit code, stdout and stderr."""
    command = _command()

    def run(*args: str | Path, cwd: Path | None = None) -> Result:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PSC_CHECK")}
        done = subprocess.run(
            [*command, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=120, check=False
        )
        return Result(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def assert_clean_error(result: Result, *fragments: str) -> None:
    """Exit 2, no traceback, and each fragment in stderr."""
    assert result.code == 2, (result.code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


# Hypothesis profiles. `ci` (the default) keeps the fuzz tests' time bounded: each runs the example count it states.
# `pytest --hypothesis-profile=long tests/...` multiplies every count by 20 for a deeper search by hand.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", max_examples=100, derandomize=True, print_blob=True)
_hypothesis_settings.register_profile("long", max_examples=2000, print_blob=True)
_hypothesis_settings.load_profile("ci")
