"""Portfolio renderers: JSON, Markdown and HTML (xlsx through the matrix writer), chosen by the output suffix."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from checker.errors import UsageError
from checker.inputs.textsafe import json_text, terminal_text
from checker.model.portfolio import PortfolioReport
from checker.portfolio.view import make_portfolio_view
from checker.render.markdown import md_cell
from checker.render.templating import render_template

__all__ = ["PORTFOLIO_SUFFIXES", "render_portfolio"]

SYMBOLS = {
    "compliant": "✔",
    "partial": "◐",
    "non_compliant": "✘",
    "not_applicable": "–",
    "unanswered": "?",
    "unsupported": "!",
}


def _json(report: PortfolioReport) -> bytes:
    return json_text(
        json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    ).encode("utf-8")


def _md(report: PortfolioReport) -> bytes:
    view = make_portfolio_view(report)
    text = render_template("portfolio.md.j2", r=report, t=view.t, md=md_cell, symbols=SYMBOLS)
    return terminal_text(text).encode("utf-8")  # read with `cat` too: no terminal control reaches it


def _html(report: PortfolioReport) -> bytes:
    view = make_portfolio_view(report)
    return render_template("portfolio.html.j2", r=report, v=view, t=view.t, symbols=SYMBOLS).encode("utf-8")


def _xlsx(report: PortfolioReport) -> bytes:
    from checker.portfolio.workbook import render_portfolio_xlsx

    return render_portfolio_xlsx(report)


PORTFOLIO_SUFFIXES: dict[str, Callable[[PortfolioReport], bytes]] = {
    ".json": _json,
    ".md": _md,
    ".html": _html,
    ".xlsx": _xlsx,
}


def render_portfolio(report: PortfolioReport, path: Path) -> bytes:
    """The portfolio in the format ``path``'s suffix asks for."""
    render = PORTFOLIO_SUFFIXES.get(path.suffix.lower())
    if render is None:
        raise UsageError(f"{path}: unknown output suffix `{path.suffix}` — use one of {', '.join(PORTFOLIO_SUFFIXES)}")
    return render(report)
