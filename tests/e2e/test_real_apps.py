"""What a person sees: the matrix opened and saved again by LibreOffice, printed by LibreOffice, the HTML report
rendered by Chromium.

The files are made by the installed executable (``run_process``), as a person would make them: the example's matrix
and HTML report once per session (``tests/office_support.py``, shared with ``test_matrix_print.py``, which reads the
same printed matrix), the hostile declaration's matrix once per module. LibreOffice costs about 1 s of CPU per start
before any work: one start prints the example's matrix, one start saves again both matrices an auditor filled in.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINI, Cli, run_process
from tests.matrix_support import AS_OF, COMMENT, HYPERLINK, JUSTIFICATION, VERDICT, fill, load, row_of, write_hostile
from tests.office_support import example_outputs, png_size, printed_example, program, soffice

pytestmark = pytest.mark.slow

_WINDOW = (1280, 2000)
_TYPED = {"T-OIDC-01": ("non conforme", "lien piégé"), "T-CIBA-01": ("conforme", None)}
"""What the auditor types in the matrix LibreOffice saves again, read back as LibreOffice saved it."""
_IMPORTED = {"T-CERT-01": ("conforme", "vu sur pièce, 2 pages")}
"""What the auditor types in the matrix LibreOffice saves again, then imported by ``import-matrix``."""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile declaration (``write_hostile``) and its matrix, written by the installed executable."""
    folder = tmp_path_factory.mktemp("hostile")
    decl = write_hostile(folder)
    assert (
        run_process("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "-o", folder / "matrix.xlsx").code == 1
    )
    return folder


@pytest.fixture(scope="module")
def resaved(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile matrix filled in twice (``typed.xlsx``: ``_TYPED``; ``imported.xlsx``: ``_IMPORTED``), then both
    opened and saved again as xlsx by one start of LibreOffice; the saved files by name."""
    folder = tmp_path_factory.mktemp("resaved")
    filled = [folder / "typed.xlsx", folder / "imported.xlsx"]
    fill(hostile / "matrix.xlsx", filled[0], _TYPED)
    fill(hostile / "matrix.xlsx", filled[1], _IMPORTED)
    saved = soffice(tmp_path_factory, "xlsx", filled, folder / "lo")
    return {path.stem: path for path in saved}


def test_libreoffice_shows_verdicts_and_injected_text_as_text(resaved: dict[str, Path]) -> None:
    """LibreOffice reads the verdicts and comments typed in, and takes the vendor's formula-like text as text: saved
    again, it is a text cell, not a formula (LibreOffice would save a formula as one, with its result)."""
    workbook = load(resaved["typed"])
    assert workbook.sheetnames[1] == "Matrice"
    sheet = workbook["Matrice"]
    header = [sheet.cell(1, column).value for column in range(1, 4)]
    assert header == ["Exigence", "Thème", "Intitulé"]
    assert [sheet[f"{column}1"].value for column in (VERDICT, COMMENT)] == [
        "Verdict de l'auditeur",
        "Commentaire de l'auditeur",
    ]
    oidc, ciba, cert = (row_of(sheet, requirement) for requirement in ("T-OIDC-01", "T-CIBA-01", "T-CERT-01"))
    assert [sheet[f"{VERDICT}{oidc}"].value, sheet[f"{COMMENT}{oidc}"].value] == ["non conforme", "lien piégé"]
    assert sheet[f"{VERDICT}{ciba}"].value == "conforme" and sheet[f"{VERDICT}{cert}"].value is None
    injected = sheet[f"{JUSTIFICATION}{oidc}"]
    assert (injected.value, injected.data_type) == (HYPERLINK, "s"), "the formula is kept as typed text, not a formula"
    formulas = [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == [], f"LibreOffice made formulas of {formulas}"
    assert str(sheet[f"{JUSTIFICATION}{cert}"].value).startswith("－2+3")


def test_libreoffice_prints_the_matrix(tmp_path_factory: pytest.TempPathFactory) -> None:
    pdf = printed_example(tmp_path_factory).read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 6, f"at least one printed page per sheet, got {pages}"


def test_chromium_renders_the_html_report(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    browser = program("chromium-headless-shell")
    report = example_outputs(tmp_path_factory) / "report.html"
    shot = tmp_path / "report.png"
    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    flags += ["--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'chromium'}"]
    command = [browser, *flags, f"--screenshot={shot}", f"--window-size={_WINDOW[0]},{_WINDOW[1]}", report.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert png_size(data) == _WINDOW
    assert len(data) > 50_000, "a blank page compresses to a few kilobytes"


def test_matrix_resaved_by_libreoffice_still_imports(
    cli_process: Cli, hostile: Path, resaved: dict[str, Path], tmp_path: Path
) -> None:
    decl = hostile / "declaration.yaml"
    audit = tmp_path / "audit.yaml"
    result = cli_process(
        "import-matrix",
        resaved["imported"],
        "--declaration",
        decl,
        "--referentiel",
        MINI,
        "-o",
        audit,
        "--auditor",
        "LibreOffice User",
    )
    assert result.code == 0, result.stderr
    report = cli_process(
        "evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "--audit", audit, "--format", "json"
    )
    (finding,) = [f for f in json.loads(report.stdout)["findings"] if f["requirement_id"] == "T-CERT-01"]
    assert finding["outcome"] == "compliant" and finding["auditor_comment"] == "vu sur pièce, 2 pages"
