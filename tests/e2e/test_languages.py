"""The invalid corpus in each language: every message psc-check writes on standard error is the chosen language's.

Each case of ``tests/cases/invalid/`` (most of them refusals of ``evaluate`` and ``import-matrix``) runs in French
and in English, the language chosen each way a user chooses it: ``--lang`` (on a command that has it, against the
locale), ``PSC_CHECK_LANG``, the locale alone (``LANG=fr_FR.UTF-8``, ``LANG=en_US.UTF-8``). Every line psc-check
writes (``psc-check: …``) must then

- match a text of that language's catalogue (each template compiled to a regular expression, a parameter matching
  any text), after an optional location (``file:line:column``, ``file:Sheet!Cell``); and
- hold no phrase that only the other language's catalogue has (a literal run of two words or more of one of its
  templates): an English hint inside a French line, say, fails.

A line psc-check does not write itself (Click's own usage output) is Click's text, translated with the help; the one
case producing it is named in :data:`CLICK_OUTPUT`.
"""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path

import pytest

from checker.i18n.catalogue import CATALOGUE
from tests.case_support import CASES
from tests.conftest import Cli
from tests.e2e.test_cases import _command, _working_copy

INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())
OTHER = {"fr": "en", "en": "fr"}
STRUCTURAL = frozenset({"text.verbatim", "text.by_lang"})
"""Entries that are their parameters only: they say nothing in any language."""
WRAPPERS = frozenset({"error.at", "error.at_hint", "error.warning_line", "validation.field"})
"""Entries that put a message together (location, field, hint, warning): the checker takes lines apart along them."""
CLICK_OUTPUT = frozenset({"cli-portfolio-workers-zero"})
"""Cases refused by Click itself (its ``Usage:`` block), whose lines are not psc-check's."""
WITH_LANG = frozenset({"evaluate", "import-matrix", "check-evidence", "portfolio"})
"""Commands with a ``--lang`` option; the others take the language from ``PSC_CHECK_LANG`` or the locale."""

# How the language is chosen: (id, language, environment, ``--lang`` on a command that has it). The resolution
# order itself (--lang, then PSC_CHECK_LANG, then LC_ALL, LC_MESSAGES, LANG) is tested in tests/i18n/test_lang.py.
CHOICES = [
    ("lang-en-over-french-locale", "en", {"LANG": "fr_FR.UTF-8"}, "en"),
    ("variable-en", "en", {"PSC_CHECK_LANG": "en", "LANG": "fr_FR.UTF-8"}, None),
    ("locale-fr", "fr", {"LANG": "fr_FR.UTF-8"}, None),
]


def _fields(template: str) -> list[tuple[str, str | None]]:
    return [(literal, name) for literal, name, _, _ in string.Formatter().parse(template)]


def _pattern(template: str) -> str:
    return "".join(re.escape(literal) + (".+?" if name is not None else "") for literal, name in _fields(template))


def _says_something(template: str) -> bool:
    """A template with words of its own (not only parameters and punctuation)."""
    return any(re.search(r"[^\W\d_]{2}", literal) for literal, _ in _fields(template))


_PLACE = r"(?:[^ ]+|[^ ]*:[^:!]*![A-Z]+[0-9]+|[^ ]*`[^`]*` / `[^`]*`)"
"""A location: ``file:line:column``, ``file:Sheet!Cell`` (a sheet name may hold spaces: ``À propos``), a field
path, or ``file:`A` / `B``` (a sheet named either way)."""
_LOCATION = {"fr": rf"(?:{_PLACE} : ){{0,2}}", "en": rf"(?:{_PLACE}: ){{0,2}}"}
"""A location and a field, each followed by the language's colon (``error.at``, ``validation.field``)."""


@functools.cache
def _catalogue(lang: str, located: bool) -> re.Pattern[str]:
    """Every text of ``lang`` as one pattern of a whole message (one alternative per text), after a location and a
    field when ``located``. A line matches it exactly when it matches one of the texts on its own."""
    prefix = _LOCATION[lang] if located else ""
    texts = [
        _pattern(entry[lang])
        for key, entry in CATALOGUE.items()
        if key not in STRUCTURAL | WRAPPERS and _says_something(entry[lang])
    ]
    return re.compile(prefix + "(?:" + "|".join(texts) + ")", re.DOTALL)


@functools.cache
def _in_language(text: str, lang: str, located: bool = True) -> bool:
    """``text`` is one text of ``lang`` (after a location), or one followed by `` — `` and a hint in ``lang``.

    Cached: the split of a line at each `` — `` meets the same tails again, and runs repeat lines."""
    if _catalogue(lang, located).fullmatch(text):
        return True
    parts = text.split(" — ")
    return any(
        _in_language(" — ".join(parts[:cut]), lang, located) and _in_language(" — ".join(parts[cut:]), lang, False)
        for cut in range(1, len(parts))
    )


@functools.cache
def _phrases_only_in(lang: str) -> list[str]:
    """Literal runs of two words or more found in ``lang``'s templates and in none of the other language's."""
    other = " ".join(entry[OTHER[lang]] for entry in CATALOGUE.values())
    phrases = {
        literal.strip(" :;,.()—")
        for key, entry in CATALOGUE.items()
        if key not in STRUCTURAL
        for literal, _ in _fields(entry[lang])
    }
    return sorted(p for p in phrases if len(p) >= 10 and len(re.findall(r"[^\W\d_]{2,}", p)) >= 2 and p not in other)


def _foreign(line: str, lang: str) -> str | None:
    """A phrase of the other language in ``line``, if any (a value quoted as `code` is data, not words)."""
    prose = re.sub(r"`[^`]*`", "``", line)
    return next((p for p in _phrases_only_in(OTHER[lang]) if p in prose), None)


def _argv(meta: dict[str, object], work: Path, env: dict[str, str], option: str | None) -> list[str]:
    """The case's command with ``--lang option`` when it takes one; else the option becomes ``PSC_CHECK_LANG`` in
    ``env``. A case giving its own ``--lang`` is skipped: it chooses the language itself."""
    argv = _command(meta, work)
    if option is not None and "--lang" in argv:
        pytest.skip("the case gives its own --lang")
    if option is not None:
        if argv[0] in WITH_LANG:
            argv += ["--lang", option]
        else:
            env["PSC_CHECK_LANG"] = option
    return argv


def _run(cli: Cli, case: Path, tmp_path: Path, env: dict[str, str], option: str | None) -> tuple[int, str]:
    meta, work = _working_copy(cli, case, tmp_path)
    env = dict(env)
    result = cli(*_argv(meta, work, env, option), cwd=work, env=env)
    assert result.code == meta["exit_code"], (result.code, result.stderr[-2000:])
    return result.code, result.stderr


def _wrong_lines(stderr: str, lang: str, case: str) -> list[str]:
    wrong = []
    for line in stderr.splitlines():
        if not line.startswith("psc-check: "):
            if case not in CLICK_OUTPUT:
                wrong.append(f"not a psc-check line: {line}")
            continue
        text = line.removeprefix("psc-check: ")
        warning = CATALOGUE["error.warning_line"][lang].removesuffix("{text}")
        if not _in_language(text.removeprefix(warning), lang):
            wrong.append(f"no {lang} text matches: {line}")
        elif (phrase := _foreign(line, lang)) is not None:
            wrong.append(f"{OTHER[lang]} phrase `{phrase}` in: {line}")
    return wrong


@pytest.mark.parametrize(("choice", "lang", "env", "option"), CHOICES, ids=[c[0] for c in CHOICES])
@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_every_message_is_in_the_chosen_language(
    cli: Cli, case: Path, tmp_path: Path, choice: str, lang: str, env: dict[str, str], option: str | None
) -> None:
    _, stderr = _run(cli, case, tmp_path, env, option)
    assert stderr.strip(), "an invalid case says what is wrong"
    wrong = _wrong_lines(stderr, lang, case.name)
    assert not wrong, "\n".join(wrong)


def test_the_checker_tells_the_languages_apart() -> None:
    """The checks above would fail on a line of the other language, or on a line mixing both."""
    french = "psc-check: decl.yaml:3:4 : clé `x` en double — gardez une seule occurrence de cette clé"
    english = "psc-check: decl.yaml:3:4: duplicate key `x` — keep one occurrence of this key"
    mixed = "psc-check: decl.yaml:3:4 : YAML invalide : x — check the file's syntax"
    assert _wrong_lines(french, "fr", "") == []
    assert _wrong_lines(english, "en", "") == []
    assert _wrong_lines(french, "en", "") and _wrong_lines(english, "fr", "")
    assert _wrong_lines(mixed, "fr", "")


def test_an_unknown_language_variable_is_refused(cli: Cli) -> None:
    """``PSC_CHECK_LANG=de``: exit 2 and a message in the locale's language, before anything runs."""
    french = cli("schema", "declaration", env={"PSC_CHECK_LANG": "de"})
    english = cli("schema", "declaration", env={"PSC_CHECK_LANG": "de", "LANG": "en_US.UTF-8"})
    assert (french.code, english.code) == (2, 2)
    assert (
        french.stderr
        == "psc-check: PSC_CHECK_LANG=de : langue inconnue — choisissez fr ou en (ou retirez la variable)\n"
    )
    assert (
        english.stderr == "psc-check: PSC_CHECK_LANG=de: unknown language — choose fr or en (or unset the variable)\n"
    )
    assert french.stdout == english.stdout == ""
