"""The table sheets of the evidence matrix: Matrice, Preuves, Habilitations, Parcours, À propos."""

from __future__ import annotations

from typing import Any, get_args

from checker.i18n import Translator
from checker.matrix.cells import A3, Table, colour_by_label, write_table
from checker.matrix.labels import actors_label, expected_evidence
from checker.matrix.layout import (
    ABOUT_FIELDS,
    MATRIX_COLUMNS,
    MATRIX_FORMAT,
    column_number,
    fingerprint,
    verdict_choices,
)
from checker.model.report import Assurance, EvidenceResult, EvidenceStatus, Finding, Outcome, Report
from checker.render.palette import OUTCOME_COLOURS, STATUS_OUTCOME
from checker.render.view import policy_line, quote_lines, source_lines

__all__ = ["about_sheet", "evidence_sheet", "habilitations_sheet", "matrix_sheet", "parcours_sheet"]


def _status(t: Translator, status: str | None) -> str:
    return t(f"status.{status or 'none'}")


def _evidence_cell(t: Translator, item: EvidenceResult) -> str:
    digest = item.sha256 or item.declared_sha256 or "—"
    return t("matrix.evidence_cell", path=item.path, sha256=digest, status=t(f"evidence.{item.status}"))


def _source_cell(t: Translator, f: Finding) -> str:
    """Where the requirement stands in its sources, the quotes, and the psc-check policy it uses, one per line."""
    policy = policy_line(f, t)
    lines = [*source_lines(f), *quote_lines(f, t), *([t("matrix.policy_cell", line=policy)] if policy else [])]
    return "\n".join(lines)


def _matrix_row(report: Report, t: Translator, f: Finding) -> list[Any]:
    ref = report.referential
    return [
        f.requirement_id,
        report.labels.themes.get(f.theme, f.theme_label),  # the finding's own label in a report read back
        f.title,
        f.statement,
        _source_cell(t, f),
        actors_label(report.labels, f.actors),
        ", ".join(report.labels.level(level) for level in f.levels),
        t(f"obligation.{f.obligation}"),
        _status(t, f.declared_status),
        t(f"outcome.{f.outcome.value}"),
        "\n".join(t.text(reason.message) for reason in f.reasons),
        f.justification,
        "\n".join(_evidence_cell(t, item) for item in f.evidence),
        _status(t, f.auditor_verdict) if f.auditor_verdict else None,
        f.auditor_comment,
        fingerprint(ref.id, ref.version, f.requirement_id, f.title, f.statement),
        t(f"assurance.{f.assurance.value}"),
        expected_evidence(t, f.evidence_expected),
        f.remediation,
    ]


_ASSURANCE = {
    Assurance.DECLARED: "unanswered",
    Assurance.PRESENT: "partial",
    Assurance.TYPED: "not_applicable",
    Assurance.MACHINE_VERIFIED: "compliant",
    Assurance.AUDITOR_CONFIRMED: "compliant",
}
"""The colour of each assurance level in the matrix (by the outcome colour it borrows)."""


def matrix_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """One row per applicable requirement, with the auditor's drop-down and the hidden fingerprint column."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    table = Table(
        headers=[t(c.label) for c in MATRIX_COLUMNS],
        widths=[c.width for c in MATRIX_COLUMNS],
        rows=(_matrix_row(report, t, f) for f in report.findings),
        hidden=(column_number("fingerprint"),),
        count=len(report.findings),
    )
    last = write_table(ws, table, title=title, page=t("label.page"), freeze="B2", paper=A3)
    verdict = get_column_letter(column_number("auditor_verdict"))
    outcome = get_column_letter(column_number("outcome"))
    choices = verdict_choices(t.lang)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle=t("label.auditor_verdict"),
        error=t("matrix.verdict_error"),
        promptTitle=t("label.auditor_verdict"),
        prompt=t("matrix.verdict_prompt"),
    )
    validation.add(f"{verdict}2:{verdict}{max(2, last)}")
    ws.data_validations.append(validation)
    colour_by_label(ws, f"{outcome}2:{outcome}{last}", {t(f"outcome.{o.value}"): o.value for o in Outcome})
    assurance = get_column_letter(column_number("assurance"))
    colour_by_label(
        ws, f"{assurance}2:{assurance}{last}", {t(f"assurance.{a.value}"): c for a, c in _ASSURANCE.items()}
    )
    statuses = {t(f"status.{code}"): colour for code, colour in STATUS_OUTCOME.items()}
    declared = get_column_letter(column_number("declared_status"))
    colour_by_label(ws, f"{declared}2:{declared}{last}", statuses)
    colour_by_label(ws, f"{verdict}2:{verdict}{max(2, last)}", statuses)
    _mark_disagreements(ws, declared, verdict, last)


def _mark_disagreements(ws: Any, declared: str, verdict: str, last: int) -> None:
    """The id cell turns red where the auditor's verdict differs from the declared status (live, as they type)."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    strong, light = OUTCOME_COLOURS["non_compliant"]
    rule = FormulaRule(
        formula=[f'AND(${verdict}2<>"",${verdict}2<>${declared}2)'],
        fill=PatternFill("solid", fgColor=light, bgColor=light),
        font=Font(bold=True, color=strong),
    )
    ws.conditional_formatting.add(f"A2:A{max(2, last)}", rule)


def evidence_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """One row per evidence file cited by an applicable requirement."""
    keys = ["requirement", "path", "sha256", "declared_sha256", "kind", "collected", "expires", "environment"]
    keys += ["state", "detail", "assurance", "checks"]
    rows = (
        [
            f.requirement_id,
            e.path,
            e.sha256,
            e.declared_sha256,
            t.label("kind", e.kind) if e.kind else None,
            e.collected,
            e.expires,
            t(f"env.{e.environment}") if e.environment else None,
            t(f"evidence.{e.status}"),
            t.text(e.detail),
            t(f"assurance.{e.assurance.value}"),
            "\n".join(f"{c.check} : {t('check.' + c.status)} {'; '.join(c.texts(t.lang))}".strip() for c in e.checks),
        ]
        for f in report.findings
        for e in f.evidence
    )
    widths = [12, 22, 18, 18, 12, 11, 11, 11, 13, 24, 12, 26]  # about 190: 7.5-point text on A4 landscape
    empty = [t("label.no_evidence_files")] + [None] * (len(keys) - 1)
    last = write_table(
        ws,
        Table(
            [t(f"label.{k}") for k in keys],
            widths,
            rows,
            empty=empty,
            count=sum(len(f.evidence) for f in report.findings),
        ),
        title=title,
        page=t("label.page"),
    )
    labels = {t("evidence.ok"): "compliant"} | {
        t(f"evidence.{s}"): "unsupported" for s in get_args(EvidenceStatus) if s not in _NOT_FAILING
    }
    colour_by_label(ws, f"I2:I{last}", labels)


_NOT_FAILING = ("ok", "undated", "future")
"""Evidence statuses not coloured as failing: valid, or a date question the reasons explain."""


def habilitations_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """The habilitations held and relied upon, with their expiry and state."""
    keys = ["relation", "actor", "reference", "holder", "granted", "expires", "environment", "state"]
    rows: list[list[Any]] = [
        [
            t(f"label.{h.relation}"),
            report.labels.actor(h.actor),
            h.reference,
            h.holder,
            h.granted,
            h.expires,
            t(f"env.{h.environment}"),
            t(f"hab.{h.state}"),
        ]
        for h in report.habilitations
    ]
    empty = [t("label.no_habilitations")] + [None] * (len(keys) - 1)
    widths = [13, 28, 30, 34, 13, 13, 14, 12]
    table = Table([t(f"label.{k}") for k in keys], widths, rows, empty=empty)
    last = write_table(ws, table, title=title, page=t("label.page"))
    labels = {t("hab.valid"): "compliant", t("hab.expired"): "non_compliant", t("hab.future"): "unanswered"}
    colour_by_label(ws, f"H2:H{last}", labels)


def parcours_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """The steps of the declared connection path and the state of each."""
    rows = [[s.label, actors_label(report.labels, s.actors), t(f"state.{s.state}"), s.date] for s in report.parcours]
    empty = [t("label.no_parcours"), None, None, None]
    headers = [t("label.step"), t("label.actors"), t("label.state"), t("label.date")]
    table = Table(headers, [52, 34, 16, 13], rows, empty=empty)
    last = write_table(ws, table, title=title, page=t("label.page"))
    labels = {t("state.done"): "compliant", t("state.pending"): "partial", t("state.not_concerned"): "not_applicable"}
    colour_by_label(ws, f"C2:C{last}", labels)


def waivers_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """The waivers (dérogations): requirement, state on the evaluation date, who granted it, dates, justification."""
    keys = [
        "waiver_requirement",
        "waiver_state",
        "waiver_reference",
        "waiver_granted_by",
        "waiver_granted",
        "waiver_expires",
        "waiver_justification",
        "waiver_measure",
        "waiver_source",
    ]
    rows: list[list[Any]] = [
        [
            w.requirement_id,
            t(f"waiver.{w.state}"),
            w.reference,
            w.granted_by,
            w.granted,
            w.expires,
            w.justification,
            w.compensating_measure,
            w.location,
        ]
        for w in report.waivers
    ]
    widths = [14, 18, 26, 24, 13, 13, 48, 40, 30]
    last = write_table(ws, Table([t(f"label.{k}") for k in keys], widths, rows), title=title, page=t("label.page"))
    labels = {
        t("waiver.in_force"): "waived",
        t("waiver.expired"): "non_compliant",
        t("waiver.not_yet"): "unanswered",
        t("waiver.not_needed"): "not_applicable",
    }
    colour_by_label(ws, f"B2:B{max(2, last)}", labels)


def _about_values(report: Report, t: Translator) -> dict[str, Any]:
    ref, decl, audit = report.referential, report.declaration, report.audit
    return {
        "tool": report.tool.name,
        "tool_version": report.tool.version,
        "matrix_format": MATRIX_FORMAT,
        "referential_id": ref.id,
        "referential_title": ref.title,
        "referential_version": ref.version,
        "referential_sha256": ref.sha256,
        "edition_status": ref.edition_status,
        "declaration": decl.path,
        "declaration_sha256": decl.sha256,
        "as_of": report.as_of.isoformat(),
        "lang": report.lang,
        "audit_file": audit.path if audit else None,
        "audit_sha256": audit.sha256 if audit else None,
        "instructions": t("label.matrix_instructions"),
    }


def about_sheet(ws: Any, report: Report, t: Translator, title: str) -> None:
    """What the matrix was made from: tool, referential and declaration hashes, date; how to return it."""
    values = _about_values(report, t)
    rows = [[t(f"label.{key}"), values[key]] for key in ABOUT_FIELDS]
    write_table(ws, Table([t("label.field"), t("label.value")], [30, 90], rows), title=title, page=t("label.page"))
    ws.auto_filter.ref = None
