"""Render the requirements of a referential as a table, JSON, CSV or Markdown (``referentiel list/show``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from checker.inputs.textsafe import csv_cell
from checker.model.referential import Requirement
from checker.referential.load import LoadedReferential

__all__ = ["LIST_FORMATS", "render_list", "render_show"]


def _summary(req: Requirement) -> dict[str, Any]:
    return req.model_dump(mode="json", exclude_none=True)


def _json(ref: LoadedReferential, reqs: list[Requirement]) -> str:
    return json.dumps([_summary(r) for r in reqs], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_COLUMNS = ("id", "obligation", "theme", "actors", "levels", "basis", "title")


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


def _csv(ref: LoadedReferential, reqs: list[Requirement]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_COLUMNS, "sources"])
    for req in reqs:
        writer.writerow([csv_cell(v) for v in [*_row(req), " ".join(req.provenance.sources)]])
    return buffer.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md(ref: LoadedReferential, reqs: list[Requirement]) -> str:
    lines = [
        f"| {' | '.join(_COLUMNS)} |",
        f"|{'---|' * len(_COLUMNS)}",
    ]
    lines += [f"| {' | '.join(_md_escape(c) for c in _row(r))} |" for r in reqs]
    return "\n".join(lines) + "\n"


def _table(ref: LoadedReferential, reqs: list[Requirement]) -> str:
    rows = [list(_COLUMNS), *(_row(r) for r in reqs)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS) - 1)]
    out = ["  ".join(cell.ljust(widths[i]) if i < len(widths) else cell for i, cell in enumerate(row)) for row in rows]
    out.append(f"{len(reqs)} exigence(s) — {ref.model.metadata.title} {ref.version}")
    return "\n".join(line.rstrip() for line in out) + "\n"


LIST_FORMATS: dict[str, Callable[[LoadedReferential, list[Requirement]], str]] = {
    "table": _table,
    "json": _json,
    "csv": _csv,
    "md": _md,
}


def render_list(ref: LoadedReferential, reqs: list[Requirement], fmt: str) -> str:
    """The selected requirements in ``fmt`` (one of :data:`LIST_FORMATS`)."""
    return LIST_FORMATS[fmt](ref, reqs)


def render_show(ref: LoadedReferential, req: Requirement, fmt: str) -> str:
    """One requirement, whole, as text or JSON."""
    if fmt == "json":
        return json.dumps(_summary(req), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    sources = {s.key: s for s in ref.model.metadata.sources}
    lines = [
        f"{req.id} — {req.title}",
        "",
        req.statement,
        "",
        f"Obligation : {req.obligation.value}",
        f"Thème      : {req.theme}",
        f"Acteurs    : {', '.join(req.actors)}",
        f"Niveaux    : {', '.join(req.levels)}",
    ]
    if req.evidence:
        kinds = ", ".join(k.value for k in req.evidence.kinds)
        lines.append(f"Preuves    : {kinds} — {req.evidence.description}")
        lines += _freshness_lines(req)
    if req.checks:
        lines.append(f"Contrôles  : {', '.join(req.checks)} (psc-check check-evidence)")
    if req.deadline:
        lines.append(f"Échéance   : {req.deadline.isoformat()}")
    if req.remediation:
        lines += ["", f"Remédiation : {req.remediation}"]
    lines += ["", f"Provenance : {req.provenance.basis.value}"]
    for key in req.provenance.sources:
        src = sources.get(key)
        lines.append(f"  [{key}] {src.title if src else ''} {(src.url or src.reference or '') if src else ''}".rstrip())
    lines += [f"  réf. {r.scheme} {r.id}" for r in req.provenance.references]
    lines += [f"  localisation [{loc.source}] : {loc.at}" for loc in req.provenance.locators]
    lines += [f"  citation [{q.source}] : « {q.text} »" for q in req.provenance.quotes]
    if req.provenance.note:
        lines.append(f"  note : {req.provenance.note}")
    if req.provenance.conflict:
        lines.append(f"  conflit de sources : {req.provenance.conflict}")
    inherited = ref.inherited_by(req)
    if inherited:
        lines += ["", "Héritage (metadata.actor_inheritance) :"]
        lines += [
            f"  {actor} prend cette obligation de {rule.inherits} : {rule.rationale.fr}"
            for actor, rule in inherited.items()
        ]
    return "\n".join(lines) + "\n"


def _freshness_lines(req: Requirement) -> list[str]:
    fresh = req.evidence.freshness if req.evidence else None
    if fresh is None:
        return []
    parts = []
    if fresh.max_age_days is not None:
        parts.append(f"preuve de moins de {fresh.max_age_days} jours")
    if fresh.min_remaining_days is not None:
        parts.append(f"encore valide au moins {fresh.min_remaining_days} jours")
    line = f"Fraîcheur  : {', '.join(parts)}"
    if fresh.policy is not None:
        line += f" — politique {fresh.policy.by} « {fresh.policy.key} » (pas une exigence de l'ANS) : {fresh.policy.rationale}"
    return [line]
