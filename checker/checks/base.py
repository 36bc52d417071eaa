"""The shape every automated check shares: its context, its result helpers, and the not-checkable signal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.i18n import message
from checker.model.referential import Environment
from checker.model.report import CheckResult

__all__ = [
    "CheckContext",
    "CheckFunction",
    "NotCheckable",
    "not_checkable",
    "verdict",
]


class NotCheckable(Exception):  # noqa: N818 - a verdict on the evidence, not an error of psc-check
    """The evidence cannot be read as its kind (truncated, too large, malformed); ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CheckContext:
    """What a check may compare the evidence with; every field but the date is optional."""

    as_of: dt.date
    lang: str = "fr"
    environment: Environment | None = None
    """The PSC environment the evidence claims to come from (the item's, else the declaration's)."""
    level: str | None = None
    """The declaration's level (``communaute`` or ``espace_de_confiance``)."""
    client_id: str | None = None
    """The client_id declared for PSC in that environment."""
    min_remaining_days: int | None = None
    """The requirement's freshness rule on validity left, when it binds this evidence."""
    declared_expires: dt.date | None = None
    """The expiry date the declaration states for the item."""
    jwks: bytes | None = field(default=None, repr=False)
    """The raw JWKS document to verify a token signature with, when one is given."""

    def say(self, name: str, /, **params: Any) -> str:
        """The check message ``check.<name>`` in the context's language."""
        return message(f"check.{name}", self.lang, **params)

    def env_label(self, environment: Environment) -> str:
        """The environment's name in the context's language."""
        return message(f"env.{environment.value}", self.lang)


CheckFunction = Callable[[Any, CheckContext], CheckResult]
"""A check: the parsed evidence of its kind and the context in, one result out."""


def verdict(check: str, problems: list[str], facts: list[str]) -> CheckResult:
    """``contradicted`` with the problems when there are any, else ``verified`` with what was seen."""
    if problems:
        return CheckResult(check=check, status="contradicted", reasons=problems)
    return CheckResult(check=check, status="verified", reasons=facts)


def not_checkable(check: str, *reasons: str) -> CheckResult:
    """The check could not conclude (wrong or unreadable evidence, missing context)."""
    return CheckResult(check=check, status="not_checkable", reasons=list(reasons))
