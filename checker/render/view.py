"""A prepared view of a report for templates: grouped, sorted and counted (templates hold no logic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from checker.i18n import Translator
from checker.model.report import GAP_OUTCOMES, OUTCOME_RANK, Assurance, Finding, Outcome, Report

__all__ = ["CheckRow", "ReportView", "assurance_summary", "assurance_words", "check_rows", "gap_priority", "make_view"]

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
class CheckRow:
    """One automated check on one evidence file of one finding, ready to print."""

    requirement_id: str
    path: str
    check: str
    status: str
    status_label: str
    reasons: str


def check_rows(report: Report, t: Translator) -> list[CheckRow]:
    """Every automated check result of the report, by requirement, evidence path and check."""
    rows = [
        CheckRow(f.requirement_id, e.path, c.check, c.status, t(f"check.{c.status}"), " ; ".join(c.texts(t.lang)))
        for f in report.findings
        for e in f.evidence
        for c in e.checks
    ]
    return sorted(rows, key=lambda row: (row.requirement_id, row.path, row.check))


@dataclass(frozen=True)
class ReportView:
    report: Report
    t: Translator
    gaps: list[Finding]
    met: list[Finding]
    outcome_rows: list[tuple[str, str, int]]
    verdict: str
    disagreements: list[Finding] = field(default_factory=list)
    """Findings where the auditor's verdict differs from the declared status, by id."""
    checks: list[CheckRow] = field(default_factory=list)
    """Automated evidence checks (verified, contradicted, not checkable), by requirement."""
    assurance: str = ""
    """What the compliant findings rest on, in words (see :func:`assurance_summary`)."""


def assurance_words(counts: dict[str, int], compliant: int, t: Translator) -> str:
    """ "31 conformes, dont 9 vérifiées automatiquement, 18 présentes" from the counts by level (zeros left out)."""
    parts = [
        t(f"assurance_n.{level.value}", count=counts.get(level.value, 0))
        for level in reversed(Assurance)
        if counts.get(level.value, 0)
    ]
    if not compliant:
        return t("label.assurance_none")
    return t("label.assurance_summary", compliant=compliant, detail=", ".join(parts))


def assurance_summary(report: Report, t: Translator) -> str:
    """ "31 conformes, dont 9 vérifiées automatiquement, 4 typées, 18 présentes": strongest first, zero counts left out.

    With ``--require-assurance``, the level required follows.
    """
    compliant = report.summary.outcomes.get(Outcome.COMPLIANT.value, 0)
    line = assurance_words(report.summary.assurance, compliant, t)
    required = report.summary.required_assurance
    if required is not None:
        line += " — " + t("label.assurance_required", level=t(f"assurance.{required.value}"))
    return line


def make_view(report: Report) -> ReportView:
    t = Translator(report.lang)
    gaps = sorted((f for f in report.findings if f.outcome in GAP_OUTCOMES), key=gap_priority)
    met = [f for f in report.findings if f.outcome not in GAP_OUTCOMES]
    rows = [(o.value, t(f"outcome.{o.value}"), report.summary.outcomes.get(o.value, 0)) for o in Outcome]
    verdict = t("label.verdict_ready") if report.summary.ready else t("label.verdict_not_ready")
    disagreements = [f for f in report.findings if f.disagreement]
    return ReportView(
        report=report,
        t=t,
        gaps=gaps,
        met=met,
        outcome_rows=rows,
        verdict=verdict,
        disagreements=disagreements,
        checks=check_rows(report, t),
        assurance=assurance_summary(report, t),
    )
