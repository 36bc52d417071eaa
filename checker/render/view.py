"""A prepared view of a report for templates: grouped, sorted and counted (templates hold no logic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from checker.i18n import Translator
from checker.report import GAP_OUTCOMES, OUTCOME_RANK, Finding, Outcome, Report

__all__ = ["ReportView", "gap_priority", "make_view"]

_FAR = dt.date(9999, 12, 31)


def gap_priority(finding: Finding) -> tuple[Any, ...]:
    """Mandatory first, then the nearest deadline, then theme, then the worst outcome, then id."""
    return (
        finding.obligation != "mandatory",
        finding.deadline or _FAR,
        finding.theme,
        OUTCOME_RANK[finding.outcome],
        finding.requirement_id,
    )


@dataclass(frozen=True)
class ReportView:
    report: Report
    t: Translator
    gaps: list[Finding]
    met: list[Finding]
    outcome_rows: list[tuple[str, str, int]]
    verdict: str


def make_view(report: Report) -> ReportView:
    t = Translator(report.lang)
    gaps = sorted((f for f in report.findings if f.outcome in GAP_OUTCOMES), key=gap_priority)
    met = [f for f in report.findings if f.outcome not in GAP_OUTCOMES]
    rows = [(o.value, t(f"outcome.{o.value}"), report.summary.outcomes.get(o.value, 0)) for o in Outcome]
    verdict = t("label.verdict_ready") if report.summary.ready else t("label.verdict_not_ready")
    return ReportView(report=report, t=t, gaps=gaps, met=met, outcome_rows=rows, verdict=verdict)
