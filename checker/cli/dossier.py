"""``psc-check dossier build|verify``: the submission file, made by the vendor and re-checked by its receiver."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit, warn
from checker.cli.common import ReferentialOption, WaiversOption, check_choice
from checker.cli.evaluate import AsOf
from checker.i18n import LANGS

app = typer.Typer(
    help="Constituer un dossier de soumission (zip vérifiable) et le vérifier.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Lang = Annotated[str, typer.Option("--lang", help="Langue : fr ou en.")]


@app.command("build")
def build(
    declaration: Annotated[Path, typer.Argument(help="Fichier YAML de la déclaration.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Le dossier à écrire (.zip).")],
    as_of: AsOf = None,
    referentiel: ReferentialOption = None,
    audit: Annotated[
        Path | None, typer.Option("--audit", help="Fichier d'audit (import-matrix), évalué et joint au dossier.")
    ] = None,
    waivers: WaiversOption = None,
    lang: Lang = "fr",
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
    from checker.app.evaluate import parse_as_of

    check_choice("--lang", lang, LANGS)
    if output.suffix.lower() != ".zip":
        from checker.errors import UsageError

        raise UsageError(f"{output}: a dossier is a .zip file — use -o NAME.zip")
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


@app.command("verify")
def verify(
    dossier: Annotated[Path, typer.Argument(help="Le dossier (.zip) à vérifier.")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Réévaluer à cette date AAAA-MM-JJ (par défaut : celle du dossier).")
    ] = None,
    referentiel: ReferentialOption = None,
    lang: Lang = "fr",
) -> None:
    """Vérifier un dossier : empreintes, réévaluation. Code 0 conforme, 1 différences, 2 illisible ou suspect."""
    from checker.app.dossier_verify import VerifyRequest, run_verify
    from checker.inputs.dates import parse_day

    check_choice("--lang", lang, LANGS)
    request = VerifyRequest(
        dossier=dossier,
        as_of=parse_day(as_of, "--as-of") if as_of is not None else None,
        referential=referentiel,
        lang=lang,
    )
    result = run_verify(request)
    for line in result.lines(lang):
        emit(line)
    raise typer.Exit(result.exit_code)
