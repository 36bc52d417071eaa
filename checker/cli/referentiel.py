"""``psc-check referentiel list|show|check|export``: read the referential, export it to other tools."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit, write_stdout
from checker.cli.common import ReferentialOption, check_choice

app = typer.Typer(help="Consulter et vérifier le référentiel.", no_args_is_help=True, rich_markup_mode=None)


@app.command("list")
def list_requirements(
    actor: Annotated[
        list[str] | None, typer.Option("--actor", help="Acteur (FS, ELU, ELP, OSU, OSP, FIT) ; répétable.")
    ] = None,
    level: Annotated[str | None, typer.Option("--level", help="Niveau : communaute ou espace_de_confiance.")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="Thème.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv ou md.")] = "table",
    referentiel: ReferentialOption = None,
) -> None:
    """Lister les exigences, filtrées par acteur, niveau et thème."""
    from checker.app.referential import ListRequest, run_list
    from checker.render.registry import REQUIREMENT_LIST, Format

    check_choice("--format", fmt, REQUIREMENT_LIST.stdout_names)
    request = ListRequest(
        actors=tuple(actor or ()), level=level, theme=theme, referential=referentiel, stdout_format=Format(fmt)
    )
    write_stdout(run_list(request))


@app.command("show")
def show(
    requirement_id: Annotated[str, typer.Argument(metavar="ID", help="Identifiant de l'exigence.")],
    fmt: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
    referentiel: ReferentialOption = None,
) -> None:
    """Afficher une exigence en entier, avec sa provenance."""
    from checker.app.referential import ShowRequest, run_show
    from checker.render.registry import REQUIREMENT, Format

    check_choice("--format", fmt, REQUIREMENT.stdout_names)
    write_stdout(run_show(ShowRequest(requirement_id, referential=referentiel, stdout_format=Format(fmt))))


@app.command("check")
def check(path: Annotated[Path, typer.Argument(help="Fichier YAML d'une édition du référentiel.")]) -> None:
    """Vérifier une édition du référentiel (schéma et cohérence) : code 0 si valide, 2 sinon."""
    from checker.app.referential import CheckRequest, run_check

    emit(run_check(CheckRequest(path)))


@app.command("export")
def export(
    fmt: Annotated[str, typer.Option("--format", help="ciso-assistant (bibliothèque YAML) ou oscal (catalogue JSON).")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Fichier à écrire (.yaml pour ciso-assistant, .json pour oscal)."),
    ] = None,
    referentiel: ReferentialOption = None,
) -> None:
    """Exporter le référentiel vers un autre outil : bibliothèque CISO Assistant ou catalogue OSCAL."""
    from checker.app.referential import ExportRequest, run_export
    from checker.i18n import message
    from checker.render.registry import REFERENTIAL_EXPORT, Format

    check_choice("--format", fmt, REFERENTIAL_EXPORT.stdout_names)
    result = run_export(ExportRequest(Format(fmt), output=output, referential=referentiel))
    if result.output is None:
        write_stdout(result.data)
    else:
        typer.echo(
            message(
                "cli.export_done", path=str(result.output), id=result.referential_id, format=fmt, count=result.count
            )
        )
