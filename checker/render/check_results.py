"""The result of ``check-evidence`` on one file: a typed value, its console and JSON forms, its exit code."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker import __version__
from checker.checks.base import CheckContext
from checker.checks.runner import FileCheck
from checker.errors import ExitCode
from checker.i18n import Translator, text
from checker.inputs.jsondump import sorted_json
from checker.inputs.textsafe import json_text, one_line, terminal_text
from checker.model.message import TRANSLATOR
from checker.model.report import CheckResult, ToolInfo

__all__ = ["EvidenceCheckReport", "exit_code", "make_report", "render_console", "render_json"]

_MARKS = {"verified": "✓", "contradicted": "✗", "not_checkable": "?"}


class EvidenceCheckReport(BaseModel):
    """What ``psc-check check-evidence`` concluded about one evidence file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    as_of: dt.date
    lang: str
    file: str
    sha256: str | None
    kind: str | None
    kind_source: Literal["declared", "recognised"] | None
    environment: str | None
    level: str | None
    client_id: str | None
    jwks: str | None
    status: Literal["verified", "contradicted", "not_checkable"]
    """Contradicted if one check is, verified if one check is and none contradicts, else not checkable."""
    unreadable: str | None
    """Why the file as a whole cannot be checked (too large, malformed, kind not recognised)."""
    checks: list[CheckResult]


def make_report(
    found: FileCheck, file: str, sha256: str | None, ctx: CheckContext, jwks: str | None, lang: str
) -> EvidenceCheckReport:
    statuses = {r.status for r in found.results}
    status: Literal["verified", "contradicted", "not_checkable"] = (
        "contradicted" if "contradicted" in statuses else "verified" if "verified" in statuses else "not_checkable"
    )
    return EvidenceCheckReport(
        tool=ToolInfo(name="psc-check", version=__version__),
        as_of=ctx.as_of,
        lang=lang,
        file=file,
        sha256=sha256,
        kind=found.kind.value if found.kind else None,
        kind_source=found.kind_source,
        environment=ctx.environment.value if ctx.environment else None,
        level=ctx.level,
        client_id=ctx.client_id,
        jwks=jwks,
        status=status if found.unreadable is None else "not_checkable",
        unreadable=text(found.unreadable, lang) if found.unreadable else None,
        checks=found.results,
    )


def exit_code(report: EvidenceCheckReport) -> int:
    """0 when the checks verify the file, 1 when one contradicts it, 2 when it cannot be checked."""
    codes = {"verified": ExitCode.OK, "contradicted": ExitCode.NOT_READY, "not_checkable": ExitCode.BAD_INPUT}
    return int(codes[report.status])


def render_json(report: EvidenceCheckReport) -> bytes:
    data = report.model_dump(mode="json", context={TRANSLATOR: Translator(report.lang, codes=True)})
    return json_text(sorted_json(data) + "\n").encode("utf-8")


def render_console(report: EvidenceCheckReport) -> bytes:
    t = Translator(report.lang)
    lines = [
        f"{t('label.evidence_file')}: {one_line(report.file)}"
        + (f" (sha256 {report.sha256[:12]}…)" if report.sha256 else "")
    ]
    if report.kind:
        source = t(f"label.kind_{report.kind_source}") if report.kind_source else ""
        lines.append(f"{t('label.evidence_kind')}: {t.label('kind', report.kind)} ({source})")
    if report.unreadable:
        lines.append(f"{t('label.not_checkable_file')}: {one_line(report.unreadable)}")
    for result in report.checks:
        lines.append(f"  {_MARKS[result.status]} {t('check.' + result.status)}: {result.check}")
        lines += [f"      {one_line(reason)}" for reason in result.texts(report.lang)]
    counts = Counter(r.status for r in report.checks)
    if report.checks:
        lines.append(
            t(
                "label.checks_summary",
                verified=counts["verified"],
                contradicted=counts["contradicted"],
                not_checkable=counts["not_checkable"],
            )
        )
    return terminal_text("\n".join(lines) + "\n").encode("utf-8")
