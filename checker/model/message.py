"""A message as a catalogue code and its parameters: translated only when shown, in the reader's language."""

from __future__ import annotations

from typing import TypeAlias

from pydantic import BaseModel, ConfigDict

__all__ = ["LITERAL", "Message", "Param"]

LITERAL = "literal"
"""The code of a text already written in one language (``params["text"]``), shown as it is."""


class Message(BaseModel):
    """A catalogue code and the values its text is filled with; a ``Message`` among them is translated first.

    Parameters are strings, integers or messages: JSON-serialisable, and the same on every run.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    params: dict[str, Param] = {}

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))

    @classmethod
    def literal(cls, text: str) -> Message:
        """Text already written in one language (read back from a JSON report, say): shown as it is."""
        return cls(code=LITERAL, params={"text": text})


Param: TypeAlias = str | int | Message
"""A value filling a message: text, a number, or a message translated in the same language."""

Message.model_rebuild()
