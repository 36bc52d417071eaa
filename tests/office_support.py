"""LibreOffice and Chromium for the tests that open psc-check's files in them (``tests/e2e/test_real_apps.py``,
``tests/e2e/test_matrix_print.py``, ``tests/portfolio/test_portfolio_html_in_chromium.py``).

A program is found, or the test skips locally and fails in CI (the environment variable CI is set). LibreOffice costs
about 1 s of CPU to start before any work, so it starts as few times as the tests allow: one start converts several
files to the same format (``soffice``), and the example's outputs and printed matrix are made once per session
(``example_outputs``, ``printed_example``), for every test that reads them.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import run_process
from tests.matrix_support import AS_OF, EXAMPLES

INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc-nogui chromium-headless-shell"
EXAMPLE = next(example for example in EXAMPLES if example.name == "elp-proxy")
"""The example whose matrix is printed and whose HTML report is rendered: long sources and many evidence files (36
printed pages)."""


_MADE: dict[str, Path] = {}
"""What this session already made, by name: each is made once, by the first test that needs it."""


def program(name: str) -> str:
    """The program's path; skipped locally when absent, a failure in CI (the environment variable CI is set)."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required in CI: {INSTALL}")
    pytest.skip(f"{name} not installed (run `{INSTALL}` to exercise it)")


def soffice(factory: pytest.TempPathFactory, convert_to: str, sources: Sequence[Path], out: Path) -> list[Path]:
    """Every file of ``sources`` converted by one start of LibreOffice to ``convert_to``, in ``out``; the converted
    files, in the order of ``sources``. The sources' names differ. LibreOffice runs with a profile of its own, made
    by its first start in the session and used again by the next (a new profile costs about 0.2 s of CPU)."""
    assert len({source.stem for source in sources}) == len(sources), "one output per source name"
    if "profile" not in _MADE:
        _MADE["profile"] = factory.mktemp("lo-profile")
    command = [
        program("soffice"),
        f"-env:UserInstallation=file://{_MADE['profile']}",
        "--headless",
        "--norestore",
        "--convert-to",
        convert_to,
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    suffix = "." + convert_to.split(":", maxsplit=1)[0]
    converted = [out / (source.stem + suffix) for source in sources]
    missing = [path.name for path in converted if not path.is_file()]
    assert not missing, f"LibreOffice wrote no {missing}: {done.stdout}{done.stderr}"
    return converted


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, read from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def example_outputs(factory: pytest.TempPathFactory) -> Path:
    """A folder holding the example's matrix and HTML report (``matrix.xlsx``, ``report.html``), written by one run
    of the installed executable as a person would write them. Made once per session; the tests only read it."""
    if "example" not in _MADE:
        folder = factory.mktemp("example")
        args: list[str | Path] = ["evaluate", EXAMPLE / "declaration.yaml", "--as-of", AS_OF]
        made = run_process(*args, "-o", folder / "matrix.xlsx", "-o", folder / "report.html")
        assert made.code in (0, 1), made.stderr
        _MADE["example"] = folder
    return _MADE["example"]


def printed_example(factory: pytest.TempPathFactory) -> Path:
    """The example's matrix (``example_outputs``) as LibreOffice prints it to PDF. Made once per session: printing
    its 36 pages costs LibreOffice about 3 s of CPU."""
    if "printed" not in _MADE:
        folder = example_outputs(factory)
        (_MADE["printed"],) = soffice(factory, "pdf", [folder / "matrix.xlsx"], folder / "pdf")
    return _MADE["printed"]
