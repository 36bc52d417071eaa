"""Issue 18, item 10: a structure-aware fuzzer for returned matrices, mutating the XML parts of a real matrix.

Attribute values (cell and row references, types, styles, dimensions, sheet names, relationship targets, part names)
are swapped for hostile ones, and elements (cells, rows, sheets, relationships, overrides) duplicated or dropped.
Every import must end in 0 or 2 (never 3, never a traceback), within the time bound, and one that succeeds may only
import the verdict the matrix really shows: never one hidden where only openpyxl or only the scan looks.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz_support import fuzz
from tests.matrix.test_hostile_parts import EMPTY_M2, SHEET, VERDICT_M2, export_matrix, import_matrix, members_of

PARTS = [SHEET, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "_rels/.rels"]
ATTRIBUTE = re.compile(rb'\s([A-Za-z:]+)="([^"]*)"')
ELEMENT = re.compile(rb"<(c|row|sheet|Relationship|Override|dimension|mergeCell)\b[^>]*?(/>|>.*?</\1>)", re.DOTALL)
VALUES = [
    b"",
    b"0",
    b"-1",
    b"999999",
    b"abc",
    b"2026-13-45",
    b"1.5",
    b"1e309",
    b"ZZZZZ2",
    b"M",
    b"M900",
    b"A1:S3",
    b"A1",
    b"A:O",
    b"s",
    b"d",
    b"b",
    b"n",
    b"str",
    b"inlineStr",
    b"Matrice",
    b"matrice",
    b"/xl/worksheets/sheet2.xml",
    b"/xl/workbook.xml",
    b"worksheets/sheet9.xml",
    b"../../etc/passwd",
    b"rId2",
    b"rId1",
    b"1",
    b"true",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, object]]:
    """The exported matrix with one verdict (first row), and the audit verdicts a clean import of it gives."""
    folder = export_matrix(tmp_path_factory.mktemp("fuzz-parts"))
    members = members_of(folder / "m.xlsx")
    members[SHEET] = members[SHEET].replace(EMPTY_M2, VERDICT_M2)
    code, stderr, _ = import_matrix(folder, members)
    assert code == 0, stderr
    clean = yaml.safe_load((folder / "audit.yaml").read_text(encoding="utf-8"))["verdicts"]
    assert clean, "the verdict typed in the first row is imported"
    return folder, members, clean


@st.composite
def mutations(draw: st.DrawFn, members: dict[str, bytes]) -> dict[str, bytes]:
    out = dict(members)
    for _ in range(draw(st.integers(1, 3))):
        part = draw(st.sampled_from(PARTS))
        body = out[part]
        if draw(st.booleans()):
            spots = list(ATTRIBUTE.finditer(body))
            spot = spots[draw(st.integers(0, len(spots) - 1))]
            value = draw(st.sampled_from(VALUES))
            body = body[: spot.start(2)] + value + body[spot.end(2) :]
        else:
            found = list(ELEMENT.finditer(body))
            if not found:
                continue
            element = found[draw(st.integers(0, len(found) - 1))]
            copy = element.group(0) if draw(st.booleans()) else b""
            body = body[: element.end()] + copy + body[element.end() :]
            if not copy:
                body = body[: element.start()] + body[element.end() :]
        out[part] = body
    return out


@fuzz(60)
@given(data=st.data())
def test_mutated_matrix_parts(base: tuple[Path, dict[str, bytes], dict[str, object]], data: st.DataObject) -> None:
    folder, members, clean = base
    mutated = data.draw(mutations(members))
    start = time.process_time()
    code, stderr, _ = import_matrix(folder, mutated)
    assert time.process_time() - start < 2.0
    assert code in (0, 2), stderr
    if code == 0:
        verdicts = yaml.safe_load((folder / "audit.yaml").read_text(encoding="utf-8"))["verdicts"] or {}
        assert all(clean.get(key) == value for key, value in verdicts.items()), (verdicts, clean)
