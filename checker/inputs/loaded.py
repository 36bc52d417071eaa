"""A YAML file read strictly and validated against a model, kept with its path, hash and parsed document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Self, TypeVar

from pydantic import BaseModel

from checker.errors import InputError, Message
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import YamlDocument, load_yaml_file

__all__ = ["LoadedFile", "text_sha256"]

M = TypeVar("M", bound=BaseModel)


def text_sha256(text: str) -> str:
    """The SHA-256 of ``text`` encoded in UTF-8, in hexadecimal (the hash every report records of an input)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LoadedFile(Generic[M]):
    """A validated file: its model, path, hash and parsed document (kept to place later messages)."""

    model: M
    path: Path
    sha256: str
    document: YamlDocument = field(repr=False, compare=False)

    @classmethod
    def load(
        cls,
        path: Path,
        model: type[M],
        *,
        max_bytes: int,
        what: Message,
        problems: Callable[[M, YamlDocument], list[Message]],
    ) -> Self:
        """Read ``path`` strictly, validate it as ``model``, then raise :class:`InputError` if ``problems`` finds any."""
        doc = load_yaml_file(path, max_bytes=max_bytes, what=what)
        validated = validate_document(doc, model)
        errors = problems(validated, doc)
        if errors:
            raise InputError(errors)
        return cls(model=validated, path=path, sha256=text_sha256(doc.text), document=doc)
