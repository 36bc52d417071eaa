"""Validate plain YAML data against a model; translate pydantic errors to ``file:line:column`` messages."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from checker.errors import InputError
from checker.suggest import did_you_mean
from checker.yamlload import YamlDocument

__all__ = ["validate_document"]

M = TypeVar("M", bound=BaseModel)
_QUOTED = re.compile(r"'([^']*)'")
_MAX_MESSAGES = 20


def validate_document(doc: YamlDocument, model: type[M], *, context: dict[str, Any] | None = None) -> M:
    """Build ``model`` from ``doc.data`` or raise :class:`InputError` naming file, line, field and fix."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise InputError(translate(exc, doc, model)) from None


def translate(exc: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[str]:
    """One message per pydantic error, most useful first, bounded in number."""
    messages: list[str] = []
    for error in exc.errors(include_url=False)[:_MAX_MESSAGES]:
        loc = [part for part in error["loc"] if not (isinstance(part, str) and "[" in part)]
        field = ".".join(str(part) for part in loc) or "(document)"
        kind = error["type"]
        hint = _hint(kind, error, loc, model)
        is_key = kind == "extra_forbidden"
        where = doc.location(loc, key=is_key) if kind != "missing" else doc.location(loc[:-1])
        text = f"{where}: {field}: {_message(kind, error)}"
        messages.append(f"{text} — {hint}" if hint else text)
    hidden = exc.error_count() - len(messages)
    if hidden > 0:
        messages.append(f"{doc.name}: … and {hidden} more errors")
    return messages


def _message(kind: str, error: Any) -> str:
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    return str(error["msg"]).removeprefix("Value error, ")


def _hint(kind: str, error: Any, loc: list[str | int], model: type[BaseModel]) -> str | None:
    if kind == "extra_forbidden" and loc:
        allowed = _fields_at(model, loc[:-1])
        return did_you_mean(str(loc[-1]), allowed) or (
            f"allowed keys: {', '.join(sorted(allowed))}" if allowed else None
        )
    if kind in {"enum", "literal_error"}:
        expected = _QUOTED.findall(str(error.get("ctx", {}).get("expected", "")))
        return did_you_mean(str(error.get("input")), expected)
    if kind == "missing" and loc:
        return f"add `{loc[-1]}:`"
    if kind.startswith("date"):
        return "write the date as YYYY-MM-DD (a real calendar date)"
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated / Optional / list / dict down to the item type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        elif origin in (list, tuple, set, frozenset):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return annotation


def _fields_at(model: type[BaseModel], loc: list[str | int]) -> list[str]:
    """Names of the keys allowed at ``loc`` (best effort; empty when not a model)."""
    current: Any = model
    for part in loc:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            # a dict key (e.g. a requirement id under `answers`): the value type is already current
            continue
        current = _unwrap(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []
