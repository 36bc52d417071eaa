"""What a finding tells of its requirement's sources and of psc-check's own policy, for the auditor to check."""

from __future__ import annotations

from typing import Any

from checker.model.referential import Requirement
from checker.model.report import PolicyNote, SourceLocator, SourceQuote
from checker.referential.load import LoadedReferential

__all__ = ["finding_trail", "policy_note"]


def policy_note(ref: LoadedReferential, req: Requirement) -> PolicyNote | None:
    """The psc-check policy behind ``req``'s freshness thresholds (None when a source gives them)."""
    fresh = req.evidence.freshness if req.evidence else None
    if fresh is None or fresh.policy is None:
        return None
    overridden = ref.policy is not None and any(o.key == fresh.policy.key for o in ref.policy.overrides)
    return PolicyNote(
        by=fresh.policy.by,
        key=fresh.policy.key,
        rationale=fresh.policy.rationale,
        max_age_days=fresh.max_age_days,
        min_remaining_days=fresh.min_remaining_days,
        overridden=overridden,
    )


def finding_trail(ref: LoadedReferential, req: Requirement) -> dict[str, Any]:
    """The finding fields that point at the sources (locators, quotes) and at the policy applied."""
    titles = {s.key: s.title for s in ref.model.metadata.sources}
    prov = req.provenance
    return {
        "locators": [
            SourceLocator(source=loc.source, title=titles.get(loc.source, ""), at=loc.at) for loc in prov.locators
        ],
        "quotes": [SourceQuote(source=q.source, text=q.text) for q in prov.quotes],
        "policy": policy_note(ref, req),
    }
