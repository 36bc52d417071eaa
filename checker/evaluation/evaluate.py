"""Evaluate a declaration against a referential as of a date: pure, no output, the clock passed in."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker import __version__
from checker.declaration.load import LoadedDeclaration
from checker.evaluation.applicability import applicable_requirements
from checker.evaluation.evidence import (
    EvidenceContext,
    assess_evidence,
    best_assurance,
    check_reasons,
    kind_reasons,
)
from checker.evaluation.habilitations import review_habilitations
from checker.evaluation.lapses import lapse_within
from checker.evaluation.parcours import review_parcours
from checker.evaluation.provenance import finding_trail
from checker.inputs.limits import MAX_RUN_HASH_BYTES, MAX_RUN_HASH_SECONDS, size_text
from checker.model.declaration import Answer, Status
from checker.model.message import Message, kind_terms, msg, terms
from checker.model.referential import Obligation, Requirement
from checker.model.report import (
    ASSURANCE_RANK,
    GAP_OUTCOMES,
    Assurance,
    DeadlineItem,
    DeclarationInfo,
    EvidenceResult,
    Finding,
    Lapse,
    Outcome,
    Problem,
    Reason,
    Report,
    Severity,
    Summary,
    ThemeCount,
    ToolInfo,
)
from checker.referential.load import LoadedReferential

if TYPE_CHECKING:
    from checker.evaluation.audit import LoadedAudit
    from checker.evaluation.waivers import LoadedWaivers

__all__ = ["EvaluationOptions", "evaluate"]

LAPSE_HORIZON_DAYS = 90
_DIRECT = {
    Status.PARTIAL: Outcome.PARTIAL,
    Status.NON_COMPLIANT: Outcome.NON_COMPLIANT,
    Status.NOT_APPLICABLE: Outcome.NOT_APPLICABLE,
}


@dataclass(frozen=True)
class EvaluationOptions:
    as_of: dt.date
    lang: str = "fr"
    """The language the report is to be rendered in, kept as ``Report.lang``: nothing is translated while evaluating,
    except the automated checks' own reasons, which are still text (they are given this language)."""
    allow_outside_evidence: bool = False
    audit: LoadedAudit | None = None
    """An auditor's verdicts: where one is given, it decides the outcome."""
    waivers: LoadedWaivers | None = None
    """A waivers file (``--waivers``), applied with the declaration's own ``waivers:``."""
    require_assurance: Assurance | None = None
    """``--require-assurance``: a mandatory compliant finding below this level (or resting on evidence without
    sha256) becomes ``unsupported``, with a reason saying why."""


def evaluate(ref: LoadedReferential, decl: LoadedDeclaration, options: EvaluationOptions) -> Report:
    """The report of ``decl`` against ``ref`` as of ``options.as_of``."""
    as_of, model = options.as_of, decl.model
    ctx = EvidenceContext(
        decl.folder,
        as_of,
        options.allow_outside_evidence,
        level=model.level,
        level_term=ref.term("level", model.level),
        subject=model.subject,
    )
    applicable = applicable_requirements(ref, model)
    applicable_ids = {req.id for req, _ in applicable}
    themes = {t.id: t.label for t in ref.model.themes}
    findings: list[Finding] = []
    problems: list[Problem] = []
    lapses: list[Lapse] = []
    for req, why in applicable:
        answer = model.answers.get(req.id)
        finding = _finding(req, why, answer, ctx, themes, decl).model_copy(update=finding_trail(ref, req))
        findings.append(finding)
        problems.extend(_answer_problems(req, answer, finding, decl, as_of))
        lapses.extend(_evidence_lapses(req, finding.evidence, as_of))
    problems.extend(
        Problem(
            code="answer_not_applicable",
            severity="warning",
            location=str(decl.document.location(["answers", req_id], key=True)),
            message=msg("problem.answer_not_applicable", requirement=req_id),
        )
        for req_id in sorted(model.answers.keys() - applicable_ids)
    )
    not_hashed = sum(1 for f in findings for e in f.evidence if e.status == "not_hashed")
    if not_hashed:
        problems.append(
            Problem(
                code="hash_budget",
                severity="error",
                location=str(decl.document.location(["answers"], key=True)),
                message=msg(
                    "problem.hash_budget",
                    bytes=size_text(MAX_RUN_HASH_BYTES),
                    seconds=int(MAX_RUN_HASH_SECONDS),
                    count=not_hashed,
                ),
            )
        )
    if not applicable:
        problems.append(_nothing_applies(ref, decl))
    if model.organisation.siren is None:
        problems.append(
            Problem(
                code="siren_missing",
                severity="warning",
                location=str(decl.document.location(["organisation"])),
                message=msg("problem.siren_missing"),
            )
        )
    habs = review_habilitations(
        ref,
        model.actors,
        model.habilitations.held,
        model.habilitations.relied_upon,
        decl.document,
        as_of,
        LAPSE_HORIZON_DAYS,
    )
    steps, parcours_problems = review_parcours(ref, model, decl.document, as_of)
    problems += habs.problems + parcours_problems
    audit = None
    if options.audit is not None:  # the audit module (and its models) loads only when an audit is given
        from checker.evaluation.audit import apply_audit, audit_info, audit_problems

        findings = apply_audit(findings, options.audit)
        problems += audit_problems(options.audit, applicable_ids)
        audit = audit_info(options.audit, findings)
    if options.require_assurance is not None:
        findings = [_require(f, options.require_assurance) for f in findings]
    waivers = []
    if model.waivers or options.waivers is not None:  # after the audit: a waiver covers the auditor's gaps too
        from checker.evaluation.waivers import apply_waivers, placed_waivers

        done = apply_waivers(
            findings, placed_waivers(decl, options.waivers), list(ref.requirements), as_of, LAPSE_HORIZON_DAYS
        )
        findings, waivers = done.findings, done.statuses
        problems += done.problems
        lapses += done.lapses
    problems.sort(key=lambda p: (_SEVERITY[p.severity], p.code, p.location, p.message.sort_key()))
    lapses = sorted(lapses + habs.lapses, key=lambda lp: (lp.date, lp.kind, lp.what.sort_key()))
    return Report(
        tool=ToolInfo(name="psc-check", version=__version__),
        lang=options.lang,
        as_of=as_of,
        referential=ref.info(),
        declaration=_declaration_info(decl),
        summary=_summary(findings, problems, themes, options.require_assurance),
        findings=findings,
        problems=problems,
        habilitations=habs.statuses,
        parcours=steps,
        lapses=lapses,
        deadlines=_deadlines([req for req, _ in applicable], as_of),
        audit=audit,
        policy=ref.policy,
        waivers=waivers,
        waivers_file=options.waivers.info() if options.waivers is not None else None,
        labels=ref.labels_in(options.lang),
    )


_SEVERITY = {"error": 0, "warning": 1, "info": 2}


def _nothing_applies(ref: LoadedReferential, decl: LoadedDeclaration) -> Problem:
    """The error that keeps a declaration to which no requirement applies from being "ready"."""
    model = decl.model
    none = msg("problem.nothing_applies.none")
    features = [ref.term("feature", name) for name, on in sorted(model.features.items()) if on]
    return Problem(
        code="nothing_applies",
        severity="error",
        location=str(decl.document.location(["actors"])),
        message=msg(
            "problem.nothing_applies",
            actors=", ".join(model.actors),
            level=ref.term("level", model.level),
            parcours=ref.term("parcours", model.parcours.id) if model.parcours else none,
            features=terms(features) if features else none,
        ),
    )


def _finding(
    req: Requirement,
    why: list[Reason],
    answer: Answer | None,
    ctx: EvidenceContext,
    themes: dict[str, str],
    decl: LoadedDeclaration,
) -> Finding:
    source = decl.answer_file(req.id)
    if answer and source != decl.path:
        ctx = dataclasses.replace(ctx, folder=source.parent)  # inherited answer: its evidence sits beside its file
    evidence = [assess_evidence(item, req.evidence, ctx, req.checks) for item in answer.evidence] if answer else []
    outcome, reasons = _outcome(req, answer, evidence)
    spec = req.evidence
    assurance = best_assurance(evidence) if outcome is not Outcome.UNANSWERED else Assurance.DECLARED
    return Finding(
        requirement_id=req.id,
        title=req.title,
        statement=req.statement,
        theme=req.theme,
        theme_label=themes.get(req.theme, req.theme),
        obligation=req.obligation,
        actors=list(req.actors),
        levels=list(req.levels),
        declared_status=answer.status.value if answer else None,
        outcome=outcome,
        applicability=why,
        reasons=reasons,
        evidence=evidence,
        evidence_expected=f"{', '.join(k.value for k in spec.kinds)} — {spec.description}" if spec else None,
        expected_kinds=[k.value for k in spec.kinds] if spec else [],
        expected_description=spec.description if spec else None,
        justification=answer.justification if answer else None,
        remediation=req.remediation,
        planned=answer.planned if answer else None,
        owner=answer.owner if answer else None,
        deadline=req.deadline,
        line=decl.line_of_answer(req.id) if answer else decl.document.line_column(["answers"], key=True)[0],
        source=source.as_posix() if answer else None,
        assurance=assurance,
    )


def _require(finding: Finding, required: Assurance) -> Finding:
    """The finding as a gap when it is mandatory, compliant, and below ``required`` or not tamper-evident."""
    if finding.obligation is not Obligation.MANDATORY or finding.outcome is not Outcome.COMPLIANT:
        return finding
    why: list[Reason] = []
    if ASSURANCE_RANK[finding.assurance] < ASSURANCE_RANK[required]:
        why.append(
            Reason(
                code="assurance_below",
                message=msg(
                    "reason.assurance_below",
                    level=msg(f"assurance.{finding.assurance.value}"),
                    required=msg(f"assurance.{required.value}"),
                ),
            )
        )
    if finding.assurance is not Assurance.AUDITOR_CONFIRMED:
        why += [
            Reason(
                code="assurance_no_hash",
                message=msg("reason.assurance_no_hash", path=e.path, required=msg(f"assurance.{required.value}")),
            )
            for e in finding.evidence
            if e.status == "ok" and e.declared_sha256 is None
        ]
    if not why:
        return finding
    return finding.model_copy(update={"outcome": Outcome.UNSUPPORTED, "reasons": [*finding.reasons, *why]})


_NA_WITHOUT_JUSTIFICATION = "na_without_justification"


def _outcome(req: Requirement, answer: Answer | None, evidence: list[EvidenceResult]) -> tuple[Outcome, list[Reason]]:
    if answer is None:
        return Outcome.UNANSWERED, [Reason(code="no_answer", message=msg("reason.no_answer"))]
    if answer.status is Status.NOT_ASSESSED:
        return Outcome.UNANSWERED, [Reason(code="not_assessed", message=msg("reason.not_assessed"))]
    declared = Reason(code="declared", message=msg("reason.declared", status=msg(f"status.{answer.status.value}")))
    if answer.status in _DIRECT:
        reasons = [declared]
        if (
            answer.status is Status.NOT_APPLICABLE
            and req.obligation is Obligation.MANDATORY
            and not answer.justification
        ):  # the rule is decided here only: the problem of the same name follows from this reason
            reasons.append(Reason(code=_NA_WITHOUT_JUSTIFICATION, message=msg("reason.na_without_justification")))
        return _DIRECT[answer.status], reasons
    failed = [e for e in evidence if e.status != "ok"]
    spec = req.evidence
    mismatched = kind_reasons(evidence, spec)
    if failed:
        return Outcome.UNSUPPORTED, [
            declared,
            *(
                Reason(
                    code=f"evidence_{e.status}",
                    message=msg("reason.evidence_failed", path=e.path, status=e.detail),
                )
                for e in failed
            ),
            *mismatched,
        ]
    contradicted = check_reasons(evidence, "contradicted")
    if contradicted:
        return Outcome.UNSUPPORTED, [declared, *contradicted, *mismatched]
    if spec is not None and spec.required and not evidence:
        kinds = kind_terms([k.value for k in spec.kinds])
        return Outcome.UNSUPPORTED, [
            declared,
            Reason(code="no_evidence", message=msg("reason.no_evidence", kinds=kinds)),
        ]
    if spec is not None and spec.required and evidence and not any(e.expected_kind for e in evidence):
        kinds = kind_terms([k.value for k in spec.kinds])
        return Outcome.UNSUPPORTED, [
            declared,
            Reason(code="no_expected_kind", message=msg("reason.no_expected_kind", kinds=kinds)),
            *mismatched,
        ]
    if evidence:
        return Outcome.COMPLIANT, [
            declared,
            _assurance_reason(evidence),
            *mismatched,
            *_no_hash_reasons(evidence),
            *check_reasons(evidence, "verified"),
            *check_reasons(evidence, "not_checkable"),
        ]
    return Outcome.COMPLIANT, [
        declared,
        Reason(code="no_evidence_expected", message=msg("reason.no_evidence_expected")),
    ]


_ASSURANCE_REASONS = {
    Assurance.DECLARED: "reason.assurance_declared",
    Assurance.PRESENT: "reason.assurance_present",
    Assurance.TYPED: "reason.assurance_typed",
    Assurance.MACHINE_VERIFIED: "reason.assurance_machine_verified",
}
"""What the evidence of a compliant answer rests on, in words that match what was done."""


def _assurance_reason(evidence: list[EvidenceResult]) -> Reason:
    level = best_assurance(evidence)
    count = sum(1 for e in evidence if e.assurance is level)
    kinds = kind_terms(sorted({e.recognised_kind for e in evidence if e.assurance is level and e.recognised_kind}))
    return Reason(
        code=f"evidence_{level.value}",
        message=msg(_ASSURANCE_REASONS[level], count=count, total=len(evidence), kinds=kinds),
    )


def _no_hash_reasons(evidence: list[EvidenceResult]) -> list[Reason]:
    return [
        Reason(code="evidence_no_hash", message=msg("reason.evidence_no_hash", path=e.path))
        for e in evidence
        if e.status == "ok" and e.declared_sha256 is None
    ]


def _answer_problems(
    req: Requirement, answer: Answer | None, finding: Finding, decl: LoadedDeclaration, as_of: dt.date
) -> list[Problem]:
    if answer is None:
        return []
    where = str(decl.document.location(["answers", req.id], key=True))
    out: list[Problem] = []
    if any(r.code == _NA_WITHOUT_JUSTIFICATION for r in finding.reasons):
        out.append(
            Problem(
                code=_NA_WITHOUT_JUSTIFICATION,
                severity="error",
                location=where,
                message=msg("problem.na_without_justification", requirement=req.id),
            )
        )
    if answer.status in (Status.PARTIAL, Status.NON_COMPLIANT) and not answer.justification:
        out.append(
            Problem(
                code="gap_without_justification",
                severity="error",
                location=where,
                message=msg(
                    "problem.gap_without_justification", requirement=req.id, status=msg(f"status.{answer.status.value}")
                ),
            )
        )
    if answer.planned is not None and answer.planned < as_of and finding.outcome in GAP_OUTCOMES:
        out.append(
            Problem(
                code="planned_past",
                severity="warning",
                location=where,
                message=msg("problem.planned_past", requirement=req.id, planned=answer.planned.isoformat()),
            )
        )
    problem: tuple[str, Severity, Message]
    for i, item in enumerate(finding.evidence):
        if item.status == "outside":
            problem = ("evidence_outside", "error", msg("problem.evidence_outside", requirement=req.id, path=item.path))
        elif item.declared_sha256 is None and item.status != "missing":
            problem = (
                "evidence_no_hash",
                "warning",
                msg("problem.evidence_no_hash", requirement=req.id, path=item.path),
            )
        else:
            continue
        code, severity, message = problem
        location = str(decl.document.location(["answers", req.id, "evidence", i, "path"]))
        out.append(Problem(code=code, severity=severity, location=location, message=message))
    return out


def _evidence_lapses(req: Requirement, evidence: list[EvidenceResult], as_of: dt.date) -> list[Lapse]:
    out: list[Lapse] = []
    rule = req.evidence.freshness if req.evidence else None
    for item in evidence:
        if item.status != "ok":
            continue
        rule_for_item = rule if rule is not None and rule.binds(item.kind) else None
        dates = [item.expires] if item.expires else []
        if rule_for_item and rule_for_item.max_age_days and item.collected:
            dates.append(item.collected + dt.timedelta(days=rule_for_item.max_age_days))
        if rule_for_item and rule_for_item.min_remaining_days is not None and item.expires:
            dates.append(item.expires - dt.timedelta(days=rule_for_item.min_remaining_days))
        if not dates:
            continue
        what = msg("lapse.evidence", path=item.path, requirement=req.id)
        if lapse := lapse_within("evidence", min(dates), as_of, LAPSE_HORIZON_DAYS, what):
            out.append(lapse)
    return out


def _deadlines(reqs: list[Requirement], as_of: dt.date) -> list[DeadlineItem]:
    out = [
        DeadlineItem(requirement_id=r.id, title=r.title, kind=kind, date=day, days=(day - as_of).days)
        for r in reqs
        for kind, day in (("effective", r.effective), ("deadline", r.deadline))
        if day is not None and day >= as_of
    ]
    return sorted(out, key=lambda d: (d.date, d.requirement_id, d.kind))


def _declaration_info(decl: LoadedDeclaration) -> DeclarationInfo:
    m = decl.model
    return DeclarationInfo(
        path=decl.path.as_posix(),
        sha256=decl.sha256,
        organisation=m.organisation.name,
        siren=m.organisation.siren,
        subject=m.subject.name,
        subject_version=m.subject.version,
        actors=list(m.actors),
        level=m.level,
        parcours=m.parcours.id if m.parcours else None,
        features=sorted(k for k, on in m.features.items() if on),
    )


def _score(counts: Counter[Outcome]) -> float:
    assessed = sum(counts.values()) - counts[Outcome.NOT_APPLICABLE]
    if assessed <= 0:
        return 100.0
    return round(100 * (counts[Outcome.COMPLIANT] + 0.5 * counts[Outcome.PARTIAL]) / assessed, 1)


def _summary(
    findings: list[Finding], problems: list[Problem], themes: dict[str, str], required: Assurance | None = None
) -> Summary:
    counts = Counter(f.outcome for f in findings)
    mandatory_gaps = sum(1 for f in findings if f.obligation == "mandatory" and f.outcome in GAP_OUTCOMES)
    errors = sum(1 for p in problems if p.severity == "error")
    by_obligation = {
        ob: {o.value: sum(1 for f in findings if f.obligation == ob and f.outcome is o) for o in Outcome}
        for ob in ("mandatory", "recommended")
    }
    per_theme: dict[str, Counter[Outcome]] = {}
    for f in findings:  # one pass, not one per theme
        per_theme.setdefault(f.theme, Counter())[f.outcome] += 1
    by_theme = []
    for theme in sorted(per_theme):
        in_theme = per_theme[theme]
        by_theme.append(
            ThemeCount(
                theme=theme,
                label=themes.get(theme, theme),
                applicable=sum(in_theme.values()),
                compliant=in_theme[Outcome.COMPLIANT],
                not_applicable=in_theme[Outcome.NOT_APPLICABLE],
                gaps=sum(n for o, n in in_theme.items() if o in GAP_OUTCOMES),
                score=_score(in_theme),
            )
        )
    return Summary(
        applicable=len(findings),
        outcomes={o.value: counts[o] for o in Outcome},
        by_obligation=by_obligation,
        by_theme=by_theme,
        mandatory_gaps=mandatory_gaps,
        errors=errors,
        warnings=sum(1 for p in problems if p.severity == "warning"),
        score=_score(counts),
        ready=mandatory_gaps == 0 and errors == 0,
        assurance={
            a.value: sum(1 for f in findings if f.outcome is Outcome.COMPLIANT and f.assurance is a) for a in Assurance
        },
        required_assurance=required,
    )
