"""The pipeline behind the commands: load → check → evaluate → render, as plain functions."""

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
from checker.inputs.dates import parse_day
from checker.model.report import Report
from checker.referential.load import LoadedReferential
from checker.referential.policy import load_with_policy
from checker.render.registry import format_for_path, render

if TYPE_CHECKING:
    from checker.evaluation.audit import LoadedAudit

__all__ = [
    "VALIDATION_CODES",
    "EvaluateRequest",
    "parse_as_of",
    "run_evaluate",
    "validate_one",
]

VALIDATION_CODES = frozenset(
    {
        "answer_not_applicable",
        "na_without_justification",
        "gap_without_justification",
        "evidence_outside",
        "siren_missing",
        "nothing_applies",
    }
)
"""Problems that ``validate`` reports on a declaration (the rest belong to the evaluation)."""


def parse_as_of(value: str | None, today: dt.date | None = None) -> dt.date:
    """``--as-of`` as a date (today when absent)."""
    return parse_day(value, "--as-of", today)


@dataclass(frozen=True)
class EvaluateRequest:
    declaration: Path
    as_of: dt.date
    referential: Path | None = None
    outputs: tuple[Path, ...] = ()
    lang: str = "fr"
    allow_outside_evidence: bool = False
    baseline: Path | None = None
    fail_on: str | None = None
    audit: Path | None = None
    """An audit file (from ``import-matrix``) whose verdicts decide the outcomes they cover."""
    policy: Path | None = None
    """A policy file (``--policy``) whose values replace psc-check policy values of the referential."""
    """`gaps` (exit 1 when not ready), `regression` (also on any regression), `never`; default `regression` with a baseline."""


def _load_audit(path: Path, ref: LoadedReferential, decl: LoadedDeclaration) -> LoadedAudit:
    from checker.evaluation.audit import load_audit  # the audit models load only when an audit is given

    return load_audit(path, ref, decl)


def evaluate_file(request: EvaluateRequest) -> tuple[LoadedReferential, LoadedDeclaration, Report]:
    ref = load_with_policy(request.referential, request.policy)
    decl = load_declaration(request.declaration, ref)
    options = EvaluationOptions(
        as_of=request.as_of,
        lang=request.lang,
        allow_outside_evidence=request.allow_outside_evidence,
        audit=_load_audit(request.audit, ref, decl) if request.audit is not None else None,
    )
    return ref, decl, evaluate(ref, decl, options)


def run_evaluate(request: EvaluateRequest, stdout_format: str) -> tuple[bytes, int]:
    """Evaluate, write every ``-o`` output atomically, return (stdout bytes, exit code)."""
    formats = [(path, format_for_path(path)) for path in request.outputs]
    ref, decl, report = evaluate_file(request)
    inputs = [*declaration_inputs(decl), ref.path, *([request.audit] if request.audit else [])]
    inputs += [request.policy] if request.policy else []
    if request.baseline is not None:
        baseline, digest = load_baseline(request.baseline)
        report = compare_with_baseline(report, baseline, request.baseline.as_posix(), digest)
        inputs.append(request.baseline)
    for path, fmt in formats:
        write_atomic(path, render(report, fmt.name), inputs=inputs)
    return render(report, stdout_format), exit_code(
        report, request.fail_on or ("regression" if request.baseline else "gaps")
    )


FAIL_ON = ("gaps", "regression", "never")


def exit_code(report: Report, fail_on: str) -> int:
    """0 or 1 according to ``--fail-on``: gaps (not ready), regression (not ready or any regression), never."""
    if fail_on == "never":
        return int(ExitCode.OK)
    failed = not report.summary.ready or (fail_on == "regression" and bool(report.regressions))
    return int(ExitCode.NOT_READY if failed else ExitCode.OK)


def validate_one(
    path: Path, referential: Path | None, as_of: dt.date, policy: Path | None = None
) -> tuple[list[str], list[str]]:
    """Errors and warnings of one declaration (raises :class:`InputError` when it cannot be read)."""
    request = EvaluateRequest(declaration=path, as_of=as_of, referential=referential, policy=policy)
    _, _, report = evaluate_file(request)
    chosen = [p for p in report.problems if p.code in VALIDATION_CODES]
    errors = [f"{p.location}: {p.message}" for p in chosen if p.severity == "error"]
    warnings = [f"{p.location}: {p.message}" for p in chosen if p.severity != "error"]
    return errors, warnings
