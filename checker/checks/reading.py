"""Read evidence files defensively: bounded size, UTF-8 text, JSON or YAML data, never an exception escaping."""

from __future__ import annotations

import json
import stat
from collections import deque
from pathlib import Path
from typing import Any

from checker.checks.base import NotCheckable, say
from checker.errors import InputError

__all__ = ["MAX_READ_BYTES", "megabytes", "parse_data", "read_bounded", "walk"]

MAX_READ_BYTES = 10 * 1024 * 1024
"""No evidence file is read beyond this size (10 MiB)."""

_MAX_NODES = 2_000_000


def megabytes(size: int) -> str:
    """A size in MB with one decimal, for messages."""
    return f"{size / (1024 * 1024):.1f}"


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, refusing a file larger than ``limit`` without reading it whole."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise NotCheckable(say("read.not_a_file"))
        if info.st_size > limit:
            raise NotCheckable(say("read.too_large", size=megabytes(info.st_size), limit=megabytes(limit)))
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise NotCheckable(say("read.os", error=exc.strerror or type(exc).__name__)) from None
    if len(raw) > limit:
        raise NotCheckable(say("read.too_large", size=megabytes(len(raw)), limit=megabytes(limit)))
    return raw


def decode_text(raw: bytes) -> str:
    """UTF-8 text (a BOM is dropped); binary content is refused."""
    if not raw.strip():
        raise NotCheckable(say("read.empty"))
    if b"\x00" in raw[:65536]:
        raise NotCheckable(say("read.binary"))
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise NotCheckable(say("read.not_utf8")) from None


def parse_data(raw: bytes, *, yaml: bool = False) -> Any:
    """JSON data (or YAML when ``yaml`` and the text is not JSON), bounded in depth and size."""
    text = decode_text(raw)
    try:
        return json.loads(text)
    except RecursionError:
        raise NotCheckable(say("read.too_deep")) from None
    except ValueError as exc:
        if not yaml or text.lstrip().startswith(("{", "[")):
            raise NotCheckable(say("read.invalid_json", error=str(exc))) from None
    from checker.inputs.yamlload import load_yaml_text

    try:
        return load_yaml_text(text, "evidence").data
    except InputError as exc:  # its message, placed by line and column only (the file is the one being checked)
        first = exc.messages[0]
        where = str(first.params.get("where", "")).removeprefix("evidence").removeprefix(":") or "1"
        raise NotCheckable(
            say("read.invalid_yaml", error=first.model_copy(update={"params": {**first.params, "where": where}}))
        ) from None
    except (RecursionError, ValueError):
        raise NotCheckable(say("read.invalid_yaml", error="?")) from None


def walk(data: Any) -> list[Any]:
    """Every node of ``data`` (dicts, lists and scalars), breadth first, without recursion."""
    out: list[Any] = []
    queue: deque[Any] = deque([data])
    while queue and len(out) < _MAX_NODES:
        node = queue.popleft()
        out.append(node)
        if isinstance(node, dict):
            queue.extend(node.values())
        elif isinstance(node, list):
            queue.extend(node)
    return out
