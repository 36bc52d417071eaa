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
_PYTHON_DIFFERS = (b"e-", b"0.0000")
"""Bytes in orjson's output where Python's float format may differ: fall back (also when a string holds them)."""


def sorted_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)``, computed by orjson."""
    try:
        raw = orjson.dumps(data, option=_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError: an integer beyond 64 bits, a non-string key
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    if any(marker in raw for marker in _PYTHON_DIFFERS):
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    return raw.decode("utf-8")
