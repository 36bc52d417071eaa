"""``validate``: each declaration checked (schema and consistency), its errors and warnings, one exit code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from checker.app.evaluate import EvaluateRequest, evaluate_file
from checker.errors import ExitCode, InputError
from checker.i18n import Translator
from checker.i18n.lang import current_lang

__all__ = ["EVALUATION_ONLY", "FileValidation", "ValidateRequest", "ValidateResult", "run_validate", "validate_one"]

EVALUATION_ONLY = frozenset({"hash_budget", "planned_past", "audit_not_applicable"})
"""Problems that depend on the evidence files' content or on the verdict: ``evaluate`` reports them, ``validate``
does not. Every other problem is a rule on the declaration itself (schema, consistency, habilitations, parcours,
dates, evidence paths and hashes declared), and ``validate`` reports it with the same code and location."""


@dataclass(frozen=True)
class ValidateRequest:
    """What ``psc-check validate`` was asked to check."""

    declarations: tuple[Path, ...]
    as_of: dt.date
    referential: Path | None = None
    """Another edition of the referential (YAML file); the bundled one when None."""
    policy: Path | None = None
    """A policy file (``--policy``) whose values replace psc-check policy values of the referential."""
    waivers: Path | None = None
    """A waivers file (``--waivers``): loaded strictly, and its waivers checked against each declaration."""


@dataclass(frozen=True)
class FileValidation:
    """The verdict on one declaration file."""

    path: Path
    errors: tuple[str, ...]
    """Messages naming file and line; any error makes the file invalid."""
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ValidateResult:
    files: tuple[FileValidation, ...]
    """One verdict per declaration, in the order given."""

    @property
    def exit_code(self) -> int:
        """0 when every declaration is valid, 2 otherwise."""
        return int(ExitCode.BAD_INPUT if any(f.errors for f in self.files) else ExitCode.OK)


def run_validate(request: ValidateRequest) -> ValidateResult:
    """Check every declaration; one that cannot be read is an error of its own, the others are still checked."""
    return ValidateResult(tuple(_validate(path, request) for path in request.declarations))


def _validate(path: Path, request: ValidateRequest) -> FileValidation:
    try:
        errors, warnings = validate_one(path, request.referential, request.as_of, request.policy, request.waivers)
    except InputError as error:
        errors, warnings = error.lines(current_lang()), []
    return FileValidation(path, tuple(errors), tuple(warnings))


def validate_one(
    path: Path, referential: Path | None, as_of: dt.date, policy: Path | None = None, waivers: Path | None = None
) -> tuple[list[str], list[str]]:
    """Errors and warnings of one declaration (raises :class:`InputError` when it cannot be read)."""
    request = EvaluateRequest(
        declaration=path, as_of=as_of, referential=referential, policy=policy, waivers=waivers, lang=current_lang()
    )
    _, _, report = evaluate_file(request)
    chosen = [p for p in report.problems if p.code not in EVALUATION_ONLY]
    words = Translator(report.lang).text
    errors = [f"{p.location}: [{p.code}] {words(p.message)}" for p in chosen if p.severity == "error"]
    warnings = [f"{p.location}: [{p.code}] {words(p.message)}" for p in chosen if p.severity != "error"]
    return errors, warnings
