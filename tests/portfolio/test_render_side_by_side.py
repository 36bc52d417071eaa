"""A large portfolio's outputs render side by side in forked processes, to exactly the bytes of a serial rendering."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from checker.portfolio import render
from checker.portfolio.run import PortfolioRequest, run_portfolio
from checker.render.registry import PORTFOLIO, Format
from tests.conftest import ROOT


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: rendered serially")
def test_side_by_side_gives_the_serial_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    report = run_portfolio(PortfolioRequest(inputs=(ROOT / "examples",), as_of=dt.date(2026, 11, 28), workers=1))
    monkeypatch.setattr(render, "_SIDE_BY_SIDE_FROM", 2)  # the six examples count as a large portfolio
    pools: list[int] = []

    class Watched(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(render, "ProcessPoolExecutor", Watched)
    formats = [Format.JSON, Format.XLSX, Format.HTML, Format.MD]
    assert render.render_outputs(report, formats) == [PORTFOLIO.render(report, fmt) for fmt in formats]
    assert pools == [2], "rendered in two other processes"
    assert render._SHARED == [], "the report is not kept once rendered"
