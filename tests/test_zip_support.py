"""The hand-written bomb archives are real zip files: ``zipfile`` lists them and inflates them with the right CRC."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.zip_support import zip_bytes


@pytest.mark.parametrize("size", [0, 5, 1 << 20, (3 << 20) + 7])
def test_zeros_inflate_to_their_size_with_their_crc(size: int) -> None:
    data = zip_bytes({"MANIFEST.json": b"{}", "dossier/é.txt": "été".encode()}, {"big.bin": size})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert [(i.filename, i.file_size) for i in archive.infolist()] == [
            ("MANIFEST.json", 2),
            ("dossier/é.txt", 5),
            ("big.bin", size),
        ]
        assert archive.testzip() is None, "every member inflates and matches its CRC-32"
        assert archive.read("big.bin") == bytes(size)
        assert archive.read("dossier/é.txt").decode() == "été"
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())


def test_a_gigabyte_of_zeros_is_a_few_megabytes() -> None:
    data = zip_bytes({}, {"big.bin": 1 << 30})
    assert len(data) < 8 << 20
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("big.bin") as member:
        assert archive.getinfo("big.bin").file_size == 1 << 30
        assert member.read(1 << 20) == bytes(1 << 20), "the first mebibyte inflates to zeros"
