"""The policy file: the user's own values for psc-check policy thresholds (``evaluate --policy FILE``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from checker.model.base import Frozen

__all__ = ["PolicyFile", "PolicyValues"]

PolicyKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,40}$")]


class PolicyValues(Frozen):
    """New thresholds for one policy key; give only those the key's rule uses (``referentiel show`` lists them)."""

    max_age_days: Annotated[int, Field(ge=1, le=3650)] | None = None
    """Evidence must have been collected at most this many days before the evaluation date."""
    min_remaining_days: Annotated[int, Field(ge=0, le=3650)] | None = None
    """Evidence (a certificate, an attestation) must stay valid at least this many days after the evaluation date."""


class PolicyFile(Frozen):
    """Overrides of psc-check policy values (never of what a source requires), keyed by policy key."""

    schema_version: Literal["1"] = "1"
    policy: Annotated[dict[PolicyKey, PolicyValues], Field(min_length=1, max_length=200)]
