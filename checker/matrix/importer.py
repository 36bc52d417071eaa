"""``import-matrix``: turn a returned matrix into an audit file's content, merged into an earlier audit file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.declaration.files import declaration_inputs
from checker.declaration.load import LoadedDeclaration, load_declaration
from checker.errors import InputError, Location, Message, UsageError, located, msg
from checker.evaluation.audit import audit_errors
from checker.inputs.files import refuse_input_overwrite
from checker.inputs.limits import MAX_AUDIT_BYTES
from checker.inputs.textsafe import strip_control
from checker.inputs.validation import validate_document
from checker.inputs.yamlload import load_yaml_file, load_yaml_text
from checker.matrix.read import MatrixContent, read_matrix
from checker.model.audit import Audit, Auditor, AuditReference, Verdict
from checker.model.declaration import Status
from checker.referential.load import LoadedReferential, load_referential

__all__ = ["ImportRequest", "ImportResult", "dump_audit", "import_audit", "merge_rows"]

_HEADER = "# psc-check audit file: an auditor's verdicts per requirement (written by psc-check import-matrix).\n"


@dataclass(frozen=True)
class ImportRequest:
    """What ``psc-check import-matrix`` was asked to import."""

    matrix: Path
    declaration: Path
    output: Path
    date: dt.date
    referential: Path | None = None
    auditor: str | None = None
    force: bool = False
    """Replace an existing audit file instead of merging into it."""


@dataclass(frozen=True)
class ImportResult:
    audit: Audit
    new: int
    changed: int
    kept: int
    warnings: tuple[Message, ...] = ()
    """What the matrix holds that was not imported, or imported from hidden rows."""
    text: str = ""
    """The audit file's content, to write at the request's ``output``."""
    inputs: tuple[Path, ...] = ()
    """The files read, which that write must never replace."""

    @property
    def not_assessed(self) -> int:
        """Verdicts "non évalué" in the audit file: kept and counted, but they decide no outcome."""
        return sum(1 for v in self.audit.verdicts.values() if v.verdict is Status.NOT_ASSESSED)


def import_audit(request: ImportRequest) -> ImportResult:
    """Read the matrix, check it against the referential and declaration, merge: the audit file's content."""
    ref = load_referential(request.referential)
    decl = load_declaration(request.declaration, ref)
    inputs = [request.matrix, *declaration_inputs(decl), ref.path]
    refuse_input_overwrite(request.output, inputs)
    content = read_matrix(request.matrix, ref)
    _check_declaration(request.matrix, content, decl)
    earlier = None if request.force else _earlier(request.output, ref, decl)
    name = strip_control(request.auditor or "").strip() or (earlier.auditor.name if earlier else "")
    if not name:
        raise UsageError(msg("error.auditor_needed"))
    organisation = earlier.auditor.organisation if earlier and earlier.auditor.name == name else None
    verdicts, counts = merge_rows(earlier.verdicts if earlier else {}, content, request.date)
    audit = Audit(
        reference=AuditReference(
            referential_id=ref.id, referential_version=ref.version, declaration_sha256=decl.sha256
        ),
        auditor=Auditor(name=name[:200], organisation=organisation),
        date=request.date,
        verdicts=verdicts,
    )
    text = dump_audit(audit)
    if validate_document(load_yaml_text(text, str(request.output)), Audit).model_dump() != audit.model_dump():
        raise RuntimeError("the audit file would not read back identically")
    return ImportResult(audit, *counts, warnings=tuple(content.warnings), text=text, inputs=tuple(inputs))


def _check_declaration(path: Path, content: MatrixContent, decl: LoadedDeclaration) -> None:
    made_from = content.about.get("declaration_sha256", "")
    if made_from != decl.sha256:
        raise InputError.at(
            Location(str(path), sheet=_about_name(content), cell=content.about_cells.get("declaration_sha256")),
            msg(
                "error.matrix_other_declaration", made=made_from[:12] or "—", path=str(decl.path), used=decl.sha256[:12]
            ),
            msg("hint.matrix_other_declaration"),
        )


def _about_name(content: MatrixContent) -> str:
    from checker.i18n import message

    return message("sheet.about", content.about.get("lang") or "fr")


def _earlier(path: Path, ref: LoadedReferential, decl: LoadedDeclaration) -> Audit | None:
    if path.is_dir():
        raise InputError.at(Location(str(path)), msg("error.is_folder"), msg("hint.give_audit_path"))
    if not path.exists():
        return None
    try:
        doc = load_yaml_file(path, max_bytes=MAX_AUDIT_BYTES, what=msg("what.audit"))
        model = validate_document(doc, Audit)
    except InputError as error:
        shown = error.messages[:5]
        refusal = located(str(path), msg("error.audit_not_completable"), msg("hint.other_output_or_force"))
        raise InputError([*shown, refusal]) from None
    errors = audit_errors(model, doc, ref, decl.sha256)
    if errors:
        raise InputError([*errors, located(str(path), msg("error.audit_not_mergeable"), msg("hint.force_replace"))])
    return model


def merge_rows(
    earlier: dict[str, Verdict], content: MatrixContent, day: dt.date
) -> tuple[dict[str, Verdict], tuple[int, int, int]]:
    """Earlier verdicts updated by the matrix's rows; an empty cell never erases what was there."""
    merged = dict(earlier)
    new = changed = 0
    for row in content.rows:
        before = earlier.get(row.requirement_id)
        verdict = row.verdict or (before.verdict if before else Status.NOT_ASSESSED)
        comment = row.comment if row.comment is not None else (before.comment if before else None)
        if before is not None and (before.verdict, before.comment) == (verdict, comment):
            continue
        merged[row.requirement_id] = Verdict(verdict=verdict, comment=comment, date=day)
        new, changed = (new + 1, changed) if before is None else (new, changed + 1)
    kept = len(merged) - new - changed
    return dict(sorted(merged.items())), (new, changed, kept)


def dump_audit(audit: Audit) -> str:
    """The audit file's YAML text (keys in a fixed order, verdicts sorted by requirement id)."""
    import yaml

    data: dict[str, Any] = audit.model_dump(mode="json", exclude_none=True)
    data["verdicts"] = {key: data["verdicts"][key] for key in sorted(data["verdicts"])}
    return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
