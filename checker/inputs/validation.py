"""Validate plain YAML data against a model; translate pydantic errors to ``file:line:column`` messages."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from checker.errors import InputError, Message, located, msg
from checker.i18n.aliases import INPUT_ALIASES
from checker.inputs.dates import FIRST_DAY, LAST_DAY
from checker.inputs.suggest import did_you_mean, lookalike_note
from checker.inputs.textsafe import shown
from checker.inputs.yamlload import YamlDocument

__all__ = ["MODEL_ERROR", "error_message", "model_error", "translate", "validate_document"]

M = TypeVar("M", bound=BaseModel)
_QUOTED = re.compile(r"'([^']*)'")
_MAX_MESSAGES = 20


def validate_document(doc: YamlDocument, model: type[M], *, context: dict[str, Any] | None = None) -> M:
    """Build ``model`` from ``doc.data`` or raise :class:`InputError` naming file, line, field and fix."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise InputError(translate(exc, doc, model)) from None


MODEL_ERROR = "psc_check"
"""The pydantic error type of a model's own validators: ``PydanticCustomError(MODEL_ERROR, "{key}", {"key": ...})``
carries a catalogue key (and its parameters) instead of English words."""


def model_error(key: str, **params: str | int) -> PydanticCustomError:
    """A validator's refusal as a catalogue message (see :data:`MODEL_ERROR`)."""
    return PydanticCustomError(MODEL_ERROR, "{key}", {"key": key, **params})


def translate(exc: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Message]:
    """One message per pydantic error, most useful first, bounded in number."""
    messages: list[Message] = []
    for error in exc.errors(include_url=False)[:_MAX_MESSAGES]:
        loc = [part for part in error["loc"] if not (isinstance(part, str) and "[" in part)]
        field = ".".join(shown(str(part)) for part in loc)
        kind = error["type"]
        hint = _hint(kind, error, loc, model)
        is_key = kind == "extra_forbidden"
        where = doc.location(loc, key=is_key) if kind != "missing" else doc.location(loc[:-1])
        problem = _message(kind, error)
        if field:
            problem = msg("validation.field", field=field, problem=problem)
        messages.append(located(where, problem, hint))
    hidden = exc.error_count() - len(messages)
    if hidden > 0:
        messages.append(located(doc.name, msg("validation.more", count=hidden)))
    return messages


def _shown_input(error: Any) -> str:
    value = error.get("input")
    text = value if isinstance(value, str) else repr(value) if isinstance(value, int | float | bool) else ""
    return shown(text[:80])


_KIND_MESSAGES = {
    "dict_type": "validation.expected_mapping",
    "model_type": "validation.expected_mapping",
    "model_attributes_type": "validation.expected_mapping",
    "list_type": "validation.expected_list",
    "tuple_type": "validation.expected_list",
    "set_type": "validation.expected_list",
    "string_type": "validation.expected_text",
    "bool_parsing": "validation.expected_bool",
    "bool_type": "validation.expected_bool",
    "int_parsing": "validation.expected_int",
    "int_type": "validation.expected_int",
    "int_from_float": "validation.expected_int",
    "float_parsing": "validation.expected_number",
    "float_type": "validation.expected_number",
    "decimal_parsing": "validation.expected_number",
    "url_parsing": "validation.expected_url",
    "url_type": "validation.expected_url",
    "url_scheme": "validation.url_scheme",
    "none_required": "validation.expected_nothing",
    "string_not_ascii": "validation.not_ascii",
    "string_unicode": "validation.expected_text",
    "frozen_instance": "validation.frozen",
    "union_tag_invalid": "validation.union_tag",
    "union_tag_not_found": "validation.union_tag",
}
"""Pydantic error types whose message takes no parameter (the others are built in :func:`_message`)."""

_LIMITS = {
    "string_too_short": ("validation.text_too_short", "min_length"),
    "string_too_long": ("validation.text_too_long", "max_length"),
    "too_short": ("validation.too_few", "min_length"),
    "too_long": ("validation.too_many", "max_length"),
    "greater_than_equal": ("validation.at_least", "ge"),
    "greater_than": ("validation.greater_than", "gt"),
    "less_than_equal": ("validation.at_most", "le"),
    "less_than": ("validation.less_than", "lt"),
}
"""Pydantic error types bounded by a limit: the message and the limit's name in the error's context."""


def error_message(error: Any) -> Message:
    """What one pydantic error (an item of ``ValidationError.errors()``) says, as a catalogue message."""
    return _message(error["type"], error)


def _message(kind: str, error: Any) -> Message:
    ctx = error.get("ctx") or {}
    if kind == MODEL_ERROR:
        return msg(str(ctx["key"]), **{k: v for k, v in ctx.items() if k != "key" and isinstance(v, str | int)})
    if kind == "extra_forbidden":
        return msg("validation.unknown_key")
    if kind == "missing":
        return msg("validation.missing")
    if kind == "model_type" and error["loc"] == ():
        return msg("validation.top_level")
    if kind.startswith(("date", "datetime")):
        if isinstance(error.get("input"), str):
            return msg("validation.not_a_date", value=_shown_input(error))
        return msg("validation.expected_date")
    if kind in {"enum", "literal_error"}:
        expected = ", ".join(_QUOTED.findall(str(ctx.get("expected", ""))))
        return msg("validation.not_allowed", value=_shown_input(error), expected=expected)
    if kind == "string_pattern_mismatch":
        return msg("validation.pattern", value=_shown_input(error))
    if kind in _LIMITS:
        key, limit = _LIMITS[kind]
        return msg(key, limit=str(ctx.get(limit, "?")))
    if kind in _KIND_MESSAGES:
        return msg(_KIND_MESSAGES[kind])
    return msg("validation.refused", kind=kind)


_KIND_HINTS = {
    "dict_type": "hint.expected_mapping",
    "model_type": "hint.expected_mapping",
    "list_type": "hint.expected_list",
    "string_type": "hint.expected_text",
    "bool_parsing": "hint.true_or_false",
    "bool_type": "hint.true_or_false",
    "int_parsing": "hint.whole_number",
    "int_type": "hint.whole_number",
    "string_too_short": "hint.fill_or_remove",
    "string_too_long": "hint.shorten_text",
    "too_long": "hint.too_many_entries",
    "too_short": "hint.add_an_entry",
}


_FORMATS = {
    "country": "format.country",
    "sha256": "format.sha256",
    "declaration_sha256": "format.sha256",
    "actors": "format.actors",
    "actor": "format.actor",
    "level": "format.level",
    "id": "format.id",
    "psc_client_id": "format.psc_client_id",
}


def _range_hint(error: Any) -> Message:
    ctx = error.get("ctx", {})
    limit = str(ctx.get("ge", ctx.get("le", "")))
    if limit in (FIRST_DAY.isoformat(), LAST_DAY.isoformat()):
        return msg("hint.date_between", first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())
    return msg("hint.correct_value")


def _hint(kind: str, error: Any, loc: list[str | int], model: type[BaseModel]) -> Message | None:
    if kind == "extra_forbidden" and loc:
        allowed = _fields_at(model, loc[:-1])
        return did_you_mean(str(loc[-1]), allowed) or (
            msg("hint.allowed_keys", keys=", ".join(sorted(allowed))) if allowed else None
        )
    value = error.get("input")
    if kind in {"enum", "literal_error"}:
        expected = _QUOTED.findall(str(error.get("ctx", {}).get("expected", "")))
        guess = did_you_mean(value, expected + _aliases(expected), lookalikes=False) if isinstance(value, str) else None
        return guess or msg("hint.choose_listed")
    if kind == "missing" and loc:
        return msg("hint.add_key", name=str(loc[-1]))
    if kind == "model_type" and not loc:
        return msg("hint.start_from_init", model=model.__name__)
    if kind.startswith("date"):
        return msg("hint.date_format")
    if kind in {"greater_than_equal", "less_than_equal"}:
        return _range_hint(error)
    if kind == "string_pattern_mismatch":
        note = lookalike_note(value) if isinstance(value, str) else None
        named = next((str(part) for part in reversed(loc) if isinstance(part, str) and part in _FORMATS), "")
        return note or (msg(_FORMATS[named]) if named else msg("hint.see_schema_format"))
    key = _KIND_HINTS.get(kind)
    return msg(key) if key else None


def _aliases(expected: list[str]) -> list[str]:
    """The French words accepted for ``expected`` values (``partiel`` for ``partial``), to suggest them too."""
    return [alias for alias, code in INPUT_ALIASES.items() if code in expected]


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
