"""Edits a corpus case applies to an exported matrix: what an auditor's spreadsheet, or an attacker, does to it."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["apply_edits"]

_SHARED = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SHARED_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def apply_edits(path: Path, edits: list[dict[str, Any]], load: Callable[[Path], Any]) -> None:
    """Apply cell and sheet edits (openpyxl), then archive-level edits (raw XML), in that order."""
    cell_edits = [e for e in edits if next(iter(e)) in _CELL_OPS]
    if cell_edits:
        workbook = load(path)
        for edit in cell_edits:
            ((name, argument),) = edit.items()
            _CELL_OPS[name](workbook, argument)
        workbook.save(path)
    for edit in edits:
        ((name, argument),) = edit.items()
        if name in _ARCHIVE_OPS:
            _rewrite(path, _ARCHIVE_OPS[name], argument)


def _set(workbook: Any, arg: dict[str, Any]) -> None:
    """A value, or ``repeat: {text, count}`` for a long one."""
    value = arg["repeat"]["text"] * int(arg["repeat"]["count"]) if "repeat" in arg else arg["value"]
    workbook[arg["sheet"]][arg["cell"]] = value


def _merge(workbook: Any, arg: dict[str, Any]) -> None:
    workbook[arg["sheet"]].merge_cells(arg["range"])


def _hide_row(workbook: Any, arg: dict[str, Any]) -> None:
    workbook[arg["sheet"]].row_dimensions[int(arg["row"])].hidden = True


def _delete_sheet(workbook: Any, name: str) -> None:
    del workbook[name]


def _rename_sheet(workbook: Any, names: list[str]) -> None:
    workbook[names[0]].title = names[1]


def _add_sheet(workbook: Any, arg: dict[str, Any]) -> None:
    sheet = workbook.create_sheet(arg["name"])
    for cell, value in (arg.get("cells") or {}).items():
        sheet[cell] = value


def _fill_rows(workbook: Any, arg: dict[str, Any]) -> None:
    sheet = workbook[arg["sheet"]]
    for row in range(int(arg["first"]), int(arg["last"]) + 1):
        sheet[f"{arg['column']}{row}"] = arg["value"]


_CELL_OPS: dict[str, Callable[[Any, Any], None]] = {
    "set": _set,
    "merge": _merge,
    "hide_row": _hide_row,
    "delete_sheet": _delete_sheet,
    "rename_sheet": _rename_sheet,
    "add_sheet": _add_sheet,
    "fill_rows": _fill_rows,
}


def _rewrite(path: Path, change: Callable[[dict[str, bytes], Any], None], argument: Any) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    change(members, argument)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _shared_strings(members: dict[str, bytes], count: int) -> None:
    """Replace the shared texts with ``count`` tiny ones (a few kilobytes zipped, hundreds of MB for a parser)."""
    types = members["[Content_Types].xml"]
    if _SHARED.encode() not in types:
        members["[Content_Types].xml"] = types.replace(
            b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHARED}"/></Types>'.encode()
        )
        rels = members["xl/_rels/workbook.xml.rels"]
        members["xl/_rels/workbook.xml.rels"] = rels.replace(
            b"</Relationships>",
            f'<Relationship Type="{_SHARED_REL}" Target="sharedStrings.xml" Id="rIdShared"/></Relationships>'.encode(),
        )
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    )
    members["xl/sharedStrings.xml"] = head + b"<si><t>ab</t></si>" * int(count) + b"</sst>"


def _row_cells(members: dict[str, bytes], arg: dict[str, Any]) -> None:
    """Add row 900 of ``count`` cells to a sheet part (openpyxl holds a row whole in memory), within its dimension."""
    cells = b'<c t="inlineStr"><is><t>x</t></is></c>' * int(arg["count"])
    part = arg["part"]
    body = re.sub(rb'(<dimension ref="[A-Z]+[0-9]+:[A-Z]+)[0-9]+"', rb'\g<1>900"', members[part])
    members[part] = body.replace(b"</sheetData>", b'<row r="900">' + cells + b"</row></sheetData>")


def _doctype(members: dict[str, bytes], part: str) -> None:
    """Give a part a DTD declaring an entity, as an XML entity-expansion attack does."""
    body = members[part]
    dtd = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>'
    if body.startswith(b"<?xml"):
        end = body.index(b"?>") + 2
        members[part] = body[:end] + dtd + body[end:]
    else:
        members[part] = dtd + body


def _xml_replace(members: dict[str, bytes], arg: dict[str, Any]) -> None:
    """Replace ``old`` by ``new`` in a part's XML (``copy_to``: into a new part copied from ``part`` instead)."""
    source = members[arg["part"]]
    old, new = arg.get("old", "").encode(), arg.get("new", "").encode()
    assert not old or old in source, f"`{arg['old']}` not in {arg['part']}"
    members[arg.get("copy_to", arg["part"])] = source.replace(old, new) if old else source


_ARCHIVE_OPS: dict[str, Callable[[dict[str, bytes], Any], None]] = {
    "xml_replace": _xml_replace,
    "shared_strings": _shared_strings,
    "row_cells": _row_cells,
    "doctype": _doctype,
}
