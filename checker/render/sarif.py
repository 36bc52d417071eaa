"""SARIF 2.1.0: each gap and each located problem as a result pointing at the declaration's line; a gap a waiver
covers is a result with an accepted external suppression."""

from __future__ import annotations

import re
from typing import Any

from checker.i18n import Translator
from checker.inputs.jsondump import sorted_json
from checker.model.report import GAP_OUTCOMES, Finding, Outcome, Problem, Report
from checker.render.view import waiver_line

__all__ = ["render_sarif"]

_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LOCATION = re.compile(r"^(?P<path>.*?):(?P<line>\d+)(?::(?P<column>\d+))?$")


def _rule(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.requirement_id,
        "name": finding.requirement_id.replace("-", ""),
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": finding.statement or finding.title},
        "help": {"text": finding.remediation or finding.title},
        "properties": {
            "obligation": finding.obligation,
            "theme": finding.theme,
            "tags": [finding.theme, finding.obligation],
        },
    }


def _region(line: int | None, column: int | None = None) -> dict[str, int]:
    region = {"startLine": max(1, line or 1)}
    if column:
        region["startColumn"] = column
    return region


def _finding_result(finding: Finding, uri: str, index: int, t: Translator) -> dict[str, Any]:
    reasons = "; ".join(t.text(r.message) for r in finding.reasons)
    return {
        "ruleId": finding.requirement_id,
        "ruleIndex": index,
        "level": "error" if finding.obligation == "mandatory" else "warning",
        "message": {
            "text": f"{finding.requirement_id} — {finding.title}: {t('outcome.' + finding.outcome.value)} ({reasons})"
        },
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": finding.source or uri}, "region": _region(finding.line)}}
        ],
        "properties": {
            "outcome": finding.outcome.value,
            "declared_status": finding.declared_status,
            "assurance": finding.assurance.value,
        },
        **_suppressions(finding, t),
    }


def _suppressions(finding: Finding, t: Translator) -> dict[str, Any]:
    """A gap a waiver in force covers: an external, accepted suppression with its justification (SARIF §3.35)."""
    w = finding.waiver
    if finding.outcome is not Outcome.WAIVED or w is None:
        return {}
    justification = waiver_line(w, t)
    suppression = {
        "kind": "external",
        "status": "accepted",
        "justification": f"{justification} — {w.justification}",
        "properties": {
            "reference": w.reference,
            "granted_by": w.granted_by,
            "granted": w.granted.isoformat(),
            "expires": w.expires.isoformat(),
            "compensating_measure": w.compensating_measure,
            "location": w.location,
        },
    }
    return {"suppressions": [suppression]}


def _problem_result(problem: Problem, uri: str, t: Translator) -> dict[str, Any]:
    match = _LOCATION.match(problem.location)
    line = int(match["line"]) if match else 1
    column = int(match["column"]) if match and match["column"] else None
    level = {"error": "error", "warning": "warning", "info": "note"}[problem.severity]
    return {
        "ruleId": f"problem/{problem.code}",
        "level": level,
        "message": {"text": t.text(problem.message)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(line, column)}}],
    }


def render_sarif(report: Report) -> bytes:
    t = Translator(report.lang, codes=True)
    uri = report.declaration.path
    gaps = [f for f in report.findings if f.outcome in GAP_OUTCOMES or f.outcome is Outcome.WAIVED]
    rules = [_rule(f) for f in gaps]
    results = [_finding_result(f, uri, i, t) for i, f in enumerate(gaps)]
    results += [_problem_result(p, uri, t) for p in report.problems]
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": report.tool.name,
                        "version": report.tool.version,
                        "informationUri": "https://github.com/psc-check/psc-check",
                        "rules": rules,
                    }
                },
                "artifacts": [{"location": {"uri": uri}, "hashes": {"sha-256": report.declaration.sha256}}],
                "results": results,
                "properties": {
                    "ready": report.summary.ready,
                    "score": report.summary.score,
                    "assurance": report.summary.assurance,
                    "required_assurance": report.summary.required_assurance,
                    "as_of": report.as_of.isoformat(),
                    "referential": f"{report.referential.id} {report.referential.version}",
                },
            }
        ],
    }
    return (sorted_json(log) + "\n").encode("utf-8")
