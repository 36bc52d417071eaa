"""Waivers (dérogations): a time-limited exception granted on one requirement, by the ANS or an audit team."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from checker.inputs import limits
from checker.inputs.validation import model_error
from checker.model.base import Day, Frozen

__all__ = ["MAX_WAIVERS", "MAX_WAIVER_YEARS", "Waiver", "WaiverFile", "latest_expiry"]

MAX_WAIVER_YEARS = 3
"""A waiver lasts at most this many years after it was granted: a longer one is a permanent gap, not an exception."""
MAX_WAIVERS = 1000

_Short = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_SHORT_TEXT_CHARS)]
_Long = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_TEXT_CHARS)]


def latest_expiry(granted: dt.date) -> dt.date:
    """The last day a waiver granted on ``granted`` may run to (29 February falls back to 28 February)."""
    try:
        return granted.replace(year=granted.year + MAX_WAIVER_YEARS)
    except ValueError:
        return granted.replace(year=granted.year + MAX_WAIVER_YEARS, day=28)


class Waiver(Frozen):
    """An exception on one requirement: while in force, a gap on it is ``waived`` and does not block readiness."""

    requirement: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    """The id of the requirement the exception covers (``psc-check referentiel list``)."""
    justification: _Long
    """Why the gap is accepted for a time (a transition period, a constraint of the product…)."""
    granted_by: _Short
    """Who granted it: the ANS, the audit team, the CISO…"""
    reference: _Short
    """The letter, ticket or minutes that record the decision."""
    granted: Day
    """The day the exception was granted; it is not in force before."""
    expires: Day
    """The last day it is in force; at most three years after ``granted``."""
    compensating_measure: _Long | None = None
    """The measure that reduces the risk meanwhile, when one was required."""

    @model_validator(mode="after")
    def _bounded(self) -> Self:
        if self.expires < self.granted:
            raise model_error(
                "error.waiver_expires_before", expires=self.expires.isoformat(), granted=self.granted.isoformat()
            )
        last = latest_expiry(self.granted)
        if self.expires > last:
            raise model_error(
                "error.waiver_too_long",
                expires=self.expires.isoformat(),
                years=MAX_WAIVER_YEARS,
                granted=self.granted.isoformat(),
                last=last.isoformat(),
            )
        return self


class WaiverFile(Frozen):
    """Waivers kept apart from the declaration (``--waivers FILE``), typically by the audit team."""

    schema_version: Literal["1"] = "1"
    waivers: Annotated[list[Waiver], Field(min_length=1, max_length=MAX_WAIVERS)]
