"""The format registry: every (document kind, format) the commands offer has a renderer that renders real data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from checker.app.check_evidence import CheckEvidenceRequest, run_check_evidence
from checker.app.evaluate import EvaluateRequest, evaluate_file
from checker.errors import UsageError
from checker.portfolio.run import PortfolioRequest, run_portfolio
from checker.referential.diff import classify_answers, diff_editions
from checker.referential.load import load_referential
from checker.render.diff_text import DiffDocument
from checker.render.listing import RequirementList, RequirementSheet
from checker.render.registry import (
    CHECK_RESULT,
    EDITION_DIFF,
    KINDS,
    PORTFOLIO,
    REFERENTIAL_EXPORT,
    REPORT,
    REQUIREMENT,
    REQUIREMENT_LIST,
    SUFFIXES,
    DocumentKind,
    Format,
)
from tests.conftest import DATA, ROOT, Cli

AS_OF = dt.date(2026, 11, 28)
EXAMPLES = ROOT / "examples"
DECLARATION = EXAMPLES / "etablissement-fi-tiers" / "declaration.yaml"  # real and small: PDF costs per page


@cache
def _report() -> Any:
    return evaluate_file(EvaluateRequest(declaration=DECLARATION, as_of=AS_OF))[2]


@cache
def _portfolio() -> Any:
    return run_portfolio(PortfolioRequest(inputs=(EXAMPLES,), as_of=AS_OF, workers=1))


@cache
def _small_report() -> Any:
    """A real three-page report (the ready acceptance case on the test referential)."""
    ready = ROOT / "tests" / "cases" / "ready" / "elu-mini-all-compliant" / "declaration.yaml"
    return evaluate_file(EvaluateRequest(declaration=ready, referential=DATA / "mini-referential.yaml", as_of=AS_OF))[2]


@cache
def _small_portfolio() -> Any:
    """A real two-page portfolio: two of the examples."""
    inputs = (EXAMPLES / "etablissement-fi-tiers", EXAMPLES / "etablissement-derogations")
    return run_portfolio(PortfolioRequest(inputs=inputs, as_of=AS_OF, workers=1))


@cache
def _diff() -> DiffDocument:
    old, new = load_referential(), load_referential(DATA / "psc-next.yaml")
    changes = diff_editions(old, new)
    from checker.declaration.load import load_declaration
    from checker.evaluation.applicability import applicable_requirements

    decl = load_declaration(DECLARATION, old)
    applicable = {req.id for req, _ in applicable_requirements(new, decl.model)}
    return DiffDocument(changes, tuple(classify_answers(changes, decl.model, applicable)))


def _list() -> RequirementList:
    ref = load_referential()
    return RequirementList(ref, tuple(ref.select(["FS"])))


def _sheet() -> RequirementSheet:
    ref = load_referential()
    return RequirementSheet(ref, ref.requirements["PSC-OIDC-01"])


def _check_result() -> Any:
    evidence = EXAMPLES / "fs-standard" / "evidence" / "oidc-client-production.json"
    return run_check_evidence(CheckEvidenceRequest(file=evidence, as_of=AS_OF)).report


DOCUMENTS: dict[str, Callable[[], Any]] = {
    REPORT.name: _report,
    PORTFOLIO.name: _portfolio,
    EDITION_DIFF.name: _diff,
    REQUIREMENT_LIST.name: _list,
    REQUIREMENT.name: _sheet,
    REFERENTIAL_EXPORT.name: load_referential,
    CHECK_RESULT.name: _check_result,
}
"""Real data for each kind of document, made by the same code the commands run."""

SMALL_DOCUMENTS: dict[tuple[str, Format], Callable[[], Any]] = {
    (REPORT.name, Format.PDF): _small_report,
    (PORTFOLIO.name, Format.PDF): _small_portfolio,
}
"""Smaller real documents for the PDF pairs: laying out a page costs about 0.15 s of CPU, and this test renders
twice. The full-size PDFs (the six-page example report, the portfolio of every example) are read back page by page
in ``tests/render/test_pdf.py``."""


def _is_xml(data: bytes) -> bool:
    return ElementTree.fromstring(data) is not None  # noqa: S314 - our own output


def _looks_like(fmt: Format, data: bytes) -> bool:
    """A check that the bytes are of the format asked for, not merely non-empty."""
    text = data.decode("utf-8") if fmt not in {Format.XLSX, Format.PDF} else ""
    checks: dict[Format, Callable[[], bool]] = {
        Format.JSON: lambda: isinstance(json.loads(text), dict | list),
        Format.SARIF: lambda: json.loads(text)["version"] == "2.1.0",
        Format.JUNIT: lambda: _is_xml(data) and "<testsuite" in text,
        Format.HTML: lambda: text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>"),
        Format.XLSX: lambda: "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist(),
        Format.PDF: lambda: data.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(data)).pages) >= 1,
        Format.MD: lambda: "|" in text or text.startswith("#"),
        Format.CSV: lambda: text.splitlines()[0].startswith("id,obligation,"),
        Format.TABLE: lambda: text.splitlines()[0].startswith("Exigence ") and " exigences — " in text,
        Format.TEXT: lambda: len(text.splitlines()) > 1,
        Format.CONSOLE: lambda: len(text.splitlines()) > 1,
        Format.OSCAL: lambda: json.loads(text).keys() <= {"catalog", "assessment-results"},
        Format.CISO_ASSISTANT: lambda: text.startswith("urn: urn:psc-check:risk:library:"),
    }
    ends_cleanly = fmt in {Format.XLSX, Format.PDF} or text.endswith("\n")
    return ends_cleanly and checks[fmt]()


PAIRS = [(kind.name, fmt) for kind in KINDS for fmt in kind.renderers]


def test_every_kind_has_its_real_data() -> None:
    assert set(DOCUMENTS) == {kind.name for kind in KINDS}


def test_every_format_offered_has_a_renderer() -> None:
    for kind in KINDS:
        offered = {*kind.stdout, *kind.files.values()}
        assert offered <= set(kind.renderers), kind.name
        assert set(kind.renderers) <= offered, f"{kind.name}: a renderer no option offers"


@pytest.mark.parametrize(("kind_name", "fmt"), PAIRS, ids=[f"{k}-{f.value}" for k, f in PAIRS])
def test_each_pair_renders_real_data(kind_name: str, fmt: Format) -> None:
    kind: DocumentKind[Any] = next(k for k in KINDS if k.name == kind_name)
    document = SMALL_DOCUMENTS.get((kind_name, fmt), DOCUMENTS[kind_name])
    data = kind.render(document(), fmt)
    assert _looks_like(fmt, data), data[:200]
    assert kind.render(document(), fmt) == data, "not deterministic"


def test_output_suffixes_resolve_to_their_format() -> None:
    for fmt, suffixes in SUFFIXES.items():
        for suffix in suffixes:
            assert REPORT.format_for_path(Path(f"out{suffix.upper()}")) is fmt
    assert PORTFOLIO.format_for_path(Path("p.html")) is Format.HTML
    with pytest.raises(UsageError, match=r"`\.htm` — utilisez l'un de : \.json, \.md, \.html, \.xlsx, \.pdf$"):
        PORTFOLIO.format_for_path(Path("p.htm"))
    with pytest.raises(UsageError, match=r"out : fichier de sortie sans suffixe"):
        REPORT.format_for_path(Path("out"))


def test_a_compound_suffix_wins_over_its_last_part() -> None:
    """``.oscal.json`` asks for OSCAL, ``.json`` for the JSON report; a kind without OSCAL refuses ``.oscal.json``."""
    assert REPORT.format_for_path(Path("resultats.oscal.json")) is Format.OSCAL
    assert REPORT.format_for_path(Path("dossier.v2/Resultats.OSCAL.JSON")) is Format.OSCAL
    assert REPORT.format_for_path(Path("rapport.json")) is Format.JSON
    assert REPORT.format_for_path(Path("oscal.json")) is Format.JSON
    assert REPORT.format_for_path(Path("rapport.oscal.json.md")) is Format.MD
    with pytest.raises(
        UsageError, match=r"suffixe de sortie inconnu `\.oscal\.json` — utilisez l'un de : \.json, \.md"
    ):
        PORTFOLIO.format_for_path(Path("p.oscal.json"))


FORMAT_OPTIONS: list[tuple[list[str | Path], DocumentKind[Any]]] = [
    (["evaluate", DECLARATION], REPORT),
    (["diff", DATA / "mini-referential.yaml", DATA / "mini-referential.yaml"], EDITION_DIFF),
    (["referentiel", "list"], REQUIREMENT_LIST),
    (["referentiel", "show", "PSC-OIDC-01"], REQUIREMENT),
    (["referentiel", "export"], REFERENTIAL_EXPORT),
    (["check-evidence", DECLARATION], CHECK_RESULT),
]


@pytest.mark.parametrize(("args", "kind"), FORMAT_OPTIONS, ids=[k.name for _, k in FORMAT_OPTIONS])
def test_the_format_choices_of_each_command_come_from_the_registry(
    cli: Cli, args: list[str | Path], kind: DocumentKind[Any]
) -> None:
    result = cli(*args, "--format", "nope")
    assert result.code == 2
    assert f"choisissez parmi : {', '.join(kind.stdout_names)}\n" in result.stderr


def test_the_registry_loads_no_renderer_module() -> None:
    import subprocess
    import sys

    prefixes = ("jinja2", "openpyxl", "checker.render.", "checker.matrix")
    probe = f"import sys, checker.render.registry; print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "['checker.render.registry']"


@pytest.mark.parametrize("kind", [REPORT, PORTFOLIO], ids=lambda kind: kind.name)
def test_render_each_renders_each_format_once_and_prints_the_html_it_made(kind: DocumentKind[Any]) -> None:
    """Asked for the PDF beside the HTML (and a format twice), each is rendered once, with the very bytes each
    renderer gives alone: a kind's PDF is its HTML page printed."""
    document = SMALL_DOCUMENTS[(kind.name, Format.PDF)]()
    alone = {fmt: kind.render(document, fmt) for fmt in (Format.HTML, Format.PDF, Format.JSON)}
    calls: list[Format] = []

    def counted(fmt: Format) -> Callable[[Any], bytes]:
        def render(doc: Any) -> bytes:
            calls.append(fmt)
            return kind.renderers[fmt](doc)

        return render

    counting = dataclasses.replace(kind, renderers={fmt: counted(fmt) for fmt in kind.renderers})
    each = counting.render_each(document, [Format.PDF, Format.JSON, Format.HTML, Format.JSON])
    assert each == alone
    assert sorted(calls) == sorted([Format.HTML, Format.JSON]), "the PDF printed from the HTML rendered once"
