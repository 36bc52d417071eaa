"""Assess one evidence item: present, inside the folder, hash, freshness, expiry, environment."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from checker.checks.base import CheckContext
from checker.checks.runner import AUTOMATED_KINDS, EvidenceCache, checks_on_item
from checker.inputs.limits import (
    MAX_EVIDENCE_HASH_BYTES,
    MAX_RUN_HASH_BYTES,
    MAX_RUN_HASH_SECONDS,
    size_text,
)
from checker.inputs.readfile import real_path
from checker.model.declaration import EvidenceItem, Subject
from checker.model.message import Message, kind_terms, msg
from checker.model.referential import EvidenceKind, EvidenceSpec, Freshness
from checker.model.report import ASSURANCE_RANK, Assurance, CheckResult, EvidenceResult, EvidenceStatus, Reason

__all__ = [
    "RECOGNISABLE_KINDS",
    "EvidenceContext",
    "HashBudget",
    "HashBudgetError",
    "assess_evidence",
    "best_assurance",
    "check_reasons",
    "hash_file",
    "kind_reasons",
    "resolve_inside",
]

_CHUNK = 1 << 20

RECOGNISABLE_KINDS = frozenset(AUTOMATED_KINDS)
"""The kinds psc-check recognises from a file's content; any other kind is accepted on its declared kind alone."""

_ALSO = {
    EvidenceKind.OIDC_CLIENT_CONFIG: frozenset({EvidenceKind.CONFIGURATION}),
    EvidenceKind.CIBA_CAPTURE: frozenset({EvidenceKind.HTTP_CAPTURE}),
    EvidenceKind.TLS_SCAN: frozenset({EvidenceKind.TEST_REPORT}),
}
"""A recognised kind is also one of these broader kinds: a client configuration is a configuration, a CIBA
capture an HTTP capture, a TLS scan a test report."""


def _fits(seen: EvidenceKind, kinds: set[EvidenceKind] | frozenset[EvidenceKind]) -> bool:
    """Whether content recognised as ``seen`` is one of ``kinds`` (itself, or a broader kind it belongs to)."""
    return seen in kinds or bool(_ALSO.get(seen, frozenset()) & kinds)


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
    level_term: Message | None = None
    """The declaration's level (and its label), and its subject (PSC client_id, environment), for the automated checks."""
    subject: Subject | None = None
    checked: EvidenceCache = field(default_factory=EvidenceCache)
    _resolved: dict[tuple[Path, str], Path | None] = field(default_factory=dict)
    _bases: dict[Path, Path] = field(default_factory=dict)
    _dirs: dict[Path, Path] = field(default_factory=dict)
    """Each folder evidence sits in, with its links followed: resolved once for all the files it holds."""

    def inside(self, raw: str) -> Path | None:
        """:func:`resolve_inside` of ``raw`` in this context's folder, each path resolved once (cached)."""
        key = (self.folder, raw)
        if key not in self._resolved:
            if self.folder not in self._bases:
                self._bases[self.folder] = self.folder.resolve()
            base = self._bases[self.folder]
            target = self._real(Path(raw) if Path(raw).is_absolute() else base / raw)
            self._resolved[key] = target if self.allow_outside or target == base or base in target.parents else None
        return self._resolved[key]

    def _real(self, path: Path) -> Path:
        """``real_path(path)``, its folder's links followed once per folder: only the last part is checked here."""
        name = path.name
        if name in ("", ".", ".."):
            return real_path(path)
        folder = self._dirs.get(path.parent)
        if folder is None:
            folder = self._dirs[path.parent] = real_path(path.parent)
        try:
            if stat.S_ISLNK(os.lstat(folder / name).st_mode):
                return real_path(folder / name)
        except (OSError, ValueError):
            pass  # missing or unreadable: resolved as written, as ``real_path`` does
        return folder / name

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


class NotRegularError(IsADirectoryError):
    """An evidence path that is a folder, a device or a pipe: not hashed."""


class TooLargeToHashError(OSError):
    """An evidence file larger than :data:`MAX_EVIDENCE_HASH_BYTES`: not hashed."""


def _os_detail(exc: OSError) -> Message:
    """Why a file could not be read, in the reader's language where psc-check itself refused it."""
    if isinstance(exc, NotRegularError):
        return msg("detail.not_regular")
    if isinstance(exc, TooLargeToHashError):
        return msg("detail.too_large_to_hash", limit=size_text(MAX_EVIDENCE_HASH_BYTES))
    return msg("detail.os", error=exc.strerror or type(exc).__name__)


def hash_file(path: Path, budget: HashBudget | None = None) -> str:
    """sha256 of a regular file of at most :data:`MAX_EVIDENCE_HASH_BYTES`, read in chunks, within ``budget``."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularError(21, "not a regular file")
    if info.st_size > MAX_EVIDENCE_HASH_BYTES:
        raise TooLargeToHashError(27, f"larger than {size_text(MAX_EVIDENCE_HASH_BYTES)}, not hashed")
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
    """The status of one evidence item for a requirement expecting ``spec``, its automated ``checks``, its assurance."""
    status, detail, actual = _assess(item, spec, ctx)
    results = _run_checks(item, spec, ctx, checks) if status == "ok" and checks else []
    recognised = _recognised(item, ctx) if status == "ok" and spec is not None else None
    expected = _of_expected_kind(item.kind, recognised, spec)
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
        recognised_kind=recognised.value if recognised else None,
        expected_kind=expected,
        assurance=_assurance(status, item, recognised, spec, expected, results),
    )


def _recognised(item: EvidenceItem, ctx: EvidenceContext) -> EvidenceKind | None:
    target = ctx.inside(item.path)
    return ctx.checked.kind(target) if target is not None else None


def _of_expected_kind(declared: EvidenceKind | None, seen: EvidenceKind | None, spec: EvidenceSpec | None) -> bool:
    """Whether the item counts as a kind the requirement expects.

    Its declared kind, when given, and its recognised content, when recognised, must both be expected kinds. A
    declared kind that a recogniser covers must also be recognised (a declared ``kind`` alone is not recognition);
    an unrecognised file of no declared kind fits only when the requirement accepts a kind no recogniser covers.
    """
    if spec is None:
        return True
    expected = set(spec.kinds)
    if declared is not None and declared not in expected:
        return False
    if seen is not None and not (_fits(seen, expected) and (declared is None or _fits(seen, {declared}))):
        return False
    if seen is not None:
        return True
    if declared is not None:
        return declared not in RECOGNISABLE_KINDS
    return any(k not in RECOGNISABLE_KINDS for k in expected)


def _assurance(
    status: EvidenceStatus,
    item: EvidenceItem,
    seen: EvidenceKind | None,
    spec: EvidenceSpec | None,
    expected: bool,
    results: Sequence[CheckResult],
) -> Assurance:
    """The ladder, each level requiring the one below: present (ok and tamper-evident), typed, machine verified."""
    if status != "ok" or not item.sha256:
        return Assurance.DECLARED
    if seen is None or not expected or spec is None:
        return Assurance.PRESENT
    statuses = {r.status for r in results}
    if "verified" in statuses and "contradicted" not in statuses:
        return Assurance.MACHINE_VERIFIED
    return Assurance.TYPED


def best_assurance(evidence: Sequence[EvidenceResult]) -> Assurance:
    """The best level any item supports; ``declared`` without evidence."""
    return max((e.assurance for e in evidence), key=ASSURANCE_RANK.__getitem__, default=Assurance.DECLARED)


def kind_reasons(evidence: Sequence[EvidenceResult], spec: EvidenceSpec | None) -> list[Reason]:
    """A reason per item that is not of an expected kind, naming the expected kinds and what was seen."""
    if spec is None:
        return []
    kinds = kind_terms([k.value for k in spec.kinds])
    out: list[Reason] = []
    for e in evidence:
        if e.status != "ok" or e.expected_kind:
            continue
        if e.kind is not None and e.kind not in spec.kinds:
            seen = msg("seen.declared", kind=kind_terms([e.kind]))
        elif e.recognised_kind is not None:
            seen = msg("seen.recognised", kind=kind_terms([e.recognised_kind]))
        elif e.kind is not None:
            seen = msg("seen.declared_unrecognised", kind=kind_terms([e.kind]))
        else:
            seen = msg("seen.nothing")
        out.append(
            Reason(
                code="evidence_kind_mismatch", message=msg("reason.kind_mismatch", path=e.path, kinds=kinds, seen=seen)
            )
        )
    return out


_Assessed = tuple[EvidenceStatus, Message | None, str | None]
"""The status, the detail that follows its label (or None), and the file's sha256 when it could be read."""


def _assess(item: EvidenceItem, spec: EvidenceSpec | None, ctx: EvidenceContext) -> _Assessed:
    target = ctx.inside(item.path)
    if target is None:
        return "outside", None, None
    try:
        present = target.exists()
    except OSError as exc:  # a path too long, a folder that cannot be searched
        return "unreadable", _os_detail(exc), None
    if not present:
        return "missing", None, None
    digest = ctx.sha256(target)
    if isinstance(digest, HashBudgetError):
        return "not_hashed", None, None
    if isinstance(digest, OSError):
        return "unreadable", _os_detail(digest), None
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
    if spec is not None and spec.environment is not None:
        environment = item.environment or (ctx.subject.psc_environment if ctx.subject else None)
        if environment is None:
            return "no_environment", msg("detail.no_environment", expected=spec.environment.value), digest
        if environment != spec.environment:
            return (
                "wrong_environment",
                msg("detail.environment", actual=environment.value, expected=spec.environment.value),
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
        level_term=ctx.level_term,
        client_id=subject.client_id_for(environment) if subject else None,
        min_remaining_days=rule.min_remaining_days
        if rule is not None and rule.binds(EvidenceKind.CERTIFICATE)
        else None,
        declared_expires=item.expires,
        hosts=tuple(subject.hosts) if subject else (),
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
