"""The words the workbook shows for codes: actors, levels and parcours from the referential, evidence kinds.

The one place the matrix turns a code into a label: the referential's labels travel in the report, in the report's
language (``Report.labels``, never serialised), the evidence kinds' in the catalogue (``kind.<kind>``).
"""

from __future__ import annotations

from checker.i18n import Translator
from checker.i18n.catalogue import CATALOGUE
from checker.model.report import Report

__all__ = [
    "actor_label",
    "actors_label",
    "expected_evidence",
    "kind_label",
    "level_label",
    "parcours_label",
    "theme_label",
]


def actor_label(report: Report, code: str) -> str:
    """``Éditeur de logiciel utilisateur (ELU)``: the referential's name, with the acronym the documents use."""
    return report.labels.actor(code)


def actors_label(report: Report, codes: list[str]) -> str:
    return ", ".join(actor_label(report, code) for code in codes)


def level_label(report: Report, code: str) -> str:
    return report.labels.level(code)


def parcours_label(report: Report, code: str) -> str:
    return report.labels.parcours.get(code, code)


def theme_label(report: Report, code: str, fallback: str) -> str:
    """The theme in the report's language; the finding's own label when the report holds none (read back from JSON)."""
    return report.labels.themes.get(code, fallback)


def kind_label(t: Translator, kind: str) -> str:
    """An evidence kind in words (a kind unknown to the catalogue stays as written)."""
    key = f"kind.{kind}"
    return t(key) if key in CATALOGUE else kind


def expected_evidence(t: Translator, text: str | None) -> str | None:
    """The kinds in words on one line, the description below, from a finding's ``evidence_expected`` (``kinds — text``)."""
    if not text:
        return None
    kinds, sep, description = text.partition(" — ")
    names = [name.strip() for name in kinds.split(",")]
    if not sep or not all(f"kind.{name}" in CATALOGUE for name in names):
        return text
    return f"{', '.join(kind_label(t, name) for name in names)}\n{description}"
