"""Inspect a returned workbook before openpyxl parses it: sizes, sheets, and the Matrice sheet's merges and hidden rows.

openpyxl reads a part (shared strings, styles) or a worksheet row whole: a 1 MB archive that unpacks to 100 MB of
tiny cells costs it minutes and gigabytes. This streaming pass bounds every part, the shared strings and the cells
of the sheets psc-check reads, and notes what an auditor did that the import cannot carry (merged cells, hidden rows,
text outside the verdict and comment columns).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.etree import ElementTree as ET

from checker.errors import InputError, Location
from checker.inputs.limits import (
    MAX_MATRIX_CELLS,
    MAX_MATRIX_PART_BYTES,
    MAX_MATRIX_ROW_CELLS,
    MAX_MATRIX_SHARED_STRINGS,
    MAX_MATRIX_UNPACKED_BYTES,
    size_text,
)

__all__ = ["SheetScan", "WorkbookScan", "scan_workbook"]

_RESAVE = "save the matrix again as .xlsx from Excel or LibreOffice"
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


@dataclass
class SheetScan:
    """What the streaming pass saw in one worksheet."""

    merged: list[str] = field(default_factory=list)
    """Merged ranges (``M2:N3``) touching a row below the header."""
    hidden_rows: set[int] = field(default_factory=set)
    outside: list[str] = field(default_factory=list)
    """Cells holding a value right of the last column psc-check wrote."""
    cells: int = 0


@dataclass(frozen=True)
class WorkbookScan:
    sheet_parts: dict[str, str]
    """Sheet name → archive member, in workbook order."""
    sheets: dict[str, SheetScan]
    """The scanned sheets, by name."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_index(letters: str) -> int:
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - ord("A") + 1
    return value


class _Archive:
    def __init__(self, raw: bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(raw))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise self.fail("not an xlsx workbook (not a zip archive)", "save the matrix as .xlsx") from None
        self.sizes = {info.filename: info.file_size for info in infos}
        total = sum(self.sizes.values())
        if total > MAX_MATRIX_UNPACKED_BYTES:
            limit = size_text(MAX_MATRIX_UNPACKED_BYTES)
            raise self.fail(f"the workbook unpacks to {size_text(total)}, more than {limit}", "is this the matrix?")
        for member, size in self.sizes.items():
            if size > MAX_MATRIX_PART_BYTES:
                limit = size_text(MAX_MATRIX_PART_BYTES)
                raise self.fail(
                    f"part `{member[:80]}` unpacks to {size_text(size)}, more than {limit}", "is this the matrix?"
                )

    def fail(self, message: str, hint: str) -> InputError:
        return InputError.at(Location(self.name), message, hint)

    def open(self, member: str) -> IO[bytes]:
        try:
            return self.zip.open(member)
        except (KeyError, zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, RuntimeError):
            raise self.fail(f"part `{member[:80]}` missing or unreadable", "save the matrix again as .xlsx") from None

    def events(self, member: str) -> Iterator[tuple[str, ET.Element]]:
        """Streaming parse of a part; any XML or zip failure is an input error."""
        from defusedxml.ElementTree import iterparse  # no DTD, no entity expansion

        name = member[:80]
        try:
            with self.open(member) as stream:
                yield from iterparse(stream, events=("start", "end"), forbid_dtd=True)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise self.fail(f"part `{name}` is damaged (corrupted compressed data)", _RESAVE) from None
        except (ET.ParseError, ValueError, NotImplementedError) as exc:
            dtd = type(exc).__module__.startswith("defusedxml")
            problem = "declares a DTD or entities, which no spreadsheet writes" if dtd else "is not well-formed XML"
            raise self.fail(f"part `{name}` {problem}", _RESAVE) from None

    def relations(self, member: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, member) of ``member``'s ``_rels`` part."""
        folder, base = posixpath.split(member)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.sizes:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for event, element in self.events(rels):
            if event == "end" and _local(element.tag) == "Relationship":
                target = element.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                out[element.get("Id", "")] = (element.get("Type", ""), posixpath.normpath(path))
        return out


def _sheet_parts(archive: _Archive) -> dict[str, str]:
    roots = [m for t, m in archive.relations("").values() if t.endswith("/officeDocument")]
    if not roots or roots[0] not in archive.sizes:
        raise archive.fail("no workbook inside the archive", "save the matrix again as an Excel .xlsx workbook")
    workbook = roots[0]
    relations = archive.relations(workbook)
    parts: dict[str, str] = {}
    for event, element in archive.events(workbook):
        if event == "end" and _local(element.tag) == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.startswith("{") and _local(k) == "id"), "")
            member = relations.get(rid, ("", ""))[1]
            parts[element.get("name", "")] = member
    return parts


def _count_shared_strings(archive: _Archive) -> None:
    members = [m for m in archive.sizes if posixpath.basename(m).lower() == "sharedstrings.xml"]
    for member in members:
        count = 0
        for event, element in archive.events(member):
            if event == "end" and _local(element.tag) == "si":
                count += 1
                element.clear()
                if count > MAX_MATRIX_SHARED_STRINGS:
                    raise archive.fail(
                        f"more than {MAX_MATRIX_SHARED_STRINGS} distinct texts in the workbook", "is this the matrix?"
                    )


def _scan_sheet(archive: _Archive, name: str, member: str, last_column: int) -> SheetScan:
    found = SheetScan()
    row = in_row = 0
    for event, element in archive.events(member):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                number = element.get("r") or ""
                row = int(number) if number.isdigit() else row + 1
                if element.get("hidden") in ("1", "true"):
                    found.hidden_rows.add(row)
            continue
        if tag == "c":
            found.cells += 1
            in_row += 1
            if found.cells > MAX_MATRIX_CELLS or in_row > MAX_MATRIX_ROW_CELLS:
                where = Location(archive.name, sheet=name, cell=f"A{row}")
                many = (
                    f"more than {MAX_MATRIX_ROW_CELLS} cells in row {row}"
                    if in_row > MAX_MATRIX_ROW_CELLS
                    else (f"more than {MAX_MATRIX_CELLS} cells in the sheet")
                )
                raise InputError.at(where, many, "is this the matrix? Start again from the matrix psc-check wrote")
            _note_outside(found, element, last_column)
            element.clear()
        elif tag == "row":
            element.clear()
            in_row = 0
        elif tag == "mergeCell":
            _note_merge(found, element.get("ref", ""))
    return found


def _note_outside(found: SheetScan, cell: ET.Element, last_column: int) -> None:
    match = _CELL_REF.match(cell.get("r", ""))
    if match is None or _column_index(match.group(1)) <= last_column or len(found.outside) >= 5:
        return
    if any(_local(child.tag) in ("v", "is", "f") for child in cell):
        found.outside.append(match.group(0))


def _note_merge(found: SheetScan, ref: str) -> None:
    corners = ref.split(":")
    rows = [int(m.group(2)) for m in (_CELL_REF.match(c) for c in corners) if m]
    if rows and max(rows) >= 2:
        found.merged.append(ref[:30])


def scan_workbook(raw: bytes, name: str, sheets: dict[str, int]) -> WorkbookScan:
    """Check the archive's sizes and structure; scan each sheet in ``sheets`` (name → its last column)."""
    archive = _Archive(raw, name)
    parts = _sheet_parts(archive)
    _count_shared_strings(archive)
    scanned: dict[str, SheetScan] = {}
    for sheet, last_column in sheets.items():
        if sheet not in parts:
            continue
        if parts[sheet] not in archive.sizes:
            where = Location(name, sheet=sheet)
            raise InputError.at(where, "the sheet's content is missing from the archive", _RESAVE)
        scanned[sheet] = _scan_sheet(archive, sheet, parts[sheet], last_column)
    return WorkbookScan(sheet_parts=parts, sheets=scanned)
