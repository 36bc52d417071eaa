"""One error hierarchy, and the exit codes it maps to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

__all__ = [
    "ExitCode",
    "InputError",
    "Location",
    "PscCheckError",
    "UsageError",
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
    """A bad input file or value: one or more messages, each with a location and a fix."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, messages: list[str] | str) -> None:
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("\n".join(self.messages))

    @classmethod
    def at(cls, location: Location | str, message: str, hint: str | None = None) -> InputError:
        """Build a single-message error: ``location: message (hint)``."""
        text = f"{location}: {message}"
        if hint:
            text += f" — {hint}"
        return cls(text)


class UsageError(InputError):
    """A bad command-line value."""
