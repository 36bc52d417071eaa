"""Declarations that ``extends:`` an organisation-level file: resolve the chain, merge, remember each answer's file."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from checker.errors import InputError, Location, msg
from checker.inputs.limits import EXTENDS_OUTSIDE_VARIABLE, MAX_DECLARATION_BYTES, MAX_EXTENDS_CHAIN
from checker.inputs.readfile import real_path
from checker.inputs.textsafe import shown
from checker.inputs.yamlload import YamlDocument, load_yaml_file

__all__ = ["MAX_CHAIN", "MAX_PARENT_LEVELS", "OUTSIDE_VARIABLE", "Layered", "LayeredDocument", "load_layers"]

MAX_CHAIN = MAX_EXTENDS_CHAIN
MAX_PARENT_LEVELS = 3
"""How far up ``extends:`` may reach with ``--allow-extends-outside``; without it, only the declaration's own tree."""
OUTSIDE_VARIABLE = EXTENDS_OUTSIDE_VARIABLE
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class LayeredDocument(YamlDocument):
    """The merged data, located in the file each part came from (the declaration first, then what it extends)."""

    __slots__ = ("answer_docs", "layers")

    def __init__(self, layers: list[YamlDocument], data: Any, answer_docs: dict[str, YamlDocument]) -> None:
        super().__init__(layers[0].name, layers[0].text, data)
        self.layers = layers
        self.answer_docs = answer_docs

    def _owner(self, path: Sequence[str | int]) -> YamlDocument:
        if len(path) >= 2 and path[0] == "answers" and str(path[1]) in self.answer_docs:
            return self.answer_docs[str(path[1])]
        for layer in self.layers:
            node: Any = layer.data
            for part in path[:2]:
                if isinstance(node, list) and isinstance(part, int):  # a list item (a waiver): the layer that has it
                    node = node[part] if 0 <= part < len(node) else None
                else:
                    node = node.get(str(part)) if isinstance(node, dict) else None
            if node is not None:
                return layer
        return self.layers[0]

    def line_column(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        return self._owner(path).line_column(path, key=key)

    def location(self, path: Sequence[str | int], *, key: bool = False) -> Location:
        owner = self._owner(path)
        line, column = owner.line_column(path, key=key)
        return Location(owner.name, line, column)


@dataclass(frozen=True)
class Layered:
    document: YamlDocument
    files: tuple[Path, ...]
    answer_files: dict[str, Path]
    sha256: str
    """Hash of the declaration's text, or of every file's text in order when it extends others."""


def _base_path(doc: YamlDocument, path: Path) -> Path | None:
    data = doc.data
    if not isinstance(data, dict) or data.get("extends") is None:
        return None
    raw = data["extends"]
    where = doc.location(["extends"])
    if not isinstance(raw, str) or not raw.strip():
        raise InputError.at(where, msg("error.extends_expected_path"), msg("hint.extends_example"))
    if _CONTROL.search(raw):
        raise InputError.at(
            where,
            msg("error.extends_control", path=shown(raw)),
            msg("hint.extends_control"),
        )
    pure = PurePosixPath(raw.replace("\\", "/"))
    ups = 0
    for part in pure.parts:
        if part != "..":
            break
        ups += 1
    reach = MAX_PARENT_LEVELS if os.environ.get(OUTSIDE_VARIABLE) == "1" else 0
    if pure.is_absolute() or ".." in pure.parts[ups:] or ups > reach:
        raise InputError.at(
            where,
            msg("error.extends_leaves", path=shown(raw)),
            msg("hint.extends_up_to", levels=MAX_PARENT_LEVELS)
            if reach
            else msg("hint.extends_inside", levels=MAX_PARENT_LEVELS),
        )
    target = Path(os.path.normpath(path.parent / Path(*pure.parts)))
    root = real_path(path.parent)
    for _ in range(ups):
        root = root.parent
    if root not in real_path(target).parents:  # a symbolic link in the tree pointing elsewhere
        raise InputError.at(
            where,
            msg("error.extends_link", path=shown(raw)),
            msg("hint.extends_copy"),
        )
    return target


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = {k: v for k, v in base.items() if k != "extends"}
    for key, value in child.items():
        if key == "extends":
            continue
        if key in ("answers", "features") and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        elif key == "habilitations" and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {
                rel: _habilitations(merged[key].get(rel), value.get(rel))
                for rel in ("held", "relied_upon")
                if merged[key].get(rel) is not None or value.get(rel) is not None
            }
        else:
            merged[key] = value
    return merged


def _habilitations(base: Any, child: Any) -> Any:
    """Child entries replace base entries of the same actor and reference; others are kept."""
    if not isinstance(base, list) or not isinstance(child, list):
        return child if child is not None else base
    keys = {(h.get("actor"), h.get("reference")) for h in child if isinstance(h, dict)}
    return [h for h in base if not (isinstance(h, dict) and (h.get("actor"), h.get("reference")) in keys)] + child


def load_layers(path: Path) -> Layered:
    """Load ``path`` and every file it extends, merged; each answer remembers its file."""
    layers = [load_yaml_file(path, max_bytes=MAX_DECLARATION_BYTES, what=msg("what.declaration"))]
    files = [path]
    seen = {real_path(path)}
    while (base := _base_path(layers[-1], files[-1])) is not None:
        if real_path(base) in seen:
            raise InputError.at(
                layers[-1].location(["extends"]), msg("error.extends_circular"), msg("hint.remove_loop")
            )
        if len(layers) >= MAX_CHAIN:
            raise InputError.at(
                layers[-1].location(["extends"]), msg("error.extends_too_long", limit=MAX_CHAIN), msg("hint.flatten")
            )
        seen.add(real_path(base))
        layers.append(load_yaml_file(base, max_bytes=MAX_DECLARATION_BYTES, what=msg("what.declaration")))
        files.append(base)
    digest = hashlib.sha256("\x00".join(doc.text for doc in layers).encode("utf-8")).hexdigest()
    if len(layers) == 1:
        return Layered(layers[0], (path,), {}, digest)
    merged: dict[str, Any] = {}
    answer_docs: dict[str, YamlDocument] = {}
    answer_files: dict[str, Path] = {}
    for doc, file in reversed(list(zip(layers, files, strict=True))):
        if not isinstance(doc.data, dict):
            raise InputError.at(Location(doc.name, 1, 1), msg("error.top_mapping"), msg("hint.write_key_value"))
        merged = _merge(merged, doc.data)
        for req_id in doc.data.get("answers") or {}:
            answer_docs[str(req_id)] = doc
            answer_files[str(req_id)] = file
    return Layered(LayeredDocument(layers, merged, answer_docs), tuple(files), answer_files, digest)
