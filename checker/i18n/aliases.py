"""French words accepted on input for the English codes of closed sets (a declared status, an auditor's verdict)."""

from __future__ import annotations

__all__ = ["INPUT_ALIASES"]

INPUT_ALIASES: dict[str, str] = {
    "conforme": "compliant",
    "partiel": "partial",
    "non_conforme": "non_compliant",
    "non_applicable": "not_applicable",
    "non_evalue": "not_assessed",
    "non_évalué": "not_assessed",
}
"""Alias → code. Suggestions offer these next to the codes, so that a French word gets a French suggestion."""
