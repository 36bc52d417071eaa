"""Portfolio renderers: JSON, Markdown and HTML (xlsx: :mod:`checker.portfolio.workbook`)."""

from __future__ import annotations

from checker.inputs.jsondump import sorted_json
from checker.inputs.textsafe import json_text, terminal_text
from checker.model.portfolio import PortfolioReport
from checker.portfolio.view import make_portfolio_view
from checker.render.markdown import md_cell
from checker.render.templating import render_template

__all__ = ["SYMBOLS", "render_portfolio_html", "render_portfolio_json", "render_portfolio_md"]

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
