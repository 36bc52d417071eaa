"""Fuzzing audit files (``evaluate --audit``): valid-shaped, made on this declaration, and garbage.

Every run must end in 0, 1 or 2 — never 3, never a traceback — and leave every input file as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MINI
from tests.fuzz_support import READY, assert_clean, fuzz, in_process, mutated, snapshot, to_yaml, weird_text

DECLARATION = READY / "declaration.yaml"
IDS = ["T-OIDC-01", "T-CIBA-01", "T-CERT-01", "PSC-OIDC-01", "\u0422-OIDC-01"]
VERDICTS = st.one_of(
    st.sampled_from(["compliant", "partial", "non_compliant", "not_applicable", "not_assessed", "conforme", "partiel"]),
    weird_text(12),
    st.integers(),
)
DAYS = st.one_of(
    st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2026-02-30", "1850-01-01", "3000-01-01", "demain"])
)


def _reference(made_on_this: bool) -> dict[str, str]:
    digest = hashlib.sha256(DECLARATION.read_bytes()).hexdigest() if made_on_this else "0" * 64
    return {"referential_id": "mini", "referential_version": "1.10", "declaration_sha256": digest}


@st.composite
def audits(draw: st.DrawFn) -> dict[str, Any]:
    """An audit file shaped like import-matrix's, made (mostly) on the ready declaration."""
    verdict = st.fixed_dictionaries({"verdict": VERDICTS}, optional={"comment": weird_text(80), "date": DAYS})
    data: dict[str, Any] = {
        "schema_version": draw(st.sampled_from(["1", "1", "2"])),
        "reference": _reference(draw(st.booleans()) or draw(st.booleans())),
        "auditor": {"name": draw(weird_text(20))},
        "date": draw(DAYS),
        "verdicts": draw(st.dictionaries(st.sampled_from(IDS), st.one_of(verdict, st.none()), max_size=4)),
    }
    if draw(st.booleans()) and draw(st.booleans()):
        data[draw(st.sampled_from(sorted(data)))] = draw(st.one_of(st.none(), weird_text(8), st.integers()))
    return data


def _evaluate_with(audit: Path, folder: Path) -> None:
    before = snapshot(folder)
    result = in_process("evaluate", DECLARATION, "--referentiel", MINI, "--as-of", "2026-11-28", "--audit", audit)
    assert_clean(result)
    assert snapshot(folder) == before


@fuzz(90)
@given(data=audits())
def test_shaped_audit_files(tmp_path: Path, data: dict[str, Any]) -> None:
    audit = tmp_path / "audit.yaml"
    audit.write_text(to_yaml(data), encoding="utf-8")
    _evaluate_with(audit, tmp_path)


_VALID = to_yaml(
    {
        "schema_version": "1",
        "reference": _reference(True),
        "auditor": {"name": "Claire Auditrice"},
        "date": "2026-12-01",
        "verdicts": {"T-OIDC-01": {"verdict": "non_compliant", "comment": "Capture illisible."}},
    }
)


@fuzz(120)
@given(raw=mutated(_VALID, max_edits=5))
def test_garbled_audit_files(tmp_path: Path, raw: bytes) -> None:
    audit = tmp_path / "audit.yaml"
    audit.write_bytes(raw)
    _evaluate_with(audit, tmp_path)
