"""Neutralise vendor text before it reaches a spreadsheet, CSV or XML cell."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CELL_LIMIT",
    "cell_text",
    "csv_cell",
    "is_formula_like",
    "json_text",
    "one_line",
    "shown",
    "strip_control",
    "terminal_text",
    "truncate",
]

CELL_LIMIT = 32_767
_TRUNCATED = " […tronqué]"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\x00")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TERMINAL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ud800-\udfff]"
)
"""What never reaches a terminal raw: C0 and C1 controls (tab and newline aside), ESC, bidirectional and invisible
formatting characters, line and paragraph separators, lone surrogates."""
_LINE_BREAKS = {"\n": "\\n", "\t": "\\t"}
_SHOWN = 80


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (checked after NFKC, so ``＝`` counts)."""
    return unicodedata.normalize("NFKC", text[:8]).startswith(_FORMULA_STARTS)


def strip_control(text: str) -> str:
    """Remove control characters and lone surrogates that XML and xlsx cannot hold (tab, LF and CR are kept)."""
    return _CONTROL.sub("", text)


def truncate(text: str, limit: int = CELL_LIMIT) -> str:
    """Cut ``text`` to ``limit`` characters with a visible marker."""
    return text if len(text) <= limit else text[: limit - len(_TRUNCATED)] + _TRUNCATED


def csv_cell(text: str) -> str:
    """A CSV cell that no spreadsheet turns into a formula (OWASP: prefix with ``'``)."""
    clean = strip_control(text)
    return "'" + clean if is_formula_like(clean) else clean


def cell_text(text: str, limit: int = CELL_LIMIT) -> tuple[str, bool]:
    """Spreadsheet-ready text and whether its cell needs ``quotePrefix`` (it would read as a formula)."""
    clean = truncate(strip_control(text), limit)
    return clean, is_formula_like(clean)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"  # \\u: still valid inside a JSON string


def terminal_text(text: str) -> str:
    """``text`` safe to print on a terminal: control, escape and bidirectional characters shown as ``\\xNN``."""
    return _TERMINAL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` for a one-line field on a terminal: :func:`terminal_text`, and newline and tab shown as ``\\n``, ``\\t``.

    A vendor's name holding a newline must not print a line of its own (a forged verdict above the real one).
    """
    safe = terminal_text(text)
    return safe.replace("\n", "\\n").replace("\t", "\\t") if ("\n" in safe or "\t" in safe) else safe


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(text: str) -> str:
    """JSON text whose strings hold no raw control, bidirectional or separator character (``\\u202e`` instead).

    ``json.dumps(ensure_ascii=False)`` escapes only C0 controls; the rest would reach a terminal reading stdout.
    Escaping changes no parsed value, and structural characters are ASCII, so only string contents are touched.
    """
    return _TERMINAL.sub(_json_escape, text)


def shown(value: str, limit: int = _SHOWN) -> str:
    """An input value quoted back in a message: control characters visible, cut to ``limit`` characters."""
    text = terminal_text(value).replace("\n", "\\n").replace("\t", "\\t")
    return text if len(text) <= limit else text[: limit - 1] + "…"
