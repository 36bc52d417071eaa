"""The HTML report: one self-contained, autoescaped page with inline CSS and SVG charts, no script."""

from __future__ import annotations

from checker.model.report import Report
from checker.render.charts import outcome_chart, theme_chart
from checker.render.palette import ACCENT, OUTCOME_COLOURS, STATUS_OUTCOME
from checker.render.templating import render_template
from checker.render.view import make_view

__all__ = ["render_html"]


def render_html(report: Report) -> bytes:
    view = make_view(report)
    text = render_template(
        "report.html.j2",
        v=view,
        r=report,
        t=view.t,
        outcomes_chart=outcome_chart(report, view.t),
        themes_chart=theme_chart(report, view.t),
        colours=OUTCOME_COLOURS,
        status_outcome=STATUS_OUTCOME,
        accent=ACCENT,
    )
    return text.encode("utf-8")
