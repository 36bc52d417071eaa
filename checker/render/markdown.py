"""The Markdown gap report, for the consultant and the vendor's management."""

from __future__ import annotations

from checker.inputs.textsafe import terminal_text
from checker.model.report import Report
from checker.render.templating import render_template
from checker.render.view import make_view

__all__ = ["md_cell", "render_markdown"]


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell or list item: pipes, newlines, HTML, links and images neutralised.

    ``[`` and ``]`` are escaped so that no ``[text](url)`` or ``![x](url)`` from a vendor becomes a link, or a remote
    image fetched (a tracking beacon) when the report is previewed.
    """
    text = "" if value is None else str(value)
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("[", "\\[").replace("]", "\\]")
    return " ".join(text.split())


def render_markdown(report: Report) -> bytes:
    view = make_view(report)
    text = render_template("report.md.j2", v=view, r=report, t=view.t, md=md_cell)
    return terminal_text(text).encode("utf-8")  # read with `cat` too: no terminal control reaches it
