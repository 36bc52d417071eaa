"""Compare two editions of a referential, and what the changes mean for a declaration's answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from checker.model.declaration import Declaration
from checker.model.message import Message, msg
from checker.model.referential import Requirement
from checker.referential.load import LoadedReferential

__all__ = ["AnswerMove", "Change", "EditionDiff", "classify_answers", "diff_editions"]

ChangeKind = Literal["added", "removed", "changed", "renamed", "split", "merged"]
Field = Literal["title", "statement", "actors", "levels", "obligation", "evidence", "applicability", "theme"]
_WORDING: frozenset[str] = frozenset({"title", "statement"})
_SCOPE: tuple[Field, ...] = ("actors", "levels", "obligation", "evidence", "applicability", "theme")


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    fields: tuple[str, ...] = ()

    @property
    def wording_only(self) -> bool:
        return bool(self.fields) and set(self.fields) <= _WORDING


@dataclass(frozen=True)
class EditionDiff:
    old: LoadedReferential
    new: LoadedReferential
    changes: list[Change] = field(default_factory=list)


def _changed_fields(old: Requirement, new: Requirement) -> tuple[str, ...]:
    out = [name for name in ("title", "statement") if getattr(old, name) != getattr(new, name)]
    if set(old.actors) != set(new.actors):
        out.append("actors")
    if set(old.levels) != set(new.levels):
        out.append("levels")
    out += [
        name
        for name in ("obligation", "evidence", "applicability", "theme")
        if getattr(old, name) != getattr(new, name)
    ]
    return tuple(out)


def diff_editions(old: LoadedReferential, new: LoadedReferential) -> EditionDiff:
    """Every requirement added, removed, changed, renamed, split or merged from ``old`` to ``new``."""
    changes: list[Change] = []
    replaced: set[str] = set()
    split_from: dict[str, list[str]] = {}
    for req in new.model.requirements:
        rep = req.replaces
        if rep is None:
            continue
        replaced.update(rep.ids)
        if rep.kind == "split":
            split_from.setdefault(rep.ids[0], []).append(req.id)
        elif rep.kind == "merged":
            changes.append(Change("merged", tuple(rep.ids), (req.id,)))
        else:
            old_req = old.requirements.get(rep.ids[0])
            fields = _changed_fields(old_req, req) if old_req else ()
            changes.append(Change("renamed", tuple(rep.ids), (req.id,), fields))
    changes += [Change("split", (old_id,), tuple(new_ids)) for old_id, new_ids in split_from.items()]
    for req in new.model.requirements:
        old_req = old.requirements.get(req.id)
        if old_req is None:
            if req.replaces is None:
                changes.append(Change("added", (), (req.id,)))
            continue
        fields = _changed_fields(old_req, req)
        if fields:
            changes.append(Change("changed", (req.id,), (req.id,), fields))
    changes += [
        Change("removed", (req.id,), ())
        for req in old.model.requirements
        if req.id not in new.requirements and req.id not in replaced
    ]
    changes.sort(key=lambda c: (c.old_ids or c.new_ids, c.kind))
    return EditionDiff(old, new, changes)


Verdict = Literal["carries_over", "reconfirm", "reassess", "obsolete", "new"]


@dataclass(frozen=True)
class AnswerMove:
    """What becomes of one answer (or one new requirement) in the new edition."""

    verdict: Verdict
    old_id: str | None
    new_id: str | None
    why: Message


def classify_answers(diff: EditionDiff, decl: Declaration, applicable_new: set[str]) -> list[AnswerMove]:
    """Classify each answer of ``decl``, plus each new applicable requirement left unanswered."""
    by_old: dict[str, Change] = {}
    for change in diff.changes:
        for old_id in change.old_ids:
            by_old[old_id] = change
    moves: list[AnswerMove] = []
    covered: set[str] = set()
    for old_id in sorted(decl.answers):
        found = by_old.get(old_id)
        added = _move(old_id, found, diff)
        moves += added
        covered.update(m.new_id for m in added if m.new_id)
        if found is None and old_id in diff.new.requirements:
            covered.add(old_id)
    for new_id in sorted(applicable_new - covered):
        moves.append(AnswerMove("new", None, new_id, msg("move_reason.new")))
    return moves


def _move(old_id: str, change: Change | None, diff: EditionDiff) -> list[AnswerMove]:
    if change is None:
        if old_id in diff.new.requirements:
            return [AnswerMove("carries_over", old_id, old_id, msg("move_reason.unchanged"))]
        return [AnswerMove("obsolete", old_id, None, msg("move_reason.absent"))]
    if change.kind == "removed":
        return [AnswerMove("obsolete", old_id, None, msg("move_reason.removed"))]
    if change.kind in ("changed", "renamed"):
        new_id = change.new_ids[0]
        how = msg("move_reason.renamed_to", new_id=new_id) if change.kind == "renamed" else msg("move_reason.changed")
        fields = ", ".join(change.fields)
        if not change.fields:
            return [AnswerMove("carries_over", old_id, new_id, msg("move_reason.same_content", how=how))]
        if change.wording_only:
            return [AnswerMove("reconfirm", old_id, new_id, msg("move_reason.wording", how=how, fields=fields))]
        return [AnswerMove("reassess", old_id, new_id, msg("move_reason.scope", how=how, fields=fields))]
    if change.kind == "split":
        why = msg("move_reason.split", old_id=old_id, new_ids=", ".join(change.new_ids))
        return [AnswerMove("reassess", old_id, n, why) for n in change.new_ids]
    why = msg("move_reason.merged", old_ids=", ".join(change.old_ids), new_id=change.new_ids[0])
    return [AnswerMove("reassess", old_id, change.new_ids[0], why)]
