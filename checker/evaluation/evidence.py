"""Assess one evidence item: present, inside the folder, hash, freshness, expiry, environment."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from checker.checks.base import CheckContext
from checker.checks.runner import EvidenceCache, checks_on_item
from checker.i18n import message
from checker.inputs.limits import MAX_EVIDENCE_HASH_BYTES, size_text
from checker.inputs.readfile import real_path
from checker.model.declaration import EvidenceItem, Subject
from checker.model.referential import EvidenceKind, EvidenceSpec, Freshness
from checker.model.report import CheckResult, EvidenceResult, Reason

__all__ = ["EvidenceContext", "assess_evidence", "check_reasons", "resolve_inside"]

_CHUNK = 1 << 20


@dataclass
class EvidenceContext:
    """What assessing evidence needs: the declaration's folder, the date, the language, a hash cache."""

    folder: Path
    as_of: dt.date
    lang: str = "fr"
    allow_outside: bool = False
    _hashes: dict[Path, str | OSError] = field(default_factory=dict)
    level: str | None = None
    """The declaration's level, and its subject (PSC client_id, environment), for the automated checks."""
    subject: Subject | None = None
    checked: EvidenceCache = field(default_factory=EvidenceCache)
    _resolved: dict[tuple[Path, str], Path | None] = field(default_factory=dict)
    _bases: dict[Path, Path] = field(default_factory=dict)

    def inside(self, raw: str) -> Path | None:
        """:func:`resolve_inside` of ``raw`` in this context's folder, each path resolved once (cached)."""
        key = (self.folder, raw)
        if key not in self._resolved:
            if self.folder not in self._bases:
                self._bases[self.folder] = self.folder.resolve()
            self._resolved[key] = _inside(self._bases[self.folder], raw, allow_outside=self.allow_outside)
        return self._resolved[key]

    def sha256(self, path: Path) -> str | OSError:
        """Hash of ``path`` (cached: a file cited twice is read once)."""
        if path not in self._hashes:
            try:
                self._hashes[path] = _hash_file(path)
            except OSError as exc:
                self._hashes[path] = exc.with_traceback(None)  # kept frames would hold this context in a cycle
        return self._hashes[path]


def _hash_file(path: Path) -> str:
    """sha256 of a regular file of at most :data:`MAX_EVIDENCE_HASH_BYTES`, read in chunks."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(21, "not a regular file")
    if info.st_size > MAX_EVIDENCE_HASH_BYTES:
        raise OSError(27, f"larger than {size_text(MAX_EVIDENCE_HASH_BYTES)}, not hashed")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def resolve_inside(folder: Path, raw: str, *, allow_outside: bool) -> Path | None:
    """The evidence file's real path, or None when it leaves ``folder`` (``..``, absolute path, symlink)."""
    return _inside(folder.resolve(), raw, allow_outside=allow_outside)


def _inside(base: Path, raw: str, *, allow_outside: bool) -> Path | None:
    candidate = Path(raw)
    target = real_path(candidate if candidate.is_absolute() else base / candidate)
    if allow_outside or target == base or base in target.parents:
        return target
    return None


def assess_evidence(
    item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext, checks: Sequence[str] = ()
) -> EvidenceResult:
    """The status of one evidence item for a requirement expecting ``spec``, and of its automated ``checks``."""
    status, detail, actual = _assess(item, spec, ctx)
    results = _run_checks(item, spec, ctx, checks) if status == "ok" and checks else []
    label = message(f"evidence.{status}", ctx.lang)
    return EvidenceResult(
        path=item.path,
        sha256=actual,
        declared_sha256=item.sha256.lower() if item.sha256 else None,
        kind=item.kind.value if item.kind else None,
        collected=item.collected,
        expires=item.expires,
        environment=item.environment.value if item.environment else None,
        status=status,
        detail=f"{label}{detail}",
        checks=results,
    )


def _assess(item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext) -> tuple[str, str, str | None]:
    lang = ctx.lang
    target = ctx.inside(item.path)
    if target is None:
        return "outside", "", None
    try:
        present = target.exists()
    except OSError as exc:  # a path too long, a folder that cannot be searched
        return "unreadable", message("detail.os", lang, error=exc.strerror or type(exc).__name__), None
    if not present:
        return "missing", "", None
    digest = ctx.sha256(target)
    if isinstance(digest, OSError):
        return "unreadable", message("detail.os", lang, error=digest.strerror or type(digest).__name__), None
    if item.sha256 and item.sha256.lower() != digest:
        return (
            "hash_mismatch",
            message("detail.hash", lang, expected=item.sha256.lower()[:12], actual=digest[:12]),
            digest,
        )
    if item.expires is not None and item.expires < ctx.as_of:
        return "expired", message("detail.expired", lang, expires=item.expires.isoformat()), digest
    if item.collected is not None and item.collected > ctx.as_of:
        return "future", "", digest
    problem = _freshness(item, spec, ctx)
    if problem is not None:
        return problem[0], problem[1], digest
    if spec is not None and spec.environment is not None and item.environment != spec.environment:
        actual = item.environment.value if item.environment else "?"
        return (
            "wrong_environment",
            message("detail.environment", lang, actual=actual, expected=spec.environment.value),
            digest,
        )
    return "ok", "", digest


def _freshness(item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext) -> tuple[str, str] | None:
    rule = spec.freshness if spec else None
    if rule is None or not rule.binds(item.kind):
        return None
    if rule.max_age_days is not None:
        if item.collected is None:
            return "undated", message("detail.undated_collected", ctx.lang)
        if (ctx.as_of - item.collected).days > rule.max_age_days:
            return "stale", message(
                "detail.stale",
                ctx.lang,
                collected=item.collected.isoformat(),
                days=rule.max_age_days,
                as_of=ctx.as_of.isoformat(),
            ) + _policy_label(rule, ctx.lang)
    if rule.min_remaining_days is not None:
        if item.expires is None:
            return "undated", message("detail.undated_expires", ctx.lang)
        if (item.expires - ctx.as_of).days < rule.min_remaining_days:
            return "stale", message(
                "detail.remaining", ctx.lang, expires=item.expires.isoformat(), days=rule.min_remaining_days
            ) + _policy_label(rule, ctx.lang)
    return None


def _policy_label(rule: Freshness, lang: str) -> str:
    """ " — psc-check policy …" when the threshold is psc-check's own choice, so no one reads it as the ANS's."""
    if rule.policy is None:
        return ""
    return message("detail.policy", lang, policy=rule.policy.key, rationale=rule.policy.rationale)


def _run_checks(
    item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext, checks: Sequence[str]
) -> list[CheckResult]:
    target = ctx.inside(item.path)
    if target is None:
        return []
    subject = ctx.subject
    environment = item.environment or (subject.psc_environment if subject else None)
    rule = spec.freshness if spec else None
    check_ctx = CheckContext(
        as_of=ctx.as_of,
        lang=ctx.lang,
        environment=environment,
        level=ctx.level,
        client_id=subject.client_id_for(environment) if subject else None,
        min_remaining_days=rule.min_remaining_days
        if rule is not None and rule.binds(EvidenceKind.CERTIFICATE)
        else None,
        declared_expires=item.expires,
    )
    return checks_on_item(target, item.kind, checks, check_ctx, ctx.checked)


def check_reasons(
    evidence: Sequence[EvidenceResult], status: Literal["verified", "contradicted", "not_checkable"], lang: str
) -> list[Reason]:
    """One reason per automated check of ``status`` on the evidence, naming the file, the check and why."""
    return [
        Reason(
            code=f"check_{status}",
            message=message(f"reason.check_{status}", lang, path=e.path, check=c.check, detail="; ".join(c.reasons)),
        )
        for e in evidence
        for c in e.checks
        if c.status == status
    ]
