"""Zip archives for the bomb tests, written by hand so that a gigabyte of zeros costs milliseconds, not seconds.

A deflate stream of ``n`` mebibytes of zeros is one compressed mebibyte, ended by a full flush (which resets the
compressor, so the next mebibyte compresses to the same bytes), repeated ``n`` times, then the rest and the end of
the stream. ``zipfile`` would deflate every byte (about 1.5 s of CPU per gigabyte at level 1); this writes the same
kind of archive (plain deflated members, sizes and CRC-32 in the headers, read back by ``zipfile``) in a fraction
of that; ``tests/test_zip_support.py`` reads such archives back with ``zipfile`` and inflates them whole.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from functools import cache

__all__ = ["zip_bytes"]

_MIB = 1 << 20
_DOS_TIME, _DOS_DATE = 0, (2026 - 1980) << 9 | 1 << 5 | 1  # 2026-01-01 00:00, as zipfile would store a fixed date


@cache
def _zero_blocks() -> tuple[bytes, bytes]:
    """One mebibyte of zeros deflated and fully flushed, and the empty final block that ends a stream."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(_MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block, compressor.flush()


def _deflated_zeros(size: int) -> tuple[bytes, int]:
    """The raw deflate stream of ``size`` zero bytes, and their CRC-32."""
    block, end = _zero_blocks()
    whole, rest = divmod(size, _MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = compressor.compress(bytes(rest)) + compressor.flush() if rest else end
    crc = 0
    zeros = bytes(_MIB)
    for _ in range(whole):
        crc = zlib.crc32(zeros, crc)
    return block * whole + tail, zlib.crc32(bytes(rest), crc)


def _deflated(data: bytes) -> tuple[bytes, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data)


def zip_bytes(members: Mapping[str, bytes] = {}, zeros: Mapping[str, int] = {}) -> bytes:
    """A zip archive: ``members`` deflated as given, then each ``zeros`` member holding that many zero bytes.

    Sizes stay below 4 GiB (no zip64 records).
    """
    entries = [(name, *_deflated(data), len(data)) for name, data in members.items()]
    entries += [(name, *_deflated_zeros(size), size) for name, size in zeros.items()]
    body = bytearray()
    central = bytearray()
    for name, stream, crc, size in entries:
        assert size < 1 << 32 and len(stream) < 1 << 32, "no zip64 records here"
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # UTF-8 name flag, as zipfile sets it
        fields = (20, flags, 8, _DOS_TIME, _DOS_DATE, crc, len(stream), size, len(encoded))
        central += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIH", *fields)
        central += struct.pack("<HHHHII", 0, 0, 0, 0, 0, len(body)) + encoded
        body += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIH", *fields) + struct.pack("<H", 0) + encoded
        body += stream
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return bytes(body + central + end)
