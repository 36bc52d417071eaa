"""Safe, styled cells and tables for the xlsx matrix: declaration text is typed as text, never a formula."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

from checker.inputs.textsafe import cell_text
from checker.render.palette import ACCENT, OUTCOME_COLOURS

__all__ = ["FONT", "Table", "colour_by_label", "header_footer", "print_setup", "put", "row_height", "write_table"]

_LINE_POINTS = 12.9
_MAX_ROW_POINTS = 409.0
_FONT_SIZE = 10
FONT = "Calibri"
"""The workbook's font (LibreOffice substitutes a metric-compatible one)."""


@dataclass(frozen=True)
class Table:
    """A header row, its column widths and the data rows of one sheet."""

    headers: Sequence[str]
    widths: Sequence[float]
    rows: Sequence[Sequence[Any]]
    wrap: bool = True


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write ``value``; text is sanitised, typed as a string and quote-prefixed when it looks like a formula."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, str):
        text, quote = cell_text(value)
        cell.value = text
        cell.data_type = "s"
        if quote:
            cell.quotePrefix = True
    elif isinstance(value, bool):
        cell.value = str(value).lower()
        cell.data_type = "s"
    elif isinstance(value, int | float | dt.date):
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "yyyy-mm-dd"
    else:
        raise TypeError(f"unexpected cell value {type(value).__name__}")
    return cell


def row_height(values: Sequence[Any], widths: Sequence[float]) -> float:
    """Points needed to show every wrapped line of the row, so printed rows never overlap."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if value is None:
            continue
        per_line = max(1, int(width * 1.05) - 2)
        text = value if isinstance(value, str) else str(value)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    return min(_MAX_ROW_POINTS, round(lines * _LINE_POINTS + 3, 1))


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="B0B7C3")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "head_font": Font(name=FONT, bold=True, color="FFFFFF", size=_FONT_SIZE),
        "head_fill": PatternFill("solid", fgColor=ACCENT),
        "head_align": Alignment(wrap_text=True, vertical="center"),
        "body_font": Font(name=FONT, size=_FONT_SIZE),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "flat": Alignment(vertical="top"),
    }


def write_table(ws: Any, table: Table, *, title: str, page: str, freeze: str = "A2") -> int:
    """Header, rows, widths, heights, frozen header, filter and print set-up; returns the last row."""
    from openpyxl.utils import get_column_letter

    s = _styles()
    for col, header in enumerate(table.headers, start=1):
        cell = put(ws, 1, col, header)
        cell.font, cell.fill, cell.alignment, cell.border = s["head_font"], s["head_fill"], s["head_align"], s["border"]
        ws.column_dimensions[get_column_letter(col)].width = table.widths[col - 1]
    ws.row_dimensions[1].height = row_height(table.headers, table.widths)
    body: Any = None
    for row, values in enumerate(table.rows, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col)
            if body is None:
                cell.font, cell.border = s["body_font"], s["border"]
                cell.alignment = s["wrap"] if table.wrap else s["flat"]
                body = copy(cell._style)
            else:
                # Every body cell has the first one's style: copying its style array skips openpyxl's look-up of
                # each style object (a hash of every attribute, three per cell: 5 of 8 s at 10,000 rows).
                cell._style = copy(body)
            put(ws, row, col, value)
        ws.row_dimensions[row].height = row_height(values, table.widths)
    last = max(1, len(table.rows) + 1)
    ws.freeze_panes = freeze
    ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{last}"
    print_setup(ws, title=title, page=page)
    return last


def print_setup(ws: Any, *, title: str, page: str, one_page: bool = False) -> None:
    """A4 landscape, fit to the page width (or to one page), header row repeated, title and page numbers."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if not one_page:
        ws.print_title_rows = "1:1"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3, footer=0.3)
    header_footer(ws, title, page)


def header_footer(ws: Any, title: str, page: str) -> None:
    """Title on the left of the page header, ``Page n / N`` in the footer (``&`` in the title escaped)."""
    safe = cell_text(title, 120)[0].replace("&", "&&").replace("\n", " ")
    ws.oddHeader.left.text = safe
    ws.oddHeader.left.size = 9
    ws.oddFooter.right.text = page
    ws.oddFooter.right.size = 9


def colour_by_label(ws: Any, cells: str, labels: Mapping[str, str]) -> None:
    """Conditional colours on ``cells``: a cell showing a label takes its outcome's colours."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for label, outcome in labels.items():
        strong, light = OUTCOME_COLOURS[outcome]
        literal = '"' + label.replace('"', '""') + '"'
        rule = CellIsRule(
            operator="equal",
            formula=[literal],
            fill=PatternFill("solid", fgColor=light, bgColor=light),
            font=Font(bold=True, color=strong),
        )
        ws.conditional_formatting.add(cells, rule)
