"""The ``psc-check`` application: command registry, and the one place mapping errors to exit codes."""

import contextlib
import errno
import gc
import io
import os
import signal
import sys
import traceback
from typing import Annotated

import typer

from checker import __version__
from checker.cli import dossier, evidence, probe, referentiel
from checker.cli.check_evidence import check_evidence
from checker.cli.diff import diff
from checker.cli.evaluate import evaluate, validate
from checker.cli.help import Command, Group, usage_error
from checker.cli.import_matrix import import_matrix
from checker.cli.init import init
from checker.cli.portfolio import portfolio
from checker.cli.schema import schema
from checker.errors import ExitCode, InputError, PscCheckError
from checker.i18n import Translator
from checker.i18n.lang import (
    ENV_VARIABLE,
    UnknownLanguageError,
    argv_lang,
    current_lang,
    locale_lang,
    resolve_lang,
    speaking,
)
from checker.inputs.limits import EXTENDS_OUTSIDE_VARIABLE as OUTSIDE_VARIABLE
from checker.inputs.limits import NO_CACHE_VARIABLE
from checker.inputs.textsafe import terminal_text

__all__ = ["app", "run"]

app = typer.Typer(
    name="psc-check",
    cls=Group,
    help="Évaluer une déclaration d'éditeur ou d'opérateur par rapport au référentiel Pro Santé Connect.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(referentiel.app, name="referentiel")
app.add_typer(dossier.app, name="dossier")
app.add_typer(evidence.app, name="evidence")
app.add_typer(probe.app, name="probe")
app.command("schema", cls=Command)(schema)
app.command("init", cls=Command)(init)
app.command("diff", cls=Command)(diff)
app.command("portfolio", cls=Command)(portfolio)
app.command("evaluate", cls=Command)(evaluate)
app.command("validate", cls=Command)(validate)
app.command("check-evidence", cls=Command)(check_evidence)
app.command("import-matrix", cls=Command)(import_matrix)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"psc-check {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Afficher la version et quitter.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Afficher la trace complète d'une erreur interne.")] = False,
    allow_extends_outside: Annotated[
        bool,
        typer.Option(
            "--allow-extends-outside",
            help="Permettre à `extends:` de remonter jusqu'à 3 dossiers au-dessus de la déclaration.",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Charger le référentiel depuis son YAML, sans forme compilée ni cache (variable PSC_CHECK_NO_CACHE=1).",
        ),
    ] = False,
) -> None:
    """psc-check: conformité au référentiel Pro Santé Connect."""
    if debug:
        os.environ["PSC_CHECK_DEBUG"] = "1"
    if no_cache:
        os.environ[NO_CACHE_VARIABLE] = "1"
    if allow_extends_outside:
        os.environ[OUTSIDE_VARIABLE] = "1"


def _report(error: PscCheckError) -> int:
    """Each message of ``error`` in the run's language, one ``psc-check: `` line each."""
    lines = error.lines(current_lang()) if isinstance(error, InputError) else str(error).splitlines()
    for line in lines:
        sys.stderr.write(f"psc-check: {terminal_text(line)}\n")
    return int(error.exit_code)


def _say(key: str, **params: str) -> None:
    """One ``psc-check: `` line on standard error, in the run's language."""
    sys.stderr.write(f"psc-check: {terminal_text(Translator(current_lang())(key, **params))}\n")


class _Closed(io.RawIOBase):
    """Standard output the process was started without (``>&-``): every write fails like a closed descriptor."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class _Sink(io.RawIOBase):
    """Where text goes that no stream can take any more: dropped."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        return len(memoryview(data))  # type: ignore[arg-type]


def _discard() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BufferedWriter(_Sink()), encoding="utf-8")


_STREAM_ERRORS = frozenset({errno.EBADF, errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT, errno.EROFS})


def _usable_streams() -> None:
    """A closed standard error has nowhere to report: discard. A closed standard output fails on first write."""
    if sys.stderr is None:
        sys.stderr = _discard()
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")


def _environment(error: OSError) -> int:
    """Output that cannot be written (closed or full stream, full disk): the environment's fault, exit 2."""
    sys.stdout = _discard()  # drop what could not be written
    reason = error.strerror or type(error).__name__
    with contextlib.suppress(OSError):
        _say("error.output_unwritable", reason=reason)
    return int(ExitCode.BAD_INPUT)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; never lets a traceback reach the user without ``--debug``.

    The run speaks the language of ``--lang`` (read from the arguments here, so that an error met while parsing
    them is in that language too), else of ``PSC_CHECK_LANG``, else of the locale (:mod:`checker.i18n.lang`).
    """
    args = sys.argv[1:] if argv is None else argv
    _usable_streams()
    try:
        lang = resolve_lang(argv_lang(args))
    except UnknownLanguageError as unknown:
        with speaking(locale_lang()):
            _say("error.lang_variable", variable=ENV_VARIABLE, value=unknown.value)
        return int(ExitCode.BAD_INPUT)
    with speaking(lang):
        return _run(args)


def _run(args: list[str]) -> int:
    debug = "--debug" in args or os.environ.get("PSC_CHECK_DEBUG") == "1"
    options = {name: os.environ.get(name) for name in (OUTSIDE_VARIABLE, NO_CACHE_VARIABLE)}
    try:
        result = app(args=args, prog_name="psc-check", standalone_mode=False)
        sys.stdout.flush()
    except OSError as error:
        if error.errno not in _STREAM_ERRORS:
            return _internal(error, debug)
        return _environment(error)
    except PscCheckError as error:
        return _report(error)
    except typer.Exit as done:
        return int(done.exit_code)
    except typer.Abort:  # Ctrl-C, turned into Abort by click
        _say("error.interrupted")
        return 130
    except typer.TyperException as error:  # a usage error Click found while parsing the command line
        sys.stderr.write(terminal_text(usage_error(error)))
        return int(ExitCode.BAD_INPUT)
    except KeyboardInterrupt:
        _say("error.interrupted")
        return 130
    except Exception as error:  # noqa: BLE001 - the one place that turns a bug into exit 3
        return _internal(error, debug)
    finally:
        for name in [name for name, before in options.items() if before is None]:
            os.environ.pop(name, None)  # an option holds for this run only (in-process callers run several)
    return int(result) if isinstance(result, int) else 0


def _internal(error: BaseException, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    else:
        _say("error.internal", error=type(error).__name__, version=__version__)
    return int(ExitCode.INTERNAL)


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a write in progress removes its temporary file."""
    raise SystemExit(128 + signum)


def entry() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGTERM, _terminated)
    # One short-lived command: reference counting frees what it drops, and an evaluation leaves no cyclic garbage.
    # The cyclic collector would rescan every live object (the whole referential and report) again and again:
    # 2.7x slower at 10,000 requirements (benchmarks/RESULTS.md). Forked portfolio workers inherit this.
    gc.disable()
    # pydantic looks for third-party plugins (importlib.metadata, every installed distribution's entry points) when
    # it builds the first model: a tenth of a short command. psc-check's validation needs none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    raise SystemExit(run())
