"""The portfolio as a workbook: declarations, habilitation links, most missed requirements, outcome map."""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.i18n import Translator
from checker.matrix.cells import Table, colour_by_label, write_table
from checker.model.portfolio import PortfolioReport
from checker.model.report import Outcome
from checker.portfolio.view import LINK_COLOURS
from checker.render.view import assurance_words

__all__ = ["render_portfolio_xlsx"]


def _rows_table(report: PortfolioReport, t: Translator) -> Table:
    headers = [
        t("label.key"),
        t("label.organisation"),
        t("label.subject"),
        t("label.actors"),
        t("label.level"),
        t("label.verdict"),
        t("label.score"),
        t("label.mandatory_gaps"),
        t("label.lapses_90"),
        t("label.assurance"),
        t("label.file"),
    ]
    rows = [
        [
            r.key,
            r.organisation,
            r.subject,
            ", ".join(r.actors),
            report.labels.level(r.level),
            t.text(r.verdict()),
            r.score,
            r.mandatory_gaps,
            r.lapses_90_days,
            assurance_words(r.assurance, r.compliant, t),
            r.path,
        ]
        for r in report.rows
    ]
    rows += [
        ["—", "", "", "", "", t("label.unreadable_files"), None, None, None, None, f"{e.path}: {e.message}"]
        for e in report.errors
    ]
    return Table(headers, [6, 28, 30, 10, 20, 12, 9, 11, 11, 36, 50], rows)


def _links_table(report: PortfolioReport, t: Translator) -> Table:
    headers = [
        t("label.relying"),
        t("label.actor"),
        t("label.reference"),
        t("label.state"),
        t("label.holder_declaration"),
        t("label.message"),
    ]
    rows = [
        [lk.declaration, lk.actor, lk.reference, t("linkstatus." + lk.status), lk.holder_declaration or "—", lk.message]
        for lk in report.links
    ]
    return Table(headers, [45, 8, 26, 18, 45, 60], rows)


def _missed_table(report: PortfolioReport, t: Translator) -> Table:
    headers = [
        t("label.requirement"),
        t("label.title"),
        t("label.obligation"),
        t("label.missed"),
        t("label.applicable"),
    ]
    rows = [
        [m.requirement_id, m.title, t("obligation." + m.obligation), m.missed, m.applicable] for m in report.most_missed
    ]
    return Table(headers, [18, 60, 14, 10, 12], rows)


def _heat_table(report: PortfolioReport, t: Translator) -> Table:
    headers = [t("label.requirement"), *(r.key for r in report.rows)]
    rows = [
        [
            rid,
            *(t("outcome." + report.heatmap[rid][r.key]) if r.key in report.heatmap[rid] else "" for r in report.rows),
        ]
        for rid in report.heatmap_requirements
    ]
    return Table(headers, [18, *([14] * len(report.rows))], rows, wrap=False)


_VERDICT_COLUMN = "F"
_LINK_STATUS_COLUMN = "D"


def _colour_verdicts(ws: Any, report: PortfolioReport, t: Translator) -> None:
    """Each declaration's verdict in the matrix's colours: ready green, ready with waivers as waived, not ready red."""
    labels = {
        t.text(r.verdict()): ("waived" if r.waived else "compliant") if r.ready else "non_compliant"
        for r in report.rows
    }
    column = _VERDICT_COLUMN
    colour_by_label(ws, f"{column}2:{column}{max(2, len(report.rows) + len(report.errors) + 1)}", labels)


def _colour_links(ws: Any, report: PortfolioReport, t: Translator) -> None:
    labels = {t("linkstatus." + status): outcome for status, outcome in LINK_COLOURS.items()}
    column = _LINK_STATUS_COLUMN
    colour_by_label(ws, f"{column}2:{column}{max(2, len(report.links) + 1)}", labels)


def render_portfolio_xlsx(report: PortfolioReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from checker.matrix.writer import save_workbook

    t = Translator(report.lang)
    title = f"{t('label.portfolio_title')} — {report.as_of.isoformat()}"
    workbook = Workbook()
    sheets: list[tuple[str, Table]] = [
        (t("label.declarations"), _rows_table(report, t)),
        (t("label.habilitations"), _links_table(report, t)),
        (t("sheet.portfolio_missed"), _missed_table(report, t)),
        (t("sheet.portfolio_map"), _heat_table(report, t)),
    ]
    ws: Any = None
    for index, (name, table) in enumerate(sheets):
        ws = workbook.active if index == 0 else workbook.create_sheet()
        ws.title = name[:31]
        last = write_table(ws, table, title=title, page="&P / &N", freeze="B2" if index == 3 else "A2")
    if report.rows and ws is not None:
        labels = {t("outcome." + o.value): o.value for o in Outcome}
        colour_by_label(ws, f"B2:{get_column_letter(len(report.rows) + 1)}{max(2, last)}", labels)
    _colour_verdicts(workbook.worksheets[0], report, t)
    _colour_links(workbook.worksheets[1], report, t)
    stamp = dt.datetime.combine(report.as_of, dt.time())
    workbook.properties.created = workbook.properties.modified = stamp
    return save_workbook(workbook, stamp)
