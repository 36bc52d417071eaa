"""JUnit XML: one test case per applicable requirement; gaps fail, not-applicable and waived ones are skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.i18n import Translator
from checker.inputs.textsafe import strip_control
from checker.model.report import GAP_OUTCOMES, Outcome, Report
from checker.render.view import assurance_summary

__all__ = ["render_junit"]


def _text(value: object) -> str:
    """Text XML 1.0 can hold (control characters removed)."""
    return strip_control(str(value))


def render_junit(report: Report) -> bytes:
    t = Translator(report.lang, codes=True)
    failures = sum(1 for f in report.findings if f.outcome in GAP_OUTCOMES)
    skipped = sum(1 for f in report.findings if f.outcome in (Outcome.NOT_APPLICABLE, Outcome.WAIVED))
    suite = ET.Element(
        "testsuite",
        {
            "name": _text(f"psc-check {report.declaration.subject}"),
            "tests": str(len(report.findings)),
            "failures": str(failures),
            "errors": "0",
            "skipped": str(skipped),
            "timestamp": f"{report.as_of.isoformat()}T00:00:00",
        },
    )
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("referential", f"{report.referential.id} {report.referential.version}"),
        ("declaration", report.declaration.path),
        ("ready", str(report.summary.ready).lower()),
        ("assurance", assurance_summary(report, t)),
    ):
        ET.SubElement(props, "property", {"name": name, "value": _text(value)})
    for finding in report.findings:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": _text(f"{finding.theme}.{finding.obligation}"),
                "name": _text(f"{finding.requirement_id} {finding.title}"),
                "file": _text(report.declaration.path),
                "line": str(finding.line or 1),
            },
        )
        reasons = "\n".join(_text(t.text(r.message)) for r in finding.reasons)
        if finding.outcome in GAP_OUTCOMES:
            failure = ET.SubElement(
                case,
                "failure",
                {"message": _text(t("outcome." + finding.outcome.value)), "type": finding.outcome.value},
            )
            failure.text = reasons
        elif finding.outcome is Outcome.WAIVED:
            why = t.text(finding.reasons[-1].message) if finding.reasons else t("outcome.waived")
            skipped_case = ET.SubElement(case, "skipped", {"message": _text(f"{t('outcome.waived')}: {why}")})
            skipped_case.text = reasons
        elif finding.outcome is Outcome.NOT_APPLICABLE:
            ET.SubElement(case, "skipped", {"message": _text(finding.justification or t("outcome.not_applicable"))})
    root = ET.Element("testsuites", {"tests": str(len(report.findings)), "failures": str(failures)})
    root.append(suite)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
