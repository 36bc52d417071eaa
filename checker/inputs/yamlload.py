"""Strict, safe YAML loading shared by every YAML input (referential, declaration, audit)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.resolver import BaseResolver

from checker.errors import InputError, Location, Message, msg
from checker.inputs.limits import MAX_YAML_DEPTH
from checker.inputs.readfile import read_input

__all__ = ["MAX_YAML_BYTES", "YamlDocument", "decode_yaml", "load_yaml_file", "load_yaml_text", "read_yaml_bytes"]

MAX_YAML_BYTES = 20 * 1024 * 1024
"""Largest YAML input accepted (20 MiB)."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_DEFAULT_TAGS: dict[type[yaml.Node], str] = {
    yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG,
}

try:
    _Base: type[yaml.BaseLoader] | type[yaml.CBaseLoader] = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.BaseLoader


class _StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """Every scalar stays a string (YAML 1.2-like); aliases, merges, duplicates are refused."""

    source_name = "<yaml>"

    # The base resolver has no implicit or path resolvers: every node gets its kind's default tag. Answering that
    # directly spares libyaml's composer three Python calls per node (a fifth of the parse of a large file).
    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def _fail(self, node: yaml.Node, message: Message, hint: Message) -> InputError:
        mark = node.start_mark
        return InputError.at(Location(self.source_name, mark.line + 1, mark.column + 1), message, hint)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise self._fail(
                node,
                msg("error.yaml_alias"),
                msg("hint.yaml_alias"),
            )
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS:
            self.constructed_objects[node] = None
            return None
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Hashable, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise self._fail(node, msg("error.yaml_expected_mapping"), msg("hint.key_value_lines"))
        result: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._fail(key_node, msg("error.yaml_key_not_string"), msg("hint.yaml_simple_key"))
            if key_node in self.constructed_objects:  # the same node met twice: an alias as a key, or of a key
                raise self._fail(
                    key_node,
                    msg("error.yaml_alias"),
                    msg("hint.yaml_alias_key"),
                )
            key = key_node.value
            self.constructed_objects[key_node] = key
            if key == "<<" and not key_node.style:
                raise self._fail(key_node, msg("error.yaml_merge_key"), msg("hint.yaml_merge_key"))
            if key in result:
                raise self._fail(key_node, msg("error.yaml_duplicate_key", name=key), msg("hint.yaml_duplicate_key"))
            result[key] = self.construct_object(value_node, deep=True)
        return result


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        raise InputError.at(Location(name), msg("error.utf16"), msg("hint.save_utf8"))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError.at(Location(name, line), msg("error.nul_byte"), msg("hint.remove_binary"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.at(Location(name, line), msg("error.not_utf8"), msg("hint.save_utf8_not_latin1")) from None
    return text.removeprefix("\ufeff")


class YamlDocument:
    """A parsed YAML document: plain data plus the text, kept to locate errors lazily."""

    __slots__ = ("_maps", "_marks", "_root", "data", "name", "text")

    def __init__(self, name: str, text: str, data: Any, marks: _Marks | None = None) -> None:
        self.name = name
        self.text = text
        self.data = data
        self._root: yaml.Node | bool | None = False
        self._maps: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}
        self._marks = marks or {}
        """(line, column) of the keys and values one and two levels down, kept from the first parse: the lines a
        report gives (each answer's) need no second parse of the file."""

    def _node(self) -> yaml.Node | None:
        if self._root is False:
            self._root = _compose(self.text)
        return self._root if isinstance(self._root, yaml.Node) else None

    def line_column(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value (or key) at ``path``, or of its nearest existing parent."""
        if 0 < len(path) <= 2:
            known = self._marks.get((key, *map(str, path)))
            if known is not None:
                return known
        return _walk(self._node(), path, key=key, maps=self._maps)

    def location(self, path: Sequence[str | int], *, key: bool = False) -> Location:
        """Location of the value (or of its key) at ``path``; the nearest existing parent otherwise."""
        line, column = self.line_column(path, key=key)
        return Location(self.name, line, column)


def load_yaml_text(text: str, name: str) -> YamlDocument:
    """Parse ``text`` strictly; raise :class:`InputError` with ``name:line:column`` on any problem."""
    loader = _StrictLoader(text)
    loader.source_name = name
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except InputError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        raise InputError.at(
            where, msg("error.yaml_invalid", problem=_problem(str(exc.problem or exc.context))), _syntax_hint(exc, text)
        ) from None
    except yaml.YAMLError as exc:
        raise InputError.at(
            Location(name), msg("error.yaml_invalid", problem=str(exc)), msg("hint.check_syntax")
        ) from None
    except RecursionError:
        raise InputError.at(
            Location(name), msg("error.nesting_too_deep"), msg("hint.nesting_too_deep", depth=MAX_YAML_DEPTH)
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(name, text, data, _top_marks(node))


_Marks = dict[tuple[Any, ...], tuple[int, int]]
"""(is_key, first key, [second key]) → 1-based (line, column)."""


def _top_marks(root: yaml.Node | None) -> _Marks:
    """The places of the top-level keys and values, and of the keys and values of each top-level mapping."""
    marks: _Marks = {}
    if not isinstance(root, yaml.MappingNode):
        return marks
    for key_node, value_node in root.value:
        first = key_node.value
        if (True, first) in marks:  # never: duplicate keys are refused while constructing
            continue
        marks[True, first] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        marks[False, first] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        if isinstance(value_node, yaml.MappingNode):
            for inner_key, inner_value in value_node.value:
                if isinstance(inner_key, yaml.ScalarNode) and (True, first, inner_key.value) not in marks:
                    key_mark, value_mark = inner_key.start_mark, inner_value.start_mark
                    marks[True, first, inner_key.value] = (key_mark.line + 1, key_mark.column + 1)
                    marks[False, first, inner_key.value] = (value_mark.line + 1, value_mark.column + 1)
    return marks


_PROBLEMS = {
    "did not find expected node content": "yaml.no_node_content",
    "exceeded maximum nesting depth": "yaml.nesting_depth",
    "found a tab character that violates indentation": "yaml.tab_indentation",
    "found a tab character where an indentation space is expected": "yaml.tab_indentation",
    "found character that cannot start any token": "yaml.cannot_start_token",
    "mapping values are not allowed in this context": "yaml.mapping_not_allowed",
    "mapping values are not allowed here": "yaml.mapping_not_allowed",
    "did not find expected key": "yaml.no_key",
    "did not find expected '-' indicator": "yaml.no_dash",
    "could not find expected ':'": "yaml.no_colon",
    "found unexpected end of stream": "yaml.end_of_stream",
    "found unknown escape character": "yaml.unknown_escape",
    "did not find expected comment or line break": "yaml.no_line_break",
    "block sequence entries are not allowed in this context": "yaml.sequence_not_allowed",
    "did not find expected ',' or ']'": "yaml.no_bracket",
    "did not find expected ',' or '}'": "yaml.no_brace",
    "found undefined alias": "yaml.undefined_alias",
}
"""libyaml's most frequent problems, in the user's language; another one is shown as libyaml words it."""


def _problem(words: str) -> Message:
    key = _PROBLEMS.get(words)
    return msg(key) if key else Message.literal(words)


def _syntax_hint(exc: yaml.MarkedYAMLError, text: str) -> Message:
    """What to do about a syntax error: tabs and nesting get their own advice."""
    problem = str(exc.problem or "")
    mark = exc.problem_mark
    if "tab" in problem or (mark is not None and text[mark.index : mark.index + 1] == "\t"):
        return msg("hint.yaml_tabs")
    if "nesting depth" in problem:
        return msg("hint.yaml_nesting", depth=MAX_YAML_DEPTH)
    return msg("hint.fix_syntax_here")


def load_yaml_file(path: Path, *, max_bytes: int = MAX_YAML_BYTES, what: Message | None = None) -> YamlDocument:
    """Read and parse a YAML file strictly (a regular file, at most ``max_bytes``, UTF-8 only)."""
    return load_yaml_text(decode_yaml(read_yaml_bytes(path, max_bytes=max_bytes, what=what), str(path)), str(path))


def read_yaml_bytes(path: Path, *, max_bytes: int = MAX_YAML_BYTES, what: Message | None = None) -> bytes:
    """The bytes of a YAML file, read as :func:`load_yaml_file` reads them (a regular file, at most ``max_bytes``)."""
    return read_input(path, max_bytes, what=what or msg("what.yaml_file"), hint=msg("hint.give_yaml_path"))


def decode_yaml(raw: bytes, name: str) -> str:
    """The text of a YAML file's bytes, refused as :func:`load_yaml_file` refuses it (UTF-8 only, not empty)."""
    text = _decode(raw, name)
    if not text.strip():
        raise InputError.at(Location(name), msg("error.file_empty"), msg("hint.write_yaml_content"))
    return text


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_StrictLoader)  # nodes and marks only: the strict loader's fast tagging
    except (yaml.YAMLError, RecursionError):
        return None


def _walk(
    node: yaml.Node | None,
    path: Sequence[str | int],
    *,
    key: bool,
    maps: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]],
) -> tuple[int, int]:
    """Follow ``path`` down the node tree; ``maps`` caches each mapping's key index (look-ups, not scans)."""
    if node is None:
        return 1, 1
    mark = node.start_mark
    for index, part in enumerate(path):
        last = index == len(path) - 1
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            index_of = maps.get(id(node))
            if index_of is None:
                index_of = {}
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        index_of.setdefault(key_node.value, (key_node, value_node))
                maps[id(node)] = index_of
            pair = index_of.get(str(part))
            if pair is not None:
                child = pair[0] if (last and key) else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
        mark = node.start_mark
    return mark.line + 1, mark.column + 1
