"""``psc-check referentiel list|show|check``: read the referential."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checker.app.write import emit
from checker.cli.common import ReferentialOption, check_choice, check_choices
from checker.errors import UsageError
from checker.i18n import message

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
    from checker.referential.load import load_referential
    from checker.render.listing import LIST_FORMATS, render_list

    check_choice("--format", fmt, LIST_FORMATS)
    ref = load_referential(referentiel)
    actors = check_choices("--actor", actor or [], ref.actors)
    if level is not None:
        check_choice("--level", level, ref.level_closure)
    if theme is not None:
        check_choice("--theme", theme, [t.id for t in ref.model.themes])
    emit(render_list(ref, ref.select(actors, level, theme), fmt))


@app.command("show")
def show(
    requirement_id: Annotated[str, typer.Argument(metavar="ID", help="Identifiant de l'exigence.")],
    fmt: Annotated[str, typer.Option("--format", help="text ou json.")] = "text",
    referentiel: ReferentialOption = None,
) -> None:
    """Afficher une exigence en entier, avec sa provenance."""
    from checker.inputs.suggest import did_you_mean
    from checker.inputs.textsafe import shown
    from checker.referential.load import load_referential
    from checker.render.listing import render_show

    check_choice("--format", fmt, ["text", "json"])
    ref = load_referential(referentiel)
    req = ref.requirements.get(requirement_id)
    if req is None:
        hint = did_you_mean(requirement_id, ref.requirements) or message("error.see_list", lang="en")
        raise UsageError(message("error.unknown_requirement", id=shown(requirement_id), hint=hint, lang="en"))
    emit(render_show(ref, req, fmt))


@app.command("check")
def check(path: Annotated[Path, typer.Argument(help="Fichier YAML d'une édition du référentiel.")]) -> None:
    """Vérifier une édition du référentiel (schéma et cohérence) : code 0 si valide, 2 sinon."""
    from checker.referential.load import load_referential

    ref = load_referential(path)
    emit(message("cli.referential_ok", path=str(path), id=ref.id, version=ref.version, count=len(ref.requirements)))
