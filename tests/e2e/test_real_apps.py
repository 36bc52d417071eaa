"""What a person sees: the matrix opened by LibreOffice (CSV and PDF), the HTML report rendered by Chromium.

The files are made by the installed executable (``cli_process``), as a person would make them: once per module
(one run writes the example's matrix and HTML report; one the hostile declaration's matrix), then copied by each test
that changes them. LibreOffice starts once per conversion (about 2 s of CPU each): one format per run.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from checker.matrix.layout import column_number
from tests.conftest import MINI, Cli, run_process
from tests.matrix_support import AS_OF, EXAMPLES, HYPERLINK, fill, write_hostile

pytestmark = pytest.mark.slow

_INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc-nogui chromium-headless-shell"
_CSV_MATRIX = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"
"""UTF-8 CSV, quoted text, formulas shown as results, sheet 2 (``Matrice``) only."""
_WINDOW = (1280, 2000)


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


@pytest.fixture(scope="module")
def example_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first example's matrix and HTML report, written by one run of the installed executable."""
    folder = tmp_path_factory.mktemp("example")
    args: list[str | Path] = ["evaluate", EXAMPLES[0] / "declaration.yaml", "--as-of", AS_OF]
    assert run_process(*args, "-o", folder / "matrix.xlsx", "-o", folder / "report.html").code in (0, 1)
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile declaration (``write_hostile``) and its matrix, written by the installed executable."""
    folder = tmp_path_factory.mktemp("hostile")
    decl = write_hostile(folder)
    assert (
        run_process("evaluate", decl, "--referentiel", MINI, "--as-of", AS_OF, "-o", folder / "matrix.xlsx").code == 1
    )
    return folder


def test_libreoffice_shows_verdicts_and_injected_text_as_text(hostile: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill(
        hostile / "matrix.xlsx", filled, {"T-OIDC-01": ("non conforme", "lien piégé"), "T-CIBA-01": ("conforme", None)}
    )
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


def test_libreoffice_prints_the_matrix(example_outputs: Path, tmp_path: Path) -> None:
    _soffice(tmp_path, "pdf", example_outputs / "matrix.xlsx", tmp_path / "pdf")
    pdf = (tmp_path / "pdf" / "matrix.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 6, f"at least one printed page per sheet, got {pages}"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_chromium_renders_the_html_report(example_outputs: Path, tmp_path: Path) -> None:
    browser = _program("chromium-headless-shell")
    report = example_outputs / "report.html"
    shot = tmp_path / "report.png"
    flags = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    flags += ["--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'chromium'}"]
    command = [browser, *flags, f"--screenshot={shot}", f"--window-size={_WINDOW[0]},{_WINDOW[1]}", report.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = shot.read_bytes()
    assert _png_size(data) == _WINDOW
    assert len(data) > 50_000, "a blank page compresses to a few kilobytes"


def test_matrix_resaved_by_libreoffice_still_imports(cli_process: Cli, hostile: Path, tmp_path: Path) -> None:
    decl = hostile / "declaration.yaml"
    fill(hostile / "matrix.xlsx", tmp_path / "filled.xlsx", {"T-CERT-01": ("conforme", "vu sur pièce, 2 pages")})
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
