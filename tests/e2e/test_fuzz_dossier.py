"""Fuzzing `dossier verify`: mutated bytes, member names, sizes and flags of a real dossier — 0, 1 or 2, never 3.

Nothing may be written outside the temporary folder `verify` makes (and removes): the working folder and the
temporary root are compared before and after each example.
"""

from __future__ import annotations

import io
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.fuzz_support import assert_clean, fuzz, in_process, snapshot


@pytest.fixture(scope="module")
def clean_zip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The fs-standard example's dossier (no PDF: the fuzzer is about the archive, not WeasyPrint)."""
    folder = tmp_path_factory.mktemp("dossier")
    declaration = ROOT / "examples" / "fs-standard" / "declaration.yaml"
    result = in_process("dossier", "build", declaration, "--as-of", "2026-11-28", "--no-pdf", "-o", folder / "d.zip")
    assert result.code == 0, result.stderr
    return (folder / "d.zip").read_bytes()


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


NAMES = st.sampled_from(
    ["../evil.txt", "/abs.txt", "declaration/../../x", "a\\b", "MANIFEST.json", "déclaration/é.txt", "", "x" * 600]
)


@st.composite
def mutated(draw: st.DrawFn, clean: bytes) -> bytes:
    """A structural edit of the dossier (rename, drop, duplicate, flag, content) or a raw byte-level one."""
    if draw(st.booleans()):  # raw bytes: flip, truncate or splice
        data = bytearray(clean)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
        return bytes(data)
    members = _members(clean)
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate names this fuzzer writes on purpose
        for index, (info, content) in enumerate(members):
            action = draw(st.sampled_from(["keep"] * 6 + ["drop", "rename", "twice", "content", "flags", "mode"]))
            if action == "drop":
                continue
            name = draw(NAMES) if action == "rename" else info.filename
            new = zipfile.ZipInfo(name or f"vide-{index}", date_time=info.date_time)
            new.external_attr = info.external_attr
            if action == "mode":
                new.external_attr = draw(st.sampled_from([0o120777 << 16, 0o060644 << 16, 0o040755 << 16]))
            if action == "flags":
                new.flag_bits |= draw(st.sampled_from([0x1, 0x8, 0x40]))
            written = draw(st.binary(max_size=64)) if action == "content" else content
            archive.writestr(new, written)
            if action == "twice":
                archive.writestr(zipfile.ZipInfo(name or f"vide-{index}", date_time=info.date_time), written)
    return out.getvalue()


@fuzz(40)
@given(data=st.data())
def test_any_mutated_dossier_gives_0_1_or_2_and_writes_nothing_outside(
    clean_zip: bytes, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    hostile = data.draw(mutated(clean_zip))
    folder = tmp_path_factory.mktemp("verify")
    target = folder / "recu.zip"
    target.write_bytes(hostile)
    temporary = Path(tempfile.gettempdir())
    before_tmp = {p.name for p in temporary.iterdir() if p.name.startswith("psc-dossier-")}
    before = snapshot(folder)
    result = in_process("dossier", "verify", target, cwd=folder)
    assert_clean(result)
    assert snapshot(folder) == before, "verify wrote beside the dossier"
    assert {p.name for p in temporary.iterdir() if p.name.startswith("psc-dossier-")} <= before_tmp, "a left-over"
    assert not (folder.parent / "evil.txt").exists() and not Path("/abs.txt").exists()
