"""The console summary: verdict, counts, the mandatory gaps and the problems, in plain text (ANSI colour on request)."""

from __future__ import annotations

import secrets

from checker.i18n import Translator
from checker.inputs.textsafe import one_line as o
from checker.inputs.textsafe import strip_control, terminal_text
from checker.model.report import Assurance, Outcome, Report
from checker.render.view import ReportView, make_view

__all__ = ["MAX_GAPS", "Paint", "quiet_console", "render_console", "verdict_line"]

MAX_GAPS = 25
"""Gaps listed on the console; the rest are counted, with the way to see them all."""

_MARKS = {"verified": "✓", "contradicted": "✗", "not_checkable": "?"}
_ANSI = {
    "compliant": "32",
    "partial": "33",
    "non_compliant": "31",
    "not_applicable": "2",
    "unanswered": "36",
    "unsupported": "35",
    "waived": "36",
    "ready": "1;32",
    "not_ready": "1;31",
    "verified": "32",
    "contradicted": "31",
    "not_checkable": "33",
}
"""Outcome, verdict or check status → ANSI SGR code (the matrix's colours, as a terminal has them)."""


class Paint:
    """Marks text for colour when ``on`` (files, pipes and ``NO_COLOR`` get none).

    The marks are tokens no input can forge (a random nonce): the whole text is made safe for a terminal first
    (:func:`terminal_text`, which escapes any ESC a vendor wrote), then :meth:`finish` turns the marks into ANSI.
    """

    def __init__(self, on: bool) -> None:
        self.on = on
        self._nonce = secrets.token_hex(8)

    def __call__(self, text: str, what: str) -> str:
        return f"[{self._nonce}:{what}]{text}[{self._nonce}:end]" if self.on else text

    def finish(self, safe: str) -> str:
        """``safe`` (already through :func:`terminal_text`) with every mark turned into its ANSI sequence."""
        if not self.on:
            return safe
        for what, sgr in (*_ANSI.items(), ("end", "0")):
            safe = safe.replace(f"[{self._nonce}:{what}]", f"\x1b[{sgr}m")
        return safe


def verdict_line(report: Report, paint: Paint | None = None) -> str:
    """``Verdict: PAS PRÊT — Score 76,5 % — …``: the line ``--quiet`` prints (no newline)."""
    t = Translator(report.lang)
    s = report.summary
    verdict = t.text(s.verdict())
    if paint is not None:
        verdict = paint(verdict, "ready" if s.ready else "not_ready")
    return (
        f"{t('label.verdict')}: {verdict} — {t('label.score')} {t.percent(s.score)} — {t('label.applicable')}: "
        f"{s.applicable} — {t('label.mandatory_gaps')}: {s.mandatory_gaps}"
    )


def _checks(view: ReportView, paint: Paint) -> list[str]:
    """The automated evidence checks: one line each, the reasons only for what is not verified."""
    if not view.checks:
        return []
    lines = ["", view.t("label.evidence_checks") + ":"]
    for row in view.checks:
        why = f" — {o(strip_control(row.reasons))}" if row.status != "verified" else ""
        mark = paint(_MARKS[row.status], row.status)
        lines.append(f"  {mark} {row.requirement_id} {o(row.path)} {row.check}: {row.status_label}{why}")
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


def _gaps(view: ReportView, paint: Paint) -> list[str]:
    """The gaps by priority, the first :data:`MAX_GAPS`; then how many more and how to see them."""
    t = view.t
    if not view.gaps:
        return []
    lines = ["", t("label.gaps") + ":"]
    for f in view.gaps[:MAX_GAPS]:
        first = t.text(f.reasons[-1].message) if f.reasons else ""
        level = f" — {t('assurance.' + f.assurance.value)}" if f.declared_status else ""
        tag = paint(f"[{t('outcome.' + f.outcome.value)}]", f.outcome.value)
        lines.append(f"  {tag} {f.requirement_id} ({t('obligation.' + f.obligation)}) {o(f.title)}{level} — {o(first)}")
    rest = len(view.gaps) - MAX_GAPS
    if rest > 0:
        lines.append("  " + t("count.gaps_more", count=rest, hint=t("count.gaps_hint")))
    return lines


def _audit(view: ReportView) -> list[str]:
    r, t = view.report, view.t
    if r.audit is None:
        return []
    lines = [f"{t('label.audit')}: {o(view.audit)}"]
    lines += [
        f"  ≠ {f.requirement_id} — {t('label.declared_status')}: {t('status.' + (f.declared_status or 'none'))}"
        f" · {t('label.auditor_verdict')}: {t('status.' + (f.auditor_verdict or 'none'))}"
        for f in view.disagreements
    ]
    return lines


def _tail(view: ReportView) -> list[str]:
    """Regressions, waivers and what lapses within 90 days."""
    r, t = view.report, view.t
    lines: list[str] = []
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
    return lines


def render_console(report: Report, *, colour: bool = False) -> bytes:
    """The console summary; ``colour`` adds ANSI colours (the caller decides: a terminal, no ``NO_COLOR``)."""
    view = make_view(report)
    t, r = view.t, report
    paint = Paint(colour)
    lines = [
        f"{t('label.report_title')} — {o(r.declaration.subject)} ({o(r.declaration.organisation)})",
        (
            f"{t('label.actors')}: {o(view.actors)} · {t('label.level')}: {o(view.level)}"
            f" · {t('label.as_of')}: {r.as_of.isoformat()} · {t('label.referential')}: {r.referential.id} {r.referential.version}"
        ),
        "",
        verdict_line(report, paint),
        "  " + " · ".join(f"{paint(label, code)}: {count}" for code, label, count in view.outcome_rows if count),
        f"  {t('label.assurance')}: {view.assurance}",
    ]
    lines += _audit(view)
    lines += _gaps(view, paint)
    if r.problems:
        lines += ["", t("label.problems") + ":"]
        lines += [f"  {t('severity.' + p.severity)}: {o(str(p.location))}: {o(t.text(p.message))}" for p in r.problems]
    lines += _checks(view, paint)
    lines += _met(view)
    lines += _tail(view)
    return paint.finish(terminal_text("\n".join(lines) + "\n")).encode("utf-8")


def quiet_console(report: Report, *, colour: bool = False) -> bytes:
    """The verdict line alone (``--quiet``, when ``-o`` writes the full report)."""
    paint = Paint(colour)
    return paint.finish(terminal_text(verdict_line(report, paint) + "\n")).encode("utf-8")
