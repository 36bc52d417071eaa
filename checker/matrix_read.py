"""Read an auditor's returned matrix: verdicts and comments by requirement id, refusals by sheet and cell."""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import InputError, Location
from checker.matrix_layout import ABOUT_FIELDS, MATRIX_COLUMNS, MATRIX_FORMAT, sheet_names
from checker.matrix_rows import CheckedRow, RowChecker
from checker.referential import LoadedReferential

__all__ = ["MAX_MATRIX_BYTES", "MatrixContent", "read_matrix"]

MAX_MATRIX_BYTES = 50 * 1024 * 1024
_MAX_UNPACKED = 400 * 1024 * 1024
_MAX_MESSAGES = 25


@dataclass(frozen=True)
class MatrixContent:
    """The matrix's provenance (``À propos``) and the auditor's rows."""

    sha256: str
    about: dict[str, str]
    about_cells: dict[str, str]
    rows: list[CheckedRow] = field(default_factory=list)


def read_matrix(path: Path, ref: LoadedReferential) -> MatrixContent:
    """Read ``path``; raise :class:`InputError` naming sheet, cell and fix for anything that cannot be trusted."""
    raw = _raw_bytes(path)
    workbook = _open(raw, path)
    try:
        about_sheet = _sheet(workbook, "about", path)
        matrix_sheet = _sheet(workbook, "matrix", path)
        about, cells = _about(about_sheet)
        _check_about(path, about_sheet.title, about, cells, ref)
        checker = RowChecker(str(path), matrix_sheet.title, ref)
        for number, row in enumerate(matrix_sheet.iter_rows(max_col=len(MATRIX_COLUMNS)), start=1):
            checker.add(number, list(row))
    finally:
        workbook.close()
    if checker.errors:
        _raise(checker.errors)
    return MatrixContent(hashlib.sha256(raw).hexdigest(), about, cells, checker.rows)


def _raise(errors: list[str]) -> None:
    shown = errors[:_MAX_MESSAGES]
    if len(errors) > len(shown):
        shown.append(f"… and {len(errors) - len(shown)} more problems in the matrix")
    raise InputError(shown)


def _raw_bytes(path: Path) -> bytes:
    where = Location(str(path))
    try:
        if not path.is_file():
            hint = "give the path of the .xlsx file" if path.exists() else "check the path"
            raise InputError.at(where, "not a file" if path.exists() else "file not found", hint)
        if path.stat().st_size > MAX_MATRIX_BYTES:
            raise InputError.at(where, f"file too large (limit {MAX_MATRIX_BYTES} bytes)", "is this the matrix?")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError.at(where, f"cannot read the file ({exc.strerror})", "check its permissions") from None
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError.at(where, "not an xlsx workbook (not a zip archive)", "save the matrix as .xlsx") from None
    if unpacked > _MAX_UNPACKED:
        raise InputError.at(where, "the workbook unpacks to more than 400 MB", "is this the matrix?")
    return raw


def _open(raw: bytes, path: Path) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any failure to parse a foreign file is an input error
        raise InputError.at(
            Location(str(path)),
            f"cannot read the workbook ({type(exc).__name__})",
            "save it again as an Excel .xlsx workbook (not .xls, not password-protected)",
        ) from None


def _sheet(workbook: Any, key: str, path: Path) -> Any:
    for name in sheet_names(key):
        if name in workbook.sheetnames:
            return workbook[name]
    expected = " or ".join(f"`{name}`" for name in sheet_names(key))
    raise InputError.at(
        Location(str(path), sheet=expected),
        "sheet missing or renamed",
        "use the matrix psc-check produced, with its sheet names unchanged",
    )


def _about(ws: Any) -> tuple[dict[str, str], dict[str, str]]:
    values: dict[str, str] = {}
    cells: dict[str, str] = {}
    for number, row in enumerate(ws.iter_rows(min_row=2, max_row=len(ABOUT_FIELDS) + 1, max_col=2), start=2):
        key = ABOUT_FIELDS[number - 2]
        cell = row[1] if len(row) > 1 else None
        value = getattr(cell, "value", None)
        values[key] = "" if value is None else str(value).strip()
        cells[key] = f"B{number}"
    return values, cells


def _check_about(path: Path, sheet: str, about: dict[str, str], cells: dict[str, str], ref: LoadedReferential) -> None:
    def at(key: str) -> Location:
        return Location(str(path), sheet=sheet, cell=cells.get(key, "B1"))

    if about.get("matrix_format") != MATRIX_FORMAT:
        raise InputError.at(
            at("matrix_format"),
            f"matrix format `{about.get('matrix_format')}` is not format {MATRIX_FORMAT}",
            "export a new matrix with this version of psc-check",
        )
    made_on = (about.get("referential_id"), about.get("referential_version"))
    if made_on != (ref.id, ref.version):
        raise InputError.at(
            at("referential_version"),
            f"matrix made from referential {made_on[0]} {made_on[1]}, this import uses {ref.id} {ref.version}",
            "import with the edition it was made from (--referentiel), or export a new matrix from this one",
        )
