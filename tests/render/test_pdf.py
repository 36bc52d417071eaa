"""The PDF report (`-o rapport.pdf` on `evaluate` and `portfolio`), read back with pypdf; the extra missing: exit 2."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from checker.cli.main import run
from checker.render import pdf
from tests.conftest import MINI, ROOT, Cli

EXAMPLE = ROOT / "examples" / "etablissement-fi-tiers" / "declaration.yaml"  # eight pages: rendering costs per page
SMALL = ROOT / "tests" / "cases" / "ready" / "elu-mini-all-compliant" / "declaration.yaml"
AS_OF = "2026-06-01"


def needs_pdf() -> None:
    """Skip locally when WeasyPrint or Pango is missing; in CI (CI set) that is a failure, as `.ci/run` installs them."""
    if pdf.pdf_available():
        return
    if os.environ.get("CI"):
        pytest.fail(f"WeasyPrint is required in CI: {pdf.EXTRA_HINT}")
    pytest.skip("WeasyPrint or Pango missing: pip install 'psc-checker[pdf]'")


def _pages(reader: PdfReader) -> list[str]:
    """Each page's text, read once (pypdf reads a page of the example report in about 0.1 s of CPU)."""
    return [page.extract_text() for page in reader.pages]


def _text(pages: list[str]) -> str:
    """Every page's text, runs of white space (line breaks inside a table cell) made one space."""
    return " ".join(" ".join(pages).split())


def _lang(reader: PdfReader) -> object:
    """The document catalogue's ``/Lang`` (the HTML page's ``lang``)."""
    return reader.root_object.get("/Lang")


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_pdf_report_holds_the_verdict_every_finding_and_the_organisation(cli: Cli, tmp_path: Path) -> None:
    needs_pdf()
    result = cli("evaluate", EXAMPLE, "--as-of", AS_OF, "-o", tmp_path / "rapport.pdf", "-o", tmp_path / "r.json")
    assert result.code in {0, 1}, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    reader = PdfReader(tmp_path / "rapport.pdf")
    pages = _pages(reader)
    text, first = _text(pages), pages[0]
    verdict = "PRÊT" if report["summary"]["ready"] else "PAS PRÊT"
    assert f"Verdict : {verdict}" in first.replace("\n", " "), first[:600]
    assert report["declaration"]["organisation"] in first
    for finding in report["findings"]:
        assert finding["requirement_id"] in text, finding["requirement_id"]
    assert reader.metadata is not None
    assert reader.metadata.title == f"Rapport d'écarts Pro Santé Connect — {report['declaration']['subject']}"
    assert _lang(reader) == "fr"
    count = len(reader.pages)
    assert count > 1
    assert re.search(rf"\b1 / {count}\b", first), "page number missing on page 1"
    assert re.search(rf"\b{count} / {count}\b", pages[-1])


def test_the_pdf_report_is_deterministic_and_follows_the_language(cli: Cli, tmp_path: Path) -> None:
    """On the small acceptance case (a one-page report): rendering a PDF costs seconds per page."""
    needs_pdf()
    for name in ("a.pdf", "b.pdf"):
        cli("evaluate", SMALL, "--referentiel", MINI, "--as-of", AS_OF, "--lang", "en", "-o", tmp_path / name)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    reader = PdfReader(tmp_path / "a.pdf")
    assert _lang(reader) == "en"
    assert "Verdict" in reader.pages[0].extract_text()


def test_the_portfolio_pdf_lists_every_declaration(cli: Cli, tmp_path: Path) -> None:
    needs_pdf()
    examples = ROOT / "examples"
    result = cli("portfolio", examples, "--as-of", AS_OF, "-o", tmp_path / "p.pdf", "-o", tmp_path / "p.json")
    assert result.code in {0, 1}, result.stderr
    rows = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["rows"]
    reader = PdfReader(tmp_path / "p.pdf")
    pages = _pages(reader)
    text = _text(pages)
    for row in rows:
        assert _squeezed(row["organisation"]) in _squeezed(text), row["organisation"]  # a cell may wrap at "-"
    assert _lang(reader) == "fr"
    assert re.search(r"\b1 / \d+\b", pages[0])


@pytest.mark.parametrize("command", ["evaluate", "portfolio"])
def test_without_the_extra_a_pdf_is_refused_before_any_work(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` raises ImportError
    pdf._weasyprint.cache_clear()
    try:
        args = [command, str(EXAMPLE), "--as-of", AS_OF, "-o", str(tmp_path / "r.json"), "-o", str(tmp_path / "r.pdf")]
        code = run(args)
    finally:
        pdf._weasyprint.cache_clear()
    err = capsys.readouterr().err
    assert code == 2, err
    assert "pip install 'psc-checker[pdf]'" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == [], "nothing is written when the PDF cannot be"
