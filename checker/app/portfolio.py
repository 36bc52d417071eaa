"""``portfolio``: many declarations evaluated together, every ``-o`` output written atomically, one exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.app.write import error, write_atomic
from checker.errors import ExitCode
from checker.i18n import message
from checker.model.portfolio import PortfolioReport
from checker.portfolio import run
from checker.portfolio.render import render_outputs
from checker.render.registry import PORTFOLIO, require_formats

__all__ = ["PortfolioRequest", "PortfolioResult", "run_portfolio"]


@dataclass(frozen=True)
class PortfolioRequest(run.PortfolioRequest):
    """What ``psc-check portfolio`` was asked to evaluate, and where to write the result."""

    outputs: tuple[Path, ...] = ()
    """``-o`` files, each in the format its suffix asks for."""


@dataclass(frozen=True)
class PortfolioResult:
    report: PortfolioReport
    lines: tuple[str, ...]
    """The summary for standard output: counts, then every habilitation link not resolved."""

    @property
    def exit_code(self) -> int:
        """0 when every declaration was evaluated and is ready, 1 otherwise."""
        rows = self.report.rows
        all_ready = all(row.ready for row in rows) and not self.report.errors
        return int(ExitCode.OK if all_ready else ExitCode.NOT_READY)


def run_portfolio(request: PortfolioRequest) -> PortfolioResult:
    """Evaluate, report each unreadable declaration on standard error, write the outputs, summarise."""
    formats = [(path, PORTFOLIO.format_for_path(path)) for path in request.outputs]
    require_formats(fmt for _, fmt in formats)
    report = run.run_portfolio(request)
    for unreadable in report.errors:  # now, not with the result: they matter even when a write below fails
        for line in unreadable.message.splitlines():
            error(line)
    inputs = [*request.inputs, *map(Path, report.input_files)]
    for (path, _), data in zip(formats, render_outputs(report, [fmt for _, fmt in formats]), strict=True):
        write_atomic(path, data, inputs=inputs)
    return PortfolioResult(report, _summary(report))


def _summary(report: PortfolioReport) -> tuple[str, ...]:
    ready = sum(1 for row in report.rows if row.ready)
    head = message("cli.portfolio_done", count=len(report.rows), ready=ready, errors=len(report.errors))
    return (head, *(f"  {link.declaration}: {link.message}" for link in report.links if link.status != "resolved"))
