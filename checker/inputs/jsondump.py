"""JSON text of plain data, sorted keys and two-space indent: orjson's encoder, byte for byte ``json.dumps``'s.

``json.dumps(indent=2)`` falls back to the pure-Python encoder (an indent disables the C one): a fifth of a
10,000-requirement run went there. orjson (Rust) writes the same bytes for psc-check's data, checked against
``json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)`` by ``tests/inputs/test_jsondump.py`` and the golden
files: same separators, UTF-8 kept as is, only controls escaped (``\\n``-style where JSON has a short form, else
``\\u00XX``), keys sorted by code point, floats in their shortest round-trip form. Where they would differ, this falls
back to ``json.dumps``: a float written in exponent notation by Python below 1e-4 (``1e-05``, orjson ``0.00001``),
an integer beyond 64 bits, a non-string key. One difference is kept: a non-finite float (NaN, infinity) is written
``null`` (valid JSON) where ``json.dumps`` wrote ``NaN`` (which is not JSON); psc-check computes none.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

__all__ = ["sorted_json"]

_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
_DIGITS = frozenset(b"0123456789")


def _python_differs(raw: bytes) -> bool:
    """Whether orjson's output may hold a float Python writes otherwise (``1e-07`` for ``1e-7``, ``1e-05`` for
    ``0.00001``): true also when a string happens to hold such characters (then only slower, never wrong).
    Ordinary text (``mise-en-production``) is told apart by the digits around ``e-``; no regular expression, which
    took longer than the encoding itself."""
    if b"0.0000" in raw:
        return True
    at = raw.find(b"e-")
    while at > 0:
        if raw[at - 1] in _DIGITS and raw[at + 2 : at + 3] and raw[at + 2] in _DIGITS:
            return True
        at = raw.find(b"e-", at + 2)
    return False


def sorted_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)``, computed by orjson."""
    try:
        raw = orjson.dumps(data, option=_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, a non-string key
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    if _python_differs(raw):
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    return raw.decode("utf-8")
