"""Waivers (dérogations): load the ``--waivers`` file, then turn gaps covered by a waiver in force into ``waived``."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.declaration.load import LoadedDeclaration
from checker.errors import InputError, located
from checker.evaluation.lapses import lapse_within
from checker.inputs.limits import MAX_WAIVERS_BYTES
from checker.inputs.suggest import suggest
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import YamlDocument, load_yaml_file
from checker.model.message import Message, Param, msg
from checker.model.report import (
    GAP_OUTCOMES,
    Finding,
    Lapse,
    Outcome,
    Problem,
    Reason,
    Severity,
    WaiversFileInfo,
    WaiverState,
    WaiverStatus,
)
from checker.model.waiver import Waiver, WaiverFile

__all__ = ["LoadedWaivers", "PlacedWaiver", "WaiverOutcome", "apply_waivers", "load_waivers", "placed_waivers"]


@dataclass(frozen=True)
class LoadedWaivers:
    """A validated waivers file (``--waivers``) with its path and hash."""

    model: WaiverFile
    path: Path
    sha256: str
    document: YamlDocument = field(repr=False, compare=False)

    def info(self) -> WaiversFileInfo:
        return WaiversFileInfo(path=self.path.as_posix(), sha256=self.sha256, waivers=len(self.model.waivers))


@dataclass(frozen=True)
class PlacedWaiver:
    """A waiver and where it was written (file and line)."""

    waiver: Waiver
    source: str
    location: str


def load_waivers(path: Path) -> LoadedWaivers:
    """Load a waivers file strictly (exit 2 with file, line and fix when it is not one)."""
    doc = load_yaml_file(path, max_bytes=MAX_WAIVERS_BYTES, what=msg("what.waivers"))
    model = validate_document(doc, WaiverFile)
    digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    return LoadedWaivers(model=model, path=path, sha256=digest, document=doc)


def placed_waivers(decl: LoadedDeclaration, extra: LoadedWaivers | None) -> list[PlacedWaiver]:
    """The declaration's waivers then the waivers file's; two waivers on one requirement are refused."""
    placed: list[PlacedWaiver] = []
    for i, waiver in enumerate(decl.model.waivers):
        where = decl.document.location(["waivers", i])
        placed.append(PlacedWaiver(waiver, where.path, str(where)))
    if extra is not None:
        for i, waiver in enumerate(extra.model.waivers):
            where = extra.document.location(["waivers", i])
            placed.append(PlacedWaiver(waiver, where.path, str(where)))
    first: dict[str, PlacedWaiver] = {}
    errors: list[Message] = []
    for item in placed:
        seen = first.setdefault(item.waiver.requirement, item)
        if seen is not item:
            problem = msg("error.second_waiver", requirement=item.waiver.requirement, first=seen.location)
            errors.append(located(item.location, problem, msg("hint.keep_one_waiver")))
    if errors:
        raise InputError(errors)
    return placed


@dataclass(frozen=True)
class WaiverOutcome:
    """What the waivers did: the findings (gaps in force turned ``waived``), problems, lapses and each waiver's state."""

    findings: list[Finding]
    problems: list[Problem]
    lapses: list[Lapse]
    statuses: list[WaiverStatus]


def _status(item: PlacedWaiver, state: WaiverState, as_of: dt.date) -> WaiverStatus:
    w = item.waiver
    return WaiverStatus(
        requirement_id=w.requirement,
        justification=w.justification,
        granted_by=w.granted_by,
        reference=w.reference,
        granted=w.granted,
        expires=w.expires,
        compensating_measure=w.compensating_measure,
        source=item.source,
        location=item.location,
        state=state,
        days=(w.expires - as_of).days,
    )


def _state(waiver: Waiver, finding: Finding | None, as_of: dt.date) -> WaiverState:
    if finding is None or finding.outcome not in GAP_OUTCOMES:
        return "not_needed"
    if as_of > waiver.expires:
        return "expired"
    if as_of < waiver.granted:
        return "not_yet"
    return "in_force"


def apply_waivers(
    findings: Sequence[Finding],
    waivers: Sequence[PlacedWaiver],
    known: Sequence[str],
    as_of: dt.date,
    horizon_days: int,
) -> WaiverOutcome:
    """Gaps covered by a waiver in force become ``waived``; an expired waiver raises an error, a needless one a warning.

    ``known`` holds the referential's requirement ids (to tell an unknown id from one that does not apply).
    """
    by_id = {f.requirement_id: f for f in findings}
    problems: list[Problem] = []
    lapses: list[Lapse] = []
    statuses: list[WaiverStatus] = []
    applied: dict[str, WaiverStatus] = {}
    for item in waivers:
        w = item.waiver
        finding = by_id.get(w.requirement)
        state = _state(w, finding, as_of)
        status = _status(item, state, as_of)
        statuses.append(status)
        if state == "in_force":
            applied[w.requirement] = status
            what = msg("lapse.waiver", requirement=w.requirement, reference=w.reference)
            if lapse := lapse_within("waiver", w.expires, as_of, horizon_days, what):
                lapses.append(lapse)
        elif state == "expired":
            applied[w.requirement] = status
            problems.append(
                _problem(item, "waiver_expired", "error", "problem.waiver_expired", expires=w.expires.isoformat())
            )
        elif state == "not_yet":
            problems.append(
                _problem(item, "waiver_not_yet", "warning", "problem.waiver_not_yet", granted=w.granted.isoformat())
            )
        else:
            problems.append(_needless(item, finding, known))
    out: list[Finding] = []
    for finding in findings:
        covering = applied.get(finding.requirement_id)
        if covering is None:
            out.append(finding)
        elif covering.state == "in_force":
            reason = Reason(
                code="waived",
                message=msg(
                    "reason.waived",
                    reference=covering.reference,
                    granted_by=covering.granted_by,
                    expires=covering.expires.isoformat(),
                ),
            )
            update = {"outcome": Outcome.WAIVED, "reasons": [*finding.reasons, reason], "waiver": covering}
            out.append(finding.model_copy(update=update))
        else:  # expired: the gap stays, and the finding says which waiver lapsed
            reason = Reason(
                code="waiver_expired",
                message=msg(
                    "reason.waiver_expired", reference=covering.reference, expires=covering.expires.isoformat()
                ),
            )
            out.append(finding.model_copy(update={"reasons": [*finding.reasons, reason], "waiver": covering}))
    statuses.sort(key=lambda s: (s.requirement_id, s.location))
    return WaiverOutcome(out, problems, lapses, statuses)


def _needless(item: PlacedWaiver, finding: Finding | None, known: Sequence[str]) -> Problem:
    w = item.waiver
    params: dict[str, Param] = {}
    if finding is not None:
        key, params = "problem.waiver_not_needed", {"outcome": msg(f"outcome.{finding.outcome.value}")}
    elif w.requirement in known:
        key, params = "problem.waiver_not_applicable", {}
    else:
        close = suggest(w.requirement, known)
        key, params = ("problem.waiver_unknown_close", {"close": close}) if close else ("problem.waiver_unknown", {})
    return _problem(item, "waiver_not_needed", "warning", key, **params)


def _problem(item: PlacedWaiver, code: str, severity: Severity, key: str, **params: Param) -> Problem:
    """A problem at the waiver's place, its message naming the requirement and the waiver's reference."""
    w = item.waiver
    return Problem(
        code=code,
        severity=severity,
        location=item.location,
        message=msg(key, requirement=w.requirement, reference=w.reference, **params),
    )
