"""The manifest of a dossier (``MANIFEST.json``): what a receiver needs to re-check it from its files alone."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from checker.model.base import Frozen
from checker.model.message import Message
from checker.model.report import readiness

__all__ = ["DOSSIER_FORMAT", "DossierFile", "DossierReferential", "DossierVerdict", "FileRole", "Manifest"]

DOSSIER_FORMAT = "psc-check-dossier/1"

FileRole = Literal["declaration", "extends", "evidence", "audit", "waivers", "report", "readme"]
"""What a file is in the dossier (a later input, such as a waivers file, adds its own role)."""

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ZipPath = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class DossierFile(Frozen):
    path: ZipPath
    """Where the file is in the zip (``/``-separated)."""
    role: FileRole
    size: int = Field(ge=0)
    sha256: Sha256
    place: ZipPath | None = None
    """Only for a file outside the declaration's folder, kept under a neutral path: where it sat relative to that
    folder (``../commun/preuve.pem``), so that the declaration's relative paths find it again on re-evaluation."""


class DossierReferential(Frozen):
    id: str
    version: str
    sha256: Sha256


class DossierVerdict(Frozen):
    ready: bool
    score: float
    mandatory_gaps: int
    waived: int = 0
    """Gaps covered by a waiver (dérogation) in force."""

    def verdict(self) -> Message:
        """« PRÊT », « PRÊT, avec N dérogations » or « PAS PRÊT »."""
        return readiness(self.ready, self.waived)


class Manifest(Frozen):
    """``MANIFEST.json``: every file with its size and sha256, and what the evaluation was made with."""

    format: Literal["psc-check-dossier/1"] = "psc-check-dossier/1"
    tool: str
    """``psc-check VERSION``."""
    as_of: dt.date
    lang: str
    referential: DossierReferential
    declaration: ZipPath
    """The declaration in the zip; the files it extends and the evidence it cites are listed in :attr:`files`."""
    audit: ZipPath | None = None
    waivers: ZipPath | None = None
    """The waivers file (``--waivers``) the evaluation applied, re-applied by ``dossier verify``."""
    report: ZipPath
    """The JSON report the verdict and findings are compared with."""
    verdict: DossierVerdict
    files: list[DossierFile] = Field(max_length=10_000)
