"""Run registered checks on an evidence file: the kind (declared or recognised), one parse, one result per check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from checker.checks.base import Check, CheckContext, NotCheckable, say
from checker.checks.kinds import CHECKED_KINDS
from checker.checks.reading import MAX_READ_BYTES, read_bounded
from checker.checks.recognise import recognise
from checker.checks.registry import kind_checks, registered
from checker.model.message import Message
from checker.model.referential import EvidenceKind
from checker.model.report import CheckResult

__all__ = [
    "AUTOMATED_KINDS",
    "EvidenceCache",
    "FileCheck",
    "check_file",
    "checks_for",
    "checks_on_item",
    "kind_of",
]

AUTOMATED_KINDS = tuple(EvidenceKind(kind) for kind in CHECKED_KINDS)
"""Evidence kinds psc-check can read and verify."""

_UNEXPECTED = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def kind_of(check_id: str) -> EvidenceKind:
    """The evidence kind ``check_id`` reads."""
    return registered()[check_id].kind


def checks_for(kind: EvidenceKind) -> list[str]:
    """Every registered check reading ``kind``, in registry order."""
    return [c.id for c in kind_checks()[kind].checks]


def _parse(path: Path, kind: EvidenceKind) -> Any:
    family = kind_checks()[kind]
    return family.load(read_bounded(path, family.max_bytes))


def _run(checks: Sequence[Check[Any]], data: Any, ctx: CheckContext) -> list[CheckResult]:
    out: list[CheckResult] = []
    for check in checks:
        try:
            out.append(check(data, ctx))
        except _UNEXPECTED as exc:  # malformed evidence the parser let through: never a crash
            out.append(check.not_checkable(say("run.unexpected", error=type(exc).__name__)))
    return out


@dataclass
class EvidenceCache:
    """Kinds recognised and files parsed during one evaluation (a file cited twice is read once)."""

    kinds: dict[Path, EvidenceKind | None] = field(default_factory=dict)
    parsed: dict[tuple[Path, EvidenceKind], Any] = field(default_factory=dict)

    def kind(self, path: Path) -> EvidenceKind | None:
        if path not in self.kinds:
            try:
                self.kinds[path] = recognise(read_bounded(path, MAX_READ_BYTES))
            except NotCheckable:
                self.kinds[path] = None
        return self.kinds[path]

    def parse(self, path: Path, kind: EvidenceKind) -> Any:
        key = (path, kind)
        if key not in self.parsed:
            try:
                self.parsed[key] = _parse(path, kind)
            except NotCheckable as exc:
                self.parsed[key] = NotCheckable(exc.reason)  # the reason only: no traceback, no chained exception
        found = self.parsed[key]
        if isinstance(found, NotCheckable):
            # A fresh exception each time: the stored one would gather tracebacks whose frames hold this cache,
            # a reference cycle that keeps a whole evaluation alive until the cyclic collector runs.
            raise NotCheckable(found.reason)
        return found


def checks_on_item(
    path: Path, declared: EvidenceKind | None, check_ids: Sequence[str], ctx: CheckContext, cache: EvidenceCache
) -> list[CheckResult]:
    """Results of the requirement's checks that read this item's kind (declared, else recognised)."""
    if not check_ids:
        return []
    kind = declared or cache.kind(path)
    if kind not in kind_checks():
        return []
    known = registered()
    fitting = [known[c] for c in check_ids if c in known and known[c].kind is kind]
    if not fitting:
        return []
    try:
        data = cache.parse(path, kind)
    except NotCheckable as exc:
        return [c.not_checkable(exc.reason) for c in fitting]
    return _run(fitting, data, ctx)


@dataclass(frozen=True)
class FileCheck:
    """Every check of one file's kind, and why the file could not be checked at all, if so."""

    kind: EvidenceKind | None
    kind_source: Literal["declared", "recognised"] | None
    results: list[CheckResult]
    unreadable: Message | None = None


def check_file(path: Path, kind: EvidenceKind | None, ctx: CheckContext) -> FileCheck:
    """Run every check of the file's kind (``kind``, else recognised from the content)."""
    source: Literal["declared", "recognised"] = "declared"
    if kind is None:
        source = "recognised"
        try:
            kind = recognise(read_bounded(path, MAX_READ_BYTES))
        except NotCheckable as exc:
            return FileCheck(None, None, [], exc.reason)
        if kind is None:
            return FileCheck(None, None, [], say("run.unrecognised"))
    checks = kind_checks()[kind].checks
    try:
        data = _parse(path, kind)
    except NotCheckable as exc:
        return FileCheck(kind, source, [c.not_checkable(exc.reason) for c in checks], exc.reason)
    return FileCheck(kind, source, _run(checks, data, ctx))
