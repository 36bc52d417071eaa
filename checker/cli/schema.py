"""``psc-check schema``: print the JSON Schema of an input format."""

from typing import Annotated

import typer

from checker.app.write import emit
from checker.cli.common import check_choice
from checker.cli.help import choices
from checker.model.schemas import SCHEMAS, schema_text


def schema(
    kind: Annotated[str, typer.Argument(metavar="FORMAT", help=f"Le format : {choices(SCHEMAS)}.")],
) -> None:
    """Afficher le JSON Schema (2020-12) d'un format : referential, declaration, report…"""
    emit(schema_text(check_choice("FORMAT", kind, SCHEMAS)))
