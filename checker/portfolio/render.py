"""Portfolio renderers: JSON, Markdown and HTML (xlsx: :mod:`checker.portfolio.workbook`)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from checker.inputs.jsondump import sorted_json
from checker.inputs.textsafe import json_text, terminal_text
from checker.model.portfolio import PortfolioReport
from checker.portfolio.view import make_portfolio_view
from checker.render.markdown import md_cell
from checker.render.templating import render_template

if TYPE_CHECKING:
    from checker.render.registry import Format

__all__ = ["SYMBOLS", "render_outputs", "render_portfolio_html", "render_portfolio_json", "render_portfolio_md"]

SYMBOLS = {
    "compliant": "✔",
    "partial": "◐",
    "non_compliant": "✘",
    "not_applicable": "–",
    "unanswered": "?",
    "unsupported": "!",
    "waived": "≈",
}


def render_portfolio_json(report: PortfolioReport) -> bytes:
    return json_text(sorted_json(report.model_dump(mode="json")) + "\n").encode("utf-8")


def render_portfolio_md(report: PortfolioReport) -> bytes:
    view = make_portfolio_view(report)
    text = render_template("portfolio.md.j2", r=report, v=view, t=view.t, md=md_cell, symbols=SYMBOLS)
    return terminal_text(text).encode("utf-8")  # read with `cat` too: no terminal control reaches it


def render_portfolio_html(report: PortfolioReport) -> bytes:
    view = make_portfolio_view(report)
    return render_template("portfolio.html.j2", r=report, v=view, t=view.t, symbols=SYMBOLS).encode("utf-8")


_SIDE_BY_SIDE_FROM = 200
"""Rows from which several outputs are rendered side by side (below, starting processes costs more than it saves)."""
_COST = {"xlsx": 0, "html": 1, "md": 2, "json": 3}
"""Costliest first, so that the longest rendering starts first and the others fill the other cores."""
_SHARED: list[PortfolioReport] = []
"""The report the forked rendering processes inherit (never pickled to them)."""


def _render_shared(fmt: Format) -> bytes:
    from checker.render.registry import PORTFOLIO

    return PORTFOLIO.render(_SHARED[0], fmt)


def render_outputs(report: PortfolioReport, formats: Sequence[Format]) -> list[bytes]:
    """Each format's bytes, in order. Several outputs of a large portfolio render side by side, in processes forked
    from this one (they inherit the report, and send back only bytes); the bytes are those a serial rendering gives."""
    from checker.render.registry import PORTFOLIO

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    forking = "fork" in multiprocessing.get_all_start_methods()
    if len(formats) < 2 or len(report.rows) < _SIDE_BY_SIDE_FROM or cores < 2 or not forking or _SHARED:
        each = PORTFOLIO.render_each(report, formats)
        return [each[fmt] for fmt in formats]
    order = sorted(range(len(formats)), key=lambda i: _COST.get(str(formats[i].value), 9))
    _SHARED.append(report)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(cores, len(formats)), mp_context=context) as pool:
            rendered = list(pool.map(_render_shared, [formats[i] for i in order]))
    finally:
        _SHARED.clear()
    out: list[bytes] = [b""] * len(formats)
    for i, data in zip(order, rendered, strict=True):
        out[i] = data
    return out
