"""``check-evidence``: the automated checks run on one evidence file, their result rendered, the exit code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from checker.checks.base import CheckContext
from checker.checks.jws import parse_jwks
from checker.checks.runner import check_file
from checker.errors import InputError, Location, msg
from checker.evaluation.evidence import hash_file
from checker.i18n import message
from checker.inputs.limits import MAX_JWKS_BYTES
from checker.inputs.readfile import read_input, require_regular_file
from checker.model.referential import Environment, EvidenceKind
from checker.render.check_results import EvidenceCheckReport, exit_code, make_report
from checker.render.registry import CHECK_RESULT, Format

__all__ = ["CheckEvidenceRequest", "CheckEvidenceResult", "run_check_evidence"]


@dataclass(frozen=True)
class CheckEvidenceRequest:
    """What ``psc-check check-evidence`` was asked to verify."""

    file: Path
    as_of: dt.date
    kind: str | None = None
    """The evidence kind; recognised from the content when None."""
    client_id: str | None = None
    environment: str | None = None
    """The environment the evidence claims: ``bac_a_sable`` or ``production``."""
    level: str | None = None
    jwks: Path | None = None
    """A JWKS (JSON) to verify a token's signature with."""
    stdout_format: Format = Format.CONSOLE
    lang: str = "fr"


@dataclass(frozen=True)
class CheckEvidenceResult:
    report: EvidenceCheckReport
    stdout: bytes
    """The report in the format asked for."""

    @property
    def exit_code(self) -> int:
        """0 verified, 1 contradicted, 2 not checkable."""
        return exit_code(self.report)

    @property
    def problem(self) -> str | None:
        """Why the file cannot be checked at all, with the fix (exit 2 always comes with it on standard error)."""
        if self.report.unreadable is None:
            return None
        return message(
            "error.cannot_be_checked", self.report.lang, path=self.report.file, reason=self.report.unreadable
        )


def run_check_evidence(request: CheckEvidenceRequest) -> CheckEvidenceResult:
    """Read the JWKS if any, run every check fitting the file's kind, render the result."""
    ctx = CheckContext(
        as_of=request.as_of,
        environment=Environment(request.environment) if request.environment else None,
        level=request.level,
        client_id=request.client_id,
        jwks=_read_jwks(request.jwks) if request.jwks else None,
    )
    file = request.file
    require_regular_file(file, msg("hint.give_evidence_file"), missing=msg("error.no_evidence_file"))
    found = check_file(file, EvidenceKind(request.kind) if request.kind else None, ctx)
    jwks = str(request.jwks) if request.jwks else None
    report = make_report(found, str(file), _sha256(file), ctx, jwks, request.lang)
    return CheckEvidenceResult(report, CHECK_RESULT.render(report, request.stdout_format))


def _read_jwks(path: Path) -> bytes:
    raw = read_input(path, MAX_JWKS_BYTES, what=msg("what.jwks"), hint=msg("hint.give_jwks"))
    try:
        parse_jwks(raw)
    except ValueError:  # not JSON, or no `keys` list: the hint says what is expected
        raise InputError.at(Location(str(path)), msg("error.not_jwks"), msg("hint.jwks_shape")) from None
    return raw


def _sha256(path: Path) -> str | None:
    """The file's sha256, or None when it cannot be read or is too large to hash (the checks refuse it anyway)."""
    try:
        return hash_file(path)
    except OSError:
        return None
