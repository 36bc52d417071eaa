"""Check the rows of a returned matrix against the referential: header, ids, fingerprints, texts, verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.errors import Location, Message, located, msg
from checker.i18n import LANGS, message
from checker.i18n.aliases import INPUT_ALIASES
from checker.inputs.suggest import did_you_mean
from checker.inputs.textsafe import strip_control
from checker.matrix.layout import MATRIX_COLUMNS, column_number, fingerprint, parse_verdict, same_text, verdict_choices
from checker.model.declaration import MAX_ANSWERS, Status
from checker.model.referential import Requirement
from checker.referential.load import LoadedReferential

__all__ = ["MAX_COMMENT", "CheckedRow", "RowChecker"]

MAX_COMMENT = 20_000
_RESTORE = msg("hint.matrix_restore_row")


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


_VERDICT_WORDS = (*INPUT_ALIASES, *(message(f"status.{s.value}", lang) for s in Status for lang in LANGS))
"""Every word a verdict cell may hold, to suggest the closest (``conformé`` → ``conforme``)."""


class RowChecker:
    """Fed the sheet row by row; collects the auditor's rows and every refusal with its cell."""

    def __init__(self, path: str, sheet: str, ref: LoadedReferential) -> None:
        self.path, self.sheet, self.ref = path, sheet, ref
        self.errors: list[Message] = []
        self.rows: list[CheckedRow] = []
        self.lang = "fr"
        self._seen: dict[str, int] = {}
        self._stopped = False

    def _error(self, key: str, row: int, problem: Message, fix: Message) -> None:
        where = Location(self.path, sheet=self.sheet, cell=f"{_letter(column_number(key))}{row}")
        self.errors.append(located(where, problem, fix))

    def add(self, number: int, cells: list[Any]) -> None:
        """Check row ``number`` (1 is the header)."""
        if self._stopped:
            return
        cells = cells + [None] * (len(MATRIX_COLUMNS) - len(cells))
        if number == 1:
            self._header(cells)
        elif number > MAX_ANSWERS + 1:
            self._error(
                "requirement", number, msg("error.matrix_rows", limit=MAX_ANSWERS), msg("hint.is_this_the_matrix")
            )
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
                    msg("error.matrix_header", found=shown[index], expected=expected),
                    msg("hint.matrix_columns"),
                )
                break
        self._stopped = True

    def _row(self, number: int, cells: dict[str, Any]) -> None:
        req_id = _text(cells["requirement"])
        audited = bool(_text(cells["auditor_verdict"]) or _text(cells["auditor_comment"]))
        if not req_id:
            if audited:
                self._error("requirement", number, msg("error.matrix_no_id"), _RESTORE)
            return
        if req_id in self._seen:
            problem = msg("error.matrix_duplicate_row", requirement=req_id, row=self._seen[req_id])
            self._error("requirement", number, problem, msg("hint.matrix_one_row"))
            return
        self._seen[req_id] = number
        req = self.ref.requirements.get(req_id)
        if req is None:
            self._error("requirement", number, msg("error.matrix_unknown_requirement", requirement=req_id), _RESTORE)
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
            self._error("fingerprint", number, msg("error.matrix_fingerprint"), _RESTORE)
            return False
        if (parts[0], parts[1]) != (ref.id, ref.version):
            problem = msg("error.matrix_row_referential", made=f"{parts[0]} {parts[1]}", used=f"{ref.id} {ref.version}")
            self._error("fingerprint", number, problem, msg("hint.matrix_row_referential"))
            return False
        if hidden != fingerprint(ref.id, ref.version, req.id, req.title, req.statement):
            self._error("requirement", number, msg("error.matrix_row_mismatch", requirement=req.id), _RESTORE)
            return False
        edits = (
            ("title", req.title, "error.matrix_edited_title"),
            ("statement", req.statement, "error.matrix_edited_statement"),
        )
        for key, original, edited in edits:
            if not same_text(_text(cells[key]), original):
                self._error(key, number, msg(edited), _RESTORE)
                return False
        return True

    def _verdict(self, number: int, cell: Any) -> Status | None:
        choices = ", ".join(f"`{word}`" for word in verdict_choices(self.lang))  # the words of the matrix's list
        if _is_formula(cell):
            self._error(
                "auditor_verdict", number, msg("error.matrix_verdict_formula"), msg("hint.pick_one_of", choices=choices)
            )
            return None
        text = _text(cell)
        if not text:
            return None
        status = parse_verdict(text)
        if status is None:
            guess = did_you_mean(text[:60], [*verdict_choices(self.lang), *_VERDICT_WORDS], lookalikes=False)
            pick = msg("hint.pick_one_of", choices=choices)
            hint = msg("hint.guess_then_pick", guess=guess, pick=pick) if guess else pick
            self._error("auditor_verdict", number, msg("error.matrix_unknown_verdict", verdict=text[:60]), hint)
        return status

    def _comment(self, number: int, cell: Any) -> str | None:
        if _is_formula(cell):
            self._error("auditor_comment", number, msg("error.matrix_comment_formula"), msg("hint.matrix_comment_text"))
            return None
        text = strip_control(_text(cell))
        if len(text) > MAX_COMMENT:
            problem = msg("error.matrix_comment_long", length=len(text), limit=MAX_COMMENT)
            self._error("auditor_comment", number, problem, msg("hint.matrix_comment_long"))
            return None
        return text or None
