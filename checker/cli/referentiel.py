"""``psc-check referentiel list|show|check|export``: read the referential, export it to other tools."""

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit, write_stdout
from checker.cli.common import LangOption, ReferentialOption, stdout_format
from checker.cli.help import Command, Group, choices
from checker.cli.language import command_lang
from checker.cli.vocabulary import ACTORS, LEVELS, THEMES
from checker.render.registry import REFERENTIAL_EXPORT, REQUIREMENT, REQUIREMENT_LIST

app = typer.Typer(cls=Group, help="Consulter et vérifier le référentiel.", no_args_is_help=True, rich_markup_mode=None)


@app.command("list", cls=Command)
def list_requirements(
    actor: Annotated[
        list[str] | None,
        typer.Option("--actor", metavar="ACTEUR", help=f"Acteur : {choices(ACTORS)} ; répétable."),
    ] = None,
    level: Annotated[str | None, typer.Option("--level", metavar="NIVEAU", help=f"Niveau : {choices(LEVELS)}.")] = None,
    theme: Annotated[
        str | None, typer.Option("--theme", metavar="THÈME", help=f"Thème du référentiel fourni : {choices(THEMES)}.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help=f"Format : {choices(REQUIREMENT_LIST.stdout_names)}.")
    ] = "table",
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Lister les exigences, filtrées par acteur, niveau et thème."""
    from checker.app.referential import ListRequest, run_list

    out_format = stdout_format(fmt, REQUIREMENT_LIST)
    lang = command_lang(lang)
    request = ListRequest(
        actors=tuple(actor or ()),
        level=level,
        theme=theme,
        referential=referentiel,
        stdout_format=out_format,
        lang=lang,
    )
    write_stdout(run_list(request))


@app.command("show", cls=Command)
def show(
    requirement_id: Annotated[str, typer.Argument(metavar="EXIGENCE", help="Identifiant de l'exigence.")],
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help=f"Format : {choices(REQUIREMENT.stdout_names)}.")
    ] = "text",
    referentiel: ReferentialOption = None,
    lang: LangOption = None,
) -> None:
    """Afficher une exigence en entier, avec sa provenance."""
    from checker.app.referential import ShowRequest, run_show

    out_format = stdout_format(fmt, REQUIREMENT)
    lang = command_lang(lang)
    write_stdout(run_show(ShowRequest(requirement_id, referential=referentiel, stdout_format=out_format, lang=lang)))


@app.command("check", cls=Command)
def check(
    path: Annotated[Path, typer.Argument(metavar="FICHIER", help="Fichier YAML d'une édition du référentiel.")],
) -> None:
    """Vérifier une édition du référentiel (schéma et cohérence) : code 0 si valide, 2 sinon."""
    from checker.app.referential import CheckRequest, run_check

    emit(run_check(CheckRequest(path)))


@app.command("export", cls=Command)
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help=f"{choices(REFERENTIAL_EXPORT.stdout_names)} (ciso-assistant : bibliothèque YAML ; oscal : catalogue JSON).",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="FICHIER", help="Fichier à écrire (.yaml pour ciso-assistant, .json pour oscal)."
        ),
    ] = None,
    referentiel: ReferentialOption = None,
) -> None:
    """Exporter le référentiel vers un autre outil : bibliothèque CISO Assistant ou catalogue OSCAL."""
    from checker.app.referential import ExportRequest, run_export
    from checker.i18n import message

    export_format = stdout_format(fmt, REFERENTIAL_EXPORT)
    result = run_export(ExportRequest(export_format, output=output, referential=referentiel))
    if result.output is None:
        write_stdout(result.data)
    else:
        typer.echo(
            message(
                "cli.export_done", path=str(result.output), id=result.referential_id, format=fmt, count=result.count
            )
        )
