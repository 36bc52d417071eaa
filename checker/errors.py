"""One error hierarchy, and the exit codes it maps to.

Errors hold catalogue messages (``Message``, built with ``msg``, re-exported here for the layers below the model):
the command line puts them into words in the run's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.model.message import Message, msg
else:

    def __getattr__(name: str) -> Any:
        """``Message`` and ``msg``, imported on first use: ``--help`` and ``--version`` never load pydantic."""
        if name in {"Message", "msg"}:
            from checker.model import message

            return getattr(message, name)
        raise AttributeError(name)


__all__ = [
    "ExitCode",
    "InputError",
    "Location",
    "Message",
    "PscCheckError",
    "UsageError",
    "located",
    "msg",
]


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    NOT_READY = 1
    BAD_INPUT = 2
    INTERNAL = 3


@dataclass(frozen=True, slots=True)
class Location:
    """Where in an input file a problem sits (1-based line and column)."""

    path: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.path}:{self.sheet}!{self.cell}" if self.cell else f"{self.path}:{self.sheet}"
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


class PscCheckError(Exception):
    """Base of every error psc-check reports to the user (never a traceback)."""

    exit_code = ExitCode.INTERNAL


class InputError(PscCheckError):
    """A bad input file or value: one or more messages, each with a location and a fix.

    The messages are catalogue keys and parameters (:class:`~checker.model.message.Message`), put into words once,
    in the run's language, by the command line (:meth:`lines`).
    """

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, messages: Message | Iterable[Message]) -> None:
        from checker.model.message import Message

        self.messages: list[Message] = [messages] if isinstance(messages, Message) else list(messages)
        super().__init__(*self.messages)

    def lines(self, lang: str | None = None) -> list[str]:
        """The messages in ``lang`` (by default the run's language)."""
        from checker.i18n import Translator
        from checker.i18n.lang import current_lang

        words = Translator(lang or current_lang()).text
        return [line for message in self.messages for line in words(message).splitlines()]

    def __str__(self) -> str:
        return "\n".join(self.lines())

    @classmethod
    def at(cls, location: Location | str, message: Message, hint: Message | None = None) -> InputError:
        """Build a single-message error: ``location: message — hint``."""
        return cls(located(location, message, hint))


class UsageError(InputError):
    """A bad command-line value."""


def located(location: Location | str, message: Message, hint: Message | None = None) -> Message:
    """``location: message — hint`` as one message: the location (``file:line:column``, ``file:Sheet!Cell``) is the
    same in every language, the colon after it follows the language (``f.yaml:3:4 : …`` in French)."""
    from checker.model.message import msg

    where = str(location)
    if hint is None:
        return msg("error.at", where=where, problem=message)
    return msg("error.at_hint", where=where, problem=message, hint=hint)
