"""Issue 18, items 1 and 2: the pre-scan and openpyxl read the same parts, and a malformed cell is an input error.

Each test edits the XML of a real exported matrix the way the attack campaign did, then imports it: the import must
end in exit 2 naming the sheet and the cell (or the part), quickly, and write nothing.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.fuzz_support import READY, assert_clean, in_process
from tests.matrix_support import VERDICT

SHEET = "xl/worksheets/sheet2.xml"  # the Matrice sheet of an exported matrix
EMPTY_M2 = f'<c r="{VERDICT}2" s="12" t="n" />'.encode()
"""The first requirement's empty verdict cell, as the writer writes it (the name is older than the column)."""
VERDICT_M2 = f'<c r="{VERDICT}2" s="12" t="inlineStr"><is><t>non conforme</t></is></c>'.encode()


def export_matrix(root: Path) -> Path:
    """A copy of the ready case under ``root`` with its matrix exported as ``m.xlsx``."""
    folder = root / "case"
    shutil.copytree(READY, folder)
    args = ["evaluate", folder / "declaration.yaml", "--referentiel", MINI, "--as-of", "2026-11-28"]
    assert in_process(*args, "-o", folder / "m.xlsx").code == 0
    return folder


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_matrix(tmp_path_factory.mktemp("hostile"))


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    assert EMPTY_M2 in members[SHEET], "the verdict cell these tests fill is no longer where they look"
    return members


def write_members(path: Path, members: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def import_matrix(folder: Path, members: dict[str, bytes]) -> tuple[int, str, float]:
    matrix, audit = folder / "hostile.xlsx", folder / "audit.yaml"
    write_members(matrix, members)
    audit.unlink(missing_ok=True)
    args = ["import-matrix", matrix, "--declaration", folder / "declaration.yaml", "--referentiel", MINI]
    start = time.process_time()
    result = in_process(*args, "-o", audit, "--auditor", "A. Auditrice", "--date", "2026-12-01")
    spent = time.process_time() - start
    assert_clean(result)
    if result.code == 2:
        assert not audit.exists(), "nothing written on refusal"
    return result.code, result.stderr, spent


def test_the_clean_matrix_imports(exported: Path) -> None:
    members = members_of(exported / "m.xlsx")
    members[SHEET] = members[SHEET].replace(EMPTY_M2, VERDICT_M2)
    code, stderr, _ = import_matrix(exported, members)
    assert code == 0, stderr


def _second_matrice(members: dict[str, bytes]) -> None:
    """A second sheet named Matrice, listed first, holding a verdict in a hidden row: openpyxl reads the first."""
    workbook = members["xl/workbook.xml"]
    members["xl/worksheets/sheet9.xml"] = (
        members[SHEET].replace(EMPTY_M2, VERDICT_M2).replace(b'<row r="2"', b'<row r="2" hidden="1"')
    )
    first = b'<sheet name="Matrice" sheetId="9" state="hidden" r:id="rId99" />'
    members["xl/workbook.xml"] = workbook.replace(b"<sheets>", b"<sheets>" + first)
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        b'Target="/xl/worksheets/sheet9.xml" Id="rId99" /></Relationships>',
    )


def _other_workbook(members: dict[str, bytes], row_cells: int = 0) -> None:
    """``[Content_Types].xml`` points at a second workbook whose Matrice holds a verdict; ``.rels`` at the clean one."""
    rels = members["xl/_rels/workbook.xml.rels"]
    members["xl/evil.xml"] = members["xl/workbook.xml"]
    members["xl/_rels/evil.xml.rels"] = rels.replace(b"/xl/worksheets/sheet2.xml", b"/xl/worksheets/evil.xml")
    sheet = members[SHEET].replace(EMPTY_M2, VERDICT_M2)
    if row_cells:
        cells = b"<c><v>1</v></c>" * row_cells
        sheet = sheet.replace(b'<dimension ref="A1:S4"', b'<dimension ref="A1:S5"')
        sheet = sheet.replace(b"</sheetData>", b'<row r="5">' + cells + b"</row></sheetData>")
    members["xl/worksheets/evil.xml"] = sheet
    types = members["[Content_Types].xml"]
    members["[Content_Types].xml"] = types.replace(b'PartName="/xl/workbook.xml"', b'PartName="/xl/evil.xml"')


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            _second_matrice, "hostile.xlsx:Matrice : deux feuilles portent le même nom", id="two-sheets-named-matrice"
        ),
        pytest.param(
            _other_workbook,
            "`[Content_Types].xml` nomme le classeur `xl/evil.xml`, `_rels/.rels` nomme `xl/workbook.xml`",
            id="content-types-and-rels-name-different-workbooks",
        ),
    ],
)
def test_a_workbook_where_openpyxl_and_the_scan_could_disagree_is_refused(
    exported: Path, edit: Callable[[dict[str, bytes]], None], expected: str
) -> None:
    members = members_of(exported / "m.xlsx")
    edit(members)
    code, stderr, _ = import_matrix(exported, members)
    assert code == 2, stderr
    assert expected in stderr


def test_a_huge_row_in_the_workbook_only_openpyxl_reads_is_refused_fast(exported: Path) -> None:
    members = members_of(exported / "m.xlsx")
    _other_workbook(members, row_cells=1_000_000)
    code, stderr, spent = import_matrix(exported, members)
    assert code == 2, stderr
    assert spent < 2.0, spent


def test_two_workbook_parts_are_refused(exported: Path) -> None:
    members = members_of(exported / "m.xlsx")
    _other_workbook(members)
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/workbook.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" /></Types>',
    )
    code, stderr, _ = import_matrix(exported, members)
    assert code == 2, stderr
    assert "l'archive déclare plusieurs classeurs" in stderr


def test_a_verdict_below_the_declared_dimension_is_refused(exported: Path) -> None:
    """openpyxl stops at ``<dimension>``: a row past it would be checked by the scan but never imported."""
    members = members_of(exported / "m.xlsx")
    members[SHEET] = members[SHEET].replace(b'<dimension ref="A1:S4"', b'<dimension ref="A1:S3"')
    members[SHEET] = members[SHEET].replace(
        b'<c r="M4" s="12" t="n" />', b'<c r="M4" t="inlineStr"><is><t>x</t></is></c>'
    )
    code, stderr, _ = import_matrix(exported, members)
    assert code == 2, stderr
    assert (
        "hostile.xlsx:Matrice!A4 : une valeur à la ligne 4, sous la dernière ligne déclarée de la feuille (3)" in stderr
    )


def test_rows_out_of_order_are_refused(exported: Path) -> None:
    """openpyxl drops a row numbered at or before the previous one; the scan would have checked it."""
    members = members_of(exported / "m.xlsx")
    members[SHEET] = members[SHEET].replace(b'<row r="3"', b'<row r="2"').replace(b'r="M3"', b'r="M2"')
    code, stderr, _ = import_matrix(exported, members)
    assert code == 2, stderr
    assert "Matrice!A2 : la ligne 2 vient après la ligne 2" in stderr


MALFORMED = {
    "shared index too large": (b'<c r="N2" t="s"><v>999999</v></c>', "N2", "texte partagé `999999`"),
    "shared index negative": (b'<c r="N2" t="s"><v>-1</v></c>', "N2", "texte partagé `-1`"),
    "shared index not a number": (b'<c r="N2" t="s"><v>abc</v></c>', "N2", "texte partagé `abc`"),
    "impossible date": (
        b'<c r="N2" t="d"><v>2026-13-45</v></c>',
        "N2",
        "marquée comme date mais contient `2026-13-45`",
    ),
    "number not a number": (b'<c r="N2" t="n"><v>abc</v></c>', "N2", "marquée comme nombre mais contient `abc`"),
    "boolean not a number": (b'<c r="N2" t="b"><v>abc</v></c>', "N2", "valeur vrai/faux mais contient `abc`"),
    "column past the grid": (b'<c r="ZZZZZ2" t="n"><v>1</v></c>', "A2", "référence de cellule `ZZZZZ2`"),
    "reference without row": (b'<c r="M" t="n"><v>1</v></c>', "A2", "référence de cellule `M`"),
    "style not a number": (b'<c r="N2" s="x" t="n"><v>1</v></c>', "N2", "le style de la cellule `x`"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_cells_are_input_errors_with_their_cell(exported: Path, name: str) -> None:
    cell, where, problem = MALFORMED[name]
    members = members_of(exported / "m.xlsx")
    members[SHEET] = re.sub(rb'<c r="N2" s="12" t="n" />', cell, members[SHEET])
    code, stderr, _ = import_matrix(exported, members)
    assert code == 2, stderr
    assert f"hostile.xlsx:Matrice!{where} : " in stderr and problem in stderr, stderr
