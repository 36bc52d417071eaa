"""The printed evidence matrix, as LibreOffice prints it: the Matrice on A3 landscape and the Preuves on A4, their
body text at 7 points or more once the sheet is fit to the page width, and a PNG of a printed page to look at.

The matrix is made by the installed executable (``cli_process``); LibreOffice converts it to PDF, pypdf reads the size
each character is printed at, ``pdftoppm`` renders the first Matrice page.
"""

from __future__ import annotations

import math
import os
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker.i18n import message
from tests.conftest import Cli
from tests.e2e.test_real_apps import _png_size, _program, _soffice
from tests.matrix_support import AS_OF, EXAMPLES

pytestmark = pytest.mark.slow

_A3_LANDSCAPE, _A4_LANDSCAPE = (1191, 842), (842, 595)
"""Page sizes in points."""
_FONTS = "apt-get install -y --no-install-recommends fonts-crosextra-carlito poppler-utils"


def _carlito() -> None:
    """LibreOffice draws Calibri with Carlito, its metric-compatible twin; without it, with a wider font."""
    done = subprocess.run([_program("fc-match"), "Calibri"], capture_output=True, text=True, check=False)
    if "Carlito" in done.stdout:
        return
    if os.environ.get("CI"):
        pytest.fail(f"the Carlito font is required in CI: {_FONTS}")
    pytest.skip(f"Carlito missing (run `{_FONTS}`): the printed sizes would be those of another font")


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
