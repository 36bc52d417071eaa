"""The evidence matrix's layout, shared by the xlsx writer and the importer: sheets, columns, fingerprints."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from checker.i18n import LANGS, message
from checker.inputs.textsafe import cell_text
from checker.model.declaration import STATUS_ALIASES, Status

__all__ = [
    "ABOUT_FIELDS",
    "LEGACY_WIDTH",
    "MATRIX_COLUMNS",
    "MATRIX_FORMAT",
    "READABLE_FORMATS",
    "SHEETS",
    "Column",
    "column_number",
    "fingerprint",
    "parse_verdict",
    "same_text",
    "sheet_names",
    "verdict_choices",
]

MATRIX_FORMAT = "3"
"""Version of the matrix layout (2: the source column after the statement; 3: the expected evidence and the
remediation after the assurance, every code shown by its label)."""

READABLE_FORMATS = ("2", "3")
"""The layouts ``import-matrix`` reads: the columns it reads (id, title, statement, verdict, comment, fingerprint)
sit at the same place in both; the columns added since are output only."""

SHEETS = ("summary", "matrix", "evidence", "habilitations", "parcours", "waivers", "about")
"""Sheet keys in workbook order; each name is the catalogue label ``sheet.<key>``. The ``waivers`` sheet is written
only when the report has waivers (dérogations)."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    """Catalogue key of the header."""
    width: float
    """In characters of the workbook's font. The visible widths add up to about 270, so that the sheet, fit to the
    width of an A3 landscape page, prints its 10-point text at 7.5 points or more (LibreOffice with Carlito, or
    Excel with Calibri); longer text wraps onto more lines."""


MATRIX_COLUMNS = (
    Column("requirement", "label.requirement", 11),
    Column("theme", "label.theme", 11),
    Column("title", "label.title", 15),
    Column("statement", "label.statement", 24),
    Column("source", "label.matrix_source", 29),
    Column("actors", "label.actors", 14),
    Column("levels", "label.levels", 10),
    Column("obligation", "label.obligation", 12),
    Column("declared_status", "label.declared_status", 11),
    Column("outcome", "label.outcome", 11),
    Column("reasons", "label.reasons", 15),
    Column("justification", "label.justification", 16),
    Column("evidence", "label.evidence", 16),
    Column("auditor_verdict", "label.auditor_verdict", 12),
    Column("auditor_comment", "label.auditor_comment", 15),
    Column("fingerprint", "matrix.fingerprint", 24),
    Column("assurance", "label.assurance", 15),
    Column("expected_evidence", "label.expected_evidence", 15),
    Column("remediation", "label.matrix_remediation", 16),
)

LEGACY_WIDTH = 17
"""The columns of a format-2 matrix (A to Q, up to the assurance)."""

ABOUT_FIELDS = (
    "tool",
    "tool_version",
    "matrix_format",
    "referential_id",
    "referential_title",
    "referential_version",
    "referential_sha256",
    "edition_status",
    "declaration",
    "declaration_sha256",
    "as_of",
    "lang",
    "audit_file",
    "audit_sha256",
    "instructions",
)
"""Rows of the ``À propos`` sheet (row 2 onwards), each labelled ``label.<field>``; values in column B."""


def column_number(key: str) -> int:
    """1-based column of ``key`` in the ``Matrice`` sheet."""
    for index, column in enumerate(MATRIX_COLUMNS, start=1):
        if column.key == key:
            return index
    raise KeyError(key)


def sheet_names(key: str) -> tuple[str, ...]:
    """The names sheet ``key`` may carry (one per language)."""
    return tuple(dict.fromkeys(message(f"sheet.{key}", lang) for lang in LANGS))


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def same_text(shown: str, original: str) -> bool:
    """Whether a cell still shows ``original`` (as written in the matrix, whitespace aside)."""
    return _normal(shown) == _normal(cell_text(original)[0])


def fingerprint(referential_id: str, referential_version: str, requirement_id: str, title: str, statement: str) -> str:
    """``id|version|sha256`` of a requirement's text as the matrix shows it (whitespace-insensitive)."""
    parts = [requirement_id, _normal(cell_text(title)[0]), _normal(cell_text(statement)[0])]
    digest = hashlib.sha256("\x1f".join([referential_id, referential_version, *parts]).encode("utf-8")).hexdigest()
    return f"{referential_id}|{referential_version}|{digest}"


_VERDICTS = (Status.COMPLIANT, Status.PARTIAL, Status.NON_COMPLIANT, Status.NOT_APPLICABLE, Status.NOT_ASSESSED)


def verdict_choices(lang: str) -> list[str]:
    """The labels offered by the verdict drop-down, in ``lang``."""
    return [message(f"status.{status.value}", lang) for status in _VERDICTS]


def _verdict_words() -> dict[str, Status]:
    words: dict[str, Status] = {}
    for status in _VERDICTS:
        words[status.value] = status
        for lang in LANGS:
            words[message(f"status.{status.value}", lang)] = status
    words.update(STATUS_ALIASES)
    return {_key(word): status for word, status in words.items()}


def _key(word: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", word).casefold().replace("_", " ").replace("-", " ").split())


def parse_verdict(text: str) -> Status | None:
    """The status a verdict cell names (a label in either language, a code or a French alias), else None."""
    return _verdict_words().get(_key(text))
