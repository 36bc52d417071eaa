"""Validate plain YAML data against a model; translate pydantic errors to ``file:line:column`` messages."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from checker.errors import InputError
from checker.inputs.dates import FIRST_DAY, LAST_DAY
from checker.inputs.suggest import did_you_mean, lookalike_note
from checker.inputs.textsafe import shown
from checker.inputs.yamlload import YamlDocument

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
        field = ".".join(shown(str(part)) for part in loc) or "(document)"
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


_KIND_HINTS = {
    "dict_type": "expected a mapping: `key: value` lines, indented under this key",
    "model_type": "expected a mapping: `key: value` lines, indented under this key",
    "list_type": "expected a list: one `- item` line per entry",
    "string_type": "expected text: write it on this line, in quotes if it could read as something else",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "int_parsing": "write a whole number",
    "int_type": "write a whole number",
    "string_too_short": "fill it in, or remove the key",
    "string_too_long": "shorten it; put long material in an evidence file and cite it",
    "too_long": "psc-check accepts no more entries than this: merge or split them",
    "too_short": "add at least one entry",
}


_FORMATS = {
    "country": "a two-letter country code in capitals, e.g. FR",
    "sha256": "64 hexadecimal characters, as printed by `sha256sum FILE`",
    "declaration_sha256": "64 hexadecimal characters, as printed by `sha256sum FILE`",
    "actors": "an actor id in capitals, e.g. ELU (see `psc-check referentiel list`)",
    "actor": "an actor id in capitals, e.g. ELP",
    "level": "a level id in lower case, e.g. espace_de_confiance",
    "id": "an ASCII letter, then ASCII letters, digits, `_`, `.`, `-` or spaces",
    "psc_client_id": "the client_id as registered at PSC: printable ASCII, no spaces",
}


def _message(kind: str, error: Any) -> str:
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    if kind == "model_type" and error["loc"] == ():
        return "the file must hold `key: value` lines at its top level"
    if kind.startswith("date") and isinstance(error.get("input"), str):
        return f"`{shown(error['input'])}` is not a date"
    return str(error["msg"]).removeprefix("Value error, ")


def _range_hint(error: Any) -> str | None:
    ctx = error.get("ctx", {})
    limit = str(ctx.get("ge", ctx.get("le", "")))
    if limit in (FIRST_DAY.isoformat(), LAST_DAY.isoformat()):
        return f"a date between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}: check the year"
    return "correct the value (bounds in `psc-check schema`)"


def _hint(kind: str, error: Any, loc: list[str | int], model: type[BaseModel]) -> str | None:
    if kind == "extra_forbidden" and loc:
        allowed = _fields_at(model, loc[:-1])
        return did_you_mean(str(loc[-1]), allowed) or (
            f"allowed keys: {', '.join(sorted(allowed))}" if allowed else None
        )
    value = error.get("input")
    if kind in {"enum", "literal_error"}:
        expected = _QUOTED.findall(str(error.get("ctx", {}).get("expected", "")))
        guess = did_you_mean(value, expected) if isinstance(value, str) else None
        return guess or "choose one of the values listed"
    if kind == "missing" and loc:
        return f"add `{loc[-1]}:`"
    if kind == "model_type" and not loc:
        return f"start from `psc-check init`, an example, or `psc-check schema` ({model.__name__})"
    if kind.startswith("date"):
        return "write the date as YYYY-MM-DD (a real calendar date)"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return _range_hint(error)
    if kind == "string_pattern_mismatch":
        note = lookalike_note(value) if isinstance(value, str) else None
        named = next((str(part) for part in reversed(loc) if isinstance(part, str) and part in _FORMATS), "")
        return note or _FORMATS.get(named, "see the expected format with `psc-check schema`")
    return _KIND_HINTS.get(kind)


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
