"""Fuzzing returned matrices (``import-matrix``): edited as an auditor or an attacker would, and corrupted bytes.

Every run must end in 0 or 2 — never 3, never a traceback —, leave the matrix and the declaration as they were, and
an audit file it writes must be accepted by ``evaluate --audit``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tests.conftest import MINI
from tests.fuzz_support import READY, assert_clean, fuzz, in_process, mutated, snapshot, weird_text
from tests.matrix_support import load, quiet

SHEETS = ["Matrice", "À propos", "Synthèse", "Preuves"]
VALUES = st.one_of(
    st.none(),
    weird_text(40).map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)),  # what a spreadsheet can hold
    st.sampled_from(["conforme", "non conforme", "partiel", "Non applicable", "compliant", "OK", "=1+1", '=A1&"x"']),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 1, 1)),
)


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Up to six edits: cells (mostly the verdict and comment columns), merges, hidden rows, sheets."""
    cell = st.tuples(
        st.sampled_from(SHEETS[:2]),
        st.one_of(st.sampled_from("MNMNMNAO"), st.sampled_from("ABCDEFGHIJKLPQ")),
        st.integers(1, 6),
    )
    one = st.one_of(
        st.tuples(st.just("set"), st.tuples(cell, VALUES)),
        st.tuples(st.just("merge"), st.tuples(st.sampled_from(["M2:N3", "A2:A3", "M2:M2", "B1:C1"]))),
        st.tuples(st.just("hide"), st.integers(1, 5)),
        st.tuples(st.just("sheet"), st.sampled_from(["delete", "rename", "add"])),
    )
    return draw(st.lists(one, max_size=6))


def _apply(path: Path, changes: list[tuple[str, Any]]) -> None:
    workbook = load(path)
    for kind, argument in changes:
        if kind == "set":
            (sheet, column, row), value = argument
            if sheet not in workbook.sheetnames:  # renamed by an earlier edit
                continue
            if type(workbook[sheet][f"{column}{row}"]).__name__ != "MergedCell":  # merged away: not writable
                workbook[sheet][f"{column}{row}"] = value
        elif kind == "merge" and "Matrice" in workbook.sheetnames:
            workbook["Matrice"].merge_cells(argument[0])
        elif kind == "hide" and "Matrice" in workbook.sheetnames:
            workbook["Matrice"].row_dimensions[argument].hidden = True
        elif argument == "delete" and "Preuves" in workbook.sheetnames:
            del workbook["Preuves"]
        elif argument == "rename":
            workbook[workbook.sheetnames[-1]].title = f"Autre {len(workbook.sheetnames)}"
        elif argument == "add":
            workbook.create_sheet()["A1"] = '=HYPERLINK("http://evil.example")'
    with quiet():
        workbook.save(path)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ready case with its matrix exported once."""
    folder = tmp_path_factory.mktemp("matrix") / "case"
    shutil.copytree(READY, folder)
    result = in_process(
        "evaluate", folder / "declaration.yaml", "--referentiel", MINI, "--as-of", "2026-11-28", "-o", folder / "m.xlsx"
    )
    assert result.code == 0, result.stderr
    return folder


def _import(folder: Path, matrix: Path) -> None:
    audit = folder / "audit.yaml"
    audit.unlink(missing_ok=True)
    before = snapshot(folder)
    args = ["import-matrix", matrix, "--declaration", folder / "declaration.yaml", "--referentiel", MINI]
    result = in_process(*args, "-o", audit, "--auditor", "A. Auditrice", "--date", "2026-12-01")
    assert_clean(result, (0, 2))
    after = snapshot(folder)
    assert {p: v for p, v in after.items() if p != str(audit)} == before, "an input file changed"
    if result.code == 2:
        assert str(audit) not in after, "nothing written on refusal"
        return
    evaluated = in_process(
        "evaluate", folder / "declaration.yaml", "--referentiel", MINI, "--as-of", "2026-11-28", "--audit", audit
    )
    assert_clean(evaluated, (0, 1))


@fuzz(30)  # each example loads, edits and saves a workbook, then imports it: about 75 ms
@given(changes=edits())
def test_edited_matrices(exported: Path, changes: list[tuple[str, Any]]) -> None:
    matrix = exported / "edited.xlsx"
    shutil.copyfile(exported / "m.xlsx", matrix)
    _apply(matrix, changes)
    _import(exported, matrix)


@fuzz(60)
@given(data=st.data())
def test_corrupted_matrix_bytes(exported: Path, data: st.DataObject) -> None:
    matrix = exported / "corrupt.xlsx"
    matrix.write_bytes(data.draw(mutated((exported / "m.xlsx").read_bytes(), max_edits=8)))
    _import(exported, matrix)
