"""Texts of the evidence matrix's newer columns and of the evidence kinds it names by label (fr, en)."""

from __future__ import annotations

__all__ = ["MATRIX_MESSAGES"]

MATRIX_MESSAGES: dict[str, dict[str, str]] = {
    "label.expected_evidence": {"fr": "Preuves attendues", "en": "Expected evidence"},
    "label.matrix_remediation": {"fr": "Remédiation", "en": "Remediation"},
    # evidence kinds (checker.model.referential.EvidenceKind), named as the other human reports name them
}
