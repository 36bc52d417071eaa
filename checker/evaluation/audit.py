"""Audit files: load one strictly, check it was made on this referential and declaration, fold it into findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.declaration.load import LoadedDeclaration
from checker.errors import located
from checker.inputs.limits import MAX_AUDIT_BYTES
from checker.inputs.loaded import LoadedFile
from checker.inputs.suggest import did_you_mean
from checker.inputs.yamlload import YamlDocument
from checker.model.audit import Audit
from checker.model.declaration import Status
from checker.model.message import Message, msg
from checker.model.report import Assurance, AuditInfo, Finding, Outcome, Problem, Reason
from checker.referential.load import LoadedReferential

__all__ = ["LoadedAudit", "apply_audit", "audit_errors", "audit_info", "audit_problems", "load_audit"]

VERDICT_OUTCOMES = {
    Status.COMPLIANT: Outcome.COMPLIANT,
    Status.PARTIAL: Outcome.PARTIAL,
    Status.NON_COMPLIANT: Outcome.NON_COMPLIANT,
    Status.NOT_APPLICABLE: Outcome.NOT_APPLICABLE,
}
"""An auditor's verdict → the outcome it decides (``not_assessed`` decides nothing)."""


class LoadedAudit(LoadedFile[Audit]):
    """A validated audit file with its path and hash."""


def load_audit(path: Path, ref: LoadedReferential, decl: LoadedDeclaration) -> LoadedAudit:
    """Load ``path`` strictly; refuse an audit made on another referential edition or declaration."""
    return LoadedAudit.load(
        path,
        Audit,
        max_bytes=MAX_AUDIT_BYTES,
        what=msg("what.audit"),
        problems=lambda model, doc: audit_errors(model, doc, ref, decl.sha256),
    )


def audit_errors(audit: Audit, doc: YamlDocument, ref: LoadedReferential, declaration_sha256: str) -> list[Message]:
    """What makes ``audit`` unusable with ``ref`` and the declaration hashed ``declaration_sha256``."""
    out: list[Message] = []
    got = audit.reference
    if got.referential_id != ref.id or got.referential_version != ref.version:
        where = doc.location(["reference", "referential_version" if got.referential_id == ref.id else "referential_id"])
        problem = msg(
            "error.audit_other_referential",
            made=f"{got.referential_id} {got.referential_version}",
            used=f"{ref.id} {ref.version}",
        )
        out.append(located(where, problem, msg("hint.audit_other_referential")))
    if got.declaration_sha256 != declaration_sha256:
        where = doc.location(["reference", "declaration_sha256"])
        problem = msg("error.audit_other_declaration", made=got.declaration_sha256[:12], used=declaration_sha256[:12])
        out.append(located(where, problem, msg("hint.audit_other_declaration")))
    for req_id in audit.verdicts:
        if req_id not in ref.requirements:
            hint = did_you_mean(req_id, ref.requirements) or msg("error.see_list")
            out.append(
                located(
                    doc.location(["verdicts", req_id], key=True), msg("error.unknown_requirement_id", id=req_id), hint
                )
            )
    return out


def apply_audit(findings: Iterable[Finding], audit: LoadedAudit) -> list[Finding]:
    """Findings where each auditor's verdict (other than ``not_assessed``) decides the outcome."""
    out: list[Finding] = []
    for finding in findings:
        verdict = audit.model.verdicts.get(finding.requirement_id)
        if verdict is None or verdict.verdict not in VERDICT_OUTCOMES:
            out.append(finding)
            continue
        status = verdict.verdict
        reason = Reason(code="auditor_verdict", message=msg("reason.auditor", verdict=msg(f"status.{status.value}")))
        agrees = finding.declared_status == status.value
        update = {
            "outcome": VERDICT_OUTCOMES[status],
            "assurance": Assurance.AUDITOR_CONFIRMED if agrees else finding.assurance,
            "reasons": [*finding.reasons, reason],
            "auditor_verdict": status.value,
            "auditor_comment": verdict.comment or None,
            "disagreement": not agrees,
        }
        out.append(finding.model_copy(update=update))
    return out


def audit_problems(audit: LoadedAudit, applicable: set[str]) -> list[Problem]:
    """Warnings for verdicts on requirements that do not apply to the declaration (they are ignored)."""
    return [
        Problem(
            code="audit_not_applicable",
            severity="warning",
            location=str(audit.document.location(["verdicts", req_id], key=True)),
            message=msg("problem.audit_not_applicable", requirement=req_id),
        )
        for req_id, verdict in sorted(audit.model.verdicts.items())
        if req_id not in applicable and verdict.verdict in VERDICT_OUTCOMES
    ]


def audit_info(audit: LoadedAudit, findings: Iterable[Finding]) -> AuditInfo:
    """Who audited, when, and how many verdicts (deciding or "not assessed") and disagreements reached the findings."""
    findings = list(findings)
    judged = [f for f in findings if f.auditor_verdict is not None]
    verdicts = audit.model.verdicts
    return AuditInfo(
        path=audit.path.as_posix(),
        sha256=audit.sha256,
        auditor=audit.model.auditor.name,
        date=audit.model.date,
        verdicts=len(judged),
        not_assessed=sum(
            1
            for f in findings
            if f.requirement_id in verdicts and verdicts[f.requirement_id].verdict not in VERDICT_OUTCOMES
        ),
        disagreements=sum(1 for f in judged if f.disagreement),
    )
