"""Shared fixtures: run the ``psc-check`` command end to end on real files, in this process or as a real process.

``cli`` runs the command in process through :func:`checker.cli.main.run`, as the installed entry point does, with
what a fresh process would have: its own standard streams (stdin at end of file, never the terminal), the working
directory asked for, no ``PSC_CHECK*`` variable and no locale variable (French, the default language), Python's default warning filters, an 80-column terminal size unless
``COLUMNS`` says otherwise, and the cyclic garbage collector off (the entry point turns it off too). Everything the command changes in the process (environment, working directory, standard
streams, Typer's exception hook) is put back afterwards. The click command tree
Typer builds from the application is built once and reused, as a process builds it once for its one command; a
referential edition is parsed once per content (``checker.referential.load`` caches it, as a portfolio run does).

``cli_process`` starts the installed executable, for the tests where the process itself matters: start-up and
imports, signals, the wheel, real applications opening our files, the README's commands, random bytes end to end.
"""

from __future__ import annotations

# First, before anything imports psc-check: its bytecode (and the tests') cached outside the source tree.
import tests.bytecode_cache

# isort: split
import contextlib
import gc
import io
import os
import shutil
import subprocess
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main

from checker.referential.load import LoadedReferential, load_bundle, load_referential

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


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Dropped for a command run by a test: it speaks French (the default) whatever the locale of the machine running
the tests; a test sets them (``env=``) to see the locale's effect."""


def _child_environment() -> dict[str, str]:
    """The environment a command runs with: this one without ``PSC_CHECK*`` variables, in the neutral ``C.UTF-8``
    locale (French messages, UTF-8 streams)."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("PSC_CHECK") and k not in LOCALE_VARIABLES}
    return kept | {"LANG": "C.UTF-8"}


def run_argv(
    argv: Sequence[str | Path], *, cwd: Path | None = None, env: Mapping[str, str] | None = None, timeout: float = 120
) -> Result:
    """``argv`` as a new process (stdin empty, never the terminal), in this environment without ``PSC_CHECK*``
    variables and with ``env`` added."""
    done = subprocess.run(
        list(map(str, argv)),
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=cwd,
        env=_child_environment() | dict(env or {}),
        timeout=timeout,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def run_process(*args: str | Path, cwd: Path | None = None) -> Result:
    """``psc-check ARGS`` as a new process of the installed executable (stdin empty, never the terminal)."""
    return run_argv([*_command(), *args], cwd=cwd)


def _stream(template: object, default_errors: str) -> io.TextIOWrapper:
    """A text stream over bytes, with the encoding error handler the real stream of a new process would have."""
    errors = getattr(template, "errors", None) or default_errors
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="\n", write_through=False)


def _text(stream: io.TextIOWrapper) -> str:
    """What ``subprocess.run(..., text=True)`` would return for the bytes written: decoded, universal newlines."""
    stream.flush()
    raw = stream.buffer.getvalue() if isinstance(stream.buffer, io.BytesIO) else b""
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@contextlib.contextmanager
def _fresh_process_state(cwd: Path | None, env: Mapping[str, str] | None = None) -> Iterator[None]:
    """Environment, working directory and warning filters of a new process; everything restored on the way out."""
    saved_env = dict(os.environ)
    saved_cwd = Path.cwd()
    try:
        for name in [k for k in saved_env if k.startswith("PSC_CHECK") or k in LOCALE_VARIABLES]:
            del os.environ[name]
        os.environ.update(env or {})
        os.environ.setdefault("COLUMNS", "80")  # a new process writing to a pipe sees no terminal: 80 columns
        if cwd is not None:
            os.chdir(cwd)
        with warnings.catch_warnings():
            warnings.resetwarnings()
            for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", category)  # Python's default filters (a release build, no -W)
            yield
    finally:
        os.chdir(saved_cwd)
        _restore_environment(saved_env)


def _restore_environment(saved: Mapping[str, str]) -> None:
    """``os.environ`` as ``saved`` again: the variables added are removed, the ones changed or removed are set again
    (each change is a call to the C library, so the unchanged ones are left alone)."""
    for name in [k for k in os.environ if k not in saved]:
        del os.environ[name]
    for name, value in saved.items():
        if os.environ.get(name) != value:
            os.environ[name] = value


_typer_get_command = typer.main.get_command
_click_commands: dict[typer.Typer, Any] = {}


def _get_command_once(typer_instance: typer.Typer) -> Any:
    """Typer's ``get_command``, keeping the click command tree it builds: a process builds it once, at its one call.

    Building it (the type hints of every option of every command) costs more than evaluating a small declaration;
    click commands keep no state between invocations (each gets its own context), so the tree is reused as is.
    """
    if typer_instance not in _click_commands:
        _click_commands[typer_instance] = _typer_get_command(typer_instance)
    return _click_commands[typer_instance]


def run_in_process(*args: object, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Result:
    """``psc-check ARGS`` through :func:`checker.cli.main.run`, as a new process would run it (see the module doc),
    with the variables of ``env`` set."""
    from checker.cli.main import run

    out = _stream(sys.__stdout__, "strict")
    err = _stream(sys.__stderr__, "backslashreplace")
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    saved = (sys.stdin, sys.stdout, sys.stderr)
    hook = sys.excepthook  # Typer installs its own
    get_command = typer.main.get_command
    sys.stdin, sys.stdout, sys.stderr = stdin, out, err
    typer.main.get_command = _get_command_once
    collecting = gc.isenabled()
    gc.disable()  # as the console-script entry point does (`checker.cli.main.entry`): a process runs without it
    try:
        with _fresh_process_state(cwd, env):
            try:
                code = run([str(arg) for arg in args])
            except SystemExit as done:  # what the interpreter makes of it at the end of a process
                if done.code is None or isinstance(done.code, int):
                    code = done.code or 0
                else:
                    err.write(f"{done.code}\n")
                    code = 1
            except Exception:  # noqa: BLE001 - an exception escaping `run` ends a real process with a traceback
                traceback.print_exc(file=err)
                code = 1
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        sys.excepthook = hook
        typer.main.get_command = get_command
        if collecting:
            gc.enable()
    return Result(code, _text(out), _text(err))


@pytest.fixture(scope="session", autouse=True)
def _french_outside_a_run() -> Iterator[None]:
    """Messages put into words outside a command run (``str(error)`` in a unit test) are French, as in a run with
    no language asked for, whatever the locale of the machine running the tests."""
    from checker.i18n.lang import speaking

    with speaking("fr"):
        yield


@pytest.fixture(scope="session", autouse=True)
def _session_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The user cache folder (compiled referentials) in a temporary folder: no test writes in the real home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture(scope="session", autouse=True)
def _no_bytecode_of_temporary_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The bytecode cached for modules under this run's temporary folder (a wheel a test installs) is not kept."""
    yield
    tests.bytecode_cache.forget(tmp_path_factory.getbasetemp())


@pytest.fixture(autouse=True)
def _cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test starts with an empty user cache folder of its own (what one test caches, another never sees)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture(scope="session")
def cli() -> Cli:
    """Run the CLI in this process; returns exit code, stdout and stderr as a real run would."""
    return run_in_process


@pytest.fixture(scope="session")
def cli_process() -> Cli:
    """Run the installed CLI as a new process; returns exit code, stdout and stderr."""
    return run_process


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def mini() -> LoadedReferential:
    """The small test referential (``tests/data/mini-referential.yaml``)."""
    return load_referential(MINI)


@pytest.fixture(scope="session")
def bundle() -> dict[str, LoadedReferential]:
    """Every bundled edition, by id."""
    return load_bundle()


@pytest.fixture(scope="session")
def psc(bundle: dict[str, LoadedReferential]) -> LoadedReferential:
    """The bundled PSC referential."""
    return bundle["psc"]


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


# The cyclic garbage collector. This process holds every collected test, module and fixture for the whole session,
# and each full collection walked all of them again: about a tenth of the suite's CPU time went to it. What exists
# once collection is over lives until the end, so it is frozen out of the collector's walks, and the collector runs
# less often. (A real run of the command has it off altogether: see `checker.cli.main.entry`.)
gc.set_threshold(50_000, 20, 100)


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()
