"""Shared pydantic base and constrained types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from checker.inputs.dates import FIRST_DAY, LAST_DAY

__all__ = ["Day", "Frozen", "Identifier", "Text"]


class Frozen(BaseModel):
    """Strict, immutable model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_.\- ]{0,63}$")]
"""An id: ASCII letter first, then ASCII letters, digits, `_ . -` or spaces (official PGSSI-S ids have one)."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
"""Free text: non-empty, bounded."""

Day = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]
"""A calendar date between 1900 and 2100: anything else in a psc-check file is a typo."""
