"""Issue 14, item 2 (xlsx): the workbook's human text shows labels, never the referential's or the tool's codes.

Every example's matrix, in French and in English, is read back, in the columns that show a code's label. Left
aside: the ``À propos`` sheet (the provenance the importer reads: ids, hashes, language), the hidden fingerprint,
the referential's prose and the vendor's text, and the reasons column: its sentences come from the evaluation, shared
with every report format, and still name evidence kinds by their code (``contenu reconnu (http_capture)``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.i18n import message
from checker.matrix.layout import column_number
from checker.model.declaration import Status
from checker.model.referential import EvidenceKind, Obligation
from checker.model.report import Assurance, Outcome
from checker.referential.load import load_referential
from tests.conftest import ROOT, Cli
from tests.matrix_support import AS_OF, EXAMPLES, json_report, read_only

_REFERENTIAL = yaml.load((ROOT / "referentiel" / "psc.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
_SPLIT = re.compile(r", |\n")


def _codes(lang: str) -> set[str]:
    """Every code of a closed set whose label in ``lang`` differs from it (a code that is its own label is a label)."""
    families: list[tuple[str, list[str]]] = [
        ("obligation", [o.value for o in Obligation]),
        ("outcome", [o.value for o in Outcome]),
        ("status", [s.value for s in Status]),
        ("assurance", [a.value for a in Assurance]),
        ("kind", [k.value for k in EvidenceKind]),
    ]
    codes = {code for family, values in families for code in values if message(f"{family}.{code}", lang) != code}
    codes |= {item["id"] for key in ("levels", "themes", "parcours") for item in _REFERENTIAL[key]}
    return codes | {a["id"] for a in _REFERENTIAL["actors"]}


def _letters(*keys: str) -> set[str]:
    return {chr(ord("A") + column_number(key) - 1) for key in keys}


_CODED = {
    0: {"A", "B"},  # Synthèse: the facts, the counts by outcome and obligation (the rows of dates hold titles)
    1: _letters("theme", "actors", "levels", "obligation", "declared_status", "outcome", "auditor_verdict", "assurance")
    | _letters("expected_evidence"),
    2: {"E", "H", "I", "K"},  # Preuves: kind, environment, state, assurance
    3: {"A", "B", "G", "H"},  # Habilitations: relation, actor, environment, state
    4: {"B", "C"},  # Parcours: actors, state
}
"""The columns that show a code's label, by sheet position; the others hold the referential's prose (titles,
statements, sources, remediation: they may name an actor by its acronym) or the vendor's and auditor's text."""


def _texts(path: Path) -> list[tuple[str, str, str]]:
    """(sheet, cell, item) for every comma- or line-separated item of the cells that show labels."""
    out: list[tuple[str, str, str]] = []
    with read_only(path) as wb:
        for index, columns in _CODED.items():
            ws = wb.worksheets[index]
            for row in ws.iter_rows(min_row=1 if index == 0 else 2):
                for cell in row:
                    value: Any = cell.value
                    if not isinstance(value, str) or cell.column_letter not in columns:
                        continue
                    if index == 0 and value.count(" — ") and cell.column_letter == "B":
                        continue  # a deadline: « id — title »
                    if index == 1 and cell.column_letter in _letters("expected_evidence"):
                        value = value.split("\n")[0]  # the kinds; the description below is the referential's
                    out += [(ws.title, cell.coordinate, item.strip()) for item in _SPLIT.split(value)]
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_no_code_in_the_matrix_text(cli: Cli, tmp_path: Path, example: Path, lang: str) -> None:
    out = tmp_path / "matrix.xlsx"
    result = cli("evaluate", example / "declaration.yaml", "--as-of", AS_OF, "--lang", lang, "-o", out)
    assert result.code in (0, 1), result.stderr
    codes = _codes(lang)
    texts = _texts(out)
    found = [(sheet, cell, item) for sheet, cell, item in texts if item in codes]
    assert not found, f"codes shown as text: {found[:10]}"
    report = json_report(cli, example / "declaration.yaml")
    shown = {item for _sheet, _cell, item in texts}
    actor = report["declaration"]["actors"][0]
    label = load_referential().labels_in(lang).actors[actor]  # the referential's label, or its English name
    assert f"{label} ({actor})" in shown
