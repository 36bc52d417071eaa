"""``portfolio``: many declarations evaluated together, every ``-o`` output written atomically, one exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.app.write import error, write_atomic
from checker.errors import ExitCode
from checker.model.portfolio import PortfolioReport
from checker.portfolio import run
from checker.portfolio.console import portfolio_console
from checker.portfolio.render import render_outputs
from checker.render.registry import PORTFOLIO, require_formats

__all__ = ["PortfolioRequest", "PortfolioResult", "run_portfolio"]


@dataclass(frozen=True)
class PortfolioRequest(run.PortfolioRequest):
    """What ``psc-check portfolio`` was asked to evaluate, and where to write the result."""

    outputs: tuple[Path, ...] = ()
    """``-o`` files, each in the format its suffix asks for."""
    quiet: bool = False
    """``--quiet``: standard output holds the counts alone (the ``-o`` files hold the portfolio)."""
    colour: bool = False
    """ANSI colour on the verdicts (standard output is a terminal and ``NO_COLOR`` is not set)."""


@dataclass(frozen=True)
class PortfolioResult:
    report: PortfolioReport
    stdout: bytes
    """The summary for standard output: counts, one line per declaration, then every habilitation link not
    resolved (made safe for a terminal)."""

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
    return PortfolioResult(report, portfolio_console(report, colour=request.colour, quiet=request.quiet))
