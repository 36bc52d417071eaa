"""Inspect a returned workbook before openpyxl parses it: sizes, structure, and the sheets psc-check reads.

openpyxl reads a part (shared strings, styles) or a worksheet row whole: a 1 MB archive that unpacks to 100 MB of
tiny cells costs it minutes and gigabytes. This streaming pass bounds every part, the shared strings and the cells
of the sheets psc-check reads, and notes what an auditor did that the import cannot carry (merged cells, hidden rows,
text outside the verdict and comment columns).

The pass must look at the very parts and rows openpyxl reads, or an attacker hides a verdict where only one of them
looks. So it resolves the workbook as openpyxl does (through ``[Content_Types].xml``) and refuses every ambiguity
instead of guessing: a content type and a ``_rels/.rels`` that name different workbooks, several workbooks, two sheets
with one name, rows out of order or past the sheet's ``<dimension>`` (openpyxl stops there). It also checks each cell
the way openpyxl will convert it (shared-string index, number, boolean, date, reference), so a malformed cell is
refused with its sheet and cell instead of failing half-way through the import.

The large parts (shared strings, sheets) go through expat handlers that build no tree, with defusedxml's guards (no
DTD, no entity, no external reference) and the chunks ``iterparse`` reads, so every refusal is the one an
element-by-element pass gives, at a fraction of its cost; the small parts are parsed whole (``_Archive.root``).
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import sys
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree import ElementTree as ET
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from checker.errors import InputError, Location, Message, msg
from checker.inputs.limits import (
    MAX_MATRIX_CELLS,
    MAX_MATRIX_PART_BYTES,
    MAX_MATRIX_ROW_CELLS,
    MAX_MATRIX_SHARED_STRINGS,
    MAX_MATRIX_UNPACKED_BYTES,
    size_text,
)

__all__ = ["SheetScan", "WorkbookScan", "scan_workbook"]

_RESAVE = msg("hint.save_matrix_again")
_START_AGAIN = msg("hint.matrix_start_again")
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_MAX_ROW, _MAX_COLUMN = 1_048_576, 16_384  # Excel's grid
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKBOOK_TYPES = (  # in the order openpyxl looks for them (openpyxl.reader.excel._find_workbook_part)
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_WORKSHEET_REL = "/worksheet"
_CHUNK = 16 * 1024  # what ElementTree.iterparse reads at a time: errors surface at the same points
# Element names as expat gives them with namespace_separator "}" (ElementTree's ``{uri}local`` without the ``{``).
_NS = _MAIN[1:]
_ROW, _C, _V, _IS, _F = (f"{_NS}{local}" for local in ("row", "c", "v", "is", "f"))
_DIMENSION, _SHEET_DATA, _SI = f"{_NS}dimension", f"{_NS}sheetData", f"{_NS}si"


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


@functools.lru_cache(maxsize=1024)
def _column_index(letters: str) -> int:
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - ord("A") + 1
    return value


def _whole_number(text: str) -> int | None:
    """ASCII digits as ``int()`` (and openpyxl) reads them; None for anything else, or for more digits than
    ``int()`` converts (4,300 by default: it raises; a limit of 0 means none)."""
    limit = sys.get_int_max_str_digits()
    if text.isascii() and text.isdigit() and (limit == 0 or len(text) <= limit):
        return int(text)
    return None


@functools.lru_cache(maxsize=1024)
def _column_letters(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Archive:
    def __init__(self, raw: bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(raw))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise self.fail(msg("error.xlsx_not_zip"), msg("hint.save_as_xlsx")) from None
        self.sizes: dict[str, int] = {}
        for info in infos:
            if info.filename in self.sizes:  # zipfile reads the last entry of a name, others may read the first
                raise self.fail(msg("error.xlsx_part_twice", part=info.filename[:80]), _RESAVE)
            self.sizes[info.filename] = info.file_size
        total = sum(self.sizes.values())
        if total > MAX_MATRIX_UNPACKED_BYTES:
            limit = size_text(MAX_MATRIX_UNPACKED_BYTES)
            raise self.fail(
                msg("error.xlsx_unpacks", size=size_text(total), limit=limit), msg("hint.is_this_the_matrix")
            )
        for member, size in self.sizes.items():
            if size > MAX_MATRIX_PART_BYTES:
                limit = size_text(MAX_MATRIX_PART_BYTES)
                problem = msg("error.xlsx_part_unpacks", part=member[:80], size=size_text(size), limit=limit)
                raise self.fail(problem, msg("hint.is_this_the_matrix"))

    def fail(self, message: Message, hint: Message, *, sheet: str | None = None, cell: str | None = None) -> InputError:
        return InputError.at(Location(self.name, sheet=sheet, cell=cell), message, hint)

    def open(self, member: str) -> IO[bytes]:
        try:
            return self.zip.open(member)
        except (KeyError, zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, RuntimeError):
            raise self.fail(msg("error.xlsx_part_missing", part=member[:80]), _RESAVE) from None

    def events(self, member: str) -> Iterator[tuple[str, ET.Element]]:
        """Streaming parse of a part; any XML or zip failure is an input error."""
        from defusedxml.ElementTree import iterparse  # no DTD, no entity expansion

        name = member[:80]
        try:
            with self.open(member) as stream:
                yield from iterparse(stream, events=("start", "end"), forbid_dtd=True)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise self.fail(msg("error.xlsx_part_damaged", part=name), _RESAVE) from None
        except (ET.ParseError, ValueError, LookupError, NotImplementedError) as exc:  # LookupError: an unknown encoding
            raise self.unparsable(member, exc) from None

    def parse(self, member: str, parser: expat.XMLParserType, fed: Callable[[], None] | None = None) -> None:
        """Stream a part through ``parser`` (see :func:`_parser`), as :meth:`events` does, building no tree.

        ``fed`` runs after each chunk, and before an XML error is reported (what the handlers saw comes first).
        """
        try:
            with self.open(member) as stream:
                while True:
                    data = stream.read(_CHUNK)
                    try:
                        parser.Parse(data, not data)
                    finally:
                        if fed is not None:
                            fed()
                    if not data:
                        break
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise self.fail(msg("error.xlsx_part_damaged", part=member[:80]), _RESAVE) from None
        except (KeyError, IndexError):
            raise  # raised by a handler of ours, not by the part's XML: an internal error, never "not well-formed"
        except (expat.ExpatError, ValueError, LookupError, NotImplementedError) as exc:  # expat's own refusals: an
            raise self.unparsable(member, exc) from None  # unknown or multi-byte encoding, defusedxml's DTD guards

    def unparsable(self, member: str, exc: Exception) -> InputError:
        """A part that is not well-formed XML, or holds a DTD (defusedxml's refusals)."""
        name = member[:80]
        dtd = type(exc).__module__.startswith("defusedxml")
        problem = msg("error.xlsx_part_dtd", part=name) if dtd else msg("error.xlsx_part_xml", part=name)
        return self.fail(problem, _RESAVE)

    def root(self, member: str) -> ET.Element:
        """A small part parsed whole (its size is bounded above)."""
        root: ET.Element | None = None
        for event, element in self.events(member):
            if event == "start" and root is None:
                root = element
        if root is None:  # pragma: no cover - iterparse always yields the root or raises
            raise self.fail(msg("error.xlsx_part_empty", part=member[:80]), _RESAVE)
        return root

    def relations(self, member: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, member) of ``member``'s ``_rels`` part, targets resolved as openpyxl does."""
        folder, base = posixpath.split(member)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.sizes:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for element in self.root(rels):
            if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
                continue
            rid, target = element.get("Id", ""), element.get("Target", "")
            if rid in out:
                raise self.fail(msg("error.xlsx_rel_twice", part=rels[:80], id=rid[:40]), _RESAVE)
            path = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rid] = (element.get("Type", ""), path)
        return out


def _no_dtd(name: str, sysid: str | None, pubid: str | None, _internal: bool) -> None:
    raise DTDForbidden(name, sysid, pubid)


def _no_entity(*args: Any) -> None:
    name, _parameter, value, base, sysid, pubid, notation = args
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation)


def _no_unparsed_entity(*args: Any) -> None:
    name, base, sysid, pubid, notation = args
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation)


def _no_external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _parser() -> expat.XMLParserType:
    """An expat parser with the guards of ``defusedxml.ElementTree.iterparse(forbid_dtd=True)`` (no DTD, no entity,
    no external reference: its very errors), names given as ``uri}local``; the caller sets the element handlers."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _no_dtd
    parser.EntityDeclHandler = _no_entity
    parser.UnparsedEntityDeclHandler = _no_unparsed_entity
    parser.ExternalEntityRefHandler = _no_external
    return parser


def _content_types(archive: _Archive) -> tuple[dict[str, list[str]], set[str]]:
    """Part names (without the leading ``/``) by content type, from the overrides; and the default types."""
    member = "[Content_Types].xml"
    overrides: dict[str, list[str]] = {}
    defaults: set[str] = set()
    if member not in archive.sizes:
        return overrides, defaults  # no workbook declared: refused as such
    for element in archive.root(member):
        kind = element.get("ContentType", "")
        if _local(element.tag) == "Override":
            overrides.setdefault(kind, []).append(element.get("PartName", "")[1:])
        elif _local(element.tag) == "Default":
            defaults.add(kind)
    return overrides, defaults


def _workbook_part(archive: _Archive, overrides: dict[str, list[str]], defaults: set[str]) -> str:
    """The one workbook part, named alike by the content types (what openpyxl reads) and ``_rels/.rels``."""
    declared = [part for kind in _WORKBOOK_TYPES for part in overrides.get(kind, [])]
    if not declared and defaults & set(_WORKBOOK_TYPES):
        declared = ["xl/workbook.xml"]  # openpyxl's fallback when the default type is reassigned
    related = [m for t, m in archive.relations("").values() if t.endswith("/officeDocument")]
    if not declared or not related or declared[0] not in archive.sizes:
        raise archive.fail(msg("error.xlsx_no_workbook"), msg("hint.save_xlsx"))
    if len(set(declared)) > 1 or len(set(related)) > 1:
        raise archive.fail(msg("error.xlsx_several_workbooks"), _RESAVE)
    if declared[0] != related[0]:
        raise archive.fail(
            msg("error.xlsx_workbook_names", declared=declared[0][:80], related=related[0][:80]),
            _RESAVE,
        )
    return declared[0]


def _sheet_parts(archive: _Archive, workbook: str) -> dict[str, tuple[str, str]]:
    """Sheet name → (relationship type, member), as openpyxl lists them; two sheets of one name are refused."""
    relations = archive.relations(workbook)
    parts: dict[str, tuple[str, str]] = {}
    folded: set[str] = set()
    for group in archive.root(workbook):
        if _local(group.tag) != "sheets":
            continue
        for element in group:
            if _local(element.tag) != "sheet":
                continue
            name = element.get("name", "")
            if name.casefold() in folded:
                raise archive.fail(msg("error.xlsx_same_sheet_name"), _START_AGAIN, sheet=name[:80])
            folded.add(name.casefold())
            parts[name] = relations.get(element.get(_REL_ID, ""), ("", ""))
    return parts


def _count_shared_strings(archive: _Archive, overrides: dict[str, list[str]]) -> int:
    """The number of texts openpyxl will read (the first shared-strings part declared); every such part is bounded."""
    declared = overrides.get(_SHARED_STRINGS, [])
    members = {m for m in archive.sizes if posixpath.basename(m).lower() == "sharedstrings.xml"}
    members |= {m for m in declared if m in archive.sizes}
    usable = 0
    for member in sorted(members):
        counter = _TextCounter(archive)
        archive.parse(member, counter.parser, counter.tally)
        if declared and member == declared[0]:
            usable = counter.main
    return usable


class _TextCounter:
    """Counts the ``si`` elements of a shared-strings part (any namespace), refusing more than openpyxl should read.

    A bomb holds hundreds of thousands of them: expat hands each closing name straight to a list (no Python call
    per element), tallied after each chunk, and before the chunk's XML error if any, so the refusal is the one the
    element-by-element count gave.
    """

    def __init__(self, archive: _Archive) -> None:
        self.archive = archive
        self.count = self.main = 0
        self.names: list[str] = []
        self.parser = _parser()
        self.parser.EndElementHandler = self.names.append

    def tally(self) -> None:
        for name, found in Counter(self.names).items():
            if name.rsplit("}", 1)[-1] == "si":
                self.count += found
                self.main += found if name == _SI else 0
        self.names.clear()
        if self.count > MAX_MATRIX_SHARED_STRINGS:
            raise self.archive.fail(
                msg("error.xlsx_texts", limit=MAX_MATRIX_SHARED_STRINGS), msg("hint.is_this_the_matrix")
            )


def _dimension_rows(ref: str) -> int | None:
    """The last row of a ``<dimension ref>`` as openpyxl reads it (None: no bound)."""
    from openpyxl.utils.cell import range_boundaries

    last: int | None = range_boundaries(ref)[3]
    return last


@dataclass
class _Cell:
    """What the scan needs of a ``<c>`` element: its attributes and its direct children ``v``, ``is``, ``f``."""

    attributes: dict[str, str]
    valued: bool = False
    """It has a ``v`` or an ``is`` child."""
    formula: bool = False
    value: list[str] | None = None
    """The text of its first ``v`` child (before any element inside it), as ``findtext`` gives it."""


class _SheetScanner:
    """One pass over a worksheet part: limits, structure, and every cell's value as openpyxl will convert it.

    expat calls the handlers below as it reads (no tree is built): ``_start`` and ``_end`` keep the checks the
    element-by-element pass made, in the same order, with the attributes each element had.
    """

    def __init__(self, archive: _Archive, name: str, last_column: int, strings: int) -> None:
        self.archive, self.name, self.last_column, self.strings = archive, name, last_column, strings
        self.found = SheetScan()
        self.row = self.column = self.in_row = 0
        self.last_row: int | None = None
        self.data_seen = False
        self.depth = 0
        self.row_depth: int | None = None  # the depth of the open row: its children are cells for openpyxl
        self.open: list[dict[str, str]] = []  # the attributes of the open elements
        self.cell: _Cell | None = None  # the open cell
        self.text: list[str] | None = None  # where the text of the cell's first ``v`` goes, while it is read

    def fail(self, problem: Message, hint: Message = _START_AGAIN, cell: str | None = None) -> InputError:
        return self.archive.fail(problem, hint, sheet=self.name, cell=cell or f"A{max(self.row, 1)}")

    def scan(self, member: str) -> SheetScan:
        parser = _parser()
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        self.archive.parse(member, parser)
        return self.found

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        depth = self.depth = self.depth + 1
        self.open.append(attributes)
        self.text = None  # an element inside ``v`` ends its text
        row_depth = self.row_depth
        if row_depth is not None:
            if depth == row_depth + 1:
                if tag != _C:
                    raise self.fail(
                        msg("error.xlsx_unexpected_element", element=_local(tag)[:20], row=self.row), _RESAVE
                    )
                self.cell = _Cell(attributes)
            elif depth == row_depth + 2 and self.cell is not None:
                if tag in (_V, _IS):
                    self.cell.valued = True
                    if tag == _V and self.cell.value is None:
                        self.text = self.cell.value = []
                elif tag == _F:
                    self.cell.formula = True
        if tag == _ROW:
            if row_depth is not None:
                raise self.fail(msg("error.xlsx_row_in_row", row=self.row), _RESAVE)
            self.row_depth = depth
            self._start_row(attributes)
        elif row_depth is None and _local(tag) in ("row", "c"):
            raise self.fail(msg("error.xlsx_stray_element", element=_local(tag)), _RESAVE)

    def _data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def _end(self, tag: str) -> None:
        self.text = None
        depth = self.depth = self.depth - 1
        attributes = self.open.pop()
        row_depth = self.row_depth
        if row_depth is not None and depth == row_depth:  # a cell ends
            if self.cell is not None:
                self._cell(self.cell)
                self.cell = None
        elif tag == _ROW and depth == (row_depth or 0) - 1:
            self.row_depth = None
        elif tag == _DIMENSION and not self.data_seen and self.last_row is None:
            self._dimension(attributes.get("ref", ""))
        elif tag == _SHEET_DATA:
            self.data_seen = True  # openpyxl looks for the dimension up to here
        elif _local(tag) == "mergeCell":
            _note_merge(self.found, attributes.get("ref", ""))

    def _dimension(self, ref: str) -> None:
        if self.row:
            raise self.fail(msg("error.xlsx_dimension_late"), _RESAVE, "A1")
        try:
            last = _dimension_rows(ref)
        except (ValueError, TypeError):
            raise self.fail(msg("error.xlsx_dimension", range=ref[:40]), _RESAVE, "A1") from None
        self.last_row = last if last is not None else _MAX_ROW

    def _start_row(self, attributes: dict[str, str]) -> None:
        number = attributes.get("r")
        previous = self.row
        if number is None:
            self.row += 1
        else:
            value = _whole_number(number)
            if value is None or not 0 < value <= _MAX_ROW:
                raise self.fail(msg("error.xlsx_row_number", number=number[:20]), _RESAVE)
            self.row = value
        if self.row <= previous:
            raise self.fail(msg("error.xlsx_row_order", row=self.row, previous=previous), _RESAVE)
        self.column = self.in_row = 0
        if attributes.get("hidden") in ("1", "true"):
            self.found.hidden_rows.add(self.row)

    def _cell(self, cell: _Cell) -> None:
        self.found.cells += 1
        self.in_row += 1
        if self.found.cells > MAX_MATRIX_CELLS or self.in_row > MAX_MATRIX_ROW_CELLS:
            many = (
                msg("error.xlsx_row_cells", limit=MAX_MATRIX_ROW_CELLS, row=self.row)
                if self.in_row > MAX_MATRIX_ROW_CELLS
                else msg("error.xlsx_sheet_cells", limit=MAX_MATRIX_CELLS)
            )
            raise self.fail(many)
        ref = self._reference(cell.attributes.get("r"))
        valued, formula = cell.valued, cell.formula
        if (valued or formula) and self.last_row is not None and self.row > self.last_row:
            problem = msg("error.xlsx_below_last_row", row=self.row, last=self.last_row)
            raise self.fail(problem, _RESAVE, ref)
        style = cell.attributes.get("s")
        if style and not (style.isascii() and style.isdigit()):
            raise self.fail(msg("error.xlsx_style", style=style[:20]), _RESAVE, ref)
        if not formula:
            self._value(cell, ref)
        if (valued or formula) and self.column > self.last_column and len(self.found.outside) < 5:
            self.found.outside.append(ref)

    def _reference(self, ref: str | None) -> str:
        previous = self.column
        if ref is None:
            self.column += 1
        else:
            match = _CELL_REF.match(ref)
            column = _column_index(match.group(1)) if match else 0
            if match is None or int(match.group(2)) != self.row or column > _MAX_COLUMN:
                where = f"A{self.row}"
                raise self.fail(msg("error.xlsx_cell_reference", ref=ref[:20], row=self.row), _RESAVE, where)
            self.column = column
        if self.column <= previous or self.column > _MAX_COLUMN:
            raise self.fail(msg("error.xlsx_cell_order", row=self.row), _RESAVE, f"A{self.row}")
        return f"{_column_letters(self.column)}{self.row}"

    def _value(self, cell: _Cell, ref: str) -> None:
        """Refuse what openpyxl would fail to convert (or convert to something else than the cell shows)."""
        kind = cell.attributes.get("t", "n")
        text = "".join(cell.value or ()) or None
        if text is None or kind not in ("n", "s", "b", "d"):
            return
        shown = text[:30]
        if kind == "s":
            index = _whole_number(text)
            index = -1 if index is None else index
            if not 0 <= index < self.strings:
                raise self.fail(msg("error.xlsx_shared_text", index=shown), _RESAVE, ref)
            return
        try:
            if kind == "n":
                float(text) if ("." in text or "e" in text.lower()) else int(text)
            elif kind == "b":
                int(text)
            else:
                from openpyxl.utils.datetime import from_ISO8601

                from_ISO8601(text)
        except (ValueError, TypeError, OverflowError):
            what = {"n": "error.xlsx_not_number", "b": "error.xlsx_not_bool", "d": "error.xlsx_not_date"}[kind]
            raise self.fail(msg(what, value=shown), _RESAVE, ref) from None


def _note_merge(found: SheetScan, ref: str) -> None:
    corners = ref.split(":")
    rows = [int(m.group(2)) for m in (_CELL_REF.match(c) for c in corners) if m]
    if rows and max(rows) >= 2:
        found.merged.append(ref[:30])


def scan_workbook(raw: bytes, name: str, sheets: dict[str, int]) -> WorkbookScan:
    """Check the archive's sizes and structure; scan each sheet in ``sheets`` (name → its last column)."""
    archive = _Archive(raw, name)
    overrides, defaults = _content_types(archive)
    workbook = _workbook_part(archive, overrides, defaults)
    parts = _sheet_parts(archive, workbook)
    strings = _count_shared_strings(archive, overrides)
    scanned: dict[str, SheetScan] = {}
    for sheet, last_column in sheets.items():
        if sheet not in parts:
            continue
        kind, member = parts[sheet]
        if member not in archive.sizes:
            where = Location(name, sheet=sheet)
            raise InputError.at(where, msg("error.xlsx_sheet_missing"), _RESAVE)
        if not kind.endswith(_WORKSHEET_REL):
            raise InputError.at(Location(name, sheet=sheet), msg("error.xlsx_not_worksheet"), _START_AGAIN)
        scanned[sheet] = _SheetScanner(archive, sheet, last_column, strings).scan(member)
    return WorkbookScan(sheet_parts={sheet: member for sheet, (_kind, member) in parts.items()}, sheets=scanned)
