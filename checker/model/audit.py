"""The audit file: an auditor's verdicts and comments per requirement, imported from a returned matrix."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from checker.inputs.limits import MAX_TEXT_CHARS, MAX_VERDICTS
from checker.model.base import Day, Frozen
from checker.model.declaration import Status, _status

__all__ = ["Audit", "AuditReference", "Auditor", "Verdict"]


class Auditor(Frozen):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    organisation: Annotated[str, StringConstraints(max_length=200)] | None = None


class AuditReference(Frozen):
    """What the audit was made on: the referential edition and the declaration (hashes pin them)."""

    referential_id: str
    referential_version: str
    declaration_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Verdict(Frozen):
    verdict: Annotated[Status, BeforeValidator(_status)]
    comment: Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS)] | None = None
    date: Day | None = None


class Audit(Frozen):
    schema_version: Literal["1"] = "1"
    reference: AuditReference
    auditor: Auditor
    date: Day
    verdicts: Annotated[
        dict[Annotated[str, StringConstraints(max_length=64)], Verdict], Field(max_length=MAX_VERDICTS)
    ] = {}
