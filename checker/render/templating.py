"""The one Jinja2 environment: strict undefined, autoescape for HTML, templates from the bundled folder."""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["render_template"]


@cache
def _environment() -> Any:
    import jinja2

    from checker.inputs.paths import templates_dir

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, **context: Any) -> str:
    """Render the bundled template ``name`` with ``context``."""
    text: str = _environment().get_template(name).render(**context)
    return text
