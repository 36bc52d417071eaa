"""Compare a report with a baseline report of an earlier submission: new gaps, downgrades, evidence changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from checker.errors import InputError, Location
from checker.i18n import Translator
from checker.inputs.limits import MAX_BASELINE_BYTES
from checker.inputs.readfile import read_input
from checker.inputs.validation import error_message
from checker.model.message import Message, msg, term
from checker.model.report import GAP_OUTCOMES, OUTCOME_RANK, BaselineInfo, Finding, Regression, Report

__all__ = ["MAX_BASELINE_BYTES", "compare_with_baseline", "load_baseline"]


def load_baseline(path: Path) -> tuple[Report, str]:
    """A previous JSON report written by psc-check, and its sha256."""
    name = str(path)
    hint = msg("hint.give_json_report")
    raw = read_input(path, MAX_BASELINE_BYTES, what=msg("what.baseline"), hint=hint)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError.at(
            Location(name, line),
            msg("error.baseline_not_json"),
            hint,
        ) from None
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError.at(
            Location(name),
            msg("error.baseline_not_report", field=field, problem=error_message(first)),
            hint,
        ) from None
    return report, hashlib.sha256(raw).hexdigest()


def _evidence(finding: Finding) -> dict[str, str | None]:
    return {e.path: e.sha256 for e in finding.evidence}


def compare_with_baseline(report: Report, baseline: Report, path: str, sha256: str) -> Report:
    """``report`` with its baseline and every regression against it.

    A baseline read back from JSON holds its problems as words, in its own language: this report's problems are
    compared with them in that language.
    """
    before = {f.requirement_id: f for f in baseline.findings}
    out: list[Regression] = []
    for finding in report.findings:
        old = before.get(finding.requirement_id)
        out += _finding_regressions(finding, old)
    words = Translator(baseline.lang, codes=True).text
    known = {(p.code, words(p.message)) for p in baseline.problems}
    out += [
        Regression(
            kind="problem_added",
            requirement_id=None,
            before=None,
            after=p.code,
            message=msg("regression.problem_added", problem=p.message),
        )
        for p in report.problems
        if p.severity == "error" and (p.code, words(p.message)) not in known
    ]
    info = BaselineInfo(
        path=path, sha256=sha256, as_of=baseline.as_of, ready=baseline.summary.ready, score=baseline.summary.score
    )
    return report.model_copy(update={"baseline": info, "regressions": out})


def _outcome(code: str | None) -> Message | str:
    """An outcome as a term: its label for people (``conforme → partiel``), its code in JSON."""
    return "—" if code is None else term(code, msg(f"outcome.{code}"))


def _finding_regressions(finding: Finding, old: Finding | None) -> list[Regression]:
    rid, now = finding.requirement_id, finding.outcome
    out: list[Regression] = []
    if now in GAP_OUTCOMES and (old is None or old.outcome not in GAP_OUTCOMES):
        was = old.outcome.value if old else None
        out.append(
            Regression(
                kind="new_gap",
                requirement_id=rid,
                before=was,
                after=now.value,
                message=msg("regression.new_gap", requirement=rid, before=_outcome(was), after=_outcome(now.value)),
            )
        )
    elif old is not None and OUTCOME_RANK[now] < OUTCOME_RANK[old.outcome]:
        out.append(
            Regression(
                kind="downgraded",
                requirement_id=rid,
                before=old.outcome.value,
                after=now.value,
                message=msg(
                    "regression.downgraded",
                    requirement=rid,
                    before=_outcome(old.outcome.value),
                    after=_outcome(now.value),
                ),
            )
        )
    if old is None:
        return out
    current = _evidence(finding)
    for path, digest in sorted(_evidence(old).items()):
        if path not in current:
            out.append(
                Regression(
                    kind="evidence_removed",
                    requirement_id=rid,
                    before=path,
                    after=None,
                    message=msg("regression.evidence_removed", requirement=rid, path=path),
                )
            )
        elif digest and current[path] and digest != current[path]:
            out.append(
                Regression(
                    kind="evidence_changed",
                    requirement_id=rid,
                    before=digest,
                    after=current[path],
                    message=msg("regression.evidence_changed", requirement=rid, path=path),
                )
            )
    return out
