"""Fuzzing declarations: valid-shaped and garbage, through evaluate (every output format), validate, portfolio, diff.

Every run must end in 0, 1 or 2 — never 3, never a traceback — and leave every input file as it was.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MINI, Cli
from tests.fuzz_support import (
    READY,
    assert_clean,
    fresh_folder,
    fuzz,
    in_process,
    mutated,
    snapshot,
    to_yaml,
    weird_text,
)

IDS = ["T-OIDC-01", "T-CIBA-01", "T-CERT-01"]
GOOD_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)).map(dt.date.isoformat)
BAD_DAYS = st.sampled_from(["2026-02-30", "0000-01-01", "1899-12-31", "2101-01-01", "20250201", "2026-1-1", "", "hier"])
PATHS = st.sampled_from(
    ["evidence/client.pem", "evidence/authorize.har", "evidence/absent.pem", "evidence", "../../x", "/etc/passwd"]
)
STATUSES = st.sampled_from(["compliant", "partial", "non_compliant", "not_applicable", "not_assessed", "conforme"])
HOSTILE = st.one_of(
    st.none(),
    weird_text(12),
    st.integers(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(weird_text(5), st.none(), max_size=2),
    BAD_DAYS,
)
"""What a perturbation puts in place of a valid value."""
READY_DATA: dict[str, Any] = yaml.safe_load((READY / "declaration.yaml").read_text(encoding="utf-8"))
"""The ready case's declaration, parsed once; each example draws from a fresh deep copy."""


def _evidence() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"path": PATHS},
        optional={
            "sha256": st.text("0123456789abcdef", min_size=64, max_size=64),
            "collected": GOOD_DAYS,
            "expires": GOOD_DAYS,
            "environment": st.sampled_from(["bac_a_sable", "production"]),
            "kind": st.sampled_from(["certificate", "http_capture", "token_sample"]),
            "description": weird_text(40),
        },
    )


def _answer() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"status": STATUSES},
        optional={
            "justification": weird_text(60),
            "evidence": st.lists(_evidence(), max_size=3),
            "planned": GOOD_DAYS,
            "owner": weird_text(20).filter(lambda t: t.strip() != ""),
        },
    )


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into ``data`` (mappings and lists), the root excluded."""
    out: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        out.append((*prefix, key))
        out += _paths(value, (*prefix, key))
    return out


@st.composite
def declarations(draw: st.DrawFn) -> dict[str, Any]:
    """The ready case's declaration with drawn answers, then zero to two values anywhere replaced by hostile ones."""
    data = copy.deepcopy(READY_DATA)
    data["organisation"]["name"] = draw(weird_text(30).filter(lambda t: len(t.strip()) > 0 and "\x00" not in t))
    data["answers"] = draw(st.dictionaries(st.sampled_from(IDS), _answer(), max_size=3))
    for _ in range(draw(st.integers(0, 2))):
        path = draw(st.sampled_from(_paths(data)))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = draw(HOSTILE)
    return data


OUTPUTS = st.sampled_from([[], [], ["report.json"], ["report.md"], ["report.html"], ["matrix.xlsx"], ["r.sarif"]])


def _evaluate(folder: Path, declaration: Path, outputs: list[str]) -> None:
    before = snapshot(folder)
    args: list[str | Path] = ["evaluate", declaration, "--referentiel", MINI, "--as-of", "2026-11-28"]
    args += [arg for name in outputs for arg in ("-o", folder / name)]
    result = in_process(*args, "--format", "json")
    assert_clean(result)
    after = snapshot(folder)
    written = {str(folder / name) for name in outputs}
    assert {p: v for p, v in after.items() if p not in written} == before, "an input file changed"
    assert result.code == 2 or all(p in after for p in written), "exit 0 or 1 writes every -o output"
    assert not [p for p in after if p.endswith(".tmp")], "temporary file left behind"


@fuzz(120)
@given(data=declarations(), outputs=OUTPUTS)
def test_shaped_declarations(tmp_path: Path, data: dict[str, Any], outputs: list[str]) -> None:
    folder = fresh_folder(tmp_path, "shaped")
    declaration = folder / "declaration.yaml"
    declaration.write_text(to_yaml(data), encoding="utf-8")
    _evaluate(folder, declaration, outputs)


@fuzz(150)
@given(raw=mutated((READY / "declaration.yaml").read_text(encoding="utf-8"), max_edits=6))
def test_garbled_declarations(tmp_path: Path, raw: bytes) -> None:
    folder = fresh_folder(tmp_path, "garbled")
    declaration = folder / "declaration.yaml"
    declaration.write_bytes(raw)
    _evaluate(folder, declaration, [])
    assert_clean(in_process("validate", declaration, "--referentiel", MINI, "--as-of", "2026-11-28"), (0, 2))


@fuzz(60)
@given(data=declarations(), raw=st.binary(max_size=300))
def test_portfolio_and_diff_take_any_declaration(tmp_path: Path, data: dict[str, Any], raw: bytes) -> None:
    folder = fresh_folder(tmp_path, "portfolio")
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    (folder / "a" / "declaration.yaml").write_text(to_yaml(data), encoding="utf-8")
    (folder / "b" / "declaration.yaml").write_bytes(raw)
    before = snapshot(folder)
    out = tmp_path / "portfolio.html"
    args = ["portfolio", folder, "--referentiel", MINI, "--as-of", "2026-11-28", "--workers", "1", "-o", out]
    assert_clean(in_process(*args))
    diff = ["diff", MINI, MINI, "--declaration", folder / "a" / "declaration.yaml", "--format", "json"]
    assert_clean(in_process(*diff), (0, 2))
    assert snapshot(folder) == before


@fuzz(3)
@given(
    declaration=st.binary(min_size=1, max_size=400), referential=st.binary(max_size=400), audit=st.binary(max_size=400)
)
def test_random_bytes_through_the_installed_command(
    cli_process: Cli, tmp_path: Path, declaration: bytes, referential: bytes, audit: bytes
) -> None:
    """A few runs of the real executable: random bytes as declaration, referential and audit file."""
    files = {"declaration.yaml": declaration, "referentiel.yaml": referential, "audit.yaml": audit}
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    before = snapshot(tmp_path)
    for args in (
        ["evaluate", tmp_path / "declaration.yaml"],
        ["evaluate", READY / "declaration.yaml", "--referentiel", tmp_path / "referentiel.yaml"],
        ["evaluate", READY / "declaration.yaml", "--referentiel", MINI, "--audit", tmp_path / "audit.yaml"],
    ):
        result = cli_process(*args)
        assert result.code == 2 and result.stderr.startswith("psc-check: "), (result.code, result.stderr)
        assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before
