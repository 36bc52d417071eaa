"""The language of a run: ``--lang``, then ``PSC_CHECK_LANG``, then the locale (LC_ALL, LC_MESSAGES, LANG), else French."""

from __future__ import annotations

import pytest

from checker.i18n.lang import UnknownLanguageError, argv_lang, current_lang, locale_lang, resolve_lang, speaking
from tests.conftest import Cli


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "fr"),
        ({"LANG": "C"}, "fr"),
        ({"LANG": "C.UTF-8"}, "fr"),
        ({"LANG": "POSIX"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "fr"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en"}, "en"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8@euro"}, "en"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),  # an empty variable is not set
    ],
)
def test_the_locale_gives_the_language(environ: dict[str, str], lang: str) -> None:
    assert locale_lang(environ) == lang


def test_the_variable_comes_before_the_locale_and_the_option_before_both() -> None:
    environ = {"PSC_CHECK_LANG": "en", "LC_ALL": "fr_FR.UTF-8"}
    assert resolve_lang(None, environ) == "en"
    assert resolve_lang("fr", environ) == "fr"
    assert resolve_lang(None, {"PSC_CHECK_LANG": "EN"}) == "en"
    with pytest.raises(UnknownLanguageError):
        resolve_lang(None, {"PSC_CHECK_LANG": "de", "LANG": "en_US.UTF-8"})


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["evaluate", "d.yaml", "--lang", "en"], "en"),
        (["evaluate", "d.yaml", "--lang=en"], "en"),
        (["evaluate", "--lang", "fr", "d.yaml", "--lang", "en"], "en"),  # the last one wins, as for Click
        (["evaluate", "d.yaml", "--lang", "de"], None),  # refused by the command itself
        (["evaluate", "d.yaml", "--lang"], None),
        (["evaluate", "--", "--lang", "en"], None),  # after `--`, an argument
    ],
)
def test_the_command_line_option_is_found_before_parsing(argv: list[str], lang: str | None) -> None:
    assert argv_lang(argv) == lang


def test_a_run_speaks_one_language() -> None:
    with speaking("en"):
        assert current_lang() == "en"
        with speaking("fr"):
            assert current_lang() == "fr"
        assert current_lang() == "en"


def test_an_error_met_while_parsing_the_options_is_in_the_language_asked_for(cli: Cli) -> None:
    """``--format`` is refused before ``--lang`` is read by the command: the message still follows ``--lang``."""
    english = cli("evaluate", "absent.yaml", "--format", "docx", "--lang", "en", env={"LANG": "fr_FR.UTF-8"})
    french = cli("evaluate", "absent.yaml", "--format", "docx", "--lang", "fr", env={"LANG": "en_US.UTF-8"})
    assert english.stderr.startswith("psc-check: --format: unknown value `docx`"), english.stderr
    assert french.stderr.startswith("psc-check: --format : valeur inconnue `docx`"), french.stderr


def test_commands_without_an_option_follow_the_variable_and_the_locale(cli: Cli) -> None:
    by_variable = cli("referentiel", "show", "NO-SUCH-ID", env={"PSC_CHECK_LANG": "en", "LANG": "fr_FR.UTF-8"})
    by_locale = cli("referentiel", "show", "NO-SUCH-ID", env={"LANG": "en_US.UTF-8"})
    default = cli("referentiel", "show", "NO-SUCH-ID")
    assert by_variable.stderr == by_locale.stderr
    assert "unknown requirement `NO-SUCH-ID`" in by_variable.stderr
    assert "exigence inconnue `NO-SUCH-ID`" in default.stderr
