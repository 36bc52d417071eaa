"""What a person sees: the matrix opened by LibreOffice (CSV and PDF), the HTML report rendered by Chromium.

The files are made by the installed executable (``cli_process``), as a person would make them.
"""

from __future__ import annotations

import csv
import json
import math
import os
import shutil
import struct
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker.i18n import message
from checker.matrix.layout import column_number
from tests.conftest import MINI, Cli
from tests.matrix_support import AS_OF, EXAMPLES, HYPERLINK, fill, write_hostile

pytestmark = pytest.mark.slow

_INSTALL = (
    "apt-get install -y --no-install-recommends libreoffice-calc-nogui chromium-headless-shell poppler-utils "
    "fonts-crosextra-carlito"
)
_CSV_MATRIX = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"
"""UTF-8 CSV, quoted text, formulas shown as results, sheet 2 (``Matrice``) only."""
_WINDOW = (1280, 2000)
_A3_LANDSCAPE, _A4_LANDSCAPE = (1191, 842), (842, 595)
"""Page sizes in points."""


def _program(name: str) -> str:
    """The program's path; skipped locally when absent, a failure in CI (the environment variable CI is set)."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required in CI: {_INSTALL}")
    pytest.skip(f"{name} not installed (run `{_INSTALL}` to exercise it)")


def _soffice(tmp: Path, convert_to: str, source: Path, out: Path) -> None:
    command = [
        _program("soffice"),
        f"-env:UserInstallation=file://{tmp / 'lo-profile'}",
        "--headless",
        "--norestore",
        "--convert-to",
        convert_to,
        "--outdir",
        str(out),
        str(source),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr


def test_libreoffice_shows_verdicts_and_injected_text_as_text(cli_process: Cli, tmp_path: Path) -> None:
    decl = write_hostile(tmp_path)
    matrix = tmp_path / "matrix.xlsx"
    assert cli_process("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "-o", matrix).code == 1
    filled = tmp_path / "filled.xlsx"
    fill(matrix, filled, {"T-OIDC-01": ("non conforme", "lien piégé"), "T-CIBA-01": ("conforme", None)})
    _soffice(tmp_path, _CSV_MATRIX, filled, tmp_path / "csv")
    (exported,) = (tmp_path / "csv").glob("*.csv")
    rows = list(csv.reader(exported.read_text(encoding="utf-8").splitlines(keepends=True)))
    header = rows[0]
    verdict, justification = column_number("auditor_verdict") - 1, column_number("justification") - 1
    assert header[:3] == ["Exigence", "Thème", "Intitulé"]
    assert header[verdict : verdict + 2] == ["Verdict de l'auditeur", "Commentaire de l'auditeur"]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["T-OIDC-01"][verdict : verdict + 2] == ["non conforme", "lien piégé"]
    assert by_id["T-CIBA-01"][verdict] == "conforme" and by_id["T-CERT-01"][verdict] == ""
    assert by_id["T-OIDC-01"][justification] == HYPERLINK, "the formula is shown as typed text, not evaluated"
    assert by_id["T-CERT-01"][justification].startswith("－2+3")


def _carlito() -> None:
    """LibreOffice draws Calibri with Carlito, its metric-compatible twin; without it, with a wider font."""
    done = subprocess.run([_program("fc-match"), "Calibri"], capture_output=True, text=True, check=False)
    if "Carlito" in done.stdout:
        return
    fix = "apt-get install -y --no-install-recommends fonts-crosextra-carlito"
    if os.environ.get("CI"):
        pytest.fail(f"the Carlito font is required in CI: {fix}")
    pytest.skip(f"Carlito missing (run `{fix}`): the printed sizes would be those of another font")


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices ``[a b c d e f]``."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _printed_sizes(page: Any) -> tuple[str, Counter[float]]:
    """The page's text, and its characters by printed size in points: the ``Tf`` size times the scale of the text
    and current transformation matrices (where LibreOffice puts the fit-to-width scale)."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if text.strip():
            matrix = _multiply(tm, cm)
            runs.append((text, size * math.hypot(matrix[2], matrix[3])))

    page.extract_text(visitor_text=visit)
    sizes: Counter[float] = Counter()
    for text, size in runs:
        sizes[round(size, 2)] += len(text.strip())
    return "".join(text for text, _ in runs), sizes


def test_libreoffice_prints_the_matrix_legibly(cli_process: Cli, tmp_path: Path) -> None:
    """Every sheet prints; the Matrice on A3 landscape and the Preuves on A4, their body text at 7 points or more."""
    from pypdf import PdfReader

    _carlito()
    matrix = tmp_path / "matrix.xlsx"
    example = next(e for e in EXAMPLES if e.name == "elp-proxy")  # long sources, many evidence files
    assert cli_process("evaluate", example / "declaration.yaml", "--as-of", AS_OF, "-o", matrix).code in (0, 1)
    _soffice(tmp_path, "pdf", matrix, tmp_path / "pdf")
    pdf = tmp_path / "pdf" / "matrix.pdf"
    pages = PdfReader(pdf).pages
    assert len(pages) >= 6, f"at least one printed page per sheet, got {len(pages)}"
    first: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        text, sizes = _printed_sizes(page)
        for sheet, marker, paper in (
            ("Matrice", message("label.matrix_remediation"), _A3_LANDSCAPE),
            ("Preuves", message("label.detail"), _A4_LANDSCAPE),
        ):
            if marker not in text:  # the header row, repeated on each page of the sheet
                continue
            first.setdefault(sheet, number)
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == paper, (sheet, number)
            body, _count = sizes.most_common(1)[0]
            print(f"{sheet}, page {number}: body text printed at {body} pt ({dict(sizes.most_common(3))})")
            assert body >= 7, f"{sheet}, page {number}: body text printed at {body} pt, under 7"
    assert set(first) == {"Matrice", "Preuves"}, first
    png = tmp_path / "matrice-page"
    command = [_program("pdftoppm"), "-f", str(first["Matrice"]), "-l", str(first["Matrice"]), "-r", "110", "-png"]
    subprocess.run([*command, "-singlefile", str(pdf), str(png)], check=True, timeout=120)
    data = png.with_suffix(".png").read_bytes()
    width, height = _png_size(data)
    assert width > height and len(data) > 50_000, "a landscape page, not blank"
    print(f"first printed page of the Matrice: {png.with_suffix('.png')}")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_chromium_renders_the_html_report(cli_process: Cli, tmp_path: Path) -> None:
    browser = _program("chromium-headless-shell")
    report = tmp_path / "report.html"
    assert cli_process("evaluate", EXAMPLES[0] / "declaration.yaml", "--as-of", AS_OF, "-o", report).code in (0, 1)
    shot = tmp_path / "report.png"
    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    flags += ["--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'chromium'}"]
    command = [browser, *flags, f"--screenshot={shot}", f"--window-size={_WINDOW[0]},{_WINDOW[1]}", report.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert _png_size(data) == _WINDOW
    assert len(data) > 50_000, "a blank page compresses to a few kilobytes"


def test_matrix_resaved_by_libreoffice_still_imports(cli_process: Cli, tmp_path: Path) -> None:
    decl = write_hostile(tmp_path)
    matrix = tmp_path / "matrix.xlsx"
    assert cli_process("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "-o", matrix).code == 1
    fill(matrix, tmp_path / "filled.xlsx", {"T-CERT-01": ("conforme", "vu sur pièce, 2 pages")})
    _soffice(tmp_path, "xlsx", tmp_path / "filled.xlsx", tmp_path / "lo")
    audit = tmp_path / "audit.yaml"
    result = cli_process(
        "import-matrix",
        tmp_path / "lo" / "filled.xlsx",
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
