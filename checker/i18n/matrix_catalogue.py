"""Texts of the evidence matrix's newer columns and of the evidence kinds it names by label (fr, en)."""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["MATRIX_MESSAGES"]

MATRIX_MESSAGES: Entries = {
    "label.expected_evidence": {"fr": "Preuves attendues", "en": "Expected evidence"},
    "label.matrix_remediation": {"fr": "Remédiation", "en": "Remediation"},
    # evidence kinds (checker.model.referential.EvidenceKind), named as the other human reports name them
}
