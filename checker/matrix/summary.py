"""The ``Synthèse`` sheet of the evidence matrix: verdict, score, counts, two charts and the dates that matter."""

from __future__ import annotations

from typing import Any

from checker.i18n import Translator
from checker.matrix.cells import FONT, CellStyle, append_row, cell, cell_style, print_setup
from checker.matrix.labels import actors_label
from checker.model.report import Outcome, Report
from checker.render.palette import ACCENT, OUTCOME_COLOURS
from checker.render.view import assurance_summary, audit_words

__all__ = ["summary_sheet"]

_WIDTHS = {"A": 34, "B": 15, "C": 15, "D": 15, "E": 15, "F": 15, "G": 15}
_PERCENT = "0.0 %"


class _Writer:
    """Writes the summary top to bottom, row after row (the sheet may be write-only), keeping the current row."""

    def __init__(self, ws: Any, t: Translator) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws, self.t, self.row = ws, t, 0
        self.bold = cell_style(ws, font=Font(name=FONT, bold=True, size=10))
        self.body = cell_style(ws, font=Font(name=FONT, size=10))
        self.section = cell_style(ws, font=Font(name=FONT, bold=True, size=12, color=ACCENT))
        self.head = cell_style(
            ws,
            font=Font(name=FONT, bold=True, color="FFFFFF", size=10),
            fill=PatternFill("solid", fgColor=ACCENT),
            alignment=Alignment(wrap_text=True, vertical="center"),
        )
        self.percent = cell_style(ws, font=Font(name=FONT, size=10), number_format=_PERCENT)

    def emit(self, cells: list[Any], height: float | None = None) -> int:
        self.row += 1
        append_row(self.ws, self.row, cells, height)
        return self.row

    def line(self, *values: Any, bold: bool = False, styles: dict[int, CellStyle] | None = None) -> int:
        """One row of values: the first column bold; ``styles`` sets a column's style (1-based)."""
        chosen = styles or {}
        return self.emit(
            [
                cell(self.ws, value, chosen.get(col) or (self.bold if bold or col == 1 else self.body))
                for col, value in enumerate(values, start=1)
            ]
        )

    def blank(self) -> None:
        self.emit([])

    def heading(self, text: str) -> None:
        self.blank()
        self.emit([cell(self.ws, text, self.section)])

    def header(self, *labels: str) -> int:
        return self.emit([cell(self.ws, label, self.head) for label in labels], height=27)


def _facts(w: _Writer, report: Report) -> None:
    from openpyxl.styles import Font, PatternFill

    t, d, s = w.t, report.declaration, report.summary
    subject = f"{d.subject} {d.subject_version}" if d.subject_version else d.subject
    w.line(t("label.organisation"), d.organisation)
    w.line("SIREN", d.siren or "—")
    w.line(t("label.subject"), subject)
    w.line(t("label.actors"), actors_label(report.labels, d.actors))
    w.line(t("label.level"), report.labels.level(d.level))
    w.line(t("label.parcours"), report.labels.path(d.parcours))
    w.line(t("label.as_of"), report.as_of)
    w.line(t("label.referential"), f"{report.referential.title} {report.referential.version}")
    strong, light = OUTCOME_COLOURS["compliant" if s.ready else "non_compliant"]
    verdict = cell_style(w.ws, font=Font(name=FONT, bold=True, color=strong), fill=PatternFill("solid", fgColor=light))
    w.line(t("label.verdict"), t.text(s.verdict()), styles={2: verdict})
    w.line(t("label.score"), s.score / 100, styles={2: w.percent})
    w.line(t("label.applicable"), s.applicable)
    w.line(t("label.mandatory_gaps"), s.mandatory_gaps)
    w.line(t("label.assurance"), assurance_summary(report, t))
    w.line(t("label.errors"), s.errors)
    w.line(t("label.warnings"), s.warnings)
    if report.audit is not None:
        w.line(t("label.audit"), audit_words(report, t))


def _shown(report: Report) -> list[Outcome]:
    """The outcomes the summary lists: « waived » only when a waiver covers a gap."""
    return [o for o in Outcome if o is not Outcome.WAIVED or report.summary.waived]


def _outcomes(w: _Writer, report: Report) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.marker import DataPoint

    t = w.t
    outcomes = _shown(report)
    w.heading(t("label.by_outcome"))
    top = w.header(t("label.outcome"), t("label.count"))
    for outcome in outcomes:
        w.line(t(f"outcome.{outcome.value}"), report.summary.outcomes.get(outcome.value, 0))
    chart = BarChart()
    chart.type, chart.style, chart.legend = "bar", 10, None
    chart.title = t("label.chart_outcomes")
    chart.x_axis.scaling.orientation = "maxMin"
    chart.add_data(Reference(w.ws, min_col=2, min_row=top, max_row=top + len(outcomes)), titles_from_data=True)
    chart.set_categories(Reference(w.ws, min_col=1, min_row=top + 1, max_row=top + len(outcomes)))
    for index, outcome in enumerate(outcomes):
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = OUTCOME_COLOURS[outcome.value][0]
        chart.series[0].dPt.append(point)
    chart.width, chart.height = 16, 7.5
    w.ws.add_chart(chart, "I2")


def _obligations(w: _Writer, report: Report) -> None:
    t = w.t
    outcomes = _shown(report)
    w.heading(t("label.by_obligation"))
    w.header(t("label.obligation"), *(t(f"outcome.{o.value}") for o in outcomes))
    for obligation, counts in report.summary.by_obligation.items():
        w.line(t(f"obligation.{obligation}"), *(counts.get(o.value, 0) for o in outcomes))


def _themes(w: _Writer, report: Report) -> None:
    from openpyxl.chart import BarChart, Reference

    t = w.t
    w.heading(t("label.by_theme"))
    top = w.header(
        t("label.theme"), t("label.applicable"), t("label.compliant_count"), t("label.gap_count"), t("label.score")
    )
    for theme in report.summary.by_theme:
        w.line(theme.label, theme.applicable, theme.compliant, theme.gaps, theme.score / 100, styles={5: w.percent})
    count = len(report.summary.by_theme)
    if not count:
        return
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap, chart.gapWidth, chart.style = "bar", "stacked", 100, 40, 10
    chart.title = t("label.chart_themes")
    chart.x_axis.scaling.orientation = "maxMin"
    chart.add_data(Reference(w.ws, min_col=3, max_col=4, min_row=top, max_row=top + count), titles_from_data=True)
    chart.set_categories(Reference(w.ws, min_col=1, min_row=top + 1, max_row=top + count))
    for series, outcome in zip(chart.series, ("compliant", "non_compliant"), strict=True):
        series.graphicalProperties.solidFill = OUTCOME_COLOURS[outcome][0]
    chart.width, chart.height = 16, max(7.5, 2.0 + 0.7 * count)
    w.ws.add_chart(chart, "I19")


def _disagreements(w: _Writer, report: Report) -> None:
    t = w.t
    w.heading(t("label.disagreements"))
    found = [f for f in report.findings if f.disagreement]
    if not found:
        w.line(t("label.no_disagreements"))
        return
    w.header(t("label.requirement"), t("label.declared_status"), t("label.auditor_verdict"), t("label.auditor_comment"))
    for f in found:
        declared = t(f"status.{f.declared_status or 'none'}")
        w.line(f.requirement_id, declared, t(f"status.{f.auditor_verdict}"), f.auditor_comment)


def _dates(w: _Writer, report: Report) -> None:
    t = w.t
    w.heading(t("label.key_dates"))
    w.line(t("label.as_of"), report.as_of)
    w.heading(t("label.lapses", days=90))
    if not report.lapses:
        w.line(t("label.no_lapses"))
    else:
        w.header(t("label.date"), "", t("label.what"))
        for lapse in report.lapses:
            w.line(lapse.date, t("label.days_left", days=lapse.days), t.text(lapse.what))
    w.heading(t("label.deadlines"))
    if not report.deadlines:
        w.line(t("label.no_deadlines"))
    else:
        w.header(t("label.date"), t("label.what"), t("label.requirement"))
        for item in report.deadlines:
            w.line(item.date, t(f"deadline.{item.kind}"), f"{item.requirement_id} — {item.title}")


def summary_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """Verdict, score, counts by outcome, obligation and theme, two charts, the dates that matter."""
    from openpyxl.styles import Font

    for column, width in _WIDTHS.items():  # before the first row: a write-only sheet writes them with it
        ws.column_dimensions[column].width = width
    print_setup(ws, title=title, page=t("label.page"), one_page=True)
    w = _Writer(ws, t)
    w.emit([cell(ws, t("label.matrix_title"), cell_style(ws, font=Font(name=FONT, bold=True, size=16, color=ACCENT)))])
    subtitle = f"{report.declaration.subject} — {report.declaration.organisation}"
    w.emit([cell(ws, subtitle, cell_style(ws, font=Font(name=FONT, italic=True, size=11)))])
    w.blank()
    _facts(w, report)
    _outcomes(w, report)
    _obligations(w, report)
    _themes(w, report)
    if report.audit is not None:
        _disagreements(w, report)
    _dates(w, report)
