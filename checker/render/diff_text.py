"""Render an edition diff (and the fate of a declaration's answers) as text or JSON."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.i18n import Translator
from checker.inputs.jsondump import sorted_json
from checker.inputs.textsafe import terminal_text
from checker.referential.diff import AnswerMove, EditionDiff

__all__ = ["DiffDocument", "render_diff_json", "render_diff_text"]


@dataclass(frozen=True)
class DiffDocument:
    """What ``psc-check diff`` shows: the changes between two editions, and what becomes of each answer."""

    diff: EditionDiff
    moves: tuple[AnswerMove, ...] = ()
    """Empty without ``--declaration``."""
    lang: str = "fr"


def render_diff_text(document: DiffDocument) -> bytes:
    """The diff as lines of text for a terminal (terminal controls made visible)."""
    diff, moves, t = document.diff, document.moves, Translator(document.lang)
    lines = [f"{diff.old.id} {diff.old.version} → {diff.new.id} {diff.new.version}"]
    counts = Counter(c.kind for c in diff.changes)
    lines.append(
        "  " + " · ".join(f"{t('change.' + k)}: {n}" for k, n in sorted(counts.items()))
        if counts
        else "  " + t("diff.no_change")
    )
    for c in diff.changes:
        fields = f" ({', '.join(t('field.' + f) for f in c.fields)})" if c.fields else ""
        lines.append(
            f"  [{t('change.' + c.kind)}] {', '.join(c.old_ids) or '—'} → {', '.join(c.new_ids) or '—'}{fields}"
        )
    if moves:
        verdicts = Counter(m.verdict for m in moves)
        counted = " · ".join(f"{t('move.' + v)}: {n}" for v, n in sorted(verdicts.items()))
        lines += ["", t("diff.answers", counts=counted)]
        lines += [
            "  "
            + t(
                "diff.move", verdict=t("move." + m.verdict), old=m.old_id or "—", new=m.new_id or "—", why=t.text(m.why)
            )
            for m in moves
            if m.verdict != "carries_over"
        ]
    return terminal_text("\n".join(lines) + "\n").encode("utf-8")


def render_diff_json(document: DiffDocument) -> bytes:
    """The diff as JSON (sorted keys)."""
    diff, moves, t = document.diff, document.moves, Translator(document.lang)
    data = {
        "old": {"id": diff.old.id, "version": diff.old.version, "sha256": diff.old.sha256},
        "new": {"id": diff.new.id, "version": diff.new.version, "sha256": diff.new.sha256},
        "changes": [
            {"kind": c.kind, "old_ids": list(c.old_ids), "new_ids": list(c.new_ids), "fields": list(c.fields)}
            for c in diff.changes
        ],
        "answers": [
            {"verdict": m.verdict, "old_id": m.old_id, "new_id": m.new_id, "why": t.text(m.why)} for m in moves
        ],
    }
    return (sorted_json(data) + "\n").encode("utf-8")
