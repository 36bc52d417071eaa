"""JSON Schemas (draft 2020-12) of psc-check's formats, generated from the models."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["SCHEMAS", "schema_text"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _referential() -> type[BaseModel]:
    from checker.model.referential import Referential

    return Referential


def _declaration() -> type[BaseModel]:
    from checker.model.declaration import Declaration

    return Declaration


def _report() -> type[BaseModel]:
    from checker.model.report import Report

    return Report


def _audit() -> type[BaseModel]:
    from checker.model.audit import Audit

    return Audit


def _policy() -> type[BaseModel]:
    from checker.model.policy import PolicyFile

    return PolicyFile


def _waivers() -> type[BaseModel]:
    from checker.model.waiver import WaiverFile

    return WaiverFile


SCHEMAS: dict[str, Callable[[], type[BaseModel]]] = {
    "audit": _audit,
    "policy": _policy,
    "referential": _referential,
    "declaration": _declaration,
    "report": _report,
    "waivers": _waivers,
}
"""Schema name → model class (resolved lazily)."""


def schema_text(kind: str) -> str:
    """The schema as stable, sorted JSON text."""
    model = SCHEMAS[kind]()
    mode: Literal["validation", "serialization"] = "serialization" if kind == "report" else "validation"
    data: dict[str, Any] = {
        "$schema": _DIALECT,
        "$id": f"https://psc-check.invalid/schemas/{kind}.schema.json",
        **model.model_json_schema(mode=mode),
    }
    from checker.inputs.jsondump import sorted_json  # orjson: not at start-up (`--help` imports this module)

    return sorted_json(data) + "\n"
