"""Assess one evidence item: present, inside the folder, hash, freshness, expiry, environment."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from checker.checks.base import CheckContext
from checker.checks.runner import EvidenceCache, checks_on_item
from checker.inputs.limits import (
    MAX_EVIDENCE_HASH_BYTES,
    MAX_RUN_HASH_BYTES,
    MAX_RUN_HASH_SECONDS,
    size_text,
)
from checker.inputs.readfile import real_path
from checker.model.declaration import EvidenceItem, Subject
from checker.model.message import Message, msg
from checker.model.referential import EvidenceKind, EvidenceSpec, Freshness
from checker.model.report import CheckResult, EvidenceResult, EvidenceStatus, Reason

__all__ = [
    "EvidenceContext",
    "HashBudget",
    "HashBudgetError",
    "assess_evidence",
    "check_reasons",
    "hash_file",
    "resolve_inside",
]

_CHUNK = 1 << 20


class HashBudgetError(OSError):
    """The run's hashing budget (bytes or seconds) is spent: this file was not read, or not to the end."""

    def __init__(self) -> None:
        super().__init__(errno.ECANCELED, "hashing budget spent")


@dataclass
class HashBudget:
    """How much hashing one evaluation may still do: bytes, and a deadline on the monotonic clock."""

    bytes_left: int
    seconds: float
    _deadline: float | None = None
    spent: bool = False
    """True once a file was refused or cut short for lack of budget."""

    def start(self) -> None:
        if self._deadline is None:
            self._deadline = time.monotonic() + self.seconds

    def take(self, size: int) -> None:
        """Reserve ``size`` bytes, or raise :class:`HashBudgetError`."""
        self.start()
        if size > self.bytes_left or self.out_of_time():
            self.spent = True
            raise HashBudgetError
        self.bytes_left -= size

    def out_of_time(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline


@dataclass
class EvidenceContext:
    """What assessing evidence needs: the declaration's folder, the date, a hash cache."""

    folder: Path
    as_of: dt.date
    allow_outside: bool = False
    _hashes: dict[tuple[int, int, int, int], str | OSError] = field(default_factory=dict)
    """sha256 by (device, inode, size, mtime): hard links and paths to one file are read once."""
    budget: HashBudget = field(default_factory=lambda: HashBudget(MAX_RUN_HASH_BYTES, MAX_RUN_HASH_SECONDS))
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
        """Hash of ``path``, within the run's budget; the same file (any path, any hard link) is read once."""
        try:
            info = path.stat()
        except OSError as exc:
            return exc.with_traceback(None)
        key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        if key not in self._hashes:
            try:
                self._hashes[key] = hash_file(path, self.budget)
            except OSError as exc:
                self._hashes[key] = exc.with_traceback(None)  # kept frames would hold this context in a cycle
        return self._hashes[key]


def hash_file(path: Path, budget: HashBudget | None = None) -> str:
    """sha256 of a regular file of at most :data:`MAX_EVIDENCE_HASH_BYTES`, read in chunks, within ``budget``."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(21, "not a regular file")
    if info.st_size > MAX_EVIDENCE_HASH_BYTES:
        raise OSError(27, f"larger than {size_text(MAX_EVIDENCE_HASH_BYTES)}, not hashed")
    if budget is not None:
        budget.take(info.st_size)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if budget is not None and budget.out_of_time():
                budget.spent = True
                raise HashBudgetError
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
    label = msg(f"evidence.{status}")
    return EvidenceResult(
        path=item.path,
        sha256=actual,
        declared_sha256=item.sha256.lower() if item.sha256 else None,
        kind=item.kind.value if item.kind else None,
        collected=item.collected,
        expires=item.expires,
        environment=item.environment.value if item.environment else None,
        status=status,
        detail=label if detail is None else msg("evidence.detailed", status=label, detail=detail),
        checks=results,
    )


_Assessed = tuple[EvidenceStatus, Message | None, str | None]
"""The status, the detail that follows its label (or None), and the file's sha256 when it could be read."""


def _assess(item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext) -> _Assessed:
    target = ctx.inside(item.path)
    if target is None:
        return "outside", None, None
    try:
        present = target.exists()
    except OSError as exc:  # a path too long, a folder that cannot be searched
        return "unreadable", msg("detail.os", error=exc.strerror or type(exc).__name__), None
    if not present:
        return "missing", None, None
    digest = ctx.sha256(target)
    if isinstance(digest, HashBudgetError):
        return "not_hashed", None, None
    if isinstance(digest, OSError):
        return "unreadable", msg("detail.os", error=digest.strerror or type(digest).__name__), None
    if item.sha256 and item.sha256.lower() != digest:
        return (
            "hash_mismatch",
            msg("detail.hash", expected=item.sha256.lower()[:12], actual=digest[:12]),
            digest,
        )
    if item.expires is not None and item.expires < ctx.as_of:
        return "expired", msg("detail.expired", expires=item.expires.isoformat()), digest
    if item.collected is not None and item.collected > ctx.as_of:
        return "future", None, digest
    problem = _freshness(item, spec, ctx)
    if problem is not None:
        return problem[0], problem[1], digest
    if spec is not None and spec.environment is not None and item.environment != spec.environment:
        actual = item.environment.value if item.environment else "?"
        return (
            "wrong_environment",
            msg("detail.environment", actual=actual, expected=spec.environment.value),
            digest,
        )
    return "ok", None, digest


def _freshness(
    item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext
) -> tuple[EvidenceStatus, Message] | None:
    rule = spec.freshness if spec else None
    if rule is None or not rule.binds(item.kind):
        return None
    if rule.max_age_days is not None:
        if item.collected is None:
            return "undated", msg("detail.undated_collected")
        if (ctx.as_of - item.collected).days > rule.max_age_days:
            return "stale", _with_policy(
                msg(
                    "detail.stale",
                    collected=item.collected.isoformat(),
                    days=rule.max_age_days,
                    as_of=ctx.as_of.isoformat(),
                ),
                rule,
            )
    if rule.min_remaining_days is not None:
        if item.expires is None:
            return "undated", msg("detail.undated_expires")
        if (item.expires - ctx.as_of).days < rule.min_remaining_days:
            detail = msg("detail.remaining", expires=item.expires.isoformat(), days=rule.min_remaining_days)
            return "stale", _with_policy(detail, rule)
    return None


def _with_policy(detail: Message, rule: Freshness) -> Message:
    """``detail``, then " — psc-check policy …" when the threshold is psc-check's own, so no one reads it as the ANS's."""
    if rule.policy is None:
        return detail
    label = msg("detail.policy", policy=rule.policy.key, rationale=rule.policy.rationale)
    return msg("detail.with_policy", detail=detail, policy=label)


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
    evidence: Sequence[EvidenceResult], status: Literal["verified", "contradicted", "not_checkable"]
) -> list[Reason]:
    """One reason per automated check of ``status`` on the evidence, naming the file, the check and why.

    The check's own reasons are coded messages too, shown joined; a set of reasons in a language-neutral order.
    """
    return [
        Reason(
            code=f"check_{status}",
            message=msg(f"reason.check_{status}", path=e.path, check=c.check, detail=_detail(c)),
        )
        for e in evidence
        for c in e.checks
        if c.status == status
    ]


def _detail(result: CheckResult) -> tuple[Message, ...]:
    """The check's reasons, in order; when they form a set, once each, in a language-neutral order."""
    if not result.unordered:
        return tuple(result.reasons)
    return tuple(sorted(set(result.reasons), key=Message.sort_key))
