"""``import-matrix``: an auditor's returned matrix merged into an audit file, written atomically."""

from __future__ import annotations

from checker.app.write import write_atomic
from checker.matrix.importer import ImportRequest, ImportResult, import_audit

__all__ = ["ImportRequest", "run_import_matrix"]


def run_import_matrix(request: ImportRequest) -> ImportResult:
    """Import the matrix and write the audit file at ``request.output`` (never over one of the files read)."""
    result = import_audit(request)
    write_atomic(request.output, result.text.encode("utf-8"), inputs=result.inputs)
    return result
