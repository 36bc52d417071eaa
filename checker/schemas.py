"""JSON Schemas (draft 2020-12) of psc-check's formats, generated from the models."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

__all__ = ["SCHEMAS", "schema_text"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _referential() -> type[BaseModel]:
    from checker.model.referential import Referential

    return Referential


SCHEMAS: dict[str, Callable[[], type[BaseModel]]] = {"referential": _referential}
"""Schema name → model class (resolved lazily)."""


def schema_text(kind: str) -> str:
    """The schema as stable, sorted JSON text."""
    model = SCHEMAS[kind]()
    data: dict[str, Any] = {"$schema": _DIALECT, **model.model_json_schema(mode="validation")}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
