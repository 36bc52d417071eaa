"""Shared by the fuzz tests: run the CLI in-process (fast), check the outcome is clean, and strategies for YAML text."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.case_support import snapshot
from tests.conftest import Result
from tests.conftest import run_in_process as in_process

__all__ = [
    "READY",
    "assert_clean",
    "fresh_folder",
    "fuzz",
    "in_process",
    "mutated",
    "snapshot",
    "to_yaml",
    "weird_text",
]

READY = Path(__file__).resolve().parent / "cases" / "ready" / "elu-mini-all-compliant"


def fuzz(max_examples: int) -> settings:
    """Fuzz settings: a bounded number of examples (CI stays fast), no per-example deadline (shared machines).

    The `ci` profile (default, derandomised: CI runs the same examples each time) runs ``max_examples``;
    ``pytest --hypothesis-profile=long`` runs twenty times as many with fresh random examples, and
    ``PSC_FUZZ_SCALE=N`` multiplies the count again.
    """
    profile_scale = max(1, settings().max_examples // 100)
    return settings(
        max_examples=max_examples * profile_scale * max(1, int(os.environ.get("PSC_FUZZ_SCALE", "1") or "1")),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def assert_clean(result: Result, allowed: tuple[int, ...] = (0, 1, 2)) -> None:
    """Exit code allowed (never 3), no traceback, and exit 2 always explained on standard error."""
    assert result.code in allowed, (result.code, result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "erreur interne" not in result.stderr, result.stderr[-2000:]
    if result.code == 2:
        assert result.stderr.startswith(("psc-check", "Utilisation :", "Usage:", "Erreur :", "Error:")), result.stderr[
            -2000:
        ]
    assert "\x1b" not in result.stderr, "a terminal escape reached standard error"


def fresh_folder(root: Path, name: str) -> Path:
    """An empty folder ``root/name`` (emptied if it exists) holding the ready case's evidence files."""
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(READY / "evidence", folder / "evidence")
    return folder


def to_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def weird_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text biased towards what breaks parsers and spreadsheets: YAML indicators, controls, look-alikes, formulas."""
    specials = [*":-[]{}&*!|>'\"%@`#,?\t\n\r\x00\x1b\u202e\u0422\uff10\uff1d=+", "NO", "on", "1.10", "010", "~", "null"]
    return st.one_of(
        st.text(max_size=max_size),
        st.lists(st.sampled_from(specials), max_size=8).map("".join),
        st.sampled_from(["", " ", "=1+1", "＝SUM(A1)", "-2+3", "@cmd", "\u0422-OIDC-01", "../x", "/etc/passwd"]),
    )


@st.composite
def mutated(draw: st.DrawFn, original: str | bytes, max_edits: int = 4) -> bytes:
    """``original`` (text as UTF-8, or bytes) with a few random byte insertions, deletions and replacements."""
    raw = bytearray(original.encode("utf-8") if isinstance(original, str) else original)
    for _ in range(draw(st.integers(1, max_edits))):
        position = draw(st.integers(0, max(len(raw) - 1, 0)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = draw(st.sampled_from([0, 9, 10, 13, 32, 34, 35, 38, 42, 45, 58, 91, 123, 0xC3, 0xFF, 0xFE]))
        if action == "insert":
            raw.insert(position, byte)
        elif action == "delete" and raw:
            del raw[position]
        elif raw:
            raw[position] = byte
    return bytes(raw)
