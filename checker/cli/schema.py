"""``psc-check schema``: print the JSON Schema of an input format."""

from typing import Annotated

import typer

from checker.app.write import emit
from checker.cli.common import check_choice
from checker.model.schemas import SCHEMAS, schema_text


def schema(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"{' | '.join(SCHEMAS)}")],
) -> None:
    """Afficher le JSON Schema (2020-12) d'un format : referential, declaration, report…"""
    emit(schema_text(check_choice("KIND", kind, SCHEMAS)))
