"""Texts of the evidence matrix's newer columns and of the evidence kinds it names by label (fr, en)."""

from __future__ import annotations

__all__ = ["MATRIX_MESSAGES"]

MATRIX_MESSAGES: dict[str, dict[str, str]] = {
    "label.expected_evidence": {"fr": "Preuves attendues", "en": "Expected evidence"},
    "label.matrix_remediation": {"fr": "Remédiation", "en": "Remediation"},
    # evidence kinds (checker.model.referential.EvidenceKind), named as the other human reports name them
    "kind.document": {"fr": "document", "en": "document"},
    "kind.procedure": {"fr": "procédure", "en": "procedure"},
    "kind.attestation": {"fr": "attestation", "en": "attestation"},
    "kind.architecture": {"fr": "schéma d'architecture", "en": "architecture diagram"},
    "kind.configuration": {"fr": "configuration", "en": "configuration"},
    "kind.screenshot": {"fr": "capture d'écran", "en": "screenshot"},
    "kind.test_report": {"fr": "rapport de tests", "en": "test report"},
    "kind.code_review": {"fr": "revue de code", "en": "code review"},
    "kind.registration": {"fr": "enregistrement", "en": "registration"},
    "kind.oidc_client_config": {"fr": "configuration du client OIDC", "en": "OIDC client configuration"},
    "kind.http_capture": {"fr": "capture HTTP", "en": "HTTP capture"},
    "kind.certificate": {"fr": "certificat", "en": "certificate"},
    "kind.token_sample": {"fr": "exemple de jeton", "en": "token sample"},
    "kind.ciba_capture": {"fr": "capture CIBA", "en": "CIBA capture"},
    "kind.proxy_traces": {"fr": "traces du Proxy", "en": "proxy traces"},
    "kind.tls_scan": {"fr": "analyse TLS", "en": "TLS scan"},
}
