"""``evidence add`` and ``evidence refresh``: cite evidence files in a declaration, and keep their hashes and dates
current, editing the file in place (comments and layout kept) and atomically."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.app.write import write_atomic
from checker.checks.base import NotCheckable
from checker.checks.facts import FileFacts, facts_of
from checker.checks.kinds import CHECKED_KINDS
from checker.checks.reading import MAX_READ_BYTES, read_bounded
from checker.declaration.edit import EvidenceEditor, EvidenceEntry, LayoutChangeError, entries_yaml, unified_diff
from checker.declaration.load import LoadedDeclaration, load_declaration
from checker.errors import InputError, UsageError, msg
from checker.evaluation.applicability import why_applies
from checker.evaluation.evidence import hash_file, resolve_inside
from checker.i18n import message
from checker.inputs.readfile import real_path, require_regular_file
from checker.inputs.suggest import did_you_mean
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import load_yaml_text
from checker.model.declaration import Declaration
from checker.model.referential import EvidenceKind, Requirement
from checker.referential.load import LoadedReferential, load_referential

__all__ = [
    "EvidenceAddRequest",
    "EvidenceEditResult",
    "EvidenceRefreshRequest",
    "run_evidence_add",
    "run_evidence_refresh",
]


@dataclass(frozen=True, kw_only=True)
class _EditOptions:
    """How ``evidence add`` and ``evidence refresh`` edit the declaration: options the two requests share."""

    collected: dt.date | None = None
    """The collection date; the file's modification date when None."""
    dry_run: bool = False
    """Print the YAML to paste (add) or the diff (refresh) instead of editing the declaration."""
    allow_outside: bool = False
    referential: Path | None = None
    lang: str = "fr"


@dataclass(frozen=True)
class EvidenceAddRequest(_EditOptions):
    """What ``psc-check evidence add`` was asked to cite."""

    declaration: Path
    requirement: str
    files: tuple[Path, ...]
    kind: str | None = None
    """Forces the kind (with a warning when the requirement does not expect it); recognised from the content else."""
    environment: str | None = None
    """The PSC environment; else read from a certificate's issuer or a token's ``iss``, else left out."""
    description: str | None = None


@dataclass(frozen=True)
class EvidenceRefreshRequest(_EditOptions):
    """What ``psc-check evidence refresh`` was asked to bring up to date."""

    declaration: Path
    requirements: tuple[str, ...] = ()
    """The answers to refresh; every answer of the file when empty."""


@dataclass(frozen=True)
class EvidenceEditResult:
    lines: tuple[str, ...]
    """What was done, one line per file (standard output, before the diff)."""
    warnings: tuple[str, ...]
    output: str
    """The unified diff of the declaration, or with ``--dry-run`` the YAML to paste (add) or the diff (refresh)."""
    written: bool


@dataclass
class _Session:
    ref: LoadedReferential
    decl: LoadedDeclaration
    lang: str
    original: bytes
    warnings: list[str] = field(default_factory=list)

    def say(self, key: str, **params: Any) -> str:
        return message(key, self.lang, **params)

    def refuse(self, key: str, **params: Any) -> InputError:
        """An error holding the message ``key`` (put into words in the run's language by the command line)."""
        return InputError(
            msg(key, **{name: value if isinstance(value, int) else str(value) for name, value in params.items()})
        )


def _open(path: Path, referential: Path | None, lang: str) -> _Session:
    ref = load_referential(referential)
    decl = load_declaration(path, ref)
    return _Session(ref, decl, lang, path.read_bytes())


def run_evidence_add(request: EvidenceAddRequest) -> EvidenceEditResult:
    """Cite ``request.files`` in the answer to ``request.requirement``: kind, sha256, dates; write or print."""
    s = _open(request.declaration, request.referential, request.lang)
    req = _requirement(s, request.requirement)
    entries = [_entry(s, req, file, request) for file in request.files]
    if request.dry_run:
        head = "# " + s.say("evidence_edit.paste", declaration=request.declaration) + "\n"
        return EvidenceEditResult((), tuple(s.warnings), head + entries_yaml(req.id, entries), written=False)
    editor = EvidenceEditor(s.original.decode("utf-8"))
    done = [(entry, editor.add(req.id, entry)) for entry in entries]
    keys = {"added": "evidence_edit.added", "updated": "evidence_edit.updated"}
    lines = tuple(s.say(keys[how], requirement=req.id, path=entry.path) for entry, how in done)
    return _write(s, editor, lines, dry_run=False)


def run_evidence_refresh(request: EvidenceRefreshRequest) -> EvidenceEditResult:
    """Recompute the sha256 and dates of the cited files that changed; status and justification never touched."""
    s = _open(request.declaration, request.referential, request.lang)
    own = [r for r in s.decl.model.answers if s.decl.answer_file(r) == s.decl.path]
    for wanted in request.requirements:
        if wanted not in own:
            raise s.refuse("evidence_edit.not_answered", declaration=request.declaration, requirement=wanted)
    editor = EvidenceEditor(s.original.decode("utf-8"))
    lines: list[str] = []
    for req_id in request.requirements or tuple(own):
        for index, item in enumerate(s.decl.model.answers[req_id].evidence):
            changes = _refreshed(s, req_id, item.path, item, request, lines)
            if changes:
                editor.update(req_id, index, changes)
    if not lines:
        lines.append(s.say("evidence_edit.refresh_none"))
    return _write(s, editor, tuple(lines), dry_run=request.dry_run)


def _requirement(s: _Session, req_id: str) -> Requirement:
    where = s.decl.path
    req = s.ref.requirements.get(req_id)
    if req is None:
        hint = did_you_mean(req_id, s.ref.requirements) or msg("evidence_edit.see_list")
        raise UsageError(
            msg("evidence_edit.unknown_requirement", declaration=str(where), requirement=req_id, hint=hint)
        )
    if why_applies(s.ref, req, s.decl.model) is None:
        raise s.refuse("evidence_edit.not_applicable", declaration=where, requirement=req_id)
    source = s.decl.answer_file(req_id)
    if source != s.decl.path:
        raise s.refuse("evidence_edit.inherited", declaration=where, requirement=req_id, source=source)
    return req


def _entry(s: _Session, req: Requirement, file: Path, request: EvidenceAddRequest) -> EvidenceEntry:
    require_regular_file(file, msg("evidence_edit.one_file"), missing=msg("evidence_edit.missing"))
    real, recorded = _located(s, file, allow_outside=request.allow_outside)
    digest = _sha256(s, real, file)
    facts = _facts(real)
    kind = _kind(s, req, str(file), facts, EvidenceKind(request.kind) if request.kind else None)
    if kind is not facts.kind and kind is not None:
        facts = _facts(real, kind)
    if facts.token_exp is not None:
        s.warnings.append(s.say("evidence_edit.token_exp", path=file, exp=facts.token_exp.isoformat()))
    environment = request.environment or (facts.environment.value if facts.environment else None)
    return EvidenceEntry(
        path=recorded,
        sha256=digest,
        collected=request.collected or _modified(real),
        expires=facts.expires,
        environment=environment,
        kind=kind.value if kind else None,
        description=request.description,
    )


def _located(s: _Session, file: Path, *, allow_outside: bool) -> tuple[Path, str]:
    """The file's real path, and the path to write: relative to the declaration's folder, with ``/``."""
    folder = s.decl.folder.resolve()
    real = real_path(file)
    if not (folder in real.parents or allow_outside):
        raise s.refuse("evidence_edit.outside", path=file, folder=s.decl.folder)
    return real, Path(os.path.relpath(real, folder)).as_posix()


def _sha256(s: _Session, real: Path, shown: Path | str) -> str:
    try:
        return hash_file(real)
    except OSError as exc:
        raise s.refuse("evidence_edit.unreadable", path=shown, error=exc.strerror or type(exc).__name__) from None


def _facts(real: Path, kind: EvidenceKind | None = None) -> FileFacts:
    try:
        return facts_of(read_bounded(real, MAX_READ_BYTES), kind)
    except NotCheckable:  # too large, empty, binary: nothing recognised from the content
        return FileFacts(kind=None)


def _kind(
    s: _Session, req: Requirement, path: str, facts: FileFacts, forced: EvidenceKind | None
) -> EvidenceKind | None:
    expected = req.evidence.kinds if req.evidence else []
    names = ", ".join(k.value for k in expected) or "—"
    if forced is not None:
        if expected and forced not in expected:
            s.warnings.append(
                s.say("evidence_edit.kind_forced", path=path, kind=forced.value, requirement=req.id, expected=names)
            )
        if facts.kind is not None and facts.kind is not forced:
            s.warnings.append(
                s.say("evidence_edit.kind_differs", path=path, kind=forced.value, recognised=facts.kind.value)
            )
        return forced
    if facts.kind is not None:
        if expected and facts.kind not in expected:
            raise s.refuse(
                "evidence_edit.kind_unexpected", path=path, kind=facts.kind.value, requirement=req.id, expected=names
            )
        return facts.kind
    # Not a kind psc-check recognises: one of the expected kinds it cannot recognise, when only one is left.
    left = [k for k in expected if k.value not in CHECKED_KINDS]
    if len(left) == 1:
        return left[0]
    if not expected:
        return None
    raise s.refuse("evidence_edit.kind_unknown", path=path, expected=", ".join(k.value for k in left) or names)


def _modified(real: Path) -> dt.date:
    return dt.date.fromtimestamp(real.stat().st_mtime)


def _refreshed(
    s: _Session, req_id: str, raw: str, item: Any, request: EvidenceRefreshRequest, lines: list[str]
) -> dict[str, Any]:
    """The changes for one cited file (empty when it did not change); each change listed in ``lines``."""
    say: Callable[..., str] = s.say
    target = resolve_inside(s.decl.folder, raw, allow_outside=request.allow_outside)
    if target is None:
        lines.append(say("evidence_edit.refresh_outside", requirement=req_id, path=raw))
        return {}
    if not target.is_file():
        lines.append(say("evidence_edit.refresh_missing", requirement=req_id, path=raw))
        return {}
    digest = _sha256(s, target, raw)
    if item.sha256 is None or item.sha256.lower() == digest:
        return {}
    changes: dict[str, Any] = {"sha256": digest}
    collected = request.collected or _modified(target)
    if collected != item.collected:
        changes["collected"] = collected
    facts = _facts(target, item.kind)
    if facts.expires is not None and facts.expires != item.expires:
        changes["expires"] = facts.expires
    before = {"sha256": item.sha256[:12] + "…", "collected": item.collected, "expires": item.expires}
    shown = [
        say(
            "evidence_edit.refresh_field",
            field=k,
            old=before[k] or "—",
            new=str(v)[:12] + ("…" if k == "sha256" else ""),
        )
        for k, v in changes.items()
    ]
    lines.append(say("evidence_edit.refresh_change", requirement=req_id, path=raw, changes=", ".join(shown)))
    return changes


def _write(s: _Session, editor: EvidenceEditor, lines: tuple[str, ...], *, dry_run: bool) -> EvidenceEditResult:
    """Check the edited text (layout kept, a valid declaration), then write it atomically unless ``dry_run``."""
    path = s.decl.path
    try:
        text = editor.text()
    except LayoutChangeError as exc:
        raise s.refuse("evidence_edit.layout", declaration=path, where=str(exc)) from None
    original = s.original.decode("utf-8")
    diff = unified_diff(original, text, path.as_posix())
    if not diff:
        return EvidenceEditResult(lines, tuple(s.warnings), "", written=False)
    validate_document(load_yaml_text(text, str(path)), Declaration)  # never write a declaration psc-check refuses
    if dry_run:
        return EvidenceEditResult(lines, tuple(s.warnings), diff, written=False)
    if path.read_bytes() != s.original:
        raise s.refuse("evidence_edit.changed_meanwhile", declaration=path)
    write_atomic(path, text.encode("utf-8"))
    return EvidenceEditResult(lines, tuple(s.warnings), diff, written=True)
