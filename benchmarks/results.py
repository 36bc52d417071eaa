"""The benchmark results as values, and their Markdown rendering (``benchmarks/RESULTS.md``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["Figure", "Results", "Section", "Target", "render"]


@dataclass(frozen=True)
class Figure:
    """One measured line: what, median time, peak memory, and a free note (ratio, CPU use, exit code…)."""

    what: str
    seconds: float | None = None
    memory_mb: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Target:
    """A target of the issue, the value measured against it, and why it is met or missed."""

    name: str
    limit: str
    measured: str
    met: bool
    why: str


@dataclass
class Section:
    title: str
    how: str
    figures: list[Figure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Results:
    machine: list[tuple[str, str]]
    started: dt.datetime
    seconds: float
    load_before: str
    load_after: str
    method: list[str]
    sections: list[Section]
    mode: str = "full"
    """``full`` or ``--quick`` (smaller sizes, fewer pairs)."""


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _mb(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} MB"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _section(section: Section) -> list[str]:
    lines = [f"## {section.title}", "", section.how, ""]
    if section.figures:
        lines += ["| measured | median CPU time | peak memory | note |", "|---|---:|---:|---|"]
        lines += [
            f"| {_cell(f.what)} | {_ms(f.seconds)} | {_mb(f.memory_mb)} | {_cell(f.note)} |" for f in section.figures
        ]
        lines.append("")
    for target in section.targets:
        verdict = "**met**" if target.met else "**missed**"
        lines.append(f"- Target — {target.name}: {target.limit}; measured {target.measured}: {verdict}. {target.why}")
    if section.targets:
        lines.append("")
    lines += [f"- {note}" for note in section.notes]
    if section.notes:
        lines.append("")
    return lines


def render(results: Results) -> str:
    """RESULTS.md: machine and versions, method, then each section's figures, ratios and targets."""
    targets = [t for s in results.sections for t in s.targets]
    met = sum(1 for t in targets if t.met)
    lines = [
        "# psc-check benchmarks",
        "",
        (
            f"Written by `python benchmarks/run.py{' --quick' if results.mode != 'full' else ''}` on "
            f"{results.started:%Y-%m-%d %H:%M} (run took {results.seconds:.0f} s). Ratios of CPU time, command "
            f"against floor, in pairs until they settle; trust ratios more than absolute figures on a shared "
            f"machine. Targets: {met} of {len(targets)} met."
        ),
        "",
        "| target | limit | measured | verdict |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {_cell(t.name)} | {_cell(t.limit)} | {_cell(t.measured)} | {'met' if t.met else '**missed**'} |"
        for t in targets
    ]
    lines += ["", "## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {_cell(k)} | {_cell(v)} |" for k, v in results.machine]
    lines += [f"| load average before (1/5/15 min) | {results.load_before} |"]
    lines += [f"| load average after | {results.load_after} |", "", "## Method", ""]
    lines += [f"- {m}" for m in results.method]
    lines.append("")
    for section in results.sections:
        lines += _section(section)
    return "\n".join(lines).rstrip() + "\n"
