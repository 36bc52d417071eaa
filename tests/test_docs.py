"""The documentation works as written: every ``psc-check`` command of the READMEs and ``docs/*.md`` runs, and the
README's command list is ``psc-check --help``'s.

Each fenced ``sh``/``console``/``bash`` block is read line by line. The README's command list (between
``<!-- synopsis -->`` markers) is a synopsis: its commands, in order, are the help's, and every option it shows is
one of the command's. Every other ``psc-check`` line is run in process, in the order of its document, in a
temporary folder holding a copy of ``examples/``, ``referentiel/`` and the test edition ``tests/data/psc-next.yaml``;
it must exit with the code its comment states (``# code 1 …``), else 0. The lines that cannot run here are listed in
:data:`NOT_RUN_HERE` with the reason.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main
from typer import _click

from checker.cli.main import app
from tests.conftest import ROOT, Cli

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "examples" / "README.md"]

NOT_RUN_HERE = {
    'python3 -m pip install "psc-checker @ git+${PSC_CHECK_GIT}"': "needs the network and the address of a psc-check "
    "repository (the wheel steps of the same page run in tests/e2e/test_wheel.py)",
    "python3 -m pip wheel --no-deps -w dist .": "builds the wheel: tests/e2e/test_wheel.py runs it",
    "python3 -m pip install dist/psc_checker-*.whl": "installs the wheel: tests/e2e/test_wheel.py runs it",
    "psc-check --version": "run from the installed wheel by tests/e2e/test_wheel.py",
    "pytest": "the README's test command: .ci/run runs it whole (the suite cannot run itself from inside)",
}
"""Documented lines this test does not run, and why (each is run elsewhere or needs the network)."""

SET_UP = "python3 -m venv .venv && . .venv/bin/activate && "
"""The README's two set-up commands start so; ``.ci/run`` runs them whole, here only their ``psc-check`` part runs."""


def _blocks(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(kind, lines) of each fenced shell block: ``synopsis`` for the README's command list, else ``run``."""
    text = path.read_text(encoding="utf-8")
    for found in re.finditer(r"(<!-- (\S+) -->\n)?```(sh|console|bash)\n(.*?)```", text, re.DOTALL):
        kind = "synopsis" if found.group(2) == "synopsis" else "run"
        yield kind, [line for line in found.group(4).splitlines() if line.strip()]


def _commands(path: Path) -> list[str]:
    """The lines to run of a document, in order (a ``$ `` prompt removed; the README's set-up reduced)."""
    lines = []
    for kind, block in _blocks(path):
        if kind == "run":
            for line in block:
                command = line.removeprefix("$ ")
                if command.startswith(SET_UP):
                    command = command.split(" && ")[-1]
                lines.append(command)
    return lines


def _expected_code(command: str) -> int:
    found = re.search(r"#\s*code (\d)", command)
    return int(found.group(1)) if found else 0


def _argv(command: str, cwd: Path) -> list[str]:
    """The arguments of a documented ``psc-check`` line, its comment dropped and its globs expanded in ``cwd``."""
    words = shlex.split(command, comments=True)
    assert words[0] == "psc-check", command
    argv: list[str] = []
    for word in words[1:]:
        matches = sorted(str(p.relative_to(cwd)) for p in cwd.glob(word)) if any(c in word for c in "*?[") else []
        argv += matches or [word]
    return argv


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    for folder in ("examples", "referentiel"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "tests" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "psc-next.yaml", tmp_path / "tests" / "data")
    return tmp_path


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_documented_command_runs_with_the_exit_code_it_states(cli: Cli, workspace: Path, document: Path) -> None:
    for command in _commands(document):
        if command in NOT_RUN_HERE:
            continue
        assert command.startswith("psc-check "), (
            f"{document.name}: `{command}` is neither a psc-check command nor listed in NOT_RUN_HERE"
        )
        done = cli(*_argv(command, workspace), cwd=workspace)
        assert done.code == _expected_code(command), (document.name, command, done.code, done.stderr[-2000:])
        assert "Traceback" not in done.stderr


def test_the_documents_hold_commands() -> None:
    """The extraction finds what the documents show (a block format change would otherwise skip them all)."""
    readme = _commands(ROOT / "README.md")
    assert len(readme) >= 20
    assert "psc-check evaluate examples/fs-standard/declaration.yaml --as-of 2026-11-28" in readme
    assert set(NOT_RUN_HERE) <= {line for doc in DOCUMENTS for line in _commands(doc)}, (
        "NOT_RUN_HERE lists a line no doc has"
    )


# --- the README's command list is the help's ---------------------------------------------------------------------

ROOT_COMMAND = typer.main.get_command(app)


def _synopsis() -> list[str]:
    found = [block for kind, block in _blocks(ROOT / "README.md") if kind == "synopsis"]
    assert len(found) == 1, "the README has one command list (<!-- synopsis -->)"
    return found[0]


def _resolve(words: list[str]) -> tuple[_click.Command, list[str]]:
    """The command a synopsis line names (``referentiel list``), and the words after its name."""
    command: _click.Command = ROOT_COMMAND
    rest = words
    while isinstance(command, typer.core.TyperGroup) and rest and rest[0] in command.commands:
        command, rest = command.commands[rest[0]], rest[1:]
    return command, rest


def _options(command: _click.Command) -> set[str]:
    names = {"--help"}
    for param in command.params:
        names |= {*param.opts, *param.secondary_opts}
    return names


def test_the_readme_lists_the_help_s_commands_in_its_order(cli: Cli) -> None:
    helped = cli("--help").stdout
    listed = re.findall(r"^  ([a-z-]+)  ", helped.split("Commandes :", 1)[1], re.MULTILINE)
    shown = list(dict.fromkeys(line.split()[1] for line in _synopsis()))
    assert shown == listed


@pytest.mark.parametrize("line", _synopsis())
def test_each_synopsis_names_a_command_and_its_options(line: str) -> None:
    words = line.split()
    assert words[0] == "psc-check"
    command, rest = _resolve(words[1:])
    assert not isinstance(command, typer.core.TyperGroup), f"`{line}` names a group, not a command"
    shown = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", " ".join(rest)))
    unknown = shown - _options(command)
    assert not unknown, f"`{line}`: {sorted(unknown)} not in `psc-check {' '.join(words[1:3])} --help`"


def test_every_command_of_the_help_has_a_synopsis() -> None:
    named = {tuple(w for w in line.split()[1:3] if re.fullmatch(r"[a-z-]+", w)) for line in _synopsis()}
    leaves: set[tuple[str, ...]] = set()
    for name, command in ROOT_COMMAND.commands.items():  # type: ignore[attr-defined]
        if isinstance(command, typer.core.TyperGroup):
            leaves |= {(name, sub) for sub in command.commands}
        else:
            leaves.add((name,))
    missing = {leaf for leaf in leaves if not any(leaf == n[: len(leaf)] for n in named)}
    assert not missing, f"commands without a synopsis in the README: {sorted(missing)}"
