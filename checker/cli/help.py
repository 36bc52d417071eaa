"""Help and usage errors in the run's language: the command classes every psc-check command is built with.

Click (vendored by Typer as ``typer._click``) writes its help headings and usage errors in English, with no
translation hook. psc-check builds every command with :class:`Command` or :class:`Group`, whose help is laid out
here (headings, the help option, ``[default: …]``, argument names as their placeholder word, commands in workflow
order), and :func:`usage_error` writes a usage error Click raised in the run's language: it recognises the English
message by its text in the catalogue (``checker/i18n/click_catalogue.py``) and writes the same message in French.
A message it does not recognise stays as Click wrote it; ``tests/cli/test_click_text.py`` pins the texts to the
installed Click and runs every kind of usage error in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import typer
import typer.core
from typer import _click

from checker.i18n import message
from checker.i18n.click_catalogue import CLICK_MESSAGES
from checker.i18n.lang import current_lang

__all__ = ["COMMAND_ORDER", "Command", "Group", "choices", "usage_error"]

COMMAND_ORDER = (
    "init",
    "validate",
    "evaluate",
    "evidence",
    "check-evidence",
    "probe",
    "dossier",
    "import-matrix",
    "portfolio",
    "diff",
    "referentiel",
    "schema",
)
"""The top-level commands in the order of the work: a vendor's (declare, check, evaluate, cite and check evidence,
build the dossier), then the auditor's (the returned matrix), the consultant's (portfolio, editions), the references."""

_HEADINGS = {"Usage: ": "click.usage", "Arguments": "click.arguments", "Options": "click.options"}
_HEADINGS |= {"Commands": "click.commands"}


def choices(values: Sequence[str]) -> str:
    """The values an option takes, as its help lists them: ``a, b ou c`` (the help is in French)."""
    listed = list(values)
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} ou {listed[-1]}"


class _Formatter(_click.HelpFormatter):
    """Click's help layout, its headings in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, message("click.usage", current_lang()) if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{message('click.heading', current_lang(), heading=heading)}\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = _HEADINGS.get(name)
        with super().section(message(key, current_lang()) if key else name):
            yield


class _Context(_click.Context):
    formatter_class = _Formatter


def _argument_name(param: _click.Parameter) -> str:
    """An argument's placeholder word (its metavar), ``…`` after it when it takes several values."""
    name = param.metavar or (param.name or "").upper()
    return name if param.nargs == 1 or name.endswith(("…", "...")) else f"{name}…"


def _extras(param: _click.Parameter, lang: str) -> list[str]:
    """What the help adds after an option's text: its default value, its bounds, whether it is required."""
    extras: list[str] = []
    default = param.default
    is_flag = bool(getattr(param, "is_flag", False))
    if param.show_default is True and default is not None and default not in ((), []) and not is_flag:  # type: ignore[attr-defined]
        extras.append(message("click.default", lang, default=str(getattr(default, "value", default))))
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        extras.append(message("click.range", lang, low=low, high=high))
    elif low is not None:
        extras.append(message("click.range_low", lang, low=low))
    elif high is not None:
        extras.append(message("click.range_high", lang, high=high))
    if param.required:
        extras.append(message("click.required", lang))
    return extras


def _rows(command: _click.Command, ctx: _click.Context) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (name, help) rows of the arguments and of the options, in the run's language."""
    lang = current_lang()
    help_option = command.get_help_option(ctx)
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        text = message("click.help_option", lang) if param is help_option else (getattr(param, "help", None) or "")
        extras = _extras(param, lang)
        if extras:
            text = f"{text}  [{'; '.join(extras)}]" if text else f"[{'; '.join(extras)}]"
        if param.param_type_name == "argument":
            arguments.append((_argument_name(param), text))
        else:
            options.append((record[0], text))
    return arguments, options


def _format_params(command: _click.Command, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
    arguments, options = _rows(command, ctx)
    lang = current_lang()
    if arguments:
        with formatter.section(message("click.arguments", lang)):
            formatter.write_dl(arguments)
    if options:
        with formatter.section(message("click.options", lang)):
            formatter.write_dl(options)


def _usage_pieces(command: _click.Command, ctx: _click.Context) -> list[str]:
    """``[OPTIONS]`` then each argument's word (``[WORD]`` when optional, ``WORD…`` when repeated)."""
    pieces = [message("click.options_metavar", current_lang())] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = _argument_name(param)
            pieces.append(name if param.required else f"[{name}]")
    return pieces


class Command(typer.core.TyperCommand):
    """A psc-check command: help in the run's language, arguments shown by their placeholder word."""

    context_class = _Context

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _format_params(self, ctx, formatter)


class Group(typer.core.TyperGroup):
    """A psc-check command group: as :class:`Command`, and its commands listed in workflow order."""

    context_class = _Context

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return [*_usage_pieces(self, ctx), message("click.subcommand_metavar", current_lang())]

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        """The commands of :data:`COMMAND_ORDER` first, in that order, then any other in registration order."""
        rank = {name: index for index, name in enumerate(COMMAND_ORDER)}
        registered = list(self.commands)
        return sorted(registered, key=lambda name: (rank.get(name, len(rank)), registered.index(name)))


# --- usage errors ----------------------------------------------------------------------------------------------

_ERROR_KEYS = (
    "click.possible_options",  # before the message it wraps
    "click.no_such_option",
    "click.missing_argument",
    "click.missing_option",
    "click.invalid_value_for",
    "click.invalid_value",
    "click.extra_arguments",
    "click.missing_command",
    "click.no_such_command_suggest",  # before the message it extends
    "click.no_such_command",
    "click.option_needs_value",
    "click.option_needs_values",
    "click.option_takes_no_value",
    "click.not_an_integer",
    "click.at_least",
    "click.at_most",
)
"""The usage-error texts recognised, most specific first. ``message`` parameters are texts recognised in turn."""


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """The English text of ``key`` as a pattern, each ``{name}`` a named group."""
    parts = re.split(r"\{(\w+)\}", CLICK_MESSAGES[key]["en"])
    pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
    return re.compile(pattern, re.DOTALL)


def _quoted(value: str, lang: str) -> str:
    """Click's ``'name'`` quotes as French quotes: « name »."""
    return re.sub(r"'([^']*)'", r"« \1 »", value) if lang == "fr" else value


def translate(text: str, lang: str) -> str:
    """A message Click, Typer or pydantic wrote in English, in ``lang``; unchanged if it is not a known text."""
    if lang == "en":
        return text
    for key in _ERROR_KEYS:
        found = _pattern(key).fullmatch(text)
        if found is None:
            continue
        params: dict[str, Any] = {}
        for name, value in found.groupdict().items():
            params[name] = translate(value, lang) if name == "message" else _quoted(value, lang)
        return message(key, lang, **params)
    return text


def usage_error(error: typer.TyperException) -> str:
    """What to write on standard error for a usage error Click raised: usage line, help hint, the error."""
    lang = current_lang()
    ctx: _click.Context | None = getattr(error, "ctx", None)
    if isinstance(error, _click.exceptions.NoArgsIsHelpError):
        return f"{error.format_message()}\n"  # the command's help, asked for by giving no argument
    lines: list[str] = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(message("click.try_help", lang, command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(message("click.error", lang, message=translate(error.format_message(), lang)))
    return "\n".join(lines) + "\n"
