"""``psc-check dossier build|verify``: the submission file, made by the vendor and re-checked by its receiver."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit, warn
from checker.cli.common import AsOfOption, LangOption, ReferentialOption, WaiversOption, parse_as_of
from checker.cli.help import Command, Group
from checker.cli.language import command_lang

app = typer.Typer(
    cls=Group,
    help="Constituer un dossier de soumission (zip vérifiable) et le vérifier.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("build", cls=Command)
def build(
    declaration: Annotated[Path, typer.Argument(metavar="DECLARATION", help="Fichier YAML de la déclaration.")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="DOSSIER.zip", help="Le dossier à écrire (.zip).")],
    as_of: AsOfOption = None,
    referentiel: ReferentialOption = None,
    audit: Annotated[
        Path | None,
        typer.Option("--audit", metavar="FICHIER", help="Fichier d'audit (import-matrix), évalué et joint au dossier."),
    ] = None,
    waivers: WaiversOption = None,
    lang: LangOption = None,
    allow_outside_evidence: Annotated[
        bool,
        typer.Option(
            "--allow-outside-evidence",
            help="Joindre les preuves hors du dossier de la déclaration (sous hors-dossier/).",
        ),
    ] = False,
    pdf: Annotated[
        bool | None,
        typer.Option(
            "--pdf/--no-pdf", help="Rapport PDF : exigé, ou omis (par défaut : joint si WeasyPrint est installé)."
        ),
    ] = None,
) -> None:
    """Écrire le dossier : déclaration, preuves, rapports, MANIFEST.json, LISEZMOI.txt. Code 0 écrit, 2 entrée invalide."""
    from checker.app.dossier import DossierRequest, run_dossier

    lang = command_lang(lang)
    if output.suffix.lower() != ".zip":
        from checker.errors import UsageError, msg

        raise UsageError.at(str(output), msg("error.dossier_zip"), msg("hint.dossier_zip"))
    request = DossierRequest(
        declaration=declaration,
        output=output,
        as_of=parse_as_of(as_of),
        referential=referentiel,
        audit=audit,
        waivers=waivers,
        lang=lang,
        allow_outside_evidence=allow_outside_evidence,
        pdf=pdf,
    )
    result = run_dossier(request)
    head, *notes = result.lines(output, lang)
    emit(head)
    for note in notes:
        warn(note)


@app.command("verify", cls=Command)
def verify(
    dossier: Annotated[Path, typer.Argument(metavar="DOSSIER.zip", help="Le dossier (.zip) à vérifier.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="AAAA-MM-JJ", help="Réévaluer à cette date (par défaut : celle du dossier)."),
    ] = None,
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Vérifier un dossier : empreintes, réévaluation. Code 0 conforme, 1 différences, 2 illisible ou suspect."""
    from checker.app.dossier_verify import VerifyRequest, run_verify

    lang = command_lang(lang)
    request = VerifyRequest(
        dossier=dossier,
        as_of=parse_as_of(as_of) if as_of is not None else None,
        referential=referentiel,
        lang=lang,
    )
    result = run_verify(request)
    for line in result.lines(lang):
        emit(line)
    raise typer.Exit(result.exit_code)
