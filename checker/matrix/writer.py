"""The auditor's evidence matrix (xlsx): six sheets, safe cells, identical bytes for the same report.

The workbook is write-only (openpyxl's streaming mode): each sheet's rows go to a temporary file as they are
written, so 10,000 rows cost little memory. Every feature of the matrix is kept that way: styles, validations,
conditional formats, charts, frozen panes, filters, print set-up and print titles.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from checker.i18n import Translator
from checker.matrix.layout import SHEETS
from checker.matrix.sheets import (
    about_sheet,
    evidence_sheet,
    habilitations_sheet,
    matrix_sheet,
    parcours_sheet,
    waivers_sheet,
)
from checker.matrix.summary import summary_sheet
from checker.model.report import Report

__all__ = ["render_xlsx", "save_workbook"]

_BUILDERS: dict[str, Callable[[Any, Report, Translator, str], None]] = {
    "summary": summary_sheet,
    "matrix": matrix_sheet,
    "evidence": evidence_sheet,
    "habilitations": habilitations_sheet,
    "parcours": parcours_sheet,
    "waivers": waivers_sheet,
    "about": about_sheet,
}


def render_xlsx(report: Report) -> bytes:
    """The evidence matrix of ``report`` as xlsx bytes (document dates pinned to the evaluation date)."""
    from openpyxl import Workbook

    t = Translator(report.lang)
    title = f"{t('label.matrix_title')} — {report.declaration.subject}"
    workbook = Workbook(write_only=True)  # rows streamed to a temporary file as they are written
    keys = [key for key in SHEETS if key != "waivers" or report.waivers]  # no waiver: no waivers sheet
    for key in keys:
        _BUILDERS[key](workbook.create_sheet(t(f"sheet.{key}")), report, t, title)
    stamp = dt.datetime.combine(report.as_of, dt.time())
    props = workbook.properties
    props.created = props.modified = stamp
    props.creator = props.lastModifiedBy = f"{report.tool.name} {report.tool.version}"
    props.title = t("label.matrix_title")
    props.language = report.lang
    return _save(workbook, stamp)


def save_workbook(workbook: Any, stamp: dt.datetime) -> bytes:
    """Workbook bytes with every archive member dated ``stamp`` (shared with the portfolio workbook)."""
    return _save(workbook, stamp)


def _save(workbook: Any, stamp: dt.datetime) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return _pin_dates(buffer.getvalue(), (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0))


def _pin_dates(raw: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """The same archive with every member dated ``date_time``, so the same workbook gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            pinned = zipfile.ZipInfo(member.filename, date_time=date_time)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = 0o644 << 16
            target.writestr(pinned, source.read(member.filename))
    return out.getvalue()
