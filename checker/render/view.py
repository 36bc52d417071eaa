"""A prepared view of a report for templates: grouped, sorted and counted (templates hold no logic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from checker.i18n import Translator
from checker.model.report import GAP_OUTCOMES, OUTCOME_RANK, Assurance, Finding, Outcome, Report, WaiverStatus

__all__ = [
    "CheckRow",
    "ReportView",
    "assurance_summary",
    "assurance_words",
    "audit_words",
    "check_rows",
    "expected_evidence",
    "gap_priority",
    "make_view",
    "policy_line",
    "policy_overrides",
    "quote_lines",
    "source_lines",
    "waiver_line",
]

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


def policy_line(finding: Finding, t: Translator) -> str | None:
    """The psc-check policy behind the finding's freshness thresholds, labelled as psc-check's, not the ANS's."""
    note = finding.policy
    if note is None:
        return None
    values = []
    if note.max_age_days is not None:
        values.append(t("label.policy_max_age", days=note.max_age_days))
    if note.min_remaining_days is not None:
        values.append(t("label.policy_min_remaining", days=note.min_remaining_days))
    line = t("label.policy_line", policy=note.key, values=", ".join(values), rationale=note.rationale)
    return f"{line} ({t('label.policy_overridden')})" if note.overridden else line


def policy_overrides(report: Report, t: Translator) -> list[str]:
    """Each policy value the policy file replaced: key, setting, the referential's value → the file's."""
    if report.policy is None:
        return []
    return [
        t("label.policy_override", policy=o.key, setting=o.setting, before=o.before, after=o.after)
        for o in report.policy.overrides
    ] or [t("label.policy_no_override")]


def waiver_line(waiver: WaiverStatus, t: Translator) -> str:
    """``FIT-02 — en vigueur — ANS-…, accordée par … le …, expire le …``: one waiver, on one line."""
    return t(
        "label.waiver_line",
        requirement=waiver.requirement_id,
        state=t(f"waiver.{waiver.state}"),
        reference=waiver.reference,
        granted_by=waiver.granted_by,
        granted=waiver.granted.isoformat(),
        expires=waiver.expires.isoformat(),
    )


def expected_evidence(finding: Finding, t: Translator) -> str | None:
    """``certificat, configuration — Le certificat…``: the expected kinds by their labels, then what to produce."""
    if not finding.expected_kinds:
        return finding.evidence_expected  # a report read back from JSON: its words as written
    kinds = ", ".join(t.label("kind", k) for k in finding.expected_kinds)
    return f"{kinds} — {finding.expected_description}" if finding.expected_description else kinds


def source_lines(finding: Finding) -> list[str]:
    """``[key] title — where`` for each locator of the finding's requirement."""
    return [
        f"[{loc.source}] {loc.title} — {loc.at}" if loc.title else f"[{loc.source}] {loc.at}"
        for loc in finding.locators
    ]


def quote_lines(finding: Finding, t: Translator) -> list[str]:
    """``[key] « quote »`` for each quote of the finding's requirement."""
    return [f"[{q.source}] {t('label.quoted', text=q.text)}" for q in finding.quotes]


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
    policy: dict[str, str] = field(default_factory=dict)
    """Requirement id → its psc-check policy line (only for requirements whose thresholds are policy)."""
    sources: dict[str, list[str]] = field(default_factory=dict)
    """Requirement id → its source locators, then → its quotes (``quotes``), ready to print."""
    quotes: dict[str, list[str]] = field(default_factory=dict)
    overrides: list[str] = field(default_factory=list)
    """The policy file's replacements (empty without ``--policy``)."""
    waivers: list[str] = field(default_factory=list)
    """Each waiver of the report on one line (requirement, state, reference, who, dates)."""
    assurance: str = ""
    """What the compliant findings rest on, in words (see :func:`assurance_summary`)."""
    expected: dict[str, str] = field(default_factory=dict)
    """Requirement id → the evidence expected, kinds by their labels (see :func:`expected_evidence`)."""
    actors: str = ""
    """The declared actors by their labels (``Éditeur de logiciel utilisateur (ELU)``)."""
    level: str = ""
    """The declared level by its label."""
    parcours: str = ""
    """The declared parcours by its label (``—`` without one)."""
    edition: str = ""
    """The referential edition's status, in words."""
    audit: str = ""
    """The audit applied, on one line (see :func:`audit_words`)."""
    themes: dict[str, str] = field(default_factory=dict)
    """Theme id → its label in the report's language (the label the report holds when it has no other)."""


def assurance_words(counts: dict[str, int], compliant: int, t: Translator) -> str:
    """ "31 conformes, dont 9 vérifiées automatiquement, 18 présentes" from the counts by level (zeros left out)."""
    parts = [
        t(f"assurance_n.{level.value}", count=counts.get(level.value, 0))
        for level in reversed(Assurance)
        if counts.get(level.value, 0)
    ]
    if not compliant:
        return t("label.assurance_none")
    return t("label.assurance_summary", count=compliant, detail=", ".join(parts))


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


def audit_words(report: Report, t: Translator) -> str:
    """``Dr Audit, 2026-11-20 — 5 verdicts appliqués, 1 « non évalué » sans effet, 1 désaccord`` (empty: no audit)."""
    a = report.audit
    if a is None:
        return ""
    return t(
        "label.audit_summary",
        auditor=a.auditor,
        date=a.date.isoformat(),
        verdicts=t("count.verdicts_applied", count=a.verdicts),
        not_assessed=t("count.not_assessed", count=a.not_assessed),
        disagreements=t("count.disagreements", count=a.disagreements),
    )


def _themes(report: Report) -> dict[str, str]:
    held = {th.theme: th.label for th in report.summary.by_theme} | {f.theme: f.theme_label for f in report.findings}
    return {theme: report.labels.themes.get(theme, label) for theme, label in held.items()}


def make_view(report: Report) -> ReportView:
    t = Translator(report.lang)
    gaps = sorted((f for f in report.findings if f.outcome in GAP_OUTCOMES), key=gap_priority)
    met = [f for f in report.findings if f.outcome not in GAP_OUTCOMES]
    rows = [
        (o.value, t(f"outcome.{o.value}"), report.summary.outcomes.get(o.value, 0))
        for o in Outcome
        if o is not Outcome.WAIVED or report.summary.waived  # without waivers, no « waived » row
    ]
    verdict = t.text(report.summary.verdict())
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
        policy={f.requirement_id: line for f in report.findings if (line := policy_line(f, t))},
        sources={f.requirement_id: source_lines(f) for f in report.findings},
        quotes={f.requirement_id: quote_lines(f, t) for f in report.findings},
        overrides=policy_overrides(report, t),
        waivers=[waiver_line(w, t) for w in report.waivers],
        assurance=assurance_summary(report, t),
        expected={f.requirement_id: e for f in report.findings if (e := expected_evidence(f, t))},
        actors=", ".join(report.labels.actor(a) for a in report.declaration.actors),
        level=report.labels.level(report.declaration.level),
        parcours=report.labels.path(report.declaration.parcours),
        edition=t.label("edition", report.referential.edition_status.replace("-", "_")),
        audit=audit_words(report, t),
        themes=_themes(report),
    )
