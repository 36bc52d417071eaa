"""The JSON report: the documented, versioned contract (sorted keys, deterministic)."""

from __future__ import annotations

from checker.i18n import Translator
from checker.inputs.jsondump import sorted_json
from checker.inputs.textsafe import json_text
from checker.model.message import TRANSLATOR
from checker.model.report import Report

__all__ = ["render_json"]


def render_json(report: Report) -> bytes:
    """Every message as words in the report's language, beside its stable code."""
    data = report.model_dump(mode="json", context={TRANSLATOR: Translator(report.lang, codes=True)})
    return json_text(sorted_json(data) + "\n").encode("utf-8")
