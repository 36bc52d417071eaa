"""Edit a declaration's evidence lists in place, keeping every comment and the layout outside the edited answers.

The declaration is first loaded and validated by psc-check's strict loader (the caller does it); ruamel.yaml's
round-trip mode is used only to edit. What it writes back is checked line by line: only the edited answers' lines may
change, and every full-line comment of the file is kept, byte for byte, in order. Otherwise the edit is refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

__all__ = ["EvidenceEditor", "EvidenceEntry", "LayoutChangeError", "entries_yaml", "unified_diff"]

ENTRY_KEYS = ("path", "sha256", "collected", "expires", "environment", "kind", "description")
"""The keys of a written evidence item, in the order the examples and ``psc-check init`` use."""


class LayoutChangeError(Exception):
    """The file cannot be edited without changing more than the edited answers (its layout is not one we keep)."""


@dataclass(frozen=True)
class EvidenceEntry:
    """One evidence item to write; None fields are left out."""

    path: str
    sha256: str
    collected: dt.date | None = None
    expires: dt.date | None = None
    environment: str | None = None
    kind: str | None = None
    description: str | None = None

    def values(self) -> Iterator[tuple[str, Any]]:
        for key in ENTRY_KEYS:
            value = getattr(self, key)
            if value is not None:
                yield key, DoubleQuotedScalarString(value) if key == "description" else value


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode: comments, key order, quotes and flow style kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never wrap a long justification
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@dataclass
class EvidenceEditor:
    """A declaration's text, loaded for round-trip editing; ``text()`` gives the edited text, checked."""

    original: str
    _data: Any = field(init=False)
    _edited: set[str] = field(default_factory=set, init=False)
    _spans: dict[str, tuple[int, int]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._bom = self.original.startswith("\ufeff")
        self._crlf = "\r\n" in self.original
        self._plain = self.original.removeprefix("\ufeff").replace("\r\n", "\n")
        self._data = _yaml().load(self._plain)
        self._spans = _answer_spans(self._data, self._plain.count("\n") + 1)

    def has_answer(self, requirement_id: str) -> bool:
        answers = self._data.get("answers")
        return isinstance(answers, Mapping) and requirement_id in answers

    def add(self, requirement_id: str, entry: EvidenceEntry) -> Literal["added", "updated"]:
        """Cite ``entry`` in the answer (created ``not_assessed`` when absent); an item of the same path is updated."""
        answer = self._answer(requirement_id)
        items = self._evidence(requirement_id, answer)
        for item in items:
            if isinstance(item, CommentedMap) and item.get("path") == entry.path:
                self.update(requirement_id, items.index(item), dict(entry.values()))
                return "updated"
        with _trailing_comment_kept(answer):
            new = CommentedMap()
            for key, value in entry.values():
                new[key] = value
            items.append(new)
        return "added"

    def update(self, requirement_id: str, index: int, changes: Mapping[str, Any]) -> None:
        """Set ``changes`` on the answer's evidence item ``index`` (new keys in the usual order)."""
        answer = self._answer(requirement_id)
        item = self._evidence(requirement_id, answer)[index]
        with _trailing_comment_kept(answer):
            for key, value in changes.items():
                if key in item:
                    item[key] = value
                    continue
                after = [k for k in ENTRY_KEYS[: ENTRY_KEYS.index(key)] if k in item] if key in ENTRY_KEYS else []
                position = list(item).index(after[-1]) + 1 if after else len(item)
                item.insert(position, key, value)

    def text(self) -> str:
        """The edited text; raises :class:`LayoutChangeError` if more than the edited answers would change."""
        buffer = io.StringIO()
        _yaml().dump(self._data, buffer)
        new = buffer.getvalue()
        self._check(new)
        if self._crlf:
            new = new.replace("\n", "\r\n")
        return ("\ufeff" if self._bom else "") + new

    def _answer(self, requirement_id: str) -> CommentedMap:
        answers = self._data.get("answers")
        if not isinstance(answers, CommentedMap):
            raise LayoutChangeError("answers")
        if requirement_id not in answers:
            last = next(reversed(answers), None) if answers else None
            with _trailing_comment_kept(answers):
                answers[requirement_id] = CommentedMap(status="not_assessed")
            self._spans[requirement_id] = self._spans[last] if last is not None else (-1, -1)
        self._edited.add(requirement_id)
        answer = answers[requirement_id]
        if not isinstance(answer, CommentedMap):
            raise LayoutChangeError(requirement_id)
        return answer

    def _evidence(self, requirement_id: str, answer: CommentedMap) -> CommentedSeq:
        items = answer.get("evidence")
        if items is None:
            with _trailing_comment_kept(answer):
                keys = list(answer)
                position = keys.index("justification") + 1 if "justification" in keys else min(1, len(keys))
                answer.insert(position, "evidence", CommentedSeq())
            items = answer["evidence"]
        if not isinstance(items, CommentedSeq):
            raise LayoutChangeError(requirement_id)
        items.fa.set_block_style()
        return items

    def _check(self, new: str) -> None:
        old_lines, new_lines = self._plain.splitlines(), new.splitlines()
        if _comments(old_lines) != _comments(new_lines):
            raise LayoutChangeError("comments")
        allowed = [self._spans[r] for r in self._edited]
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag != "equal" and not any(start <= i1 and i2 <= end + 1 for start, end in allowed):
                raise LayoutChangeError(f"line {i1 + 1}")


def _comments(lines: list[str]) -> list[str]:
    return [line for line in lines if line.lstrip().startswith("#")]


def _answer_spans(data: Any, line_count: int) -> dict[str, tuple[int, int]]:
    """Each answer's first and last line (0-based), its trailing comments and blank lines left out."""
    answers = data.get("answers") if isinstance(data, CommentedMap) else None
    if not isinstance(answers, CommentedMap) or not answers:
        return {}
    top = list(data)
    following = top[top.index("answers") + 1 :]
    end_of_answers = data.lc.key(following[0])[0] if following else line_count
    keys = list(answers)
    starts = [answers.lc.key(k)[0] for k in keys]
    ends = [*starts[1:], end_of_answers]
    return {k: (s, e - 1) for k, s, e in zip(keys, starts, ends, strict=True)}


@dataclass
class _Slot:
    container: CommentedBase
    key: Any
    index: int
    """Where in the container's comment entry the comment after the value sits (2 for a mapping, 0 for a list)."""


def _last_slots(node: Any) -> list[_Slot]:
    """The chain of last elements under ``node``, outermost first."""
    out: list[_Slot] = []
    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        if isinstance(node, CommentedMap):
            key: Any = next(reversed(node))
            out.append(_Slot(node, key, 2))
        else:
            key = len(node) - 1
            out.append(_Slot(node, key, 0))
        node = node[key]
    return out


class _trailing_comment_kept:  # noqa: N801 - used as a context manager, named like one
    """Move the comment lines that follow ``node``'s last value (the next answer's heading) to its new last value.

    ruamel keeps a trailing comment on the element it followed; appending after that element would put the new
    element after the comment, under the next answer's heading.
    """

    def __init__(self, node: CommentedBase) -> None:
        self.node = node
        self.moved: Any = None

    def __enter__(self) -> None:
        for slot in reversed(_last_slots(self.node)):
            entry = slot.container.ca.items.get(slot.key)
            token = entry[slot.index] if entry and len(entry) > slot.index else None
            if token is None:
                continue
            head, newline, rest = token.value.partition("\n")
            if not rest:
                return
            self.moved = token
            if head.strip():
                kept = type(token)(head + newline, token.start_mark, token.end_mark)
                entry[slot.index] = kept
            else:
                entry[slot.index] = None
            token.value = "\n" + rest
            return

    def __exit__(self, *exc: object) -> None:
        if self.moved is None:
            return
        slots = _last_slots(self.node)
        if not slots:
            return
        slot = slots[-1]
        entry = slot.container.ca.items.setdefault(slot.key, [None, None, None, None])
        while len(entry) <= slot.index:
            entry.append(None)
        current = entry[slot.index]
        if current is not None and current.value.strip():  # an end-of-line comment: the moved lines follow it
            self.moved.value = current.value.rstrip("\n") + self.moved.value
        entry[slot.index] = self.moved


def entries_yaml(requirement_id: str, entries: list[EvidenceEntry]) -> str:
    """The YAML to paste under ``answers:`` for ``entries`` (used by ``--dry-run``)."""
    items = CommentedSeq()
    for entry in entries:
        item = CommentedMap()
        for key, value in entry.values():
            item[key] = value
        items.append(item)
    buffer = io.StringIO()
    _yaml().dump({"answers": {requirement_id: {"evidence": items}}}, buffer)
    return buffer.getvalue()


def unified_diff(old: str, new: str, name: str) -> str:
    """The unified diff of a file's old and new text (empty when equal)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=name, tofile=name, n=2
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
