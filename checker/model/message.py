"""Text for people, held as a catalogue key and its parameters until a renderer translates it."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, SerializationInfo, SerializerFunctionWrapHandler
from pydantic.functional_serializers import WrapSerializer
from pydantic.json_schema import WithJsonSchema

__all__ = [
    "TERM",
    "TRANSLATOR",
    "VERBATIM",
    "Message",
    "Param",
    "Text",
    "kind_terms",
    "msg",
    "read_words",
    "term",
    "terms",
]

VERBATIM = "text.verbatim"
"""Catalogue key of text that is already words (read back from a JSON report written earlier)."""

TERM = "text.term"
"""Catalogue key of a term: a code and its label; people read the label, machine formats the code
(``checker.i18n.Translator(codes=True)``)."""

TRANSLATOR = "translator"
"""Key of the serialisation context entry holding the translator that renders every :class:`Message`."""


class Message(BaseModel):
    """A catalogue key (``why.actor``) and its parameters: a number, a word, or another message."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    key: str
    params: dict[str, Param] = {}

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((name, _param_text(value)) for name, value in self.params.items()))))

    @classmethod
    def literal(cls, text: str) -> Message:
        """Text already written in one language (read back from a JSON report, say): shown as it is."""
        return cls(key=VERBATIM, params={"text": text})

    def sort_key(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """An order that does not depend on the language (key, then parameters in the order given)."""
        return self.key, tuple((name, _param_text(value)) for name, value in self.params.items())


Param = Union[str, int, Message, tuple[Message, ...]]  # noqa: UP007 (a forward reference: | cannot take a string)
"""A parameter: JSON-serialisable and deterministic (dicts keep the order they were built in); a tuple of messages
is shown as their texts joined by « ; », in order."""
Message.model_rebuild()


def _param_text(value: Param) -> str:
    if isinstance(value, tuple):
        return repr([m.sort_key() for m in value])
    return repr(value.sort_key()) if isinstance(value, Message) else str(value)


def msg(key: str, **params: Param) -> Message:
    """The message ``key`` with ``params``."""
    return Message(key=key, params=params)


def term(code: str, label: str | Message | None = None) -> Message:
    """A code (``communaute``) with its label (``Communauté PSC``, or a catalogue message such as ``kind.certificate``):
    the label for people, the code for machine formats."""
    return Message(key=TERM, params={"code": code, "label": code if label is None else label})


def terms(parts: list[Message]) -> Message:
    """Several terms (:func:`term`) read as one, joined by « , » (``communaute, espace_de_confiance``)."""
    code = ", ".join(str(part.params["code"]) for part in parts)
    return Message(key=TERM, params={"code": code, "label": tuple(parts)})


def kind_terms(kinds: list[str]) -> Message:
    """Evidence kinds (``certificate, configuration``) shown by their catalogue labels (``kind.certificate``…)."""
    return terms([term(k, msg(f"kind.{k}")) for k in kinds])


def read_words(value: Any) -> Any:
    """A plain string (a message already rendered, as in a JSON report read back) is kept as verbatim text."""
    return Message.literal(value) if isinstance(value, str) else value


def _render(value: Message, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
    """Rendered text when the serialisation context holds a translator; else the key and parameters."""
    context = info.context
    translator = context.get(TRANSLATOR) if isinstance(context, dict) else None
    if translator is not None:
        return translator.text(value)
    return handler(value)


Text = Annotated[
    Message,
    BeforeValidator(read_words),
    WrapSerializer(_render),
    WithJsonSchema({"type": "string"}, mode="serialization"),
]
"""A message field: dumped as text in a report (``context={"translator": ...}``), as key and parameters otherwise."""
