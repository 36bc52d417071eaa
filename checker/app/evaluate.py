"""``evaluate``: load → check → evaluate → render, every ``-o`` output written atomically, the exit code chosen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.app.write import write_atomic
from checker.declaration.files import declaration_inputs
from checker.declaration.load import LoadedDeclaration, load_declaration
from checker.errors import ExitCode
from checker.evaluation.evaluate import EvaluationOptions, evaluate
from checker.evaluation.regression import compare_with_baseline, load_baseline
from checker.model.report import Assurance, Report
from checker.referential.load import LoadedReferential
from checker.referential.policy import load_with_policy
from checker.render.registry import REPORT, Format, require_formats

if TYPE_CHECKING:
    from checker.evaluation.audit import LoadedAudit
    from checker.evaluation.waivers import LoadedWaivers

__all__ = [
    "FAIL_ON",
    "REQUIRE_ASSURANCE",
    "EvaluateRequest",
    "evaluate_file",
    "exit_code",
    "run_evaluate",
]


@dataclass(frozen=True)
class EvaluateRequest:
    """What ``psc-check evaluate`` was asked to do."""

    declaration: Path
    as_of: dt.date
    referential: Path | None = None
    """Another edition of the referential (YAML file); the bundled one when None."""
    outputs: tuple[Path, ...] = ()
    """``-o`` files, each in the format its suffix asks for."""
    lang: str = "fr"
    allow_outside_evidence: bool = False
    baseline: Path | None = None
    """The JSON report of an earlier submission: regressions against it are reported."""
    fail_on: str | None = None
    """`gaps` (exit 1 when not ready), `regression` (also on any regression), `never`; default `regression` with a baseline."""
    audit: Path | None = None
    """An audit file (from ``import-matrix``) whose verdicts decide the outcomes they cover."""
    stdout_format: Format = Format.CONSOLE
    """The format written to standard output (``--format``)."""
    policy: Path | None = None
    """A policy file (``--policy``) whose values replace psc-check policy values of the referential."""
    waivers: Path | None = None
    """A waivers file (``--waivers``, kept by the audit team), applied with the declaration's own ``waivers:``."""
    require_assurance: Assurance | None = None
    """``--require-assurance``: a mandatory finding below this level is a gap (see :class:`EvaluationOptions`)."""
    quiet: bool = False
    """``--quiet``: standard output holds the verdict line alone (the ``-o`` files hold the report)."""
    colour: bool = False
    """ANSI colour on the console summary (standard output is a terminal and ``NO_COLOR`` is not set)."""


def _load_audit(path: Path, ref: LoadedReferential, decl: LoadedDeclaration) -> LoadedAudit:
    from checker.evaluation.audit import load_audit  # the audit models load only when an audit is given

    return load_audit(path, ref, decl)


def _load_waivers(path: Path) -> LoadedWaivers:
    from checker.evaluation.waivers import load_waivers  # the waiver models load only when a file is given

    return load_waivers(path)


def evaluate_file(request: EvaluateRequest) -> tuple[LoadedReferential, LoadedDeclaration, Report]:
    ref = load_with_policy(request.referential, request.policy)
    decl = load_declaration(request.declaration, ref)
    options = EvaluationOptions(
        as_of=request.as_of,
        lang=request.lang,
        allow_outside_evidence=request.allow_outside_evidence,
        audit=_load_audit(request.audit, ref, decl) if request.audit is not None else None,
        waivers=_load_waivers(request.waivers) if request.waivers is not None else None,
        require_assurance=request.require_assurance,
    )
    return ref, decl, evaluate(ref, decl, options)


def run_evaluate(request: EvaluateRequest) -> tuple[bytes, int]:
    """Evaluate, write every ``-o`` output atomically, return (stdout bytes, exit code)."""
    formats = [(path, REPORT.format_for_path(path)) for path in request.outputs]
    require_formats(fmt for _, fmt in formats)
    ref, decl, report = evaluate_file(request)
    inputs = [*declaration_inputs(decl), ref.path, *([request.audit] if request.audit else [])]
    inputs += [request.policy] if request.policy else []
    inputs += [request.waivers] if request.waivers else []
    if request.baseline is not None:
        baseline, digest = load_baseline(request.baseline)
        report = compare_with_baseline(report, baseline, request.baseline.as_posix(), digest)
        inputs.append(request.baseline)
    rendered = REPORT.render_each(report, (fmt for _, fmt in formats))
    for path, fmt in formats:
        write_atomic(path, rendered[fmt], inputs=inputs)
    return _stdout(report, request), exit_code(
        report, request.fail_on or ("regression" if request.baseline else "gaps")
    )


def _stdout(report: Report, request: EvaluateRequest) -> bytes:
    """What standard output shows: the verdict line alone with ``--quiet``, else the ``--format`` rendering."""
    if request.quiet or (request.colour and request.stdout_format is Format.CONSOLE):
        from checker.render.console import quiet_console, render_console

        return (quiet_console if request.quiet else render_console)(report, colour=request.colour)
    return REPORT.render(report, request.stdout_format)


FAIL_ON = ("gaps", "regression", "waivers", "never")
REQUIRE_ASSURANCE = tuple(a.value for a in Assurance if a not in (Assurance.DECLARED, Assurance.AUDITOR_CONFIRMED))
"""The levels ``--require-assurance`` accepts: present, typed, machine_verified."""


def exit_code(report: Report, fail_on: str) -> int:
    """0 or 1 according to ``--fail-on``: gaps (not ready), regression (not ready or any regression), waivers (not
    ready or any gap covered by a waiver), never."""
    if fail_on == "never":
        return int(ExitCode.OK)
    failed = (
        not report.summary.ready
        or (fail_on == "regression" and bool(report.regressions))
        or (fail_on == "waivers" and report.summary.waived > 0)
    )
    return int(ExitCode.NOT_READY if failed else ExitCode.OK)
