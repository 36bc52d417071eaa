"""Check the rows of a returned matrix against the referential: header, ids, fingerprints, texts, verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.errors import Location
from checker.i18n import LANGS, message
from checker.inputs.textsafe import strip_control
from checker.matrix.layout import MATRIX_COLUMNS, column_number, fingerprint, parse_verdict, same_text, verdict_choices
from checker.model.declaration import MAX_ANSWERS, Status
from checker.model.referential import Requirement
from checker.referential.load import LoadedReferential

__all__ = ["MAX_COMMENT", "CheckedRow", "RowChecker"]

MAX_COMMENT = 20_000
_RESTORE = "restore the row as psc-check wrote it (remarks go in the comment column)"


@dataclass(frozen=True)
class CheckedRow:
    requirement_id: str
    verdict: Status | None
    comment: str | None


def _text(cell: Any) -> str:
    value = getattr(cell, "value", None)
    return "" if value is None else str(value).strip()


def _is_formula(cell: Any) -> bool:
    return getattr(cell, "data_type", None) == "f"


def _letter(column: int) -> str:
    return chr(ord("A") + column - 1)


_OUTPUT_ONLY = frozenset({"assurance", "expected_evidence", "remediation"})
"""Columns psc-check writes and never reads back (a matrix exported before them is still imported)."""


class RowChecker:
    """Fed the sheet row by row; collects the auditor's rows and every refusal with its cell."""

    def __init__(self, path: str, sheet: str, ref: LoadedReferential) -> None:
        self.path, self.sheet, self.ref = path, sheet, ref
        self.errors: list[str] = []
        self.rows: list[CheckedRow] = []
        self.lang = "fr"
        self._seen: dict[str, int] = {}
        self._stopped = False

    def _error(self, key: str, row: int, problem: str, fix: str) -> None:
        where = Location(self.path, sheet=self.sheet, cell=f"{_letter(column_number(key))}{row}")
        self.errors.append(f"{where}: {problem} — {fix}")

    def add(self, number: int, cells: list[Any]) -> None:
        """Check row ``number`` (1 is the header)."""
        if self._stopped:
            return
        cells = cells + [None] * (len(MATRIX_COLUMNS) - len(cells))
        if number == 1:
            self._header(cells)
        elif number > MAX_ANSWERS + 1:
            self._error("requirement", number, f"more than {MAX_ANSWERS} rows", "is this the matrix?")
            self.errors.insert(0, self.errors.pop())  # the limit first: the rows' own errors follow
            self._stopped = True
        else:
            self._row(number, {c.key: cells[i] for i, c in enumerate(MATRIX_COLUMNS)})

    def _header(self, cells: list[Any]) -> None:
        shown = [_text(c) for c in cells]
        for lang in LANGS:
            if all(
                shown[i] == message(c.label, lang) or (c.key in _OUTPUT_ONLY and not shown[i])
                for i, c in enumerate(MATRIX_COLUMNS)
            ):
                self.lang = lang
                return
        for index, column in enumerate(MATRIX_COLUMNS):
            if column.key in _OUTPUT_ONLY and not shown[index]:
                continue
            if shown[index] not in {message(column.label, lang) for lang in LANGS}:
                expected = message(column.label, "fr")
                self._error(
                    column.key,
                    1,
                    f"column header `{shown[index]}` where `{expected}` was expected",
                    "do not insert, move or delete columns: start again from the matrix psc-check produced",
                )
                break
        self._stopped = True

    def _row(self, number: int, cells: dict[str, Any]) -> None:
        req_id = _text(cells["requirement"])
        audited = bool(_text(cells["auditor_verdict"]) or _text(cells["auditor_comment"]))
        if not req_id:
            if audited:
                self._error("requirement", number, "verdict or comment on a row without requirement id", _RESTORE)
            return
        if req_id in self._seen:
            fix = "keep one row per requirement"
            self._error("requirement", number, f"requirement `{req_id}` is already on row {self._seen[req_id]}", fix)
            return
        self._seen[req_id] = number
        req = self.ref.requirements.get(req_id)
        if req is None:
            self._error("requirement", number, f"unknown requirement `{req_id}` (id edited?)", _RESTORE)
            return
        if not self._matches(number, req, cells):
            return
        before = len(self.errors)
        verdict = self._verdict(number, cells["auditor_verdict"])
        comment = self._comment(number, cells["auditor_comment"])
        if len(self.errors) == before and (verdict is not None or comment is not None):
            self.rows.append(CheckedRow(req_id, verdict, comment))

    def _matches(self, number: int, req: Requirement, cells: dict[str, Any]) -> bool:
        ref = self.ref
        hidden = _text(cells["fingerprint"])
        parts = hidden.split("|")
        if len(parts) != 3:
            self._error("fingerprint", number, "the hidden fingerprint is missing or altered", _RESTORE)
            return False
        if (parts[0], parts[1]) != (ref.id, ref.version):
            problem = f"row made from referential {parts[0]} {parts[1]}, this import uses {ref.id} {ref.version}"
            fix = "import with the edition the matrix was made from (--referentiel), or export a new matrix"
            self._error("fingerprint", number, problem, fix)
            return False
        if hidden != fingerprint(ref.id, ref.version, req.id, req.title, req.statement):
            problem = f"the row does not match requirement `{req.id}` (id edited, or row taken from another matrix)"
            self._error("requirement", number, problem, _RESTORE)
            return False
        for key, original in (("title", req.title), ("statement", req.statement)):
            if not same_text(_text(cells[key]), original):
                self._error(key, number, f"the requirement's {key} was edited", _RESTORE)
                return False
        return True

    def _verdict(self, number: int, cell: Any) -> Status | None:
        choices = ", ".join(verdict_choices(self.lang))
        if _is_formula(cell):
            self._error("auditor_verdict", number, "a formula in a verdict cell", f"pick one of: {choices}")
            return None
        text = _text(cell)
        if not text:
            return None
        status = parse_verdict(text)
        if status is None:
            self._error("auditor_verdict", number, f"unknown verdict `{text[:60]}`", f"pick one of: {choices}")
        return status

    def _comment(self, number: int, cell: Any) -> str | None:
        if _is_formula(cell):
            fix = "type the comment as text (start it with an apostrophe if it must begin with =)"
            self._error("auditor_comment", number, "a formula in a comment cell", fix)
            return None
        text = strip_control(_text(cell))
        if len(text) > MAX_COMMENT:
            fix = "shorten it, or point to a separate document"
            self._error(
                "auditor_comment", number, f"comment too long ({len(text)} characters, limit {MAX_COMMENT})", fix
            )
            return None
        return text or None
