"""``psc-check evaluate`` and ``psc-check validate``: the main job."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.app.write import emit, error, warn, write_stdout
from checker.cli.common import PolicyOption, ReferentialOption, RequireAssuranceOption, WaiversOption, check_choice
from checker.i18n import LANGS, message

if TYPE_CHECKING:
    from checker.app.validate import ValidateResult

AsOf = Annotated[str | None, typer.Option("--as-of", help="Date d'évaluation AAAA-MM-JJ (aujourd'hui par défaut).")]


def evaluate(
    declaration: Annotated[Path, typer.Argument(help="Fichier YAML de la déclaration.")],
    as_of: AsOf = None,
    referentiel: ReferentialOption = None,
    fmt: Annotated[str, typer.Option("--format", help="Sortie standard : console, json ou md.")] = "console",
    output: Annotated[
        list[Path] | None,
        typer.Option("-o", "--output", help="Fichier de sortie (format d'après le suffixe) ; répétable."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Langue des sorties : fr ou en.")] = "fr",
    allow_outside_evidence: Annotated[
        bool, typer.Option("--allow-outside-evidence", help="Accepter des preuves hors du dossier de la déclaration.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Rapport JSON d'une soumission précédente : signaler les régressions."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="gaps, regression, waivers (toute dérogation échoue) ou never (regression par défaut avec --baseline).",
        ),
    ] = None,
    audit: Annotated[
        Path | None,
        typer.Option("--audit", help="Fichier d'audit (import-matrix) : le verdict de l'auditeur décide du résultat."),
    ] = None,
    policy: PolicyOption = None,
    waivers: WaiversOption = None,
    require_assurance: RequireAssuranceOption = None,
) -> None:
    """Évaluer une déclaration : constats, problèmes, échéances. Code 0 prêt, 1 pas prêt, 2 entrée invalide."""
    from checker.app.evaluate import FAIL_ON, REQUIRE_ASSURANCE, EvaluateRequest, parse_as_of, run_evaluate
    from checker.model.report import Assurance
    from checker.render.registry import REPORT, Format

    check_choice("--format", fmt, REPORT.stdout_names)
    check_choice("--lang", lang, LANGS)
    if fail_on is not None:
        check_choice("--fail-on", fail_on, FAIL_ON)
    if require_assurance is not None:
        check_choice("--require-assurance", require_assurance, REQUIRE_ASSURANCE)
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
        stdout_format=Format(fmt),
        policy=policy,
        waivers=waivers,
        require_assurance=Assurance(require_assurance) if require_assurance is not None else None,
    )
    text, code = run_evaluate(request)
    write_stdout(text)
    raise typer.Exit(code)


def validate(
    declarations: Annotated[list[Path], typer.Argument(help="Un ou plusieurs fichiers de déclaration.")],
    referentiel: ReferentialOption = None,
    as_of: AsOf = None,
    policy: PolicyOption = None,
    waivers: WaiversOption = None,
) -> None:
    """Valider des déclarations (schéma, cohérence, habilitations, parcours, dates) : 0 si toutes sont valides, 2 sinon.

    Les fichiers de preuve et le verdict sont laissés à ``evaluate``.
    """
    from checker.app.evaluate import parse_as_of
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
