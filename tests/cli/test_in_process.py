"""The in-process ``cli`` fixture gives what a real process gives, and leaves this process as it found it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import checker.inputs.yamlload
import checker.referential.load
from tests.conftest import MINI, ROOT, run_in_process, run_process

READY = ROOT / "tests" / "cases" / "ready" / "elu-mini-all-compliant"
FS = ROOT / "examples" / "fs-standard"

SAME = {
    "version": ["--version"],
    "help": ["evaluate", "--help"],
    "usage-error": ["evaluate", "--format", "jsn", str(READY / "declaration.yaml")],
    "input-error": ["validate", str(ROOT / "README.md")],
    "report-bytes": ["evaluate", str(READY / "declaration.yaml"), "--referentiel", str(MINI), "--as-of", "2026-11-28"],
    "check-evidence": ["check-evidence", str(READY / "evidence" / "client.pem"), "--as-of", "2026-11-28"],
    "relative-to-cwd": ["evaluate", "declaration.yaml", "--as-of", "2026-11-28", "--format", "md", "--lang", "en"],
}


@pytest.mark.parametrize("name", sorted(SAME))
def test_same_exit_code_and_output_as_a_process(name: str) -> None:
    """Console text (written as bytes), usage errors, input errors, help and version: identical."""
    args = SAME[name]
    cwd = FS if name == "relative-to-cwd" else None
    real = run_process(*args, cwd=cwd)
    assert run_in_process(*args, cwd=cwd) == real
    assert real.code in (0, 1, 2) and (real.stdout or real.stderr)


def test_environment_working_directory_and_streams_are_put_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSC_CHECK_DEBUG", "1")  # a real process would be started without it
    monkeypatch.setattr(checker.inputs.yamlload, "load_yaml_text", _bug)
    monkeypatch.setattr(checker.referential.load, "_LOADED", {})  # an edition loaded earlier would skip the bug
    streams, cwd, env, hook = (sys.stdin, sys.stdout, sys.stderr), Path.cwd(), dict(os.environ), sys.excepthook
    plain = run_in_process("referentiel", "check", MINI, cwd=FS)
    assert plain.code == 3 and "Traceback" not in plain.stderr, "PSC_CHECK_DEBUG was not dropped for the call"
    debug = run_in_process("--debug", "referentiel", "check", MINI)
    assert debug.code == 3 and "Traceback (most recent call last)" in debug.stderr
    assert (sys.stdin, sys.stdout, sys.stderr) == streams
    assert Path.cwd() == cwd and sys.excepthook is hook
    assert dict(os.environ) == env, "--debug's PSC_CHECK_DEBUG and the dropped variables are put back"


def test_standard_input_is_empty_never_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    real = checker.inputs.yamlload.load_yaml_text
    seen: list[tuple[bool, str]] = []

    def watching(*args: object, **kwargs: object) -> object:
        seen.append((sys.stdin.isatty(), sys.stdin.read()))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checker.inputs.yamlload, "load_yaml_text", watching)
    monkeypatch.setattr(checker.referential.load, "_LOADED", {})  # so the referential is read, and watched, too
    assert run_in_process("referentiel", "check", MINI).code == 0
    assert seen and set(seen) == {(False, "")}


def _bug(*_args: object) -> object:
    raise ZeroDivisionError("a bug planted by the test")
