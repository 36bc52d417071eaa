"""``psc-check evaluate`` and ``psc-check validate``: the main job."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.app.write import emit, error, warn, write_stdout
from checker.cli.colour import QuietOption, check_quiet, use_colour
from checker.cli.common import (
    AsOfOption,
    LangOption,
    PolicyOption,
    ReferentialOption,
    RequireAssuranceOption,
    WaiversOption,
    check_optional_choice,
    parse_as_of,
    required_assurance,
    stdout_format,
)
from checker.cli.help import choices
from checker.cli.language import command_lang
from checker.cli.vocabulary import FAIL_ON
from checker.i18n import message
from checker.render.registry import REPORT

if TYPE_CHECKING:
    from checker.app.validate import ValidateResult


def evaluate(
    declaration: Annotated[Path, typer.Argument(metavar="DECLARATION", help="Fichier YAML de la déclaration.")],
    as_of: AsOfOption = None,
    referentiel: ReferentialOption = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help=f"Sortie standard : {choices(REPORT.stdout_names)}.")
    ] = "console",
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "-o", "--output", metavar="FICHIER", help="Fichier de sortie (format d'après le suffixe) ; répétable."
        ),
    ] = None,
    lang: LangOption = None,
    allow_outside_evidence: Annotated[
        bool, typer.Option("--allow-outside-evidence", help="Accepter des preuves hors du dossier de la déclaration.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", metavar="FICHIER", help="Rapport JSON d'une soumission précédente : signaler les régressions."
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="CAS",
            help=f"{choices(FAIL_ON)} (waivers : toute dérogation échoue ; regression par défaut avec --baseline).",
        ),
    ] = None,
    audit: Annotated[
        Path | None,
        typer.Option(
            "--audit",
            metavar="FICHIER",
            help="Fichier d'audit (import-matrix) : le verdict de l'auditeur décide du résultat.",
        ),
    ] = None,
    policy: PolicyOption = None,
    waivers: WaiversOption = None,
    require_assurance: RequireAssuranceOption = None,
    quiet: QuietOption = False,
) -> None:
    """Évaluer une déclaration : constats, problèmes, échéances. Code 0 prêt, 1 pas prêt, 2 entrée invalide."""
    from checker.app.evaluate import EvaluateRequest, run_evaluate

    out_format = stdout_format(fmt, REPORT)
    lang = command_lang(lang)
    fail_on = check_optional_choice("--fail-on", fail_on, FAIL_ON)
    assurance = required_assurance(require_assurance)
    check_quiet(quiet, output)
    request = EvaluateRequest(
        declaration=declaration,
        as_of=parse_as_of(as_of),
        referential=referentiel,
        outputs=tuple(output or ()),
        lang=lang,
        allow_outside_evidence=allow_outside_evidence,
        baseline=baseline,
        fail_on=fail_on,
        audit=audit,
        stdout_format=out_format,
        policy=policy,
        waivers=waivers,
        require_assurance=assurance,
        quiet=quiet,
        colour=use_colour(),
    )
    text, code = run_evaluate(request)
    write_stdout(text)
    raise typer.Exit(code)


def validate(
    declarations: Annotated[
        list[Path], typer.Argument(metavar="DECLARATION…", help="Un ou plusieurs fichiers de déclaration.")
    ],
    referentiel: ReferentialOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = None,
    waivers: WaiversOption = None,
) -> None:
    """Valider des déclarations (schéma, cohérence, habilitations, parcours, dates) : 0 si toutes sont valides, 2 sinon.

    Les fichiers de preuve et le verdict sont laissés à ``evaluate``.
    """
    from checker.app.validate import ValidateRequest, run_validate

    result = run_validate(ValidateRequest(tuple(declarations), parse_as_of(as_of), referentiel, policy, waivers))
    _print_validation(result)
    raise typer.Exit(result.exit_code)


def _print_validation(result: "ValidateResult") -> None:
    """Each file's warnings and errors on standard error, ``PATH: OK`` on standard output for a valid one."""
    for checked in result.files:
        for line in checked.warnings:
            warn(line)
        for line in checked.errors:
            error(line)
        if not checked.errors:
            emit(f"{checked.path}: OK")
    emit(message("cli.validate_scope"))
