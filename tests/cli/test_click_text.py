"""Help and usage errors read like a French tool, and like an English one with ``--lang en`` or an English locale.

The texts Click writes itself are recognised by their English text (``checker/i18n/click_catalogue.py``): the first
test fails when the installed Click (vendored by Typer), Typer or pydantic no longer contains one of them, before a
user would meet an English sentence in a French run. The others run the real command on every kind of usage error
and on every command's help, in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pydantic_core
import pytest
import typer
import typer.main
from typer import _click

from checker.checks.kinds import CHECKED_KINDS
from checker.cli import vocabulary as v
from checker.cli.help import COMMAND_ORDER, Command, Group
from checker.cli.main import app
from checker.i18n import LANGS
from checker.i18n.click_catalogue import CLICK_MESSAGES, CLICK_SOURCES
from checker.model.schemas import SCHEMAS
from checker.render.registry import (
    CHECK_RESULT,
    EDITION_DIFF,
    REFERENTIAL_EXPORT,
    REPORT,
    REQUIREMENT,
    REQUIREMENT_LIST,
)
from tests.conftest import ROOT, Cli, run_argv

# --- the texts are Click's --------------------------------------------------------------------------------------

_COMPOSED: dict[str, tuple[str, ...]] = {
    # Click writes these from pieces: the pieces are what must still be there
    "click.missing_argument": ('f"Missing {param_type}{param_hint}."', 'param_type_name = "argument"'),
    "click.missing_option": ('f"Missing {param_type}{param_hint}."', 'param_type_name = "option"'),
    "click.option_needs_value": ('f"Option {option_name!r} requires {msg}"', '"an argument."'),
    "click.option_needs_values": ('f"Option {option_name!r} requires {msg}"', 'f"{nargs} arguments."'),
    "click.no_such_command_suggest": ('"No such command {name!r}."', 'f"{message}. Did you mean {suggestions}?"'),
    "click.possible_options": ('f"(Possible options: {possibility_str})"', 'f"{self.message} {suggest}"'),
    "click.heading": ("f\"{'':>{self.current_indent}}{heading}:\\n\"",),
}


def _typer_source() -> str:
    """Typer's Python source, its vendored Click included."""
    root = Path(typer.__file__).parent
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.py")))


def _pydantic_core_binary() -> bytes:
    root = Path(pydantic_core.__file__).parent
    return b"".join(path.read_bytes() for path in sorted(root.glob("_pydantic_core*")) if path.is_file())


def _fixed_parts(template: str) -> list[str]:
    return [part.strip() for part in re.split(r"\{\w+\}", template) if part.strip()]


@pytest.mark.parametrize("key", sorted(CLICK_MESSAGES))
def test_each_english_text_is_still_the_installed_library_s(key: str) -> None:
    english = CLICK_MESSAGES[key]["en"]
    if CLICK_SOURCES.get(key) == "pydantic":
        binary = _pydantic_core_binary()
        missing = [part for part in _fixed_parts(english) if part.encode() not in binary]
    else:
        source = _typer_source()
        missing = [part for part in _COMPOSED.get(key, tuple(_fixed_parts(english))) if part not in source]
    assert not missing, f"{key}: the installed library no longer writes {missing!r}: update the catalogue"


# --- usage errors, in each language ------------------------------------------------------------------------------

ENGLISH_MARKERS = (
    *("Usage:", "Error:", "Try '", "Missing", "No such", "Invalid value", "Got unexpected", "requires"),
    *("does not take", "Input should", "Possible options", "Did you mean", "Show this message"),
)

USAGE_ERRORS: list[tuple[list[str], str, str]] = [
    (["evaluate"], "Missing argument 'DECLARATION'.", "argument manquant : « DECLARATION »."),
    (["evaluate", "a.yaml", "b.yaml"], "Got unexpected extra argument(s) (b.yaml)", "argument(s) en trop : b.yaml"),
    (["init", "--actor", "ELU", "-o", "d.yaml"], "Missing option '--level'.", "option manquante : « --level »."),
    (["evaluate", "d.yaml", "--as-of"], "Option '--as-of' requires an argument.", "l'option « --as-of » attend une"),
    (
        ["evalute"],
        "No such command 'evalute'. Did you mean 'evaluate'",
        "commande inconnue : « evalute ». Vouliez-vous",
    ),
    (["frobnicate"], "No such command 'frobnicate'.", "commande inconnue : « frobnicate »."),
    (["referentiel", "lst"], "No such command 'lst'. Did you mean 'list'?", "Vouliez-vous dire « list » ?"),
    (["--debug"], "Missing command.", "commande manquante."),
    (["evaluate", "d.yaml", "--fmt", "json"], "No such option: --fmt (Possible options: --format)", "(options proches"),
    (["evaluate", "d.yaml", "--zzz"], "No such option: --zzz", "option inconnue : --zzz"),
    (["evaluate", "d.yaml", "--force=yes"], "No such option: --force", "option inconnue : --force"),
    (["diff", "a.yaml", "b.yaml", "--force=yes"], "Option '--force' does not take a value.", "ne prend pas de valeur"),
    (
        ["portfolio", "d", "--workers", "abc"],
        "Invalid value for '--workers': Input should be a valid integer",
        "entier",
    ),
    (["portfolio", "d", "--workers", "0"], "greater than or equal to 1", "valeur invalide pour « --workers » : 1 au"),
    (["portfolio", "d", "--workers", "65"], "less than or equal to 64", "64 au maximum"),
]


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    """No locale: the tool's own language."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


ENGLISH_LOCALE = {"LANG": "en_US.UTF-8"}
"""An English locale (the ``cli`` fixture drops the machine's locale variables, then sets these)."""


@pytest.mark.parametrize(
    ("args", "english", "french_text"), USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS]
)
@pytest.mark.usefixtures("french")
def test_a_usage_error_is_in_french_by_default(
    cli: Cli, tmp_path: Path, args: list[str], english: str, french_text: str
) -> None:
    done = cli(*args, cwd=tmp_path)
    assert done.code == 2, done
    assert french_text in done.stderr, done.stderr
    assert "Erreur : " in done.stderr
    leftovers = [marker for marker in ENGLISH_MARKERS if marker in done.stderr]
    assert not leftovers, (leftovers, done.stderr)
    if args != ["evaluate", "d.yaml", "--as-of"] and "--force=yes" not in args[-1:]:
        assert done.stderr.startswith("Utilisation : psc-check"), done.stderr
        assert "Pour l'aide : psc-check" in done.stderr


@pytest.mark.parametrize(
    ("args", "english", "french_text"), USAGE_ERRORS, ids=[" ".join(a) for a, _, _ in USAGE_ERRORS]
)
def test_a_usage_error_is_in_english_with_an_english_locale(
    cli: Cli, tmp_path: Path, args: list[str], english: str, french_text: str
) -> None:
    done = cli(*args, cwd=tmp_path, env=ENGLISH_LOCALE)
    assert done.code == 2, done
    assert english in done.stderr, done.stderr
    assert "Error: " in done.stderr
    assert "Erreur" not in done.stderr and "Utilisation" not in done.stderr


@pytest.mark.usefixtures("french")
def test_lang_on_the_command_line_chooses_the_language_of_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    done = cli("evaluate", "d.yaml", "--zzz", "--lang", "en", cwd=tmp_path)
    assert "Error: No such option: --zzz" in done.stderr
    assert done.stderr.startswith("Usage: psc-check evaluate [OPTIONS] DECLARATION")
    assert "Try 'psc-check evaluate --help' for help." in done.stderr
    done = cli("evaluate", "d.yaml", "--zzz", "--lang=fr", cwd=tmp_path)
    assert "Erreur : option inconnue : --zzz" in done.stderr


def test_the_language_variable_chooses_the_language_of_the_help(tmp_path: Path) -> None:
    """``PSC_CHECK_LANG`` wins over the locale (a new process: the variable is read as a user sets it)."""
    env = {"PSC_CHECK_LANG": "en", "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    done = run_argv(["psc-check", "init", "--help"], cwd=tmp_path, env=env)
    assert done.code == 0, done.stderr
    assert done.stdout.startswith("Usage: psc-check init [OPTIONS]")
    assert "Show this message and exit." in done.stdout
    done = run_argv(["psc-check", "init", "--help"], cwd=tmp_path, env=env | {"PSC_CHECK_LANG": "fr"})
    assert done.stdout.startswith("Utilisation : psc-check init [OPTIONS]")


# --- every command's help ----------------------------------------------------------------------------------------


def _walk(command: _click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], _click.Command]]:
    yield path, command
    if isinstance(command, typer.core.TyperGroup):
        for name, sub in command.commands.items():
            yield from _walk(sub, (*path, name))


TREE = dict(_walk(typer.main.get_command(app)))
PATHS = sorted(TREE)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "psc-check")
@pytest.mark.usefixtures("french")
def test_every_help_is_french_and_names_placeholders_by_words(cli: Cli, path: tuple[str, ...]) -> None:
    done = cli(*path, "--help")
    assert done.code == 0, done
    text = done.stdout
    assert text.startswith(f"Utilisation : psc-check {' '.join(path)}".rstrip() + " "), text
    assert "--help" in text and "Afficher ce message et quitter." in text
    for english in ("Usage:", "Show this message", "[default:", "required]", "Options:", "Commands:", "Arguments:"):
        assert english not in text, (english, text)
    usage = text.split("\n\n", 1)[0]
    names = re.findall(r"^  (\S.*?)(?:  |$)", text.split("\n\n", 2)[-1], re.MULTILINE)
    for shown in [usage, *names]:
        assert not re.search(r"[<>{}]|\bTEXT\b|\bPATH\b|\bINTEGER\b|list\[", shown), (shown, text)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "psc-check")
def test_every_help_is_english_with_an_english_locale(cli: Cli, path: tuple[str, ...]) -> None:
    done = cli(*path, "--help", env=ENGLISH_LOCALE)
    assert done.code == 0, done
    assert done.stdout.startswith(f"Usage: psc-check {' '.join(path)}".rstrip() + " ")
    assert "Show this message and exit." in done.stdout
    assert "Utilisation" not in done.stdout and "Afficher ce message" not in done.stdout


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "psc-check")
def test_every_command_is_built_with_the_help_classes_and_every_value_has_a_word(path: tuple[str, ...]) -> None:
    command = TREE[path]
    assert isinstance(command, Group if isinstance(command, typer.core.TyperGroup) else Command), (path, command)
    for param in command.params:
        if getattr(param, "is_flag", False):
            continue
        assert param.metavar and re.fullmatch(r"[A-ZÀ-Ý_|.a-z-]+…?", param.metavar), (path, param.name, param.metavar)
        assert param.metavar.upper() == param.metavar or "." in param.metavar, (path, param.name, param.metavar)


def test_the_commands_are_listed_in_workflow_order(cli: Cli) -> None:
    done = cli("--help")
    listed = re.findall(r"^  ([a-z-]+)  ", done.stdout.split("Commandes :", 1)[1], re.MULTILINE)
    registered = set(TREE[()].commands)  # type: ignore[attr-defined]
    assert registered <= set(COMMAND_ORDER), f"place {registered - set(COMMAND_ORDER)} in COMMAND_ORDER"
    assert listed == [name for name in COMMAND_ORDER if name in registered]
    assert listed[:10] == [
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
    ]


# --- closed values: listed in the help, accepted in any case ----------------------------------------------------

CLOSED: dict[tuple[str, str], tuple[str, ...]] = {
    ("evaluate", "--format"): tuple(REPORT.stdout_names),
    ("evaluate", "--lang"): LANGS,
    ("evaluate", "--fail-on"): v.FAIL_ON,
    ("evaluate", "--require-assurance"): v.REQUIRE_ASSURANCE,
    ("portfolio", "--lang"): LANGS,
    ("portfolio", "--require-assurance"): v.REQUIRE_ASSURANCE,
    ("init", "--actor"): v.ACTORS,
    ("init", "--level"): v.LEVELS,
    ("init", "--parcours"): v.PARCOURS,
    ("init", "--feature"): v.FEATURES,
    ("referentiel list", "--actor"): v.ACTORS,
    ("referentiel list", "--level"): v.LEVELS,
    ("referentiel list", "--theme"): v.THEMES,
    ("referentiel list", "--format"): tuple(REQUIREMENT_LIST.stdout_names),
    ("referentiel list", "--lang"): LANGS,
    ("referentiel show", "--lang"): LANGS,
    ("referentiel show", "--format"): tuple(REQUIREMENT.stdout_names),
    ("referentiel export", "--format"): tuple(REFERENTIAL_EXPORT.stdout_names),
    ("check-evidence", "--kind"): CHECKED_KINDS,
    ("check-evidence", "--environment"): v.ENVIRONMENTS,
    ("check-evidence", "--level"): v.LEVELS,
    ("check-evidence", "--format"): tuple(CHECK_RESULT.stdout_names),
    ("check-evidence", "--lang"): LANGS,
    ("evidence add", "--kind"): v.EVIDENCE_KINDS,
    ("evidence add", "--environment"): v.ENVIRONMENTS,
    ("evidence add", "--lang"): LANGS,
    ("evidence refresh", "--lang"): LANGS,
    ("diff", "--format"): tuple(EDITION_DIFF.stdout_names),
    ("dossier build", "--lang"): LANGS,
    ("dossier verify", "--lang"): LANGS,
    ("import-matrix", "--lang"): LANGS,
    **{(f"probe {name}", "--lang"): LANGS for name in ("login", "tls", "cors", "proxy")},
    **{(f"probe {name}", "--environment"): v.ENVIRONMENTS for name in ("login", "tls", "cors", "proxy")},
    ("schema", "FORMAT"): tuple(SCHEMAS),
}
"""Each option (or argument) with a closed set of values, and the values the code checks it against."""

CLOSED_NAMES = {"--format", "--lang", "--kind", "--environment", "--level", "--actor", "--theme", "--parcours"}
CLOSED_NAMES |= {"--feature", "--fail-on", "--require-assurance"}


def test_every_closed_value_option_is_known_here() -> None:
    found = {
        (" ".join(path), opt)
        for path, command in TREE.items()
        for param in command.params
        for opt in param.opts
        if opt in CLOSED_NAMES
    }
    assert found <= set(CLOSED), f"options with closed values not listed in CLOSED: {sorted(found - set(CLOSED))}"


@pytest.mark.parametrize(("where", "values"), CLOSED.items(), ids=[" ".join(k) for k in CLOSED])
def test_a_closed_value_option_lists_its_values(where: tuple[str, str], values: tuple[str, ...]) -> None:
    command_path, name = where
    command = TREE[tuple(command_path.split())]
    param = next(p for p in command.params if name in p.opts or p.metavar == name)
    help_text = getattr(param, "help", "") or ""
    missing = [value for value in values if not re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", help_text)]
    assert not missing, (where, missing, help_text)


def test_closed_values_are_accepted_in_any_case(cli: Cli, tmp_path: Path) -> None:
    listed = cli(
        "referentiel", "list", "--actor", "elu", "--level", "ESPACE_DE_CONFIANCE", "--theme", "OIDC", "--format", "JSON"
    )
    assert listed.code == 0, listed.stderr
    assert '"id": "PSC-OIDC-01"' in listed.stdout
    done = cli(
        "init",
        "--actor",
        "elu",
        "--level",
        "Espace_De_Confiance",
        "--parcours",
        "STANDARD",
        "-o",
        "d.yaml",
        cwd=tmp_path,
    )
    assert done.code == 0, done.stderr
    text = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert "actors: [ELU]" in text and "level: espace_de_confiance" in text
    example = ROOT / "examples" / "fs-standard" / "declaration.yaml"
    evaluated = cli("evaluate", example, "--as-of", "2026-11-28", "--format", "JSON", "--lang", "EN")
    assert evaluated.code in (0, 1), evaluated.stderr
    assert evaluated.stdout.startswith("{") and '"lang": "en"' in evaluated.stdout
    shown = cli("schema", "Declaration")
    assert shown.code == 0 and '"$schema"' in shown.stdout
