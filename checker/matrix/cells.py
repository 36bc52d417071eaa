"""Safe, styled cells and tables for the xlsx workbooks: declaration text is typed as text, never a formula.

Tables are written row after row with ``ws.append``, which suits both an ordinary worksheet and a write-only one
(``Workbook(write_only=True)``: rows streamed to disk as they come, so memory stays flat at 10,000 rows). A
write-only sheet writes its properties, column widths and frozen panes with its first row, so :func:`write_table`
sets them before any row; filters, validations, conditional formats and print set-up go at its end and may follow.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checker.inputs.textsafe import cell_text
from checker.render.palette import ACCENT, OUTCOME_COLOURS

__all__ = [
    "A3",
    "A4",
    "FONT",
    "CellStyle",
    "Table",
    "append_row",
    "cell",
    "cell_style",
    "colour_by_label",
    "header_footer",
    "print_setup",
    "row_height",
    "write_table",
]

_LINE_POINTS = 12.9
_MAX_ROW_POINTS = 409.0
_FONT_SIZE = 10
FONT = "Calibri"
"""The workbook's font (LibreOffice draws it with Carlito, of the same metrics, when that font is installed)."""
_DATE_FORMAT = "yyyy-mm-dd"
A4, A3 = "9", "8"
"""Paper sizes (openpyxl's ``Worksheet.PAPERSIZE_A4`` and ``PAPERSIZE_A3``, absent from write-only sheets)."""


@dataclass(frozen=True)
class Table:
    """A header row, its column widths and the data rows of one sheet (rows may be a generator)."""

    headers: Sequence[str]
    widths: Sequence[float]
    rows: Iterable[Sequence[Any]]
    wrap: bool = True
    hidden: tuple[int, ...] = ()
    """Columns (1-based) to hide."""
    empty: Sequence[Any] | None = None
    """The row written when ``rows`` yields none."""
    count: int | None = None
    """How many rows ``rows`` yields, when it is a generator: the sheet declares its size before its rows."""


@dataclass(frozen=True)
class CellStyle:
    """A cell style resolved once in a workbook's style tables: each cell then copies it, without any look-up.

    openpyxl looks up every style object a cell is given (a hash of every attribute, three per cell: most of the
    time of a large sheet); copying the resolved indexes of a first cell costs nothing.
    """

    plain: Any
    """openpyxl's ``StyleArray`` for text and numbers."""
    date: Any
    """The same with the ``yyyy-mm-dd`` number format."""


def cell_style(ws: Any, **parts: Any) -> CellStyle:
    """Resolve ``font``, ``fill``, ``border``, ``alignment`` (openpyxl objects), ``number_format`` in ``ws``'s workbook."""
    from openpyxl.cell.cell import Cell

    probe = Cell(ws)
    for name, value in parts.items():
        if value is not None:
            setattr(probe, name, value)
    plain = _style_array(probe)
    probe.number_format = _DATE_FORMAT
    return CellStyle(plain, _style_array(probe))


def _style_array(cell: Any) -> Any:
    from openpyxl.styles.cell_style import StyleArray

    return StyleArray(cell._style) if cell._style is not None else StyleArray()


def cell(ws: Any, value: Any, style: CellStyle | None = None) -> Any:
    """A cell for ``ws.append``: text sanitised, typed as a string, quote-prefixed when it looks like a formula."""
    from openpyxl.cell.cell import Cell

    if isinstance(value, dt.date):
        out = Cell(ws, style_array=style.date if style else None)
        if style is None:
            out.number_format = _DATE_FORMAT
        out._value, out.data_type = value, "d"
        return out
    out = Cell(ws, style_array=style.plain if style else None)
    if value is None:
        return out
    if isinstance(value, str):
        text, quote = cell_text(value)
        out._value, out.data_type = text, "s"
        if quote:
            out.quotePrefix = True
    elif isinstance(value, bool):
        out._value, out.data_type = str(value).lower(), "s"
    elif isinstance(value, int | float):
        out._value = value
    else:
        raise TypeError(f"unexpected cell value {type(value).__name__}")
    return out


def row_height(values: Sequence[Any], widths: Sequence[float]) -> float:
    """Points needed to show every wrapped line of the row (up to the 409 points a row can take), so printed rows
    neither overlap nor cut their text.

    A first count divides each cell's length by the characters a line holds; the cells that may be the tallest are
    then wrapped word by word, as a spreadsheet does (a narrow column loses the end of many lines to word breaks).
    """
    texts: list[tuple[str, int]] = []
    for value, width in zip(values, widths, strict=False):
        if value is not None:
            text = value if isinstance(value, str) else str(value)
            texts.append((text, max(1, int(width * 1.1) - 1)))
    if not texts:
        return round(_LINE_POINTS + 3, 1)
    quick = [sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")) for text, per_line in texts]
    tallest = max(quick)
    lines = max(
        _wrapped_lines(text, per_line) if count * 2 > tallest else count
        for (text, per_line), count in zip(texts, quick, strict=True)
    )
    return min(_MAX_ROW_POINTS, round(lines * _LINE_POINTS + 3, 1))


def _wrapped_lines(text: str, per_line: int) -> int:
    """Lines ``text`` takes when wrapped at word boundaries, ``per_line`` characters a line (long words broken)."""
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for word in part.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, 0
            used += len(word) + (1 if used else 0)
            while used > per_line:
                lines, used = lines + 1, used - per_line
        total += lines
    return total


def _table_styles(ws: Any, wrap: bool) -> tuple[CellStyle, CellStyle]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="B0B7C3")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head = cell_style(
        ws,
        font=Font(name=FONT, bold=True, color="FFFFFF", size=_FONT_SIZE),
        fill=PatternFill("solid", fgColor=ACCENT),
        alignment=Alignment(wrap_text=True, vertical="center"),
        border=border,
    )
    body = cell_style(
        ws,
        font=Font(name=FONT, size=_FONT_SIZE),
        border=border,
        alignment=Alignment(wrap_text=True, vertical="top") if wrap else Alignment(vertical="top"),
    )
    return head, body


def append_row(ws: Any, row: int, cells: list[Any], height: float | None = None) -> None:
    """Append ``cells`` as row ``row`` (the next one), ``height`` points high.

    A write-only sheet writes the row at once: its height is then forgotten, so memory stays flat.
    """
    for column, made in enumerate(cells, start=1):
        made.row, made.column = row, column
    if height is not None:
        ws.row_dimensions[row].height = height
    streaming = getattr(ws.parent, "write_only", False)
    if streaming and "_values_to_row" not in vars(ws):
        # openpyxl's write-only sheet turns each appended value into a cell, trying the value first and catching the
        # error a cell raises (a third of the time of a large sheet); these cells are already made and placed.
        ws._values_to_row = _placed_cells
    ws.append(cells)
    if height is not None and streaming:
        del ws.row_dimensions[row]


def _placed_cells(cells: list[Any], _row: int) -> list[Any]:
    return cells


def write_table(ws: Any, table: Table, *, title: str, page: str, freeze: str = "A2", paper: str = A4) -> int:
    """Widths, frozen header, print set-up, header, rows with their heights, filter; returns the last row."""
    from openpyxl.utils import get_column_letter

    for col, width in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        if col in table.hidden:
            ws.column_dimensions[get_column_letter(col)].hidden = True
    ws.freeze_panes = freeze
    print_setup(ws, title=title, page=page, paper=paper)
    _declare_size(ws, table)
    head, body = _table_styles(ws, table.wrap)
    append_row(ws, 1, [cell(ws, h, head) for h in table.headers], row_height(table.headers, table.widths))
    last = 1
    for values in table.rows:
        last += 1
        append_row(ws, last, [cell(ws, v, body) for v in values], row_height(values, table.widths))
    if last == 1 and table.empty is not None:
        last = 2
        append_row(ws, last, [cell(ws, v, body) for v in table.empty], row_height(table.empty, table.widths))
    ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{last}"
    return last


def _declare_size(ws: Any, table: Table) -> None:
    """Give a write-only sheet its ``<dimension>`` (openpyxl writes one only for sheets it holds whole)."""
    from openpyxl.utils import get_column_letter

    count = len(table.rows) if isinstance(table.rows, Sequence) else table.count
    if not getattr(ws.parent, "write_only", False) or count is None:
        return
    rows = 1 + (count or (1 if table.empty is not None else 0))
    ref = f"A1:{get_column_letter(len(table.headers))}{rows}"
    ws.calculate_dimension = lambda: ref


def print_setup(ws: Any, *, title: str, page: str, one_page: bool = False, paper: str = A4) -> None:
    """Landscape (A4 unless told), fit to the page width (or to one page), header row repeated, title, page number."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if not one_page:
        ws.print_title_rows = "1:1"
    ws.page_margins = PageMargins(left=0.3, right=0.3, top=0.7, bottom=0.6, header=0.3, footer=0.3)
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
