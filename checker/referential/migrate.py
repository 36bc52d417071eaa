"""Write a declaration migrated to a new referential edition, saying why for each answer that moved."""

from __future__ import annotations

import re
from typing import Any

import yaml

from checker.i18n import Translator
from checker.model.declaration import Declaration
from checker.referential.diff import AnswerMove

__all__ = ["dump_yaml", "migrated_declaration_text"]


class _Dumper(yaml.SafeDumper):
    """Plain block YAML, never anchors or aliases (the strict loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """ISO dates stay plain (``2026-01-12``), other text is quoted only where YAML needs it."""
    if _ISO_DATE.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value)
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def _indent(text: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(keepends=True))


def migrated_declaration_text(
    decl: Declaration, moves: list[AnswerMove], old_version: str, new_version: str, lang: str = "fr"
) -> str:
    """The migrated declaration: answers kept where they carry over, the rest `not_assessed` with the reason."""
    t = Translator(lang)
    raw: dict[str, Any] = decl.model_dump(mode="json", exclude_none=True)
    answers: dict[str, Any] = dict(raw.get("answers") or {})
    out_answers: dict[str, tuple[dict[str, Any], list[str]]] = {}
    obsolete: list[AnswerMove] = []
    for move in moves:
        if move.new_id is None:
            obsolete.append(move)
            continue
        previous = answers.get(move.old_id) if move.old_id else None
        entry, notes = out_answers.get(move.new_id, ({}, []))
        if move.verdict in ("carries_over", "reconfirm") and previous is not None:
            entry = dict(previous)
        elif not entry:
            entry = {"status": "not_assessed"}
            if previous is not None:
                entry["justification"] = previous.get("justification")
                entry["evidence"] = previous.get("evidence") or []
        if move.verdict != "carries_over":
            status = t.label("status", previous.get("status")) if previous is not None else ""
            was = t("migrate.was", old_id=move.old_id, status=status) if previous is not None else ""
            notes.append(t("migrate.note", verdict=t("migrate." + move.verdict), why=t.text(move.why), was=was))
        out_answers[move.new_id] = (entry, notes)
    head = {k: v for k, v in raw.items() if k != "answers"}
    lines = [f"# {t('migrate.head', old_version=old_version, new_version=new_version)}\n"]
    lines += [f"# {t('migrate.obsolete_removed', old_id=m.old_id, why=t.text(m.why))}\n" for m in obsolete]
    lines.append(dump_yaml(head))
    lines.append("answers:\n" if out_answers else "answers: {}\n")
    for new_id in sorted(out_answers):
        entry, notes = out_answers[new_id]
        lines += [f"  # {note}\n" for note in notes]
        lines.append(_indent(dump_yaml({new_id: entry}), "  "))
    return "".join(lines)
