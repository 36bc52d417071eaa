"""docs/referentiel-review.md, the independent second read, covers every requirement of both bundled referentials."""

from __future__ import annotations

import re
from pathlib import Path

from checker.referential.load import load_bundle

REVIEW = Path(__file__).resolve().parents[2] / "docs" / "referentiel-review.md"
_ROW = re.compile(r"^\| ([^|]+?) \| (.+) \|$")


def _rows() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in REVIEW.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match and not line.startswith(("| requirement", "|---")):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip("|"))]
            rows[cells[0]] = cells
    return rows


def test_every_requirement_has_a_verdict_and_a_change_made() -> None:
    rows = _rows()
    for edition in load_bundle().values():
        for req in edition.model.requirements:
            assert req.id in rows, f"{req.id} ({edition.id}) missing from {REVIEW.name}"
            assert rows[req.id][-1], req.id
    verdicts = {cells[1].replace("*", "") for cells in rows.values() if len(cells) == 5}
    assert verdicts <= {"conforme", "à préciser", "à corriger"}, verdicts
