"""Which language a run speaks: ``--lang``, then ``PSC_CHECK_LANG``, then the locale, French by default.

The locale is read as gettext reads it: the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set and not
empty. ``en`` or ``en_*`` means English, ``fr`` or ``fr_*`` French; ``C``, ``POSIX`` and any other language mean
French (the tool's own language). An unknown ``PSC_CHECK_LANG`` is refused (exit 2) rather than silently ignored:
a variable set on purpose and not obeyed would be a surprise.

The command line sets the language of the run once (:func:`speaking`); messages rendered at the edge (errors,
warnings) read it with :func:`current_lang`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar

__all__ = [
    "DEFAULT_LANG",
    "ENV_VARIABLE",
    "LANGS",
    "LOCALE_VARIABLES",
    "UnknownLanguageError",
    "argv_lang",
    "current_lang",
    "locale_lang",
    "resolve_lang",
    "speaking",
]

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
ENV_VARIABLE = "PSC_CHECK_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_CURRENT: ContextVar[str | None] = ContextVar("psc_check_lang", default=None)


class UnknownLanguageError(ValueError):
    """``PSC_CHECK_LANG`` names a language psc-check does not speak."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def locale_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for: ``en`` for ``en``/``en_*``, else French."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            code = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].split("-", 1)[0].lower()
            return code if code in LANGS else DEFAULT_LANG
    return DEFAULT_LANG


def resolve_lang(given: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``given`` (from ``--lang``, checked by the command), else ``PSC_CHECK_LANG``, else the locale's language.

    Raises :class:`UnknownLanguageError` when ``PSC_CHECK_LANG`` is set to a language other than fr or en.
    """
    if given:
        return given
    env = os.environ if environ is None else environ
    chosen = env.get(ENV_VARIABLE, "").strip()
    if chosen:
        if chosen.lower() not in LANGS:
            raise UnknownLanguageError(chosen)
        return chosen.lower()
    return locale_lang(env)


def argv_lang(argv: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` or ``--lang=X`` before ``--`` on a command line, if it names a language."""
    found: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    return found if found in LANGS else None


def current_lang() -> str:
    """The language of this run (set by the command line), else the one the environment asks for."""
    chosen = _CURRENT.get()
    if chosen is not None:
        return chosen
    try:
        return resolve_lang()
    except UnknownLanguageError:
        return locale_lang()


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Run the block with ``lang`` as :func:`current_lang`."""
    token = _CURRENT.set(lang)
    try:
        yield
    finally:
        _CURRENT.reset(token)
