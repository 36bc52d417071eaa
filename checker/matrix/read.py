"""Read an auditor's returned matrix: verdicts and comments by requirement id, refusals by sheet and cell."""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import InputError, Location, Message, located, msg
from checker.inputs.limits import MAX_MATRIX_BYTES
from checker.inputs.readfile import read_input
from checker.matrix.layout import (
    ABOUT_FIELDS,
    LEGACY_WIDTH,
    MATRIX_COLUMNS,
    READABLE_FORMATS,
    SHEETS,
    column_number,
    sheet_names,
)
from checker.matrix.rows import CheckedRow, RowChecker
from checker.matrix.scan import SheetScan, WorkbookScan, scan_workbook
from checker.referential.load import LoadedReferential

__all__ = ["MAX_MATRIX_BYTES", "MatrixContent", "read_matrix"]

_MAX_MESSAGES = 25
_AUDITED = (column_number("auditor_verdict") - 1, column_number("auditor_comment") - 1)


@dataclass(frozen=True)
class MatrixContent:
    """The matrix's provenance (``À propos``) and the auditor's rows."""

    sha256: str
    about: dict[str, str]
    about_cells: dict[str, str]
    rows: list[CheckedRow] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    """What the import leaves aside and the auditor should know: extra sheets, hidden rows, stray cells."""


def read_matrix(path: Path, ref: LoadedReferential) -> MatrixContent:
    """Read ``path``; raise :class:`InputError` naming sheet, cell and fix for anything that cannot be trusted."""
    raw = _raw_bytes(path)
    wanted = dict.fromkeys(sheet_names("matrix"), len(MATRIX_COLUMNS)) | dict.fromkeys(sheet_names("about"), 2)
    scan = scan_workbook(raw, str(path), wanted)
    workbook = _open(raw, path)
    try:
        about_sheet = _sheet(workbook, "about", path)
        matrix_sheet = _sheet(workbook, "matrix", path)
        for sheet in (about_sheet, matrix_sheet):  # openpyxl must read the very parts the scan checked
            if sheet.title not in scan.sheets or getattr(sheet, "_worksheet_path", None) != scan.sheet_parts.get(
                sheet.title
            ):
                raise InputError.at(
                    Location(str(path), sheet=sheet.title), msg("error.matrix_structure"), msg("hint.save_again_xlsx")
                )
        seen = scan.sheets[matrix_sheet.title]
        about, cells = _about(about_sheet, path)
        _check_about(path, about_sheet.title, about, cells, ref)
        checker = RowChecker(str(path), matrix_sheet.title, ref)
        checker.errors += [
            located(
                Location(str(path), sheet=matrix_sheet.title, cell=merged),
                msg("error.matrix_merged"),
                msg("hint.matrix_unmerge"),
            )
            for merged in seen.merged
        ]
        written = LEGACY_WIDTH if about.get("matrix_format") == "2" else len(MATRIX_COLUMNS)
        hidden: list[int] = []
        rows = matrix_sheet.iter_rows(max_col=len(MATRIX_COLUMNS))
        for number, row in enumerate(_guarded(rows, path, matrix_sheet.title), start=1):
            cells_of_row = list(row)
            if number in seen.hidden_rows and _audited(cells_of_row):
                hidden.append(number)
            _beyond(seen, cells_of_row, written, number)
            checker.add(number, cells_of_row)
        notes = _notes(path, scan, matrix_sheet.title)
        notes += [_hidden_note(path, matrix_sheet.title, number) for number in hidden]
    finally:
        workbook.close()
    if checker.errors:
        _raise(checker.errors)
    return MatrixContent(hashlib.sha256(raw).hexdigest(), about, cells, checker.rows, notes)


def _beyond(seen: SheetScan, cells: list[Any], written: int, number: int) -> None:
    """Note text right of the columns a format-2 matrix has (the scan knows only the current, wider layout)."""
    from openpyxl.utils import get_column_letter

    for index in range(written, len(cells)):
        if len(seen.outside) < 5 and getattr(cells[index], "value", None) not in (None, ""):
            seen.outside.append(f"{get_column_letter(index + 1)}{number}")


def _audited(cells: list[Any]) -> bool:
    return any(index < len(cells) and getattr(cells[index], "value", None) not in (None, "") for index in _AUDITED)


def _hidden_note(path: Path, sheet: str, row: int) -> Message:
    where = Location(str(path), sheet=sheet, cell=f"A{row}")
    return located(where, msg("warning.matrix_hidden_row", row=row), msg("hint.check_meant"))


def _notes(path: Path, scan: WorkbookScan, matrix: str) -> list[Message]:
    """Warnings for what the import leaves aside: sheets psc-check did not write, text right of the last column."""
    known = {name for key in SHEETS for name in sheet_names(key)}
    column = chr(ord("A") + column_number("auditor_comment") - 1)
    out = [
        located(
            Location(str(path), sheet=name),
            msg("warning.matrix_foreign_sheet"),
            msg("hint.matrix_copy_comment", column=column, sheet=matrix),
        )
        for name in scan.sheet_parts
        if name not in known
    ]
    out += [
        located(
            Location(str(path), sheet=matrix, cell=cell),
            msg("warning.matrix_outside"),
            msg("hint.matrix_move_comment", column=column),
        )
        for cell in scan.sheets[matrix].outside
    ]
    return out


def _raise(errors: list[Message]) -> None:
    shown = errors[:_MAX_MESSAGES]
    if len(errors) > len(shown):
        shown.append(msg("error.matrix_more", count=len(errors) - len(shown)))
    raise InputError(shown)


def _raw_bytes(path: Path) -> bytes:
    return read_input(path, MAX_MATRIX_BYTES, what=msg("what.matrix"), hint=msg("hint.give_matrix"))


def _open(raw: bytes, path: Path) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any failure to parse a foreign file is an input error
        raise InputError.at(
            Location(str(path)),
            msg("error.workbook_unreadable", error=type(exc).__name__),
            msg("hint.save_xlsx"),
        ) from None


def _sheet(workbook: Any, key: str, path: Path) -> Any:
    for name in sheet_names(key):
        if name in workbook.sheetnames:
            return workbook[name]
    expected = " / ".join(f"`{name}`" for name in sheet_names(key))
    raise InputError.at(Location(str(path), sheet=expected), msg("error.sheet_missing"), msg("hint.sheet_names"))


def _guarded(rows: Iterator[Any], path: Path, sheet: str, first: int = 1) -> Iterator[tuple[Any, ...]]:
    """openpyxl parses a sheet while it is iterated: any failure there is the file's, reported as an input error.

    The scan refuses the malformed cells it knows of with their cell; this is the net for the rest.
    """
    number = first - 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a foreign file failing to parse is an input error
            raise InputError.at(
                Location(str(path), sheet=sheet, cell=f"A{number + 1}"),
                msg("error.sheet_unreadable", row=number + 1, error=type(exc).__name__),
                msg("hint.save_matrix_again"),
            ) from None
        number += 1
        yield tuple(row)


def _about(ws: Any, path: Path) -> tuple[dict[str, str], dict[str, str]]:
    values: dict[str, str] = {}
    cells: dict[str, str] = {}
    rows = ws.iter_rows(min_row=2, max_row=len(ABOUT_FIELDS) + 1, max_col=2)
    for number, row in enumerate(_guarded(rows, path, ws.title, first=2), start=2):
        key = ABOUT_FIELDS[number - 2]
        cell = row[1] if len(row) > 1 else None
        value = getattr(cell, "value", None)
        values[key] = "" if value is None else str(value).strip()
        cells[key] = f"B{number}"
    return values, cells


def _check_about(path: Path, sheet: str, about: dict[str, str], cells: dict[str, str], ref: LoadedReferential) -> None:
    def at(key: str) -> Location:
        return Location(str(path), sheet=sheet, cell=cells.get(key, "B1"))

    if about.get("matrix_format") not in READABLE_FORMATS:
        raise InputError.at(
            at("matrix_format"),
            msg("error.matrix_format", found=str(about.get("matrix_format")), expected=", ".join(READABLE_FORMATS)),
            msg("hint.matrix_export_new"),
        )
    made_on = (about.get("referential_id"), about.get("referential_version"))
    if made_on != (ref.id, ref.version):
        raise InputError.at(
            at("referential_version"),
            msg("error.matrix_referential", made=f"{made_on[0]} {made_on[1]}", used=f"{ref.id} {ref.version}"),
            msg("hint.matrix_referential"),
        )
