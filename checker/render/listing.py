"""Render the requirements of a referential as a table, JSON, CSV or Markdown (``referentiel list/show``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from checker.i18n import Translator
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
    out.append(Translator()("listing.count", count=len(reqs), title=ref.model.metadata.title, version=ref.version))
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


def render_show(ref: LoadedReferential, req: Requirement, fmt: str, lang: str = "fr") -> str:
    """One requirement, whole, as text or JSON."""
    if fmt == "json":
        return json.dumps(_summary(req), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    t = Translator(lang)
    sources = {s.key: s for s in ref.model.metadata.sources}
    lines = [
        f"{req.id} — {req.title}",
        "",
        req.statement,
        "",
        t("show.obligation", value=req.obligation.value),
        t("show.theme", value=req.theme),
        t("show.actors", value=", ".join(req.actors)),
        t("show.levels", value=", ".join(req.levels)),
    ]
    if req.evidence:
        kinds = ", ".join(k.value for k in req.evidence.kinds)
        lines.append(t("show.evidence", kinds=kinds, description=req.evidence.description))
    if req.checks:
        lines.append(t("show.checks", checks=", ".join(req.checks)))
    if req.deadline:
        lines.append(t("show.deadline", value=req.deadline.isoformat()))
    if req.remediation:
        lines += ["", t("show.remediation", value=req.remediation)]
    lines += ["", t("show.provenance", value=req.provenance.basis.value)]
    for key in req.provenance.sources:
        src = sources.get(key)
        lines.append(f"  [{key}] {src.title if src else ''} {(src.url or src.reference or '') if src else ''}".rstrip())
    lines += ["  " + t("show.reference", scheme=r.scheme, id=r.id) for r in req.provenance.references]
    if req.provenance.note:
        lines.append("  " + t("show.note", value=req.provenance.note))
    if req.provenance.conflict:
        lines.append("  " + t("show.conflict", value=req.provenance.conflict))
    return "\n".join(lines) + "\n"
