"""Run registered checks on an evidence file: the kind (declared or recognised), one parse, one result per check."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, cast

from checker.checks.base import CheckContext, CheckFunction, NotCheckable, not_checkable
from checker.checks.reading import MAX_READ_BYTES, read_bounded
from checker.checks.recognise import recognise
from checker.checks.registry import CHECKED_KINDS, CHECKS
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


def _module(check_id: str) -> ModuleType:
    return importlib.import_module(CHECKS[check_id].partition(":")[0])


def kind_of(check_id: str) -> EvidenceKind:
    """The evidence kind ``check_id`` reads."""
    return cast(EvidenceKind, _module(check_id).KIND)


def checks_for(kind: EvidenceKind) -> list[str]:
    """Every registered check reading ``kind``, in registry order."""
    return [c for c in CHECKS if kind_of(c) is kind]


def _parse(path: Path, kind: EvidenceKind, ctx: CheckContext) -> Any:
    module = _module(checks_for(kind)[0])
    return module.load(read_bounded(path, int(module.MAX_BYTES), ctx), ctx)


def _run(check_ids: Sequence[str], data: Any, ctx: CheckContext) -> list[CheckResult]:
    out: list[CheckResult] = []
    for check_id in check_ids:
        module_name, _, function = CHECKS[check_id].partition(":")
        run = cast(CheckFunction, getattr(importlib.import_module(module_name), function))
        try:
            out.append(run(data, ctx))
        except _UNEXPECTED as exc:  # malformed evidence the parser let through: never a crash
            out.append(not_checkable(check_id, ctx.say("run.unexpected", error=type(exc).__name__)))
    return out


@dataclass
class EvidenceCache:
    """Kinds recognised and files parsed during one evaluation (a file cited twice is read once)."""

    kinds: dict[Path, EvidenceKind | None] = field(default_factory=dict)
    parsed: dict[tuple[Path, EvidenceKind], Any] = field(default_factory=dict)

    def kind(self, path: Path, ctx: CheckContext) -> EvidenceKind | None:
        if path not in self.kinds:
            try:
                self.kinds[path] = recognise(read_bounded(path, MAX_READ_BYTES, ctx), ctx)
            except NotCheckable:
                self.kinds[path] = None
        return self.kinds[path]

    def parse(self, path: Path, kind: EvidenceKind, ctx: CheckContext) -> Any:
        key = (path, kind)
        if key not in self.parsed:
            try:
                self.parsed[key] = _parse(path, kind, ctx)
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
    kind = declared or cache.kind(path, ctx)
    if kind not in AUTOMATED_KINDS:
        return []
    fitting = [c for c in check_ids if c in CHECKS and kind_of(c) is kind]
    if not fitting:
        return []
    try:
        data = cache.parse(path, kind, ctx)
    except NotCheckable as exc:
        return [not_checkable(c, exc.reason) for c in fitting]
    return _run(fitting, data, ctx)


@dataclass(frozen=True)
class FileCheck:
    """Every check of one file's kind, and why the file could not be checked at all, if so."""

    kind: EvidenceKind | None
    kind_source: Literal["declared", "recognised"] | None
    results: list[CheckResult]
    unreadable: str | None = None


def check_file(path: Path, kind: EvidenceKind | None, ctx: CheckContext) -> FileCheck:
    """Run every check of the file's kind (``kind``, else recognised from the content)."""
    source: Literal["declared", "recognised"] = "declared"
    if kind is None:
        source = "recognised"
        try:
            kind = recognise(read_bounded(path, MAX_READ_BYTES, ctx), ctx)
        except NotCheckable as exc:
            return FileCheck(None, None, [], exc.reason)
        if kind is None:
            return FileCheck(None, None, [], ctx.say("run.unrecognised"))
    ids = checks_for(kind)
    try:
        data = _parse(path, kind, ctx)
    except NotCheckable as exc:
        return FileCheck(kind, source, [not_checkable(c, exc.reason) for c in ids], exc.reason)
    return FileCheck(kind, source, _run(ids, data, ctx))
