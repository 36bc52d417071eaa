"""orjson writes exactly the bytes ``json.dumps(ensure_ascii=False, indent=2, sort_keys=True)`` wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.inputs.jsondump import sorted_json

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def _reference(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.name)
def test_every_golden_json_is_written_byte_for_byte(golden: Path) -> None:
    text = golden.read_text(encoding="utf-8")
    data = json.loads(text)
    assert sorted_json(data) == _reference(data)
    assert sorted_json(data) + "\n" == text


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [{}], "d": None, "e": True, "f": False},
        {"é": "référentiel", "z": "日本語 😀", "Z": 1, "a": {"β": 2, "α": 1}},
        {"controls": "".join(chr(c) for c in range(0x20)) + "\x7f\x85\u2028\u2029\u202e\ufeff", "q": '"\\/'},
        {"floats": [0.0, -0.0, 1.0, 0.5, 0.1, 2.5, 33.3, 66.7, 100.0, 1e15, 1e16, 1.5e300, 5e-324, 1e-4, 1.2e-3]},
        {"small floats, where Python writes an exponent": [1e-05, 3.5e-07]},
        {"ints": [0, -1, 2**63 - 1, -(2**63), 2**64 - 1]},
        {"beyond 64 bits": 2**70},
        {"keys": {"b": 1, "B": 2, "_": 3, "10": 4, "9": 5, "é": 6, "e": 7}},
        [[[[{"deep": [1, [2, [3]]]}]]]],
    ],
)
def test_the_same_text_as_json_dumps(data: Any) -> None:
    assert sorted_json(data) == _reference(data)


def test_a_non_string_key_falls_back_to_json_dumps() -> None:
    assert sorted_json({1: "a", 2: "b"}) == _reference({1: "a", 2: "b"})


def test_ordinary_text_takes_orjson_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """French words, hyphenated file names and hashes never send the text through ``json.dumps`` as well."""
    import json as json_module

    def refused(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("json.dumps was used")

    data = {
        "path": "evidence/mise-en-production-psc.md",
        "title": "Conformité de l'échange — référentiel 2025.1-public",
        "sha256": "3e0f9c2d" * 8,
        "score": 66.7,
        "when": "2026-11-28",
    }
    expected = _reference(data)
    monkeypatch.setattr(json_module, "dumps", refused)
    assert sorted_json(data) == expected
