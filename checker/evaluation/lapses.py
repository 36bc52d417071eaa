"""Lapses: what stops being valid soon after the evaluation date (evidence, habilitations, waivers)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from checker.model.message import Message
from checker.model.report import Lapse

__all__ = ["lapse_within"]


def lapse_within(
    kind: Literal["evidence", "habilitation", "waiver"],
    day: dt.date,
    as_of: dt.date,
    horizon_days: int,
    what: Message,
) -> Lapse | None:
    """The lapse on ``day`` when it falls from ``as_of`` to ``horizon_days`` later (both included), else None."""
    days = (day - as_of).days
    return Lapse(kind=kind, date=day, days=days, what=what) if 0 <= days <= horizon_days else None
