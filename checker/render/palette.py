"""Colours of outcomes and statuses, shared by the xlsx matrix and the HTML report."""

from __future__ import annotations

__all__ = ["ACCENT", "OUTCOME_COLOURS", "STATUS_OUTCOME"]

ACCENT = "1F3A5F"
"""Header and title colour (dark blue)."""

OUTCOME_COLOURS: dict[str, tuple[str, str]] = {
    "compliant": ("2E7D32", "E3F1E4"),
    "partial": ("B26A00", "FFF1D6"),
    "non_compliant": ("C62828", "FBE3E3"),
    "not_applicable": ("757575", "EEEEEE"),
    "unanswered": ("546E7A", "E4ECF0"),
    "unsupported": ("8E24AA", "F3E3F7"),
    "waived": ("00695C", "DDF2EF"),
}
"""Outcome → (strong RGB, light RGB), without ``#``."""

STATUS_OUTCOME = {
    "compliant": "compliant",
    "partial": "partial",
    "non_compliant": "non_compliant",
    "not_applicable": "not_applicable",
    "not_assessed": "unanswered",
}
"""A declared status or verdict → the outcome whose colours it takes."""
