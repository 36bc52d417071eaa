"""The words the workbook shows for codes: actors, levels and parcours from the referential, evidence kinds.

The one place the matrix turns a code into a label: the referential's labels travel in the report
(``ReferentialInfo.labels``, never serialised), the evidence kinds' in the catalogue (``kind.<kind>``).
"""

from __future__ import annotations

from checker.i18n import Translator
from checker.i18n.catalogue import CATALOGUE
from checker.model.report import Report

__all__ = ["actor_label", "actors_label", "expected_evidence", "kind_label", "level_label", "parcours_label"]


def _referential_word(report: Report, family: str, code: str) -> str | None:
    return report.referential.labels.get(family, {}).get(code)


def actor_label(report: Report, code: str) -> str:
    """``Éditeur de logiciel utilisateur (ELU)``: the referential's name, with the acronym the documents use."""
    label = _referential_word(report, "actor", code)
    return f"{label} ({code})" if label else code


def actors_label(report: Report, codes: list[str]) -> str:
    return ", ".join(actor_label(report, code) for code in codes)


def level_label(report: Report, code: str) -> str:
    return _referential_word(report, "level", code) or code


def parcours_label(report: Report, code: str) -> str:
    return _referential_word(report, "parcours", code) or code


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
