"""The referential model: any edition of the PSC (or a related) referential, typed and frozen."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from checker.inputs.validation import model_error
from checker.model.base import Day, Frozen, Identifier, Text

__all__ = [
    "ActorDef",
    "ActorInheritance",
    "Applicability",
    "Bilingual",
    "CrossReference",
    "EditionStatus",
    "Environment",
    "EvidenceKind",
    "EvidenceSpec",
    "ExternalReference",
    "Feature",
    "Freshness",
    "HabilitationRules",
    "KnownGap",
    "LevelDef",
    "Locator",
    "Metadata",
    "Obligation",
    "Parcours",
    "ParcoursStep",
    "PolicyLabel",
    "Provenance",
    "ProvenanceBasis",
    "Quote",
    "Referential",
    "Replacement",
    "Requirement",
    "Source",
    "SourceKind",
    "Theme",
]

ActorId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{1,15}$")]
LevelId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,40}$")]
Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,40}$")]


class EditionStatus(StrEnum):
    """How far an edition is from the official text."""

    OFFICIAL = "official"
    DERIVED_PUBLIC_SOURCES = "derived-public-sources"
    DRAFT = "draft"
    TEST = "test"


class Obligation(StrEnum):
    MANDATORY = "mandatory"
    RECOMMENDED = "recommended"


class ProvenanceBasis(StrEnum):
    SOURCED = "sourced"
    SECONDARY = "secondary"
    INFERRED = "inferred"


class Environment(StrEnum):
    BAC_A_SABLE = "bac_a_sable"
    PRODUCTION = "production"


class EvidenceKind(StrEnum):
    """Kinds of evidence a requirement may expect."""

    DOCUMENT = "document"
    PROCEDURE = "procedure"
    ATTESTATION = "attestation"
    ARCHITECTURE = "architecture"
    CONFIGURATION = "configuration"
    SCREENSHOT = "screenshot"
    TEST_REPORT = "test_report"
    CODE_REVIEW = "code_review"
    REGISTRATION = "registration"
    OIDC_CLIENT_CONFIG = "oidc_client_config"
    HTTP_CAPTURE = "http_capture"
    CERTIFICATE = "certificate"
    TOKEN_SAMPLE = "token_sample"  # noqa: S105 - an evidence kind, not a secret
    CIBA_CAPTURE = "ciba_capture"
    PROXY_TRACES = "proxy_traces"
    TLS_SCAN = "tls_scan"


class SourceKind(StrEnum):
    """What a source is worth: a rule text, example code, a third party's word, or our own compilation."""

    NORMATIVE = "normative"
    """An ANS page, an IG, the PGSSI-S, a legal text, the ANS webinar: it states rules."""
    EXAMPLE = "example"
    """An example implementation (e.g. the ANS reference proxy, the keycloak connector): it shows one way, not a rule."""
    THIRD_PARTY = "third_party"
    """A third party's code, ticket, guide or analysis."""
    COMPILATION = "compilation"
    """A research compilation that cites the others (the domain dossier)."""


class Source(Frozen):
    """A public source the edition rests on."""

    key: Key
    title: Text
    kind: SourceKind | None = None
    url: str | None = None
    reference: str | None = None
    date: Day | None = None
    publisher: str | None = None
    held_text: str | None = None
    """Where we hold the source's text, relative to the repository root (quotes from it are checked against it)."""


class KnownGap(Frozen):
    """Something the official text holds that this edition could not encode, stated not invented."""

    id: str
    note: Text


class ActorDef(Frozen):
    """An actor a requirement may bind, and the habilitations it relies on."""

    id: ActorId
    label: Text
    description: Text
    role: Literal["service_provider", "editor", "operator", "identity_provider"]
    levels: Annotated[list[LevelId], Field(min_length=1)]
    relies_on: list[ActorId] = []
    habilitation_environment: Environment | None = None


class LevelDef(Frozen):
    id: LevelId
    label: Text
    description: Text
    includes: list[LevelId] = []


class Theme(Frozen):
    id: Key
    label: Text
    description: str | None = None


class Feature(Frozen):
    """A declared property of the product that applicability rules read (e.g. ``uses_ciba``)."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,40}$")]
    label: Text
    description: str | None = None


class PolicyLabel(Frozen):
    """A value no source gives: psc-check's own policy, with a one-line rationale and a key to override it."""

    by: Literal["psc-check"] = "psc-check"
    key: Key
    """The name a policy file uses to override the value (``psc-check evaluate --policy FILE``)."""
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=300)]


class Freshness(Frozen):
    """A freshness rule on evidence: collected within ``max_age_days``, or valid ``min_remaining_days`` ahead."""

    max_age_days: Annotated[int, Field(ge=1, le=3650)] | None = None
    min_remaining_days: Annotated[int, Field(ge=0, le=3650)] | None = None
    applies_to: list[EvidenceKind] = []
    """Evidence kinds held to the rule; empty means every item (an item with no declared kind is always held)."""
    policy: PolicyLabel | None = None
    """Set when no source gives the thresholds: they are psc-check policy, overridable by a policy file."""

    def binds(self, kind: str | None) -> bool:
        """Whether an evidence item of ``kind`` (None: undeclared) is held to this rule."""
        return not self.applies_to or kind is None or kind in self.applies_to


class EvidenceSpec(Frozen):
    """What evidence a compliant answer must carry."""

    kinds: Annotated[list[EvidenceKind], Field(min_length=1)]
    description: Text
    required: bool = True
    environment: Environment | None = None
    freshness: Freshness | None = None


class Applicability(Frozen):
    """Conditions on declared features and parcours; empty means always applicable."""

    features_all: list[str] = []
    features_any: list[str] = []
    features_none: list[str] = []
    parcours: list[str] = []


class ExternalReference(Frozen):
    """An id in another text, e.g. ``{scheme: PGSSI-S, id: EXI 04}`` or ``{scheme: DMN, id: PSC 6}``."""

    scheme: Literal["PGSSI-S", "PGSSI-S-v2-draft", "DMN", "PSC", "CI-SIS", "RFC", "IEPS"]
    id: Annotated[str, StringConstraints(min_length=1, max_length=40)]


MAX_QUOTE_WORDS = 25


def _short(text: str) -> str:
    if len(text.split()) > MAX_QUOTE_WORDS:
        raise model_error("error.quote_too_long", limit=MAX_QUOTE_WORDS)
    return text


class Locator(Frozen):
    """Where in a source the fact stands: a page section, a file at a pinned commit, a webinar line, a dossier §."""

    source: Key
    at: Annotated[str, StringConstraints(min_length=1, max_length=300)]


class Quote(Frozen):
    """A short verbatim extract of a source whose text we hold (``Source.held_text``)."""

    source: Key
    text: Annotated[str, StringConstraints(min_length=3, max_length=400), AfterValidator(_short)]


class Provenance(Frozen):
    basis: ProvenanceBasis
    sources: Annotated[list[Key], Field(min_length=1)]
    references: list[ExternalReference] = []
    locators: list[Locator] = []
    quotes: list[Quote] = []
    note: str | None = None
    conflict: str | None = None


class CrossReference(Frozen):
    """A typed link to a requirement of another bundled referential."""

    referential: Key
    requirement: Identifier
    relation: Literal["implements", "refines", "related"]


class Replacement(Frozen):
    """Which requirement(s) of an earlier edition this one replaces, and how."""

    ids: Annotated[list[Identifier], Field(min_length=1)]
    kind: Literal["renamed", "split", "merged"]


class Requirement(Frozen):
    id: Identifier
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    statement: Text
    remediation: str | None = None
    actors: Annotated[list[ActorId], Field(min_length=1)]
    levels: Annotated[list[LevelId], Field(min_length=1)]
    obligation: Obligation
    theme: Key
    evidence: EvidenceSpec | None = None
    applicability: Applicability = Applicability()
    effective: Day | None = None
    deadline: Day | None = None
    provenance: Provenance
    cross_references: list[CrossReference] = []
    replaces: Replacement | None = None
    checks: list[Identifier] = []


class ParcoursStep(Frozen):
    """One step of a connection path; ``actors`` empty means every actor on the path."""

    id: Key
    label: Text
    actors: list[ActorId] = []
    note: str | None = None


class Parcours(Frozen):
    id: Key
    label: Text
    description: Text
    levels: Annotated[list[LevelId], Field(min_length=1)]
    steps: Annotated[list[ParcoursStep], Field(min_length=1)]
    provenance: Provenance


class HabilitationRules(Frozen):
    validity_years: Annotated[int, Field(ge=1, le=20)]
    provenance: Provenance


class Bilingual(Frozen):
    """A short text the reports print in their language: French (the referential's) and English."""

    fr: Text
    en: Text

    def in_lang(self, lang: str) -> str:
        """The text in ``lang`` (English for ``en``, French otherwise)."""
        return self.en if lang == "en" else self.fr


class ActorInheritance(Frozen):
    """One inheritance rule: ``actor`` takes the obligations of ``inherits`` at ``levels`` (within ``themes``)."""

    actor: ActorId
    inherits: ActorId
    levels: Annotated[list[LevelId], Field(min_length=1)]
    themes: list[Key] = []
    """Themes whose obligations pass on; empty means every theme."""
    rationale: Bilingual
    """Why the actor takes those obligations, in French and English (the "why it applies" reason quotes it)."""
    provenance: Provenance

    def covers(self, requirement: Requirement) -> bool:
        """Whether this rule passes ``requirement`` (bound to ``inherits`` at one of ``levels``) on to ``actor``."""
        return (
            self.inherits in requirement.actors
            and any(level in self.levels for level in requirement.levels)
            and (not self.themes or requirement.theme in self.themes)
        )


class Metadata(Frozen):
    id: Key
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.\-+]{0,31}$")]
    edition_status: EditionStatus
    published: Day
    language: Literal["fr"] = "fr"
    notice: str | None = None
    sources: Annotated[list[Source], Field(min_length=1)]
    known_gaps: list[KnownGap] = []
    actor_inheritance: list[ActorInheritance] = []
    """Which actor takes which other actor's obligations, and why: stated once here, applied by applicability."""


class Referential(Frozen):
    """A whole edition: metadata, actors, levels, themes, features, parcours and requirements."""

    schema_version: Literal["1"] = "1"
    metadata: Metadata
    actors: list[ActorDef] = []
    levels: list[LevelDef] = []
    themes: Annotated[list[Theme], Field(min_length=1)]
    features: list[Feature] = []
    parcours: list[Parcours] = []
    habilitation: HabilitationRules | None = None
    requirements: Annotated[list[Requirement], Field(min_length=1)]
