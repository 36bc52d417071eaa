"""Texts of the evidence matrix's newer columns and of the evidence kinds it names by label (fr, en)."""

from __future__ import annotations

__all__ = ["MATRIX_MESSAGES"]

MATRIX_MESSAGES: dict[str, dict[str, str]] = {
    "label.expected_evidence": {"fr": "Preuves attendues", "en": "Expected evidence"},
    "label.matrix_remediation": {"fr": "Remédiation", "en": "Remediation"},
    "evidence_kind.document": {"fr": "document", "en": "document"},
    "evidence_kind.procedure": {"fr": "procédure", "en": "procedure"},
    "evidence_kind.attestation": {"fr": "attestation", "en": "attestation"},
    "evidence_kind.architecture": {"fr": "schéma d'architecture", "en": "architecture diagram"},
    "evidence_kind.configuration": {"fr": "configuration", "en": "configuration"},
    "evidence_kind.screenshot": {"fr": "capture d'écran", "en": "screenshot"},
    "evidence_kind.test_report": {"fr": "rapport de test", "en": "test report"},
    "evidence_kind.code_review": {"fr": "revue de code", "en": "code review"},
    "evidence_kind.registration": {"fr": "inscription", "en": "registration"},
    "evidence_kind.oidc_client_config": {"fr": "configuration du client OIDC", "en": "OIDC client configuration"},
    "evidence_kind.http_capture": {"fr": "capture HTTP", "en": "HTTP capture"},
    "evidence_kind.certificate": {"fr": "certificat", "en": "certificate"},
    "evidence_kind.token_sample": {"fr": "exemple de jeton", "en": "token sample"},
    "evidence_kind.ciba_capture": {"fr": "capture CIBA", "en": "CIBA capture"},
    "evidence_kind.proxy_traces": {"fr": "traces du Proxy e-Santé", "en": "Proxy e-Santé traces"},
    "evidence_kind.tls_scan": {"fr": "analyse TLS", "en": "TLS scan"},
}
