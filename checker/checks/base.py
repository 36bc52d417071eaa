"""The shape every automated check shares: its context, its declaration (id, kind, rule), its conclusion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from checker.model.message import Message, Param
from checker.model.referential import Environment, EvidenceKind
from checker.model.report import CheckResult

__all__ = [
    "Check",
    "CheckContext",
    "Conclusion",
    "KindChecks",
    "NotCheckable",
    "Rule",
    "env_label",
    "not_checkable",
    "say",
    "verdict",
]

Status = Literal["verified", "contradicted", "not_checkable"]
E = TypeVar("E")


class NotCheckable(Exception):  # noqa: N818 - a verdict on the evidence, not an error of psc-check
    """The evidence cannot be read as its kind (truncated, too large, malformed); ``reason`` says why."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.key)
        self.reason = reason


@dataclass(frozen=True)
class CheckContext:
    """What a check may compare the evidence with; every field but the date is optional."""

    as_of: dt.date
    environment: Environment | None = None
    """The PSC environment the evidence claims to come from (the item's, else the declaration's)."""
    level: str | None = None
    """The declaration's level (``communaute`` or ``espace_de_confiance``)."""
    level_term: Message | None = None
    """The level as a term (``checker.model.message.term``): its label for people, its id for machines."""
    client_id: str | None = None
    """The client_id declared for PSC in that environment."""
    min_remaining_days: int | None = None
    """The requirement's freshness rule on validity left, when it binds this evidence."""
    declared_expires: dt.date | None = None
    """The expiry date the declaration states for the item."""
    hosts: tuple[str, ...] = ()
    """The host names the declaration gives for the service (``subject.hosts``), for a TLS scan's host."""
    jwks: bytes | None = field(default=None, repr=False)
    """The raw JWKS document to verify a token signature with, when one is given."""


def say(name: str, /, **params: Param) -> Message:
    """The check message ``check.<name>`` with its parameters (translated when shown)."""
    return Message(key=f"check.{name}", params=params)


def env_label(environment: Environment) -> Message:
    """The environment's name (translated when shown)."""
    return Message(key=f"env.{environment.value}")


@dataclass(frozen=True)
class Conclusion:
    """What a check's rule concludes: a status and its reasons (the check adds its id)."""

    status: Status
    reasons: list[Message]
    unordered: bool = False
    """The reasons form a set, shown in alphabetical order of their text (see ``CheckResult.unordered``)."""


def verdict(problems: Sequence[Message], facts: Sequence[Message], *, unordered: bool = False) -> Conclusion:
    """``contradicted`` with the problems when there are any, else ``verified`` with what was seen.

    ``unordered``: the problems are a set (each one kept once), shown in the alphabetical order of their text.
    """
    if problems:
        kept = list(dict.fromkeys(problems)) if unordered else list(problems)
        return Conclusion("contradicted", kept, unordered=unordered)
    return Conclusion("verified", list(facts))


def not_checkable(*reasons: Message) -> Conclusion:
    """The check could not conclude (wrong or unreadable evidence, missing context)."""
    return Conclusion("not_checkable", list(reasons))


Rule = Callable[[E, CheckContext], Conclusion]
"""What a check does: the parsed evidence of its kind and the context in, a conclusion out."""


@dataclass(frozen=True)
class Check(Generic[E]):
    """One automated check: its id (written once, where it is declared), the evidence kind it reads, its rule."""

    id: str
    kind: EvidenceKind
    rule: Rule[E] = field(repr=False)

    def __call__(self, data: E, ctx: CheckContext) -> CheckResult:
        found = self.rule(data, ctx)
        return CheckResult(check=self.id, status=found.status, reasons=found.reasons, unordered=found.unordered)

    def not_checkable(self, reason: Message) -> CheckResult:
        """This check's result when the evidence could not be given to it."""
        return CheckResult(check=self.id, status="not_checkable", reasons=[reason])


@dataclass
class KindChecks(Generic[E]):
    """Everything psc-check verifies on one evidence kind: how a file is read, then each check, in order."""

    kind: EvidenceKind
    max_bytes: int
    """No file of this kind is read beyond this size."""
    load: Callable[[bytes], E]
    """The parsed evidence, or :class:`NotCheckable` saying why the bytes are not of this kind."""
    checks: list[Check[E]] = field(default_factory=list)
    """In the order they were declared, which is the order they run and are reported in."""

    def check(self, check_id: str) -> Callable[[Rule[E]], Check[E]]:
        """Declare the decorated rule as the check ``check_id`` of this kind."""

        def declare(rule: Rule[E]) -> Check[E]:
            if any(c.id == check_id for c in self.checks):
                raise ValueError(f"check {check_id} declared twice")
            made = Check(check_id, self.kind, rule)
            self.checks.append(made)
            return made

        return declare
