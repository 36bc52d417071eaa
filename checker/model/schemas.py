"""JSON Schemas (draft 2020-12) of psc-check's formats, generated from the models."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["SCHEMAS", "schema_text"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: dict[str, str] = {
    "audit": "checker.model.audit:Audit",
    "policy": "checker.model.policy:PolicyFile",
    "referential": "checker.model.referential:Referential",
    "declaration": "checker.model.declaration:Declaration",
    "report": "checker.model.report:Report",
    "waivers": "checker.model.waiver:WaiverFile",
}
"""Schema name → its model class, as ``module:class`` (an entry point's spelling): imported only when a schema is
written, ``--help`` needs only the names."""


def _model(kind: str) -> type[BaseModel]:
    module, _, name = SCHEMAS[kind].partition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), name)
    return model


def schema_text(kind: str) -> str:
    """The schema as stable, sorted JSON text."""
    model = _model(kind)
    mode: Literal["validation", "serialization"] = "serialization" if kind == "report" else "validation"
    data: dict[str, Any] = {
        "$schema": _DIALECT,
        "$id": f"https://psc-check.invalid/schemas/{kind}.schema.json",
        **model.model_json_schema(mode=mode),
    }
    from checker.inputs.jsondump import sorted_json  # orjson: not at start-up (`--help` imports this module)

    return sorted_json(data) + "\n"
