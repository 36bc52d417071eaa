"""The pre-scan streams the shared strings and the sheets through expat handlers (no tree): it keeps defusedxml's
guards (no DTD, no entity) and reads each cell as the element-by-element pass did (pinned on small real archives)."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.matrix import scan
from checker.matrix.scan import scan_workbook
from tests.conftest import MINI
from tests.fuzz_support import READY, assert_clean, in_process

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def archive(sheet_data: bytes, shared: bytes | None = None, *, prologue: bytes = b"", tail: bytes = b"") -> bytes:
    """A workbook of one sheet ``S`` holding ``sheet_data`` (then ``tail``), with a shared-strings part if ``shared``
    is given; ``prologue`` goes before the root element of both parts."""
    overrides = f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.sheet.main+xml"/>'
    rels = f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    if shared is not None:
        overrides += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPES}.sharedStrings+xml"/>'
        rels += f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    members = {
        "[Content_Types].xml": f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f"{overrides}</Types>".encode(),
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'.encode(),
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        f'<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{rels}</Relationships>'.encode(),
        "xl/worksheets/sheet1.xml": prologue
        + f'<worksheet xmlns="{_MAIN}"><sheetData>'.encode()
        + sheet_data
        + b"</sheetData>"
        + tail
        + b"</worksheet>",
    }
    if shared is not None:
        members["xl/sharedStrings.xml"] = prologue + f'<sst xmlns="{_MAIN}">'.encode() + shared + b"</sst>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


def refusal(raw: bytes) -> str:
    with pytest.raises(InputError) as caught:
        scan_workbook(raw, "m.xlsx", {"S": 3})
    return " ".join(caught.value.lines("en"))


def keys(raw: bytes) -> str:
    with pytest.raises(InputError) as caught:
        scan_workbook(raw, "m.xlsx", {"S": 3})
    return repr(caught.value.messages)


def test_shared_strings_with_a_dtd_are_refused_as_such() -> None:
    bomb = archive(b"", b"<si><t>&a;</t></si>", prologue=b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>')
    assert "error.xlsx_part_dtd" in keys(bomb)
    assert "xl/sharedStrings.xml" in keys(bomb)  # the shared strings are scanned before the sheet


def test_a_sheet_with_an_entity_or_an_external_reference_is_refused_as_a_dtd() -> None:
    entity = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>'
    external = b'<!DOCTYPE worksheet SYSTEM "http://example.invalid/x.dtd">'
    for prologue in (entity, external):
        assert "error.xlsx_part_dtd" in keys(archive(b'<row r="1"><c r="A1"><v>1</v></c></row>', prologue=prologue))


def test_too_many_texts_is_told_before_a_later_xml_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan, "MAX_MATRIX_SHARED_STRINGS", 3)
    four = b"<si><t>a</t></si>" * 4
    assert "error.xlsx_texts" in keys(archive(b"", four + b"<si><oops></si>"))  # broken after the fourth text
    assert "error.xlsx_part_xml" in keys(archive(b"", b"<si><t>a</t></si><oops></si>" + four))  # broken before
    scan_workbook(archive(b"", b"<si><t>a</t></si>" * 3), "m.xlsx", {"S": 3})  # three is the limit, allowed
    # counted across the parser's chunks (16 KiB), in any namespace, nested ones too
    monkeypatch.setattr(scan, "MAX_MATRIX_SHARED_STRINGS", 3000)
    many = b'<si><t>a</t><x:si xmlns:x="urn:x"/></si>' * 1500
    assert len(many) > 3 * 16 * 1024
    scan_workbook(archive(b"", many), "m.xlsx", {"S": 3})
    assert "error.xlsx_texts" in keys(archive(b"", many + b"<si/>"))


def test_a_shared_index_is_read_from_the_value_text_as_openpyxl_reads_it() -> None:
    texts = b"<si><t>a</t></si>" * 11  # indexes 0 to 10
    comment_inside = b'<row r="1"><c r="A1" t="s"><v>1<!-- c -->1</v></c></row>'  # "11": one past the last
    assert "`11`" in refusal(archive(comment_inside, texts))
    element_inside = b'<row r="1"><c r="A1" t="s"><v>1<x/>1</v></c></row>'  # the text before the element: "1"
    scan_workbook(archive(element_inside, texts), "m.xlsx", {"S": 3})
    second_value = b'<row r="1"><c r="A1" t="s"><v>2</v><v>99</v></c></row>'  # the first <v> is the one read
    scan_workbook(archive(second_value, texts), "m.xlsx", {"S": 3})
    nested_value = b'<row r="1"><c r="A1" t="n"><is><v>x</v></is></c></row>'  # not the cell's own <v>
    scan_workbook(archive(nested_value, texts), "m.xlsx", {"S": 3})
    cdata = b'<row r="1"><c r="A1" t="n"><v><![CDATA[1]]>x</v></c></row>'
    assert "`1x`" in refusal(archive(cdata, texts))


def test_what_a_scanned_sheet_reports() -> None:
    rows = (
        b'<row r="1"><c r="A1"><v>1</v></c></row>'
        b'<row r="2" hidden="1"><c r="A2"><v>2</v></c><c r="E2"><is><t>x</t></is></c><c r="F2"/></row>'
        b'<row r="3"><c><f>A1</f></c><c><v>3</v></c><c/><c><v>4</v></c></row>'
    )
    raw = archive(rows, tail=b'<mergeCells><mergeCell ref="A2:B3"/></mergeCells>')
    found = scan_workbook(raw, "m.xlsx", {"S": 3}).sheets["S"]
    assert found.hidden_rows == {2}
    assert found.outside == ["E2", "D3"]
    assert found.merged == ["A2:B3"]
    assert found.cells == 8


def test_a_part_declaring_an_unknown_encoding_is_refused_as_not_xml(tmp_path: Path) -> None:
    """expat asks Python for the codec an XML declaration names: an unknown one was an internal error (LookupError)."""
    bogus = b'<?xml version="1.0" encoding="bogus"?>'
    sheet = archive(b'<row r="1"><c r="A1"><v>1</v></c></row>', prologue=bogus)
    assert "error.xlsx_part_xml" in keys(sheet)
    assert "xl/worksheets/sheet1.xml" in keys(sheet)
    texts = archive(b"", b"<si><t>a</t></si>", prologue=bogus)
    assert "xl/sharedStrings.xml" in keys(texts)
    types = _with_member(archive(b""), "[Content_Types].xml", lambda data: bogus + data)
    assert "error.xlsx_part_xml" in keys(types)
    matrix = tmp_path / "m.xlsx"
    matrix.write_bytes(types)
    args = ["import-matrix", matrix, "--declaration", READY / "declaration.yaml", "--referentiel", MINI]
    result = in_process(*args, "-o", tmp_path / "audit.yaml", "--auditor", "A", "--lang", "en")
    assert_clean(result)
    assert result.code == 2
    assert "part `[Content_Types].xml` is not well-formed XML" in result.stderr
    assert not (tmp_path / "audit.yaml").exists()


def _with_member(raw: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info.filename, change(data) if info.filename == name else data)
    return buffer.getvalue()


def test_numbers_too_long_for_int_are_refused_with_their_cell() -> None:
    """A row number or a shared-text index of 5,000 digits (int() refuses more than 4,300) was an internal error."""
    digits = b"1" * 5000
    row = refusal(archive(b'<row r="' + digits + b'"><c><v>1</v></c></row>'))
    assert "row number `11111111111111111111`" in row
    index = refusal(archive(b'<row r="1"><c r="A1" t="s"><v>' + digits + b"</v></c></row>", b"<si/>"))
    assert "m.xlsx:S!A1" in index
    assert "shared text `111111111111111111111111111111`" in index
    assert "row number `00000000000000000000`" in refusal(archive(b'<row r="' + b"0" * 5000 + b'2"/>'))
    padded = b'<row r="0002"><c r="A2" t="s"><v>000</v></c></row>'  # as int() reads them: row 2, text 0
    assert scan_workbook(archive(padded, b"<si/>"), "m.xlsx", {"S": 3}).sheets["S"].cells == 1


def test_without_a_limit_on_int_digits_the_numbers_are_read() -> None:
    """``PYTHONINTMAXSTRDIGITS=0`` turns Python's limit off (``get_int_max_str_digits()`` is then 0): rows and shared
    texts are read as with the limit, and a 5,000-digit row number is refused for being past the last row."""
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        padded = b'<row r="0002"><c r="A2" t="s"><v>000</v></c></row>'
        assert scan_workbook(archive(padded, b"<si/>"), "m.xlsx", {"S": 3}).sheets["S"].cells == 1
        far = archive(b'<row r="' + b"1" * 5000 + b'"><c><v>1</v></c></row>')
        assert "row number `11111111111111111111`" in refusal(far)
    finally:
        sys.set_int_max_str_digits(previous)


def test_a_handler_failure_is_not_told_as_bad_xml(monkeypatch: pytest.MonkeyPatch) -> None:
    """A KeyError or IndexError out of the expat handlers is a bug of psc-check: it must not read as "not well-formed
    XML" (the user would be told to fix a file that is fine)."""

    def broken(*_: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(scan._TextCounter, "tally", broken)
    with pytest.raises(KeyError):
        scan_workbook(archive(b"", b"<si><t>a</t></si>"), "m.xlsx", {"S": 3})
