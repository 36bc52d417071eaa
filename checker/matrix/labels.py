"""The words the workbook shows for evidence kinds and theme; actors, levels and parcours come from ``report.labels``.

The referential's labels travel in the report, in the report's language (``Report.labels``, never serialised); the
evidence kinds' are catalogue labels (``kind.<kind>``, :meth:`Translator.label`).
"""

from __future__ import annotations

from checker.i18n import Translator
from checker.i18n.catalogue import CATALOGUE
from checker.model.report import Labels

__all__ = ["actors_label", "expected_evidence"]


def actors_label(labels: Labels, codes: list[str]) -> str:
    """``Éditeur de logiciel utilisateur (ELU), …``: each actor by its label, with the acronym the documents use."""
    return ", ".join(labels.actor(code) for code in codes)


def expected_evidence(t: Translator, text: str | None) -> str | None:
    """The kinds in words on one line, the description below, from a finding's ``evidence_expected`` (``kinds — text``)."""
    if not text:
        return None
    kinds, sep, description = text.partition(" — ")
    names = [name.strip() for name in kinds.split(",")]
    if not sep or not all(f"kind.{name}" in CATALOGUE for name in names):
        return text
    return f"{', '.join(t.label('kind', name) for name in names)}\n{description}"
