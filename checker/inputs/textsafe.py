"""Neutralise vendor text before it reaches a spreadsheet, CSV or XML cell."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CELL_LIMIT",
    "cell_text",
    "csv_cell",
    "is_formula_like",
    "shown",
    "strip_control",
    "terminal_text",
    "truncate",
]

CELL_LIMIT = 32_767
_TRUNCATED = " […tronqué]"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\x00")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
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


def shown(value: str, limit: int = _SHOWN) -> str:
    """An input value quoted back in a message: control characters visible, cut to ``limit`` characters."""
    text = terminal_text(value).replace("\n", "\\n").replace("\t", "\\t")
    return text if len(text) <= limit else text[: limit - 1] + "…"
