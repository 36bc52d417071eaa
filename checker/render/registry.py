"""Every output format, and per kind of document the renderer of each format (imported only when used).

A kind of document (the evaluation report, a portfolio, an edition diff…) offers some formats on standard output
(``--format``) and some as files (``-o``, chosen by the suffix). Its renderers are chosen by a ``match`` on the
format, checked exhaustive by mypy (``assert_never``); each imports its module inside, so openpyxl and Jinja2
load only when an xlsx or HTML/Markdown output is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, assert_never, get_args

from checker.errors import UsageError

if TYPE_CHECKING:
    from checker.model.portfolio import PortfolioReport
    from checker.model.report import Report
    from checker.referential.load import LoadedReferential
    from checker.render.check_results import EvidenceCheckReport
    from checker.render.diff_text import DiffDocument
    from checker.render.listing import RequirementList, RequirementSheet

__all__ = [
    "CHECK_RESULT",
    "EDITION_DIFF",
    "EXPORT_SUFFIXES",
    "KINDS",
    "PORTFOLIO",
    "REFERENTIAL_EXPORT",
    "REPORT",
    "REQUIREMENT",
    "REQUIREMENT_LIST",
    "SUFFIXES",
    "DocumentKind",
    "Format",
    "require_formats",
    "suffix_of",
]


class Format(StrEnum):
    """An output format; its value is the name ``--format`` takes."""

    CONSOLE = "console"
    TEXT = "text"
    TABLE = "table"
    JSON = "json"
    MD = "md"
    CSV = "csv"
    HTML = "html"
    XLSX = "xlsx"
    SARIF = "sarif"
    JUNIT = "junit"
    PDF = "pdf"
    OSCAL = "oscal"
    CISO_ASSISTANT = "ciso-assistant"


SUFFIXES: Mapping[Format, tuple[str, ...]] = {
    Format.JSON: (".json",),
    Format.MD: (".md", ".markdown"),
    Format.HTML: (".html", ".htm"),
    Format.XLSX: (".xlsx",),
    Format.SARIF: (".sarif",),
    Format.JUNIT: (".xml",),
    Format.PDF: (".pdf",),
    Format.OSCAL: (".oscal.json",),
}
"""The file suffixes of each format an ``-o`` file may take (the first is the usual one).

A suffix may be compound (``.oscal.json``): a file name takes the longest suffix it ends with, so
``resultats.oscal.json`` asks for OSCAL and ``rapport.json`` for the JSON report."""


def suffix_of(path: Path, extra: Iterable[str] = ()) -> str:
    """The suffix of ``path`` (lower case) that names a format: the longest known one it ends with, else its last."""
    name = path.name.lower()
    known = {*(s for found in SUFFIXES.values() for s in found), *extra}
    matches = [s for s in known if name.endswith(s) and len(name) > len(s)]
    return max(matches, key=len) if matches else path.suffix.lower()


def require_formats(formats: Iterable[Format]) -> None:
    """Refuse, before any work, a format whose optional library is missing (PDF: the ``pdf`` extra), exit 2."""
    if Format.PDF in set(formats):
        from checker.render.pdf import require_pdf

        require_pdf()


D = TypeVar("D")
Renderer = Callable[[D], bytes]


@dataclass(frozen=True)
class DocumentKind(Generic[D]):
    """One kind of document and the formats it renders to."""

    name: str
    renderers: Mapping[Format, Renderer[D]]
    """Format → ``(document) -> bytes``, for every format of this kind (the members of its ``Literal`` type)."""
    stdout: tuple[Format, ...]
    """The ``--format`` choices (written to standard output), first the default."""
    files: Mapping[str, Format]
    """``-o`` file suffix (lower case) → the format it asks for."""

    @property
    def stdout_names(self) -> list[str]:
        """The ``--format`` choices as the option spells them."""
        return [fmt.value for fmt in self.stdout]

    def format_for_path(self, path: Path) -> Format:
        """The format an output file's suffix asks for (a usage error for any other suffix).

        The longest known suffix the name ends with wins (``.oscal.json`` over ``.json``), among every format's
        suffixes, not only this kind's: ``p.oscal.json`` for a kind without OSCAL is refused, not taken as JSON.
        """
        suffix = suffix_of(path, self.files)
        found = self.files.get(suffix)
        if found is None:
            known = ", ".join(self.files)
            from checker.errors import msg  # on a refusal only: --help never loads pydantic

            problem = msg("error.output_suffix", suffix=suffix) if suffix else msg("error.output_no_suffix")
            raise UsageError.at(str(path), problem, msg("hint.use_one_of", choices=known))
        return found

    def render(self, document: D, fmt: Format) -> bytes:
        """``document`` in format ``fmt`` (one of :attr:`renderers`)."""
        return self.renderers[fmt](document)

    def render_each(self, document: D, formats: Iterable[Format]) -> dict[Format, bytes]:
        """``document`` in each of ``formats``, each rendered once. A kind's PDF is its HTML page printed
        (``render/pdf.py``): asked for beside the HTML, it prints that page instead of rendering it again."""
        wanted = list(dict.fromkeys(formats))
        done: dict[Format, bytes] = {}
        if Format.PDF in wanted and Format.HTML in wanted:
            from checker.render.pdf import html_to_pdf

            done[Format.HTML] = self.render(document, Format.HTML)
            done[Format.PDF] = html_to_pdf(done[Format.HTML])
        for fmt in wanted:
            if fmt not in done:
                done[fmt] = self.render(document, fmt)
        return done


def _kind(
    name: str,
    formats: Any,
    choose: Callable[[Any], Renderer[D]],
    stdout: tuple[Format, ...],
    files: tuple[Format, ...] = (),
    suffixes: Mapping[Format, tuple[str, ...]] = SUFFIXES,
) -> DocumentKind[D]:
    """A kind rendering to each member of the ``Literal`` type ``formats``, the renderer chosen by ``choose``."""
    members: tuple[Format, ...] = get_args(formats)
    return DocumentKind(
        name=name,
        renderers={fmt: _deferred(choose, fmt) for fmt in members},
        stdout=stdout,
        files={suffix: fmt for fmt in files for suffix in suffixes[fmt]},
    )


def _deferred(choose: Callable[[Any], Renderer[D]], fmt: Format) -> Renderer[D]:
    """The renderer ``choose(fmt)``, its module imported at the first call, not when the registry loads."""

    def render(document: D) -> bytes:
        return choose(fmt)(document)

    return render


# The evaluation report -------------------------------------------------------------------------------------------

ReportFormat = Literal[
    Format.CONSOLE,
    Format.JSON,
    Format.MD,
    Format.HTML,
    Format.XLSX,
    Format.SARIF,
    Format.JUNIT,
    Format.PDF,
    Format.OSCAL,
]


def _report_renderer(fmt: ReportFormat) -> Renderer[Report]:
    match fmt:
        case Format.CONSOLE:
            from checker.render.console import render_console

            return render_console
        case Format.JSON:
            from checker.render.json_report import render_json

            return render_json
        case Format.MD:
            from checker.render.markdown import render_markdown

            return render_markdown
        case Format.HTML:
            from checker.render.html import render_html

            return render_html
        case Format.XLSX:
            from checker.matrix.writer import render_xlsx

            return render_xlsx
        case Format.SARIF:
            from checker.render.sarif import render_sarif

            return render_sarif
        case Format.JUNIT:
            from checker.render.junit import render_junit

            return render_junit
        case Format.PDF:
            from checker.render.pdf import render_pdf

            return render_pdf
        case Format.OSCAL:
            from checker.render.oscal import render_assessment_results

            return render_assessment_results
        case _:
            assert_never(fmt)


REPORT: DocumentKind[Report] = _kind(
    "report",
    ReportFormat,
    _report_renderer,
    stdout=(Format.CONSOLE, Format.JSON, Format.MD),
    files=(Format.JSON, Format.MD, Format.HTML, Format.XLSX, Format.SARIF, Format.JUNIT, Format.PDF, Format.OSCAL),
)
"""``psc-check evaluate``: the report on standard output and in every ``-o`` file."""


# A portfolio -----------------------------------------------------------------------------------------------------

PortfolioFormat = Literal[Format.JSON, Format.MD, Format.HTML, Format.XLSX, Format.PDF]


def _portfolio_renderer(fmt: PortfolioFormat) -> Renderer[PortfolioReport]:
    match fmt:
        case Format.JSON:
            from checker.portfolio.render import render_portfolio_json

            return render_portfolio_json
        case Format.MD:
            from checker.portfolio.render import render_portfolio_md

            return render_portfolio_md
        case Format.HTML:
            from checker.portfolio.render import render_portfolio_html

            return render_portfolio_html
        case Format.XLSX:
            from checker.portfolio.workbook import render_portfolio_xlsx

            return render_portfolio_xlsx
        case Format.PDF:
            from checker.render.pdf import render_portfolio_pdf

            return render_portfolio_pdf
        case _:
            assert_never(fmt)


PORTFOLIO: DocumentKind[PortfolioReport] = _kind(
    "portfolio",
    PortfolioFormat,
    _portfolio_renderer,
    stdout=(),
    files=(Format.JSON, Format.MD, Format.HTML, Format.XLSX, Format.PDF),
    suffixes={fmt: found[:1] for fmt, found in SUFFIXES.items()},
)
"""``psc-check portfolio``: files only (``-o``), each format under its usual suffix."""


# An edition diff -------------------------------------------------------------------------------------------------

DiffFormat = Literal[Format.TEXT, Format.JSON]


def _diff_renderer(fmt: DiffFormat) -> Renderer[DiffDocument]:
    from checker.render import diff_text

    match fmt:
        case Format.TEXT:
            return diff_text.render_diff_text
        case Format.JSON:
            return diff_text.render_diff_json
        case _:
            assert_never(fmt)


EDITION_DIFF: DocumentKind[DiffDocument] = _kind(
    "edition diff", DiffFormat, _diff_renderer, stdout=(Format.TEXT, Format.JSON)
)
"""``psc-check diff``: what changed between two editions, and what becomes of a declaration's answers."""


# The referential: a list of requirements, one requirement --------------------------------------------------------

ListFormat = Literal[Format.TABLE, Format.JSON, Format.CSV, Format.MD]


def _list_renderer(fmt: ListFormat) -> Renderer[RequirementList]:
    from checker.render import listing

    match fmt:
        case Format.TABLE:
            return listing.render_list_table
        case Format.JSON:
            return listing.render_list_json
        case Format.CSV:
            return listing.render_list_csv
        case Format.MD:
            return listing.render_list_md
        case _:
            assert_never(fmt)


REQUIREMENT_LIST: DocumentKind[RequirementList] = _kind(
    "requirement list", ListFormat, _list_renderer, stdout=(Format.TABLE, Format.JSON, Format.CSV, Format.MD)
)
"""``psc-check referentiel list``: the selected requirements."""

SheetFormat = Literal[Format.TEXT, Format.JSON]


def _sheet_renderer(fmt: SheetFormat) -> Renderer[RequirementSheet]:
    from checker.render import listing

    match fmt:
        case Format.TEXT:
            return listing.render_sheet_text
        case Format.JSON:
            return listing.render_sheet_json
        case _:
            assert_never(fmt)


REQUIREMENT: DocumentKind[RequirementSheet] = _kind(
    "requirement", SheetFormat, _sheet_renderer, stdout=(Format.TEXT, Format.JSON)
)
"""``psc-check referentiel show``: one requirement, whole, with its provenance."""


ExportFormat = Literal[Format.CISO_ASSISTANT, Format.OSCAL]


def _export_renderer(fmt: ExportFormat) -> Renderer[LoadedReferential]:
    match fmt:
        case Format.CISO_ASSISTANT:
            from checker.render.ciso_assistant import render_library

            return render_library
        case Format.OSCAL:
            from checker.render.oscal import render_catalog

            return render_catalog
        case _:
            assert_never(fmt)


REFERENTIAL_EXPORT: DocumentKind[LoadedReferential] = _kind(
    "referential export", ExportFormat, _export_renderer, stdout=(Format.CISO_ASSISTANT, Format.OSCAL)
)
"""``psc-check referentiel export``: the whole edition in another tool's format (``--format``, to stdout or ``-o``)."""

EXPORT_SUFFIXES: Mapping[Format, tuple[str, ...]] = {
    Format.CISO_ASSISTANT: (".yaml", ".yml"),
    Format.OSCAL: (".json",),
}
"""The ``-o`` suffixes each export format may be written to (the format itself comes from ``--format``)."""


# The result of check-evidence ------------------------------------------------------------------------------------

CheckFormat = Literal[Format.CONSOLE, Format.JSON]


def _check_renderer(fmt: CheckFormat) -> Renderer[EvidenceCheckReport]:
    from checker.render import check_results

    match fmt:
        case Format.CONSOLE:
            return check_results.render_console
        case Format.JSON:
            return check_results.render_json
        case _:
            assert_never(fmt)


CHECK_RESULT: DocumentKind[EvidenceCheckReport] = _kind(
    "check-evidence result", CheckFormat, _check_renderer, stdout=(Format.CONSOLE, Format.JSON)
)
"""``psc-check check-evidence``: what the automated checks concluded about one evidence file."""

KINDS: tuple[DocumentKind[Any], ...] = (
    REPORT,
    PORTFOLIO,
    EDITION_DIFF,
    REQUIREMENT_LIST,
    REQUIREMENT,
    REFERENTIAL_EXPORT,
    CHECK_RESULT,
)
"""Every kind of document the commands write."""
