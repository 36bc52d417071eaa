"""The PDF report: the HTML report (or portfolio) laid out by WeasyPrint with its print stylesheet.

WeasyPrint is an optional extra (``pip install 'psc-checker[pdf]'``) that needs the Pango library; it is imported
only when a PDF is asked for, and :func:`require_pdf` says what to install when it cannot be. The page fetches
nothing: the HTML is self-contained, and any URL it might name is refused rather than fetched.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any, NoReturn

from checker.errors import UsageError, msg
from checker.model.portfolio import PortfolioReport
from checker.model.report import Report

__all__ = ["pdf_available", "render_pdf", "render_portfolio_pdf", "require_pdf"]

EXTRA_HINT = (
    "PDF output needs the optional extra: pip install 'psc-checker[pdf]' "
    "(WeasyPrint, which also needs the Pango library: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


@cache
def _weasyprint() -> Any:
    """The WeasyPrint module, or the reason it cannot be imported (not installed, or Pango missing)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Pango shared library cannot be loaded
        return exc
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # unsupported CSS is not the user's concern
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def pdf_available() -> bool:
    """Whether a PDF can be rendered on this machine."""
    return not isinstance(_weasyprint(), BaseException)


def require_pdf() -> Any:
    """The WeasyPrint module, or a usage error (exit 2) naming the extra to install."""
    module = _weasyprint()
    if isinstance(module, BaseException):
        _missing(module)
    return module


def _missing(reason: BaseException) -> NoReturn:
    raise UsageError(msg("error.pdf_extra", error=type(reason).__name__, reason=str(reason)))


@cache
def _no_fetcher(weasyprint: Any) -> Any:
    """A WeasyPrint URL fetcher that fetches nothing (the page is self-contained)."""

    class NoFetch(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> NoReturn:
            raise ValueError(f"the PDF report fetches nothing ({url[:60]})")

    return NoFetch()


def html_to_pdf(html: bytes) -> bytes:
    """The PDF of a self-contained HTML page: its title and ``lang`` become the PDF's metadata (deterministic)."""
    weasyprint = require_pdf()
    document = weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=_no_fetcher(weasyprint))
    data: bytes = document.write_pdf()
    return data


def render_pdf(report: Report) -> bytes:
    from checker.render.html import render_html

    return html_to_pdf(render_html(report))


def render_portfolio_pdf(report: PortfolioReport) -> bytes:
    from checker.portfolio.render import render_portfolio_html

    return html_to_pdf(render_portfolio_html(report))
