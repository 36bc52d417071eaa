"""The portfolio report: many declarations evaluated together, and their habilitations resolved across them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.model.message import Message
from checker.model.report import Labels, PolicyInfo, ReferentialInfo, ToolInfo, readiness

__all__ = ["HabilitationLink", "MissedRequirement", "PortfolioError", "PortfolioReport", "PortfolioRow"]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class PortfolioRow(_Value):
    key: str
    """Short column name in the heat map (D1, D2…)."""
    path: str
    organisation: str
    subject: str
    actors: list[str]
    level: str
    ready: bool
    score: float
    mandatory_gaps: int
    errors: int
    lapses_90_days: int
    waived: int = 0
    """Gaps covered by a waiver (dérogation) in force."""

    def verdict(self) -> Message:
        """« PRÊT », « PRÊT, avec N dérogations » or « PAS PRÊT », as in each declaration's report."""
        return readiness(self.ready, self.waived)

    compliant: int = 0
    assurance: dict[str, int] = {}
    """Its compliant findings by assurance level."""


class PortfolioError(_Value):
    path: str
    message: str


class MissedRequirement(_Value):
    requirement_id: str
    title: str
    obligation: str
    missed: int
    applicable: int


class HabilitationLink(_Value):
    """One habilitation a declaration relies on, resolved against the portfolio's declarations."""

    declaration: str
    relying_actor: str
    actor: str
    reference: str
    holder: str
    status: Literal["resolved", "unknown_reference", "actor_mismatch", "expired", "holder_not_ready"]
    holder_declaration: str | None
    message: str


class PortfolioReport(_Value):
    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    lang: str
    as_of: dt.date
    referential: ReferentialInfo
    rows: list[PortfolioRow]
    errors: list[PortfolioError]
    heatmap_requirements: list[str]
    heatmap: dict[str, dict[str, str]]
    """Requirement id → declaration key → outcome (absent when the requirement does not apply)."""
    most_missed: list[MissedRequirement]
    links: list[HabilitationLink]
    policy: PolicyInfo | None = None
    """The policy file (``--policy``) every evaluation applied, with each value it overrode."""
    labels: Labels = Field(default_factory=Labels, exclude=True)
    """Labels of the referential's ids (levels, actors…), for the renderers people read (not serialised)."""
    input_files: list[str] = Field(default_factory=list, exclude=True)
    """Every file the evaluations read (declarations, what they extend, evidence): outputs never replace one."""
