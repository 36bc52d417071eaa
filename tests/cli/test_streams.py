"""Issue 18, item 8: a closed or full standard stream is an environment error (exit 2, no "please report")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.fuzz_support import READY

COMMAND = [sys.executable, "-c", "from checker.cli.main import entry; entry()"]
EVALUATE = ["evaluate", str(READY / "declaration.yaml"), "--referentiel", str(MINI), "--as-of", "2026-11-28"]


def _run(args: list[str], **streams: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *args], check=False, timeout=120, **streams)  # type: ignore[call-overload,no-any-return]


def test_closed_standard_error_still_gives_the_input_error_code() -> None:
    done = _run(
        ["validate", "/nonexistent/declaration.yaml"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        pass_fds=(),
        close_fds=True,
        preexec_fn=lambda: __import__("os").close(2),
    )
    assert done.returncode == 2


def test_closed_standard_output_is_an_environment_error() -> None:
    done = _run(EVALUATE, stderr=subprocess.PIPE, preexec_fn=lambda: __import__("os").close(1))
    assert done.returncode == 2, done.stderr
    assert "impossible d'écrire la sortie".encode() in done.stderr and b"merci de la signaler" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_standard_output_is_an_environment_error() -> None:
    with Path("/dev/full").open("wb") as full:
        done = _run([*EVALUATE, "--format", "json"], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2, done.stderr
    assert b"No space left on device" in done.stderr and b"merci de la signaler" not in done.stderr
    assert b"Traceback" not in done.stderr
