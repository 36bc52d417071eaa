"""The horizon rule every lapse follows: from the evaluation date to the horizon, both days included."""

import datetime as dt

from checker.evaluation.lapses import lapse_within
from checker.model.message import msg

AS_OF = dt.date(2026, 3, 1)
WHAT = msg("lapse.waiver", requirement="PSC-1", reference="D-1")


def test_a_day_within_the_horizon_is_a_lapse_with_its_days_left() -> None:
    lapse = lapse_within("waiver", dt.date(2026, 3, 31), AS_OF, 90, WHAT)
    assert lapse is not None
    assert (lapse.kind, lapse.date, lapse.days, lapse.what) == ("waiver", dt.date(2026, 3, 31), 30, WHAT)


def test_both_ends_of_the_horizon_are_included() -> None:
    today = lapse_within("evidence", AS_OF, AS_OF, 90, WHAT)
    last = lapse_within("evidence", AS_OF + dt.timedelta(days=90), AS_OF, 90, WHAT)
    assert today is not None and today.days == 0
    assert last is not None and last.days == 90


def test_a_day_past_or_beyond_the_horizon_is_no_lapse() -> None:
    assert lapse_within("habilitation", AS_OF - dt.timedelta(days=1), AS_OF, 90, WHAT) is None
    assert lapse_within("habilitation", AS_OF + dt.timedelta(days=91), AS_OF, 90, WHAT) is None
