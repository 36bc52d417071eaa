"""The declaration model: what a vendor states, requirement by requirement."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, field_validator

from checker.i18n.aliases import INPUT_ALIASES
from checker.inputs import limits
from checker.inputs.validation import model_error
from checker.model.base import Day, Frozen, Identifier
from checker.model.referential import Environment, EvidenceKind
from checker.model.waiver import MAX_WAIVERS, Waiver

__all__ = [
    "Answer",
    "Declaration",
    "EvidenceItem",
    "Habilitation",
    "Habilitations",
    "Organisation",
    "ParcoursProgress",
    "Status",
    "Subject",
    "luhn_ok",
]

MAX_ANSWERS = limits.MAX_ANSWERS
MAX_EVIDENCE = limits.MAX_EVIDENCE_PER_ANSWER


class Status(StrEnum):
    """A declared status; French aliases are accepted on input."""

    COMPLIANT = "compliant"
    PARTIAL = "partial"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"


STATUS_ALIASES = {alias: Status(code) for alias, code in INPUT_ALIASES.items()}
_STATUS_WORDS = {**{status.value: status for status in Status}, **STATUS_ALIASES}


def _status(value: Any) -> Any:
    """A code or a French alias, in any case (``Partiel`` is ``partial``); anything else is left to be refused."""
    if isinstance(value, str):
        return _STATUS_WORDS.get(value.strip().casefold(), value.strip())
    return value


def luhn_ok(digits: str) -> bool:
    """Luhn check used by SIREN numbers."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


Date = Day
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_SHORT_TEXT_CHARS)]
LongText = Annotated[str, StringConstraints(max_length=limits.MAX_TEXT_CHARS)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-fA-F]{64}$")]


class Organisation(Frozen):
    name: ShortText
    siren: str | None = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = "FR"

    @field_validator("siren")
    @classmethod
    def _siren(cls, value: str | None) -> str | None:
        if value is None:
            return None
        compact = value.replace(" ", "")
        if len(compact) != 9 or not compact.isascii() or not compact.isdigit():
            raise model_error("error.siren_digits")
        if not luhn_ok(compact):
            raise model_error("error.siren_luhn")
        return compact


ClientId = Annotated[str, StringConstraints(min_length=1, max_length=255, pattern=r"^[\x21-\x7e]+$")]
HostName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=253, pattern=r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\.?$"),
]
"""A DNS host name (ASCII: an internationalised name in its xn-- form)."""


class Subject(Frozen):
    name: ShortText
    version: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    description: LongText | None = None
    psc_client_id: ClientId | dict[Environment, ClientId] | None = None
    """The client_id registered at PSC: one for every environment, or one per environment."""
    psc_environment: Environment | None = None
    """The PSC environment evidence comes from when an item does not say it."""
    hosts: Annotated[list[HostName], Field(max_length=64)] = []
    """The host names the service answers on (a TLS scan of another host does not support its answers)."""

    def client_id_for(self, environment: Environment | None) -> str | None:
        """The client_id declared for ``environment`` (None when not declared for it)."""
        if isinstance(self.psc_client_id, dict):
            return self.psc_client_id.get(environment) if environment is not None else None
        return self.psc_client_id


class ParcoursProgress(Frozen):
    """The declared connection path and the date each step was completed."""

    id: Identifier
    completed: dict[Identifier, Date] = {}


class Habilitation(Frozen):
    actor: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{1,15}$")]
    reference: ShortText
    holder: ShortText
    granted: Date
    environment: Environment


class Habilitations(Frozen):
    held: list[Habilitation] = []
    relied_upon: list[Habilitation] = []


_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def _plain_path(value: str) -> str:
    if _CONTROL_CHARACTER.search(value):
        raise model_error("error.path_control")
    return value


FilePath = Annotated[str, StringConstraints(min_length=1, max_length=1024), AfterValidator(_plain_path)]
"""A relative file path as written in a declaration: no control characters (a NUL cannot name a file)."""


class EvidenceItem(Frozen):
    path: FilePath
    sha256: Sha256 | None = None
    collected: Date | None = None
    expires: Date | None = None
    environment: Environment | None = None
    kind: EvidenceKind | None = None
    description: LongText | None = None


class Answer(Frozen):
    status: Annotated[Status, BeforeValidator(_status)]
    justification: LongText | None = None
    evidence: Annotated[list[EvidenceItem], Field(max_length=MAX_EVIDENCE)] = []
    planned: Date | None = None
    owner: ShortText | None = None


class Declaration(Frozen):
    """A vendor's declaration for one product or service."""

    schema_version: Literal["1"] = "1"
    extends: FilePath | None = None
    """Relative path of an organisation-level declaration whose answers and habilitations this one inherits."""
    organisation: Organisation
    subject: Subject
    actors: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{1,15}$")]], Field(min_length=1)]
    level: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,40}$")]
    parcours: ParcoursProgress | None = None
    features: dict[Annotated[str, StringConstraints(max_length=64)], bool] = {}
    habilitations: Habilitations = Habilitations()
    answers: Annotated[
        dict[Annotated[str, StringConstraints(max_length=64)], Answer], Field(max_length=MAX_ANSWERS)
    ] = {}
    waivers: Annotated[list[Waiver], Field(max_length=MAX_WAIVERS)] = []
    """Exceptions (dérogations) granted on requirements, each with its expiry (or kept apart: ``--waivers FILE``)."""
