"""The shape of the catalogue's parts: each key with its French and English text."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Entries", "Pairs", "from_pairs"]

Entries = dict[str, dict[str, str]]
"""Key → ``{"fr": text, "en": text}``: a part of the catalogue (``checker.i18n.catalogue.CATALOGUE`` joins them)."""

Pairs = dict[str, tuple[str, str]]
"""Key → ``(French, English)``: the shorter spelling of the parts with many one-line texts (checks, terms)."""


def from_pairs(pairs: Mapping[str, tuple[str, str]], prefix: str = "") -> Entries:
    """Catalogue entries from ``(French, English)`` pairs, each key written under ``prefix``."""
    return {f"{prefix}{key}": {"fr": fr, "en": en} for key, (fr, en) in pairs.items()}
