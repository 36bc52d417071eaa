"""The report: every finding, problem, lapse and deadline of one evaluation. Renderers see only this."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_serializer,
    field_validator,
)

from checker.i18n import Translator
from checker.model.message import TRANSLATOR, Message, Text, msg, read_words
from checker.model.referential import Obligation

__all__ = [
    "ASSURANCE_RANK",
    "Assurance",
    "AuditInfo",
    "BaselineInfo",
    "CheckResult",
    "DeadlineItem",
    "DeclarationInfo",
    "EvidenceResult",
    "EvidenceStatus",
    "Finding",
    "HabilitationStatus",
    "Labels",
    "Lapse",
    "Outcome",
    "ParcoursStepState",
    "PolicyInfo",
    "PolicyNote",
    "PolicyOverride",
    "Problem",
    "Reason",
    "ReferentialInfo",
    "Regression",
    "Report",
    "Severity",
    "SourceLocator",
    "SourceQuote",
    "Summary",
    "ToolInfo",
    "WaiverState",
    "WaiverStatus",
    "WaiversFileInfo",
    "readiness",
]

REPORT_SCHEMA_VERSION = "1"


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Outcome(StrEnum):
    COMPLIANT = "compliant"
    PARTIAL = "partial"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"
    UNANSWERED = "unanswered"
    UNSUPPORTED = "unsupported"
    WAIVED = "waived"
    """A gap covered by a waiver (dérogation) in force on the evaluation date: it does not block readiness."""


GAP_OUTCOMES = frozenset({Outcome.PARTIAL, Outcome.NON_COMPLIANT, Outcome.UNANSWERED, Outcome.UNSUPPORTED})
OUTCOME_RANK = {
    o: i
    for i, o in enumerate(
        [
            Outcome.NON_COMPLIANT,
            Outcome.UNSUPPORTED,
            Outcome.UNANSWERED,
            Outcome.PARTIAL,
            Outcome.WAIVED,
            Outcome.NOT_APPLICABLE,
            Outcome.COMPLIANT,
        ]
    )
}
"""Worst first: used to order gaps and to tell a downgrade."""


class Assurance(StrEnum):
    """How strongly an evidence item (or a finding) is supported: computed by psc-check, never declared.

    In increasing order: ``declared`` (a status, no evidence that could be checked), ``present`` (the file is
    there, inside the folder, its sha256 matches, its dates are fresh), ``typed`` (its content was recognised as a
    kind the requirement expects), ``machine_verified`` (an automated check verified it, none contradicted it),
    ``auditor_confirmed`` (an auditor's verdict agrees with the declared status).
    """

    DECLARED = "declared"
    PRESENT = "present"
    TYPED = "typed"
    MACHINE_VERIFIED = "machine_verified"
    AUDITOR_CONFIRMED = "auditor_confirmed"


ASSURANCE_RANK = {a: i for i, a in enumerate(Assurance)}
"""Lowest first: ``ASSURANCE_RANK[a] < ASSURANCE_RANK[b]`` when ``a`` is weaker than ``b``."""


class Reason(_Value):
    """Why: a stable code (for machines) and a message (for people, in the report's language)."""

    code: str
    message: Text = Field(title="Message")


class ToolInfo(_Value):
    name: str
    version: str


class ReferentialInfo(_Value):
    id: str
    title: str
    version: str
    sha256: str
    edition_status: str


class Labels(_Value):
    """The referential's label of each id a report names (level, actor, parcours, feature, theme).

    Held for the renderers people read; never written to JSON (machine formats keep ids), so a report read back
    from JSON has none and shows ids.
    """

    levels: dict[str, str] = {}
    actors: dict[str, str] = {}
    parcours: dict[str, str] = {}
    features: dict[str, str] = {}
    themes: dict[str, str] = {}

    def level(self, code: str) -> str:
        return self.levels.get(code, code)

    def actor(self, code: str) -> str:
        """``Éditeur de logiciel utilisateur (ELU)``: the label with the id people also use."""
        label = self.actors.get(code)
        return f"{label} ({code})" if label else code

    def path(self, code: str | None) -> str:
        return "—" if code is None else self.parcours.get(code, code)

    def feature(self, code: str) -> str:
        return self.features.get(code, code)

    def theme(self, code: str) -> str:
        return self.themes.get(code, code)


class DeclarationInfo(_Value):
    path: str
    sha256: str
    organisation: str
    siren: str | None
    subject: str
    subject_version: str | None
    actors: list[str]
    level: str
    parcours: str | None
    features: list[str]


class CheckResult(_Value):
    """What one automated check concluded about one evidence file for one requirement."""

    check: str
    status: Literal["verified", "contradicted", "not_checkable"]
    reasons: list[Message]
    """Why, as coded messages; in JSON, their text when the context holds a translator, else codes and parameters."""
    unordered: bool = Field(default=False, exclude=True)
    """The reasons form a set: each text is shown once, in the alphabetical order of the reader's language."""

    @field_validator("reasons", mode="before")
    @classmethod
    def _read_texts(cls, value: Any) -> Any:
        """Reasons read back from a JSON report are text in its language: kept as literal messages."""
        return [read_words(v) for v in value] if isinstance(value, list) else value

    @field_serializer("reasons", mode="wrap", when_used="json")
    def _write_texts(
        self, reasons: list[Message], handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        translator = info.context.get(TRANSLATOR) if isinstance(info.context, dict) else None
        if translator is None:  # between processes (portfolio workers): codes and parameters, translated later
            return handler(reasons)
        return self.texts(translator.lang, codes=getattr(translator, "codes", False))

    def texts(self, lang: str, *, codes: bool = False) -> list[str]:
        """The reasons in ``lang``, as they are shown everywhere (console, reports, matrix; JSON with ``codes``)."""
        shown = [Translator(lang, codes=codes).text(reason) for reason in self.reasons]
        return sorted(set(shown)) if self.unordered else shown


EvidenceStatus = Literal[
    "ok",
    "missing",
    "outside",
    "unreadable",
    "hash_mismatch",
    "stale",
    "expired",
    "wrong_environment",
    "no_environment",
    "undated",
    "future",
    "not_hashed",
]
"""What assessing one evidence file concluded (``evidence.<status>`` in the catalogue names it)."""


class EvidenceResult(_Value):
    path: str
    sha256: str | None
    declared_sha256: str | None
    kind: str | None
    collected: dt.date | None
    expires: dt.date | None
    environment: str | None
    status: EvidenceStatus
    detail: Text = Field(title="Detail")
    checks: list[CheckResult] = []
    recognised_kind: str | None = None
    """The kind psc-check recognised in the file's content (None: none it can recognise, or not read)."""
    expected_kind: bool = True
    """The item counts as one of the kinds the requirement expects (recognised, or declared where no recogniser
    covers the kind); False for a kind mismatch."""
    assurance: Assurance = Assurance.DECLARED
    """How strongly this item is supported (computed, see :class:`Assurance`)."""


class SourceLocator(_Value):
    """Where in a source the requirement stands (a page section, a file at a commit, a webinar line, a dossier §)."""

    source: str
    title: str
    at: str


class SourceQuote(_Value):
    """A short verbatim extract of a source the referential holds, to check the paraphrase against."""

    source: str
    text: str


class PolicyNote(_Value):
    """A threshold of the requirement's freshness rule that no source gives: psc-check's policy, not the ANS's."""

    by: str
    key: str
    rationale: str
    max_age_days: int | None
    min_remaining_days: int | None
    overridden: bool = False
    """The values come from a policy file (``--policy``), not from the referential."""


class PolicyOverride(_Value):
    """One policy value a policy file replaced: which key and setting, the referential's value and the file's."""

    key: str
    setting: Literal["max_age_days", "min_remaining_days"]
    before: int | None
    after: int


class PolicyInfo(_Value):
    """The policy file an evaluation applied, and what it changed."""

    path: str
    sha256: str
    overrides: list[PolicyOverride]


WaiverState = Literal["in_force", "expired", "not_yet", "not_needed"]
"""A waiver as of the evaluation date: covering a gap, past its expiry, granted later, or on no gap to cover."""


class WaiverStatus(_Value):
    """One waiver (dérogation) of the declaration or of the waivers file, and what it did in this evaluation."""

    requirement_id: str
    justification: str
    granted_by: str
    reference: str
    granted: dt.date
    expires: dt.date
    compensating_measure: str | None
    source: str
    """The file that holds the waiver (the declaration, a file it extends, or the ``--waivers`` file)."""
    location: str
    """File and line of the waiver."""
    state: WaiverState
    days: int
    """Days from the evaluation date to the expiry (negative once expired)."""


class WaiversFileInfo(_Value):
    """The waivers file (``--waivers``) an evaluation applied."""

    path: str
    sha256: str
    waivers: int


class Finding(_Value):
    requirement_id: str
    title: str
    statement: str = ""
    """The requirement's text, as the referential words it (the matrix shows it; its hash guards edits)."""
    theme: str
    theme_label: str
    obligation: Obligation
    actors: list[str]
    levels: list[str]
    declared_status: str | None
    outcome: Outcome
    applicability: list[Reason]
    reasons: list[Reason]
    evidence: list[EvidenceResult]
    evidence_expected: str | None
    expected_kinds: list[str] = Field(default_factory=list, exclude=True)
    """The evidence kinds expected (ids), for renderers that show their labels (not serialised)."""
    expected_description: str | None = Field(default=None, exclude=True)
    justification: str | None
    remediation: str | None
    planned: dt.date | None
    owner: str | None
    deadline: dt.date | None
    line: int | None
    """Line of the answer in the declaration, or of the `answers` key when the requirement is unanswered."""
    source: str | None = None
    """The declaration file the answer came from (differs from the declaration when inherited)."""
    auditor_verdict: str | None = None
    auditor_comment: str | None = None
    disagreement: bool = False
    """The auditor's verdict differs from the declared status."""
    locators: list[SourceLocator] = []
    """Where the requirement stands in its sources, so an auditor can check the paraphrase."""
    quotes: list[SourceQuote] = []
    policy: PolicyNote | None = None
    """Set when the requirement's freshness thresholds are psc-check policy (no source gives them)."""
    waiver: WaiverStatus | None = None
    """The waiver in force that turned this gap into ``waived`` (or, expired, the one that no longer covers it)."""
    assurance: Assurance = Assurance.DECLARED
    """The best level its evidence supports, ``auditor_confirmed`` when an auditor's verdict agrees."""


Severity = Literal["error", "warning", "info"]


class Problem(_Value):
    code: str
    severity: Severity
    message: Text = Field(title="Message")
    location: str


class Lapse(_Value):
    kind: Literal["evidence", "habilitation", "waiver"]
    what: Text = Field(title="What")
    date: dt.date
    days: int


class DeadlineItem(_Value):
    requirement_id: str
    title: str
    kind: Literal["effective", "deadline"]
    date: dt.date
    days: int


class HabilitationStatus(_Value):
    relation: Literal["held", "relied_upon"]
    actor: str
    reference: str
    holder: str
    granted: dt.date
    expires: dt.date
    environment: str
    state: Literal["valid", "expired", "future"]


class ParcoursStepState(_Value):
    id: str
    label: str
    actors: list[str]
    state: Literal["done", "pending", "not_concerned"]
    date: dt.date | None


class ThemeCount(_Value):
    """One theme's findings: ``applicable`` = ``compliant`` + ``not_applicable`` + ``gaps``."""

    theme: str
    label: str
    applicable: int
    """Findings of the theme (requirements applying to the declaration), whatever their outcome."""
    compliant: int
    """Findings whose outcome is compliant (not applicable ones are counted apart, never as compliant)."""
    not_applicable: int
    """Findings declared not applicable, with a justification: left out of the score."""
    gaps: int
    score: float


class Summary(_Value):
    applicable: int
    outcomes: dict[str, int]
    by_obligation: dict[str, dict[str, int]]
    by_theme: list[ThemeCount]
    mandatory_gaps: int
    errors: int
    warnings: int
    score: float
    ready: bool
    assurance: dict[str, int] = {}
    """Compliant findings by assurance level (every level, in increasing order)."""
    required_assurance: Assurance | None = None
    """``--require-assurance``: a mandatory finding below it was counted as a gap."""

    @property
    def waived(self) -> int:
        """How many gaps a waiver in force covers."""
        return self.outcomes.get(Outcome.WAIVED.value, 0)

    def verdict(self) -> Message:
        """« PRÊT », « PRÊT, avec N dérogations » or « PAS PRÊT »."""
        return readiness(self.ready, self.waived)


def readiness(ready: bool, waived: int) -> Message:
    """The verdict of a declaration, its dossier or its row in a portfolio: « PRÊT », « PRÊT, avec N dérogations » or
    « PAS PRÊT » (``waived``: the gaps a waiver in force covers)."""
    if not ready:
        return msg("label.verdict_not_ready")
    if waived == 1:
        return msg("label.verdict_ready_waiver")
    if waived:
        return msg("label.verdict_ready_waivers", count=waived)
    return msg("label.verdict_ready")


class AuditInfo(_Value):
    path: str
    sha256: str
    auditor: str
    date: dt.date
    verdicts: int
    """Verdicts that decided a finding's outcome (every verdict but ``not_assessed``)."""
    not_assessed: int
    """Verdicts ``not_assessed`` ("non évalué") on findings: recorded, counted, but deciding no outcome."""
    disagreements: int


class Regression(_Value):
    """One way this report is worse than the baseline report it is compared with."""

    kind: Literal["new_gap", "downgraded", "evidence_removed", "evidence_changed", "problem_added"]
    requirement_id: str | None
    before: str | None
    after: str | None
    message: Text = Field(title="Message")


class BaselineInfo(_Value):
    path: str
    sha256: str
    as_of: dt.date
    ready: bool
    score: float


class Report(_Value):
    """The result of evaluating one declaration against one referential as of one date."""

    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    lang: str
    as_of: dt.date
    referential: ReferentialInfo
    declaration: DeclarationInfo
    summary: Summary
    findings: list[Finding]
    problems: list[Problem]
    habilitations: list[HabilitationStatus]
    parcours: list[ParcoursStepState]
    lapses: list[Lapse]
    deadlines: list[DeadlineItem]
    audit: AuditInfo | None = None
    baseline: BaselineInfo | None = None
    regressions: list[Regression] = []
    policy: PolicyInfo | None = None
    """The policy file (``--policy``) applied, with each value it overrode."""
    waivers: list[WaiverStatus] = []
    """Every waiver given (declaration and ``--waivers`` file), by requirement, with its state on the evaluation date."""
    waivers_file: WaiversFileInfo | None = None
    """The waivers file (``--waivers``) applied, if any."""
    labels: Labels = Field(default_factory=Labels, exclude=True)
    """Labels of the ids the report names, for the renderers people read (not serialised)."""
