"""Hashing evidence is bounded: one read per file whatever its paths, and a budget per evaluation, never a hang."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from checker.app.evaluate import EvaluateRequest, evaluate_file
from checker.evaluation import evidence
from checker.evaluation.evidence import EvidenceContext, HashBudget, HashBudgetError
from checker.inputs.limits import MAX_RUN_HASH_BYTES
from checker.model.report import Outcome
from tests.conftest import ROOT

AS_OF = dt.date(2026, 11, 28)


def test_hard_links_to_one_file_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "capture.bin"
    with big.open("wb") as handle:  # sparse: 64 MiB on paper, nothing on disk
        handle.truncate(64 << 20)
    links = [tmp_path / f"lien-{i}.bin" for i in range(20)]
    for link in links:
        os.link(big, link)
    reads: list[Path] = []
    real = evidence.hash_file

    def counting(path: Path, budget: HashBudget | None = None) -> str:
        reads.append(path)
        return real(path, budget)

    monkeypatch.setattr(evidence, "hash_file", counting)
    ctx = EvidenceContext(tmp_path, AS_OF)
    digests = {ctx.sha256(link) for link in [big, *links]}
    assert len(digests) == 1 and isinstance(next(iter(digests)), str)
    assert len(reads) == 1
    assert ctx.budget.bytes_left == MAX_RUN_HASH_BYTES - (64 << 20)


def test_a_changed_file_is_hashed_again(tmp_path: Path) -> None:
    """The cache key holds size and mtime: a file rewritten between two reads is not trusted from the cache."""
    path = tmp_path / "preuve.txt"
    path.write_text("un", encoding="utf-8")
    ctx = EvidenceContext(tmp_path, AS_OF)
    first = ctx.sha256(path)
    path.write_text("deux", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert ctx.sha256(path) != first


def test_the_byte_budget_refuses_what_would_exceed_it(tmp_path: Path) -> None:
    small, large = tmp_path / "a.txt", tmp_path / "b.txt"
    small.write_bytes(b"x" * 10)
    large.write_bytes(b"y" * 100)
    budget = HashBudget(bytes_left=50, seconds=60)
    evidence.hash_file(small, budget)
    with pytest.raises(HashBudgetError):
        evidence.hash_file(large, budget)
    assert budget.spent and budget.bytes_left == 40


def test_the_time_budget_stops_a_read_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "lent.bin"
    with path.open("wb") as handle:
        handle.truncate(8 << 20)
    budget = HashBudget(bytes_left=1 << 40, seconds=-1)  # the deadline has passed before the first chunk is read
    with pytest.raises(HashBudgetError):
        evidence.hash_file(path, budget)


def test_past_the_budget_evidence_is_reported_not_hashed_with_an_error_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = tmp_path / "fs-standard"
    shutil.copytree(ROOT / "examples" / "fs-standard", example)
    monkeypatch.setattr(evidence, "MAX_RUN_HASH_BYTES", 0)
    _, _, report = evaluate_file(EvaluateRequest(declaration=example / "declaration.yaml", as_of=AS_OF))
    items = [e for f in report.findings for e in f.evidence]
    assert items and all(e.status == "not_hashed" for e in items if e.status not in ("missing", "outside"))
    assert [p.code for p in report.problems if p.severity == "error"].count("hash_budget") == 1
    assert not report.summary.ready
    claimed = [f for f in report.findings if f.evidence]
    assert claimed and all(f.outcome is not Outcome.COMPLIANT for f in claimed)
