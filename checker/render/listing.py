"""Render the requirements of a referential as a table, JSON, CSV or Markdown (``referentiel list/show``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker.i18n import Translator
from checker.inputs.jsondump import sorted_json
from checker.inputs.textsafe import csv_cell, terminal_text
from checker.model.referential import Requirement
from checker.referential.load import LoadedReferential

__all__ = [
    "RequirementList",
    "RequirementSheet",
    "render_list_csv",
    "render_list_json",
    "render_list_md",
    "render_list_table",
    "render_sheet_json",
    "render_sheet_text",
]


@dataclass(frozen=True)
class RequirementList:
    """The requirements ``referentiel list`` selected, in referential order."""

    referential: LoadedReferential
    requirements: tuple[Requirement, ...]
    lang: str = "fr"
    """The language of the table and Markdown (labels); JSON and CSV keep codes."""


@dataclass(frozen=True)
class RequirementSheet:
    """One requirement, for ``referentiel show``."""

    referential: LoadedReferential
    requirement: Requirement
    lang: str = "fr"


def _terminal(
    render: Callable[[LoadedReferential, list[Requirement], Translator], str],
) -> Callable[[RequirementList], bytes]:
    """``render`` as a renderer of a list: text printed on a terminal, controls made visible."""

    def rendered(document: RequirementList) -> bytes:
        t = Translator(document.lang)
        return terminal_text(render(document.referential, list(document.requirements), t)).encode("utf-8")

    return rendered


def _summary(req: Requirement) -> dict[str, Any]:
    return req.model_dump(mode="json", exclude_none=True)


def _json(ref: LoadedReferential, reqs: list[Requirement], t: Translator) -> str:
    return sorted_json([_summary(r) for r in reqs]) + "\n"


_COLUMNS = ("id", "obligation", "theme", "actors", "levels", "basis", "title")
"""CSV columns (codes, for machines)."""

_HEADINGS = (
    "label.requirement",
    "label.obligation",
    "label.theme",
    "label.actors",
    "label.levels",
    "label.basis",
    "label.title",
)
"""Table and Markdown column headings (labels, for people)."""


def _row(req: Requirement) -> list[str]:
    return [
        req.id,
        req.obligation.value,
        req.theme,
        ",".join(req.actors),
        ",".join(req.levels),
        req.provenance.basis.value,
        req.title,
    ]


def _label_row(ref: LoadedReferential, req: Requirement, t: Translator) -> list[str]:
    """A requirement for people: obligation, theme, levels and basis by their labels (actors by their short ids)."""
    labels = ref.labels_in(t.lang)
    return [
        req.id,
        t(f"obligation.{req.obligation.value}"),
        labels.theme(req.theme),
        ", ".join(req.actors),
        ", ".join(labels.level(lv) for lv in req.levels),
        t(f"basis.{req.provenance.basis.value}"),
        req.title,
    ]


def _headings(t: Translator) -> list[str]:
    return [t(h) for h in _HEADINGS]


def _csv(ref: LoadedReferential, reqs: list[Requirement], t: Translator) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_COLUMNS, "sources"])
    for req in reqs:
        writer.writerow([csv_cell(v) for v in [*_row(req), " ".join(req.provenance.sources)]])
    return buffer.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md(ref: LoadedReferential, reqs: list[Requirement], t: Translator) -> str:
    lines = [
        f"| {' | '.join(_headings(t))} |",
        f"|{'---|' * len(_HEADINGS)}",
    ]
    lines += [f"| {' | '.join(_md_escape(c) for c in _label_row(ref, r, t))} |" for r in reqs]
    return "\n".join(lines) + "\n"


def _table(ref: LoadedReferential, reqs: list[Requirement], t: Translator) -> str:
    rows = [_headings(t), *(_label_row(ref, r, t) for r in reqs)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADINGS) - 1)]
    out = ["  ".join(cell.ljust(widths[i]) if i < len(widths) else cell for i, cell in enumerate(row)) for row in rows]
    out.append(t("listing.count", count=len(reqs), title=ref.model.metadata.title, version=ref.version))
    return "\n".join(line.rstrip() for line in out) + "\n"


render_list_table = _terminal(_table)
render_list_json = _terminal(_json)
render_list_csv = _terminal(_csv)
render_list_md = _terminal(_md)


def render_sheet_json(document: RequirementSheet) -> bytes:
    """One requirement, whole, as JSON."""
    text = sorted_json(_summary(document.requirement)) + "\n"
    return terminal_text(text).encode("utf-8")


def render_sheet_text(document: RequirementSheet) -> bytes:
    """One requirement, whole, as text for a terminal."""
    return terminal_text(_sheet(document.referential, document.requirement, document.lang)).encode("utf-8")


def _sheet(ref: LoadedReferential, req: Requirement, lang: str) -> str:
    t = Translator(lang)
    labels = ref.labels_in(lang)
    sources = {s.key: s for s in ref.model.metadata.sources}
    lines = [
        f"{req.id} — {req.title}",
        "",
        req.statement,
        "",
        t("show.obligation", value=t(f"obligation.{req.obligation.value}")),
        t("show.theme", value=labels.theme(req.theme)),
        t("show.actors", value=", ".join(labels.actor(a) for a in req.actors)),
        t("show.levels", value=", ".join(labels.level(lv) for lv in req.levels)),
    ]
    if req.evidence:
        kinds = ", ".join(t(f"kind.{k.value}") for k in req.evidence.kinds)
        lines.append(t("show.evidence", kinds=kinds, description=req.evidence.description))
        lines += _freshness_lines(req, t)
    if req.checks:
        lines.append(t("show.checks", checks=", ".join(req.checks)))
    if req.deadline:
        lines.append(t("show.deadline", value=req.deadline.isoformat()))
    if req.remediation:
        lines += ["", t("show.remediation", value=req.remediation)]
    lines += ["", t("show.provenance", value=t(f"basis.{req.provenance.basis.value}"))]
    for key in req.provenance.sources:
        src = sources.get(key)
        lines.append(f"  [{key}] {src.title if src else ''} {(src.url or src.reference or '') if src else ''}".rstrip())
    lines += ["  " + t("show.reference", scheme=r.scheme, id=r.id) for r in req.provenance.references]
    lines += ["  " + t("show.locator", source=loc.source, at=loc.at) for loc in req.provenance.locators]
    lines += ["  " + t("show.quote", source=q.source, text=q.text) for q in req.provenance.quotes]
    if req.provenance.note:
        lines.append("  " + t("show.note", value=req.provenance.note))
    if req.provenance.conflict:
        lines.append("  " + t("show.conflict", value=req.provenance.conflict))
    inherited = ref.inherited_by(req)
    if inherited:
        lines += ["", t("show.inheritance")]
        lines += [
            "  " + t("show.inherited", actor=actor, inherits=rule.inherits, rationale=rule.rationale.in_lang(t.lang))
            for actor, rule in inherited.items()
        ]
    return "\n".join(lines) + "\n"


def _freshness_lines(req: Requirement, t: Translator) -> list[str]:
    fresh = req.evidence.freshness if req.evidence else None
    if fresh is None:
        return []
    parts = []
    if fresh.max_age_days is not None:
        parts.append(t("show.max_age", days=fresh.max_age_days))
    if fresh.min_remaining_days is not None:
        parts.append(t("show.min_remaining", days=fresh.min_remaining_days))
    line = t("show.freshness", rules=", ".join(parts))
    if fresh.policy is not None:
        line += t("show.policy", by=fresh.policy.by, name=fresh.policy.key, rationale=fresh.policy.rationale)
    return [line]
