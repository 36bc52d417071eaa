"""The console summary: verdict, counts, the mandatory gaps and the problems, in plain text."""

from __future__ import annotations

from checker.inputs.textsafe import one_line as o
from checker.inputs.textsafe import strip_control, terminal_text
from checker.model.report import Assurance, Outcome, Report
from checker.render.view import ReportView, make_view

__all__ = ["render_console"]

_MAX_GAPS = 25
_MARKS = {"verified": "✓", "contradicted": "✗", "not_checkable": "?"}


def _checks(view: ReportView) -> list[str]:
    """The automated evidence checks: one line each, the reasons only for what is not verified."""
    if not view.checks:
        return []
    lines = ["", view.t("label.evidence_checks") + ":"]
    for row in view.checks:
        why = f" — {o(strip_control(row.reasons))}" if row.status != "verified" else ""
        lines.append(f"  {_MARKS[row.status]} {row.requirement_id} {o(row.path)} {row.check}: {row.status_label}{why}")
    return lines


def _met(view: ReportView) -> list[str]:
    """The compliant findings by the assurance level they rest on, weakest first (one line per level)."""
    t = view.t
    lines = []
    for level in Assurance:
        ids = [f.requirement_id for f in view.met if f.outcome is Outcome.COMPLIANT and f.assurance is level]
        if ids:
            lines.append(f"  {t('assurance.' + level.value)} ({len(ids)}): {', '.join(ids)}")
    return ["", t("label.compliant_assurance") + ":", *lines] if lines else []


def render_console(report: Report) -> bytes:
    view = make_view(report)
    t, r = view.t, report
    s = r.summary
    lines = [
        f"{t('label.report_title')} — {o(r.declaration.subject)} ({o(r.declaration.organisation)})",
        (
            f"{t('label.actors')}: {o(', '.join(r.declaration.actors))} · {t('label.level')}: {r.declaration.level}"
            f" · {t('label.as_of')}: {r.as_of.isoformat()} · {t('label.referential')}: {r.referential.id} {r.referential.version}"
        ),
        "",
        (
            f"{t('label.verdict')}: {view.verdict} — {t('label.score')} {s.score} % — {t('label.applicable')}: {s.applicable}"
            f" — {t('label.mandatory_gaps')}: {s.mandatory_gaps}"
        ),
        "  " + " · ".join(f"{label}: {count}" for _, label, count in view.outcome_rows if count),
        f"  {t('label.assurance')}: {view.assurance}",
    ]
    if r.audit is not None:
        a = r.audit
        lines.append(
            f"{t('label.audit')}: "
            + t(
                "label.audit_line",
                auditor=o(a.auditor),
                date=a.date.isoformat(),
                verdicts=a.verdicts,
                not_assessed=a.not_assessed,
                disagreements=a.disagreements,
            )
        )
        lines += [
            f"  ≠ {f.requirement_id} — {t('label.declared_status')}: {t('status.' + (f.declared_status or 'none'))}"
            f" · {t('label.auditor_verdict')}: {t('status.' + (f.auditor_verdict or 'none'))}"
            for f in view.disagreements
        ]
    if view.gaps:
        lines += ["", t("label.gaps") + ":"]
        for f in view.gaps[:_MAX_GAPS]:
            first = t.text(f.reasons[-1].message) if f.reasons else ""
            level = f" — {t('assurance.' + f.assurance.value)}" if f.declared_status else ""
            lines.append(
                f"  [{t('outcome.' + f.outcome.value)}] {f.requirement_id} ({t('obligation.' + f.obligation)}) {o(f.title)}"
                f"{level} — {o(first)}"
            )
        if len(view.gaps) > _MAX_GAPS:
            lines.append(f"  … +{len(view.gaps) - _MAX_GAPS}")
    if r.problems:
        lines += ["", t("label.problems") + ":"]
        lines += [f"  {t('severity.' + p.severity)}: {o(str(p.location))}: {o(t.text(p.message))}" for p in r.problems]
    lines += _checks(view)
    lines += _met(view)
    if r.baseline is not None:
        lines += ["", t("label.regressions") + ":"] if r.regressions else ["", t("label.no_regressions")]
        lines += [f"  {o(t.text(reg.message))}" for reg in r.regressions]
    if r.waivers:
        lines += ["", t("label.waivers") + ":"]
        for w, line in zip(r.waivers, view.waivers, strict=True):
            lines.append(f"  {o(line)}")
            lines.append(f"    {o(w.justification)}")
            if w.compensating_measure:
                lines.append(f"    {t('label.waiver_measure')}: {o(w.compensating_measure)}")
    if r.lapses:
        lines += ["", t("label.lapses", days=90) + ":"]
        lines += [f"  {lp.date.isoformat()} (J+{lp.days}) {o(t.text(lp.what))}" for lp in r.lapses]
    return terminal_text("\n".join(lines) + "\n").encode("utf-8")
