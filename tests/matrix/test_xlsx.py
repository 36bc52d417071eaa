"""The evidence matrix read back with openpyxl: sheets, drop-down, frozen header, filters, and never a formula."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINI, Cli
from tests.matrix_support import (
    AS_OF,
    EVIDENCE,
    EXAMPLES,
    FINGERPRINT,
    HYPERLINK,
    JUSTIFICATION,
    LONG_PATHS,
    SHEETS_EN,
    SHEETS_FR,
    SOURCE,
    VERDICT,
    json_report,
    load,
    read_only,
    row_of,
    write_hostile,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _matrix(cli: Cli, decl: Path, out: Path, *extra: str | Path) -> Path:
    result = cli("evaluate", decl, "--as-of", AS_OF, "-o", out, *extra)
    assert result.code in (0, 1), result.stderr
    return out


def _cells(wb: Any) -> list[Any]:
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]


def _assert_no_formula(path: Path, wb: Any = None) -> None:
    """No formula in the workbook, whether read by openpyxl (``wb``: ``path`` already loaded) or in the raw XML."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert not re.search(rb"<f[ >]", archive.read(name)), f"formula element in {name}"
    for cell in _cells(load(path) if wb is None else wb):
        assert cell.data_type != "f", (cell.parent.title, cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            assert not _CONTROL.search(cell.value), (cell.coordinate, cell.value)
            if unicodedata.normalize("NFKC", cell.value).startswith(_FORMULA_START):
                assert cell.quotePrefix, (cell.parent.title, cell.coordinate, cell.value)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_matrix_opens_with_its_structure(cli: Cli, tmp_path: Path, example: Path) -> None:
    out = _matrix(cli, example / "declaration.yaml", tmp_path / "matrix.xlsx")
    report = json_report(cli, example / "declaration.yaml")
    wb = load(out)
    waivers = ["Dérogations"] if report["waivers"] else []  # the waivers sheet, only with waivers
    assert wb.sheetnames == [*SHEETS_FR[:-1], *waivers, SHEETS_FR[-1]]
    ws = wb["Matrice"]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:S{len(report['findings']) + 1}"  # the remediation column, last, is filtered too
    assert ws["A1"].value == "Exigence" and ws[f"{VERDICT}1"].value == "Verdict de l'auditeur"
    assert ws.column_dimensions[FINGERPRINT].hidden
    assert [ws.cell(row=i + 2, column=1).value for i in range(len(report["findings"]))] == [
        f["requirement_id"] for f in report["findings"]
    ]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and f"{VERDICT}2" in str(lists[0].sqref)
    assert "non conforme" in lists[0].formula1 and "non applicable" in lists[0].formula1
    assert ws.conditional_formatting, "outcome colours"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    for name in SHEETS_FR[2:5]:
        assert wb[name].freeze_panes == "A2" and wb[name].auto_filter.ref
    fingerprint = str(ws[f"{FINGERPRINT}2"].value)
    assert re.fullmatch(rf"psc\|{re.escape(report['referential']['version'])}\|[0-9a-f]{{64}}", fingerprint)
    about = {row[0].value: row[1].value for row in wb["À propos"].iter_rows(min_row=2)}
    assert about["sha256 de la déclaration"] == report["declaration"]["sha256"]
    assert about["Version du référentiel"] == report["referential"]["version"]
    with zipfile.ZipFile(out) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist()), "the Synthèse chart"
    _assert_no_formula(out, wb)


def test_hostile_declaration_never_becomes_a_formula(cli: Cli, tmp_path: Path) -> None:
    decl = write_hostile(tmp_path)
    out = _matrix(cli, decl, tmp_path / "matrix.xlsx", "--referentiel", MINI)
    wb = load(out)
    _assert_no_formula(out, wb)
    ws = wb["Matrice"]
    justification = ws[f"{JUSTIFICATION}{row_of(ws, 'T-OIDC-01')}"]
    assert justification.value == HYPERLINK and justification.data_type == "s" and justification.quotePrefix
    shown = {str(c.value) for c in _cells(wb)}
    assert any(v.startswith('=HYPERLINK("http://evil.example/o"') for v in shown), "organisation name kept as text"
    assert "@SUM(A1)" in shown and "=cmd.har" in {str(c.value) for c in wb["Preuves"]["B"]}
    assert any(v.startswith("＝1+2") for v in shown), "full-width equals sign kept, quote-prefixed"
    bell = ws[f"{JUSTIFICATION}{row_of(ws, 'T-CIBA-01')}"].value
    assert "bell" in bell and "\x07" not in bell and "\x1b" not in bell
    evidence = ws[f"{EVIDENCE}{row_of(ws, 'T-CERT-01')}"].value
    assert len(evidence) <= 32_767 and evidence.endswith("[…tronqué]"), "long text cut with a visible marker"
    assert wb["Preuves"].max_row == 1 + 3 + 1 + LONG_PATHS


def test_same_inputs_give_the_same_matrix(cli: Cli, tmp_path: Path) -> None:
    decl = EXAMPLES[0] / "declaration.yaml"
    first = _matrix(cli, decl, tmp_path / "a.xlsx")
    second = _matrix(cli, decl, tmp_path / "b.xlsx")
    contents = []
    for path in (first, second):
        with read_only(path) as wb:
            contents.append([(c.parent.title, c.coordinate, c.value) for c in _cells(wb)])
    assert contents[0] == contents[1]
    assert first.read_bytes() == second.read_bytes(), "document dates pinned to --as-of: identical bytes"


def test_english_matrix(cli: Cli, tmp_path: Path) -> None:
    out = _matrix(cli, EXAMPLES[0] / "declaration.yaml", tmp_path / "matrix.xlsx", "--lang", "en")
    wb = load(out)
    assert wb.sheetnames == SHEETS_EN
    assert wb["Matrix"][f"{VERDICT}1"].value == "Auditor's verdict"
    (validation,) = wb["Matrix"].data_validations.dataValidation
    assert "non-compliant" in validation.formula1


def test_matrix_rows_show_each_requirements_locator_quote_and_policy(cli: Cli, tmp_path: Path) -> None:
    example = next(e for e in EXAMPLES if e.name == "osp-operator")
    out = _matrix(cli, example / "declaration.yaml", tmp_path / "matrix.xlsx")
    report = json_report(cli, example / "declaration.yaml")
    ws = load(out)["Matrice"]
    assert ws[f"{SOURCE}1"].value == "Source (localisation, citation)"
    cells = {ws.cell(row=i + 2, column=1).value: str(ws[f"{SOURCE}{i + 2}"].value or "") for i in range(ws.max_row - 1)}
    with_policy = 0
    for finding in report["findings"]:
        cell = cells[finding["requirement_id"]]
        for loc in finding["locators"]:
            assert f"[{loc['source']}]" in cell and loc["at"] in cell
        for quote in finding["quotes"]:
            assert f"« {quote['text']} »" in cell
        if finding["policy"]:
            with_policy += 1
            assert f"Politique psc-check : « {finding['policy']['key']} »" in cell
    assert with_policy > 0, "the example should show at least one psc-check policy threshold"
