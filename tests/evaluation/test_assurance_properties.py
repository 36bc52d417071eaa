"""Properties of the assurance levels (hypothesis): less evidence never reads as more, a changed byte is never present.

Evaluations run in process on a small referential: one requirement per kind of evidence (recognisable kinds with
their checks, a document kind no recogniser covers), each answered ``compliant`` with items drawn from a pool of
real files (a certificate, a HAR, a token, a TLS scan, a text file) cited with or without a kind and a sha256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.declaration.load import load_declaration
from checker.evaluation.evaluate import EvaluationOptions, evaluate
from checker.model.report import ASSURANCE_RANK, OUTCOME_RANK, Assurance, Finding, Report
from checker.referential.load import LoadedReferential, load_referential
from tests import evidence_factory as ef
from tests.assurance_support import referential_text, write_verified_files

AS_OF = dt.date(2026, 11, 28)
REQUIREMENTS = (
    ("P-CERT", "[certificate, document]", "[cert.validity]"),
    ("P-HAR", "[http_capture]", "[har.scope]"),
    ("P-JWT", "[token_sample, http_capture]", "[token.acr, har.acr]"),
    ("P-TLS", "[tls_scan]", "[tls.versions, tls.certificate]"),
    ("P-DOC", "[document, procedure]", "[]"),
)
"""(id, evidence kinds, checks) of each requirement."""
REQUIREMENT_IDS = [req_id for req_id, _, _ in REQUIREMENTS]
KINDS = (None, "certificate", "http_capture", "token_sample", "tls_scan", "document", "screenshot")


@pytest.fixture(scope="module")
def pool() -> Iterator[tuple[Path, LoadedReferential, dict[str, bytes]]]:
    folder = Path(tempfile.mkdtemp(prefix="assurance-"))
    chain = ef.ca_chain(test=True)
    expired = ef.pem(ef.leaf(chain[0], start=dt.date(2024, 1, 1), end=dt.date(2025, 1, 1)))
    files = write_verified_files(folder, chain, {"expired.pem": expired, "note.txt": b"procedure\n"})
    (folder / "referential.yaml").write_text(referential_text(REQUIREMENTS), encoding="utf-8")
    yield folder, load_referential(folder / "referential.yaml"), files
    shutil.rmtree(folder, ignore_errors=True)


Item = tuple[str, str | None, bool]
"""(file name, declared kind or None, sha256 declared)."""

items = st.lists(
    st.tuples(
        st.sampled_from(["client.pem", "expired.pem", "login.har", "token.json", "scan.json", "note.txt"]),
        st.sampled_from(KINDS),
        st.booleans(),
    ),
    min_size=1,
    max_size=4,
)
answers = st.fixed_dictionaries(dict.fromkeys(REQUIREMENT_IDS, items))


def _evaluate(folder: Path, ref: LoadedReferential, files: dict[str, bytes], cited: dict[str, list[Item]]) -> Report:
    lines = [
        'schema_version: "1"',
        'organisation: {name: Éditeur, siren: "552100554"}',
        f"subject: {{name: Produit, psc_client_id: {ef.CLIENT_ID}, psc_environment: bac_a_sable}}",
        "actors: [FS]",
        "level: communaute",
        "answers:",
    ]
    for req_id, chosen in cited.items():
        lines += [f"  {req_id}:", "    status: compliant", "    evidence:" if chosen else "    evidence: []"]
        for name, kind, hashed in chosen:
            lines.append(f"      - path: {name}")
            if kind:
                lines.append(f"        kind: {kind}")
            if hashed:
                lines.append(f"        sha256: {hashlib.sha256(files[name]).hexdigest()}")
    decl = folder / "declaration.yaml"
    decl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return evaluate(ref, load_declaration(decl, ref), EvaluationOptions(as_of=AS_OF))


def _by_id(report: Report) -> dict[str, Finding]:
    return {f.requirement_id: f for f in report.findings}


def _sound(finding: Finding, index: int) -> bool:
    """The item neither failed its assessment nor was contradicted by a check: it speaks for the claim."""
    item = finding.evidence[index]
    return item.status == "ok" and all(c.status != "contradicted" for c in item.checks)


@settings(max_examples=40, deadline=None)
@given(cited=answers, drop=st.integers(min_value=0, max_value=3))
def test_removing_an_evidence_item_never_raises_assurance_nor_improves_the_outcome(
    pool: tuple[Path, LoadedReferential, dict[str, bytes]], cited: dict[str, list[Item]], drop: int
) -> None:
    folder, ref, files = pool
    before = _by_id(_evaluate(folder, ref, files, cited))
    fewer = {
        req_id: [item for i, item in enumerate(chosen) if i != drop % len(chosen)] for req_id, chosen in cited.items()
    }
    after = _by_id(_evaluate(folder, ref, files, fewer))
    for req_id, chosen in cited.items():
        was, now = before[req_id], after[req_id]
        assert ASSURANCE_RANK[now.assurance] <= ASSURANCE_RANK[was.assurance], (req_id, chosen)
        if _sound(was, drop % len(chosen)):  # dropping a broken or contradicting citation may of course help
            assert OUTCOME_RANK[now.outcome] <= OUTCOME_RANK[was.outcome], (req_id, chosen)


@settings(max_examples=40, deadline=None)
@given(cited=answers, victim=st.sampled_from(sorted(REQUIREMENT_IDS)))
def test_deleting_an_evidence_file_never_raises_assurance_nor_improves_the_outcome(
    pool: tuple[Path, LoadedReferential, dict[str, bytes]], cited: dict[str, list[Item]], victim: str
) -> None:
    folder, ref, files = pool
    before = _by_id(_evaluate(folder, ref, files, cited))
    name = cited[victim][0][0]
    kept = (folder / name).read_bytes()
    (folder / name).unlink()
    try:
        after = _by_id(_evaluate(folder, ref, files, cited))
    finally:
        (folder / name).write_bytes(kept)
    for req_id in cited:
        was, now = before[req_id], after[req_id]
        assert ASSURANCE_RANK[now.assurance] <= ASSURANCE_RANK[was.assurance], req_id
        assert OUTCOME_RANK[now.outcome] <= OUTCOME_RANK[was.outcome], req_id


@settings(max_examples=40, deadline=None)
@given(
    cited=answers,
    victim=st.sampled_from(sorted(REQUIREMENT_IDS)),
    where=st.integers(min_value=0),
    byte=st.integers(min_value=1, max_value=255),
)
def test_changing_one_byte_of_an_evidence_file_never_leaves_it_present(
    pool: tuple[Path, LoadedReferential, dict[str, bytes]],
    cited: dict[str, list[Item]],
    victim: str,
    where: int,
    byte: int,
) -> None:
    folder, ref, files = pool
    name = cited[victim][0][0]
    original = (folder / name).read_bytes()
    changed = bytearray(original)
    changed[where % len(changed)] ^= byte
    (folder / name).write_bytes(bytes(changed))
    try:
        after = _by_id(_evaluate(folder, ref, files, cited))
    finally:
        (folder / name).write_bytes(original)
    for req_id, chosen in cited.items():
        for (cited_name, _, _), item in zip(chosen, after[req_id].evidence, strict=True):
            if cited_name == name:
                assert ASSURANCE_RANK[item.assurance] < ASSURANCE_RANK[Assurance.PRESENT], (req_id, item)
