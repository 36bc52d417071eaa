"""Dates given on the command line: ISO format, within the range every input accepts."""

from __future__ import annotations

import datetime as dt

from checker.errors import UsageError
from checker.inputs.textsafe import shown

__all__ = ["FIRST_DAY", "LAST_DAY", "parse_day"]

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def parse_day(value: str | None, option: str, today: dt.date | None = None) -> dt.date:
    """A ``YYYY-MM-DD`` option value (today when absent)."""
    from checker.errors import msg

    if value is None:
        return today or dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(msg("error.option_not_date", option=option, value=shown(value))) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(msg("error.option_date_range", option=option, value=shown(value)))
    return day
