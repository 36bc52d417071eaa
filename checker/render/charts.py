"""Geometry of the HTML report's inline SVG charts (the template only draws what is computed here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.i18n import Translator
from checker.model.report import Outcome, Report
from checker.render.palette import OUTCOME_COLOURS

__all__ = ["BarChart", "StackChart", "outcome_chart", "theme_chart"]

_ROW = 24
_BAR = 16
_TOP = 8
_BAR_SPACE = 300


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: float
    width: float
    colour: str


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per outcome."""

    title: str
    width: int
    height: int
    label_width: int
    bars: list[Bar]


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    label: str
    count: int


@dataclass(frozen=True)
class StackRow:
    label: str
    y: float
    total: int
    end: float
    segments: list[Segment]


@dataclass(frozen=True)
class LegendItem:
    x: float
    colour: str
    label: str


@dataclass(frozen=True)
class StackChart:
    """One stacked bar per theme, a segment per outcome, and a legend under the bars."""

    title: str
    width: int
    height: int
    label_width: int
    legend_y: float
    rows: list[StackRow]
    legend: list[LegendItem]


def _colour(outcome: Outcome) -> str:
    return "#" + OUTCOME_COLOURS[outcome.value][0]


def outcome_chart(report: Report, t: Translator) -> BarChart:
    """Applicable requirements by outcome."""
    counts = report.summary.outcomes
    top = max([1, *counts.values()])
    shown = [o for o in Outcome if o is not Outcome.WAIVED or counts.get(o.value, 0)]  # no waiver: no waived bar
    bars = [
        Bar(
            label=t(f"outcome.{o.value}"),
            count=counts.get(o.value, 0),
            y=_TOP + i * _ROW,
            width=round(_BAR_SPACE * counts.get(o.value, 0) / top, 1),
            colour=_colour(o),
        )
        for i, o in enumerate(shown)
    ]
    label_width = 130
    return BarChart(
        title=t("label.chart_outcomes"),
        width=label_width + _BAR_SPACE + 50,
        height=_TOP * 2 + len(bars) * _ROW,
        label_width=label_width,
        bars=bars,
    )


def _segments(counts: Counter[Outcome], scale: float, t: Translator) -> list[Segment]:
    out: list[Segment] = []
    x = 0.0
    for outcome in Outcome:
        count = counts[outcome]
        if count:
            width = round(scale * count, 1)
            out.append(
                Segment(
                    x=round(x, 1),
                    width=width,
                    colour=_colour(outcome),
                    label=t(f"outcome.{outcome.value}"),
                    count=count,
                )
            )
            x += width
    return out


def theme_chart(report: Report, t: Translator) -> StackChart:
    """Outcomes by theme: a stacked bar per theme, in the report's theme order."""
    label_width = 250
    by_theme = {th.theme: Counter[Outcome]() for th in report.summary.by_theme}
    for finding in report.findings:
        by_theme.setdefault(finding.theme, Counter())[finding.outcome] += 1
    top = max([1, *(sum(c.values()) for c in by_theme.values())])
    scale = _BAR_SPACE / top
    rows = []
    for index, theme in enumerate(report.summary.by_theme):
        counts = by_theme[theme.theme]
        segments = _segments(counts, scale, t)
        end = segments[-1].x + segments[-1].width if segments else 0.0
        label = report.labels.themes.get(theme.theme, theme.label)
        rows.append(StackRow(label, _TOP + index * _ROW, sum(counts.values()), round(end, 1), segments))
    legend_y = _TOP + len(rows) * _ROW + 10
    waived = report.summary.waived
    outcomes = [o for o in Outcome if o is not Outcome.WAIVED or waived]  # no waiver: no « waived » in the legend
    legend = [LegendItem(x=i * 115, colour=_colour(o), label=t(f"outcome.{o.value}")) for i, o in enumerate(outcomes)]
    return StackChart(
        title=t("label.chart_themes"),
        width=max(label_width + _BAR_SPACE + 50, 6 * 115),
        height=int(legend_y + 24),
        label_width=label_width,
        legend_y=legend_y,
        rows=rows,
        legend=legend,
    )
