"""The printed evidence matrix, as LibreOffice prints it: the Matrice on A3 landscape and the Preuves on A4, their
body text at 7 points or more once the sheet is fit to the page width, and a PNG of a printed page to look at.

The matrix is the example's (``tests/office_support.py``: made by the installed executable, printed by LibreOffice once
per session, for this test and ``test_real_apps.py``). The size each character is printed at is read from the pages'
content streams (``_printed_sizes``, a small reader of the text operators, ten times cheaper than pypdf's text
extraction), checked against pypdf's own reading on the first page of each sheet; ``pdftoppm`` renders the first
Matrice page.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker.i18n import message
from tests.office_support import png_size, printed_example, program

pytestmark = pytest.mark.slow

_A3_LANDSCAPE, _A4_LANDSCAPE = (1191, 842), (842, 595)
"""Page sizes in points."""
_FONTS = "apt-get install -y --no-install-recommends fonts-crosextra-carlito poppler-utils"


def _carlito() -> None:
    """LibreOffice draws Calibri with Carlito, its metric-compatible twin; without it, with a wider font."""
    done = subprocess.run([program("fc-match"), "Calibri"], capture_output=True, text=True, check=False)
    if "Carlito" in done.stdout:
        return
    if os.environ.get("CI"):
        pytest.fail(f"the Carlito font is required in CI: {_FONTS}")
    pytest.skip(f"Carlito missing (run `{_FONTS}`): the printed sizes would be those of another font")


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices ``[a b c d e f]``."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _tally(runs: list[tuple[str, float]]) -> tuple[str, Counter[float]]:
    """The page's text (its runs that are not blank, joined), and its characters by printed size in points."""
    sizes: Counter[float] = Counter()
    for text, size in runs:
        sizes[round(size, 2)] += len(text.strip())
    return "".join(text for text, _ in runs), sizes


def _pypdf_sizes(page: Any) -> tuple[str, Counter[float]]:
    """``_printed_sizes`` as pypdf's text extraction reads it: the ``Tf`` size times the scale of the text and current
    transformation matrices (where LibreOffice puts the fit-to-width scale). About 0.2 s of CPU a page."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if text.strip():
            runs.append((text, size * math.hypot(*_multiply(tm, cm)[2:4])))

    page.extract_text(visitor_text=visit)
    return _tally(runs)


_TOKEN = re.compile(
    rb"""[\x00\t\n\x0c\r ]*(?:
    (?P<comment>%[^\r\n]*)
    |(?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)
    |(?P<literal>\()
    |(?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
    |(?P<number>[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))
    |(?P<open>\[)|(?P<close>\])|(?P<dict><<|>>)
    |(?P<operator>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+))""",
    re.VERBOSE,
)
"""One token of a content stream, after the white space before it."""
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def _literal(data: bytes, at: int) -> tuple[bytes, int]:
    """The literal string whose ``(`` is just before ``at``, and the position after its ``)``."""
    out, depth = bytearray(), 1
    while True:
        char = data[at]
        if char == 0x5C:  # backslash
            escaped = data[at + 1]
            if escaped in _ESCAPES:
                out += _ESCAPES[escaped]
                at += 2
            elif 0x30 <= escaped <= 0x37:
                digits = re.match(rb"[0-7]{1,3}", data[at + 1 : at + 4])
                assert digits
                out.append(int(digits.group(), 8) & 0xFF)
                at += 1 + len(digits.group())
            elif escaped in b"\r\n":  # a line continuation
                at += 3 if data[at + 1 : at + 3] == b"\r\n" else 2
            else:
                out.append(escaped)
                at += 2
            continue
        depth += {0x28: 1, 0x29: -1}.get(char, 0)
        if depth == 0:
            return bytes(out), at + 1
        out.append(char)
        at += 1


def _operations(data: bytes) -> list[tuple[list[Any], bytes]]:
    """A content stream's operations, each its operands (numbers as float, names and strings as bytes, arrays as
    lists) and its operator."""
    operations: list[tuple[list[Any], bytes]] = []
    stack: list[list[Any]] = [[]]
    at, end = 0, len(data.rstrip(b"\x00\t\n\x0c\r "))
    match = _TOKEN.match
    while at < end:
        found = match(data, at)
        assert found, f"unreadable content stream at byte {at}: {data[at : at + 40]!r}"
        at, kind = found.end(), found.lastgroup
        if kind == "number":
            stack[-1].append(float(found.group(kind)))
        elif kind == "hex":
            digits = found.group(kind)[1:-1].translate(None, b"\x00\t\n\x0c\r ")
            stack[-1].append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))  # a last 0 if odd
        elif kind == "operator":
            operator = found.group(kind)
            assert operator != b"BI", "an inline image: this reader does not skip its data"
            assert len(stack) == 1, f"operator {operator!r} inside an array"
            operations.append((stack[0], operator))
            stack[0] = []
        elif kind == "name":
            stack[-1].append(found.group(kind))
        elif kind == "literal":
            text, at = _literal(data, at)
            stack[-1].append(text)
        elif kind == "open":
            stack.append([])
        elif kind == "close":
            array = stack.pop()
            stack[-1].append(array)
    return operations


def _unicode(hex_string: bytes) -> str:
    return bytes.fromhex(hex_string[1:-1].decode()).decode("utf-16-be")


def _to_unicode(font: Any) -> tuple[int, dict[bytes, str]]:
    """A font's code length in bytes and its ``/ToUnicode`` map, code to text (``bfchar`` and ``bfrange``)."""
    assert "/ToUnicode" in font, f"{font.get('/BaseFont')} has no /ToUnicode map: read the page with pypdf"
    cmap = font["/ToUnicode"].get_object().get_data()
    space = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", cmap)
    assert space, "a /ToUnicode map without its code space"
    width = len(space.group(1)) // 2
    codes: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>)", block):
            codes[bytes.fromhex(code.decode())] = _unicode(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for low, high, target in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block
        ):
            first, last = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                texts = [_unicode(t) for t in re.findall(rb"<[0-9A-Fa-f]*>", target)]
            else:
                start = bytes.fromhex(target[1:-1].decode())
                texts = [
                    (start[:-1] + bytes([start[-1] + offset])).decode("utf-16-be") for offset in range(last - first + 1)
                ]
            for offset, text in enumerate(texts):
                codes[(first + offset).to_bytes(len(low) // 2, "big")] = text
    return width, codes


def _printed_sizes(page: Any) -> tuple[str, Counter[float]]:
    """The page's text, and its characters by printed size in points: the ``Tf`` size times the scale of the text
    and current transformation matrices (where LibreOffice puts the fit-to-width scale), as ``_pypdf_sizes`` reads
    them, from the text operators of the page's content stream."""
    resources = page["/Resources"]
    for xobject in resources.get("/XObject", {}).values():
        assert xobject.get_object()["/Subtype"] != "/Form", "a form XObject: this reader does not follow it"
    fonts = {name.encode(): _to_unicode(font.get_object()) for name, font in resources.get("/Font", {}).items()}
    runs: list[tuple[str, float]] = []
    identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    nothing: dict[bytes, str] = {}
    cm, tm, font, size = identity, identity, (1, nothing), 0.0
    saved: list[tuple[list[float], tuple[int, dict[bytes, str]], float]] = []

    def show(strings: list[Any]) -> None:
        width, codes = font
        text = "".join(
            codes[string[at : at + width]]  # a code without its character fails: a page is never half read
            for string in strings
            if isinstance(string, bytes)
            for at in range(0, len(string), width)
        )
        if text.strip():
            runs.append((text, size * math.hypot(*_multiply(tm, cm)[2:4])))

    for operands, operator in _operations(page.get_contents().get_data()):
        if operator == b"q":
            saved.append((cm, font, size))
        elif operator == b"Q":
            cm, font, size = saved.pop()
        elif operator == b"cm":
            cm = _multiply(operands, cm)
        elif operator == b"BT":
            tm = identity
        elif operator == b"Tm":
            tm = operands
        elif operator == b"Tf":
            font, size = fonts[operands[0]], operands[1]
        elif operator in (b"Tj", b"'", b'"'):
            show(operands[-1:])
        elif operator == b"TJ":
            show(operands[0])
    return _tally(runs)


def _same_reading(page: Any, text: str, sizes: Counter[float]) -> None:
    """``_printed_sizes`` reads the page as pypdf's text extraction does: the same characters (pypdf adds line
    breaks and spaces between runs), the same printed sizes, the same body size."""
    seen_text, seen_sizes = _pypdf_sizes(page)
    assert "".join(text.split()) == "".join(seen_text.split()), "the reader and pypdf read different text"
    assert set(sizes) == set(seen_sizes), (sizes, seen_sizes)
    assert sizes.most_common(1)[0][0] == seen_sizes.most_common(1)[0][0], (sizes, seen_sizes)


def test_libreoffice_prints_the_matrix_legibly(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    """Every sheet prints; the Matrice on A3 landscape and the Preuves on A4, their body text at 7 points or more."""
    from pypdf import PdfReader

    _carlito()
    pdf = printed_example(tmp_path_factory)
    pages = PdfReader(pdf).pages
    assert len(pages) >= 6, f"at least one printed page per sheet, got {len(pages)}"
    first: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        text, sizes = _printed_sizes(page)
        for sheet, marker, paper in (
            ("Matrice", message("label.matrix_remediation"), _A3_LANDSCAPE),
            ("Preuves", message("label.detail"), _A4_LANDSCAPE),
        ):
            if marker not in text:  # the header row, repeated on each page of the sheet
                continue
            if sheet not in first:
                first[sheet] = number
                _same_reading(page, text, sizes)
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == paper, (sheet, number)
            body, _count = sizes.most_common(1)[0]
            print(f"{sheet}, page {number}: body text printed at {body} pt ({dict(sizes.most_common(3))})")
            assert body >= 7, f"{sheet}, page {number}: body text printed at {body} pt, under 7"
    assert set(first) == {"Matrice", "Preuves"}, first
    png = tmp_path / "matrice-page"
    command = [program("pdftoppm"), "-f", str(first["Matrice"]), "-l", str(first["Matrice"]), "-r", "110", "-png"]
    subprocess.run([*command, "-singlefile", str(pdf), str(png)], check=True, timeout=120)
    data = png.with_suffix(".png").read_bytes()
    width, height = png_size(data)
    assert width > height and len(data) > 50_000, "a landscape page, not blank"
    print(f"first printed page of the Matrice: {png.with_suffix('.png')}")
