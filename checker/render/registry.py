"""The output formats, their file suffixes, and the renderer of each (imported only when used)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker.errors import UsageError
from checker.model.report import Report

__all__ = ["FORMATS", "Format", "format_for_path", "render"]

Renderer = Callable[[Report], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    target: str
    """``module:function`` of the renderer, a ``(Report) -> bytes`` callable."""

    def renderer(self) -> Renderer:
        module, _, function = self.target.partition(":")
        found: Renderer = getattr(importlib.import_module(module), function)
        return found


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("console", (), "checker.render.console:render_console"),
        Format("json", (".json",), "checker.render.json_report:render_json"),
        Format("md", (".md", ".markdown"), "checker.render.markdown:render_markdown"),
        Format("html", (".html", ".htm"), "checker.render.html:render_html"),
        Format("xlsx", (".xlsx",), "checker.matrix.writer:render_xlsx"),
        Format("sarif", (".sarif",), "checker.render.sarif:render_sarif"),
        Format("junit", (".xml",), "checker.render.junit:render_junit"),
    )
}


def format_for_path(path: Path) -> Format:
    """The format an output file's suffix asks for."""
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    raise UsageError(f"{path}: unknown output suffix `{suffix or '(none)'}` — use one of {known}")


def render(report: Report, fmt: str) -> bytes:
    """``report`` rendered in format ``fmt``."""
    return FORMATS[fmt].renderer()(report)
