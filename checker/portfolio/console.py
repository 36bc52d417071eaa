"""The portfolio on the console: counts, one line per declaration, then every habilitation link not resolved."""

from __future__ import annotations

from checker.i18n import Translator
from checker.inputs.textsafe import one_line as o
from checker.inputs.textsafe import terminal_text
from checker.model.portfolio import PortfolioReport
from checker.render.console import Paint

__all__ = ["portfolio_console"]


def _head(report: PortfolioReport, t: Translator) -> str:
    ready = sum(1 for row in report.rows if row.ready)
    return t(
        "portfolio.done",
        evaluated=t("count.evaluated", count=len(report.rows)),
        ready=t("count.ready", count=ready),
        errors=t("count.in_error", count=len(report.errors)),
    )


def _rows(report: PortfolioReport, t: Translator, paint: Paint) -> list[str]:
    """``D1  PAS PRÊT  76,5 %  6 écarts obligatoires · 2 expirations sous 90 jours  chemin (ELU)``, aligned."""
    if not report.rows:
        return []
    verdicts = [t.text(row.verdict()) for row in report.rows]
    scores = [t.percent(row.score) for row in report.rows]
    vw, sw = max(map(len, verdicts)), max(map(len, scores))
    kw = max(len(row.key) for row in report.rows)
    lines = []
    for row, verdict, score in zip(report.rows, verdicts, scores, strict=True):
        facts = " · ".join(
            [t("count.mandatory_gaps", count=row.mandatory_gaps), t("count.lapses_90", count=row.lapses_90_days)]
        )
        shown = paint(verdict.ljust(vw), "ready" if row.ready else "not_ready")
        lines.append(
            f"  {row.key.ljust(kw)}  {shown}  {score.rjust(sw)}  {facts}  {o(row.path)} ({o(', '.join(row.actors))})"
        )
    return lines


def _links(report: PortfolioReport, t: Translator) -> list[str]:
    open_links = [link for link in report.links if link.status != "resolved"]
    if not open_links:
        return []
    lines = ["", t("portfolio.open_links", count=len(open_links)) + ":"]
    lines += [f"  {o(link.declaration)}: {o(link.message)}" for link in open_links]
    return lines


def portfolio_console(report: PortfolioReport, *, colour: bool = False, quiet: bool = False) -> bytes:
    """What ``portfolio`` prints: the counts alone with ``quiet``; else each declaration and each open link."""
    t = Translator(report.lang)
    paint = Paint(colour)
    lines = [_head(report, t)]
    if not quiet:
        lines += _rows(report, t, paint)
        lines += _links(report, t)
    return paint.finish(terminal_text("\n".join(lines) + "\n")).encode("utf-8")
