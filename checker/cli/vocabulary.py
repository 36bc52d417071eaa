"""The closed sets of values the options take, light enough for ``--help`` (which imports no model and no YAML).

Each tuple is held equal to its source by ``tests/cli/test_vocabulary.py``, in the source's order: an enum of the
model, a tuple of a use case, or the bundled PSC referential (for actors, levels, themes, features and parcours,
which an edition defines: another edition given with ``--referentiel`` may define others, and the commands check against it).
The formats come from the format registry itself (``checker/render/registry.py``, light) and the languages from
``checker.i18n``.
"""

from __future__ import annotations

__all__ = [
    "ACTORS",
    "ENVIRONMENTS",
    "EVIDENCE_KINDS",
    "FAIL_ON",
    "FEATURES",
    "LEVELS",
    "PARCOURS",
    "REQUIRE_ASSURANCE",
    "THEMES",
]

FAIL_ON = ("gaps", "regression", "waivers", "never")
"""``checker.app.evaluate.FAIL_ON``."""

REQUIRE_ASSURANCE = ("present", "typed", "machine_verified")
"""``checker.app.evaluate.REQUIRE_ASSURANCE``: the assurance levels psc-check computes that a run may require."""

ENVIRONMENTS = ("bac_a_sable", "production")
"""``checker.model.referential.Environment``."""

EVIDENCE_KINDS = (
    "document",
    "procedure",
    "attestation",
    "architecture",
    "configuration",
    "screenshot",
    "test_report",
    "code_review",
    "registration",
    "oidc_client_config",
    "http_capture",
    "certificate",
    "token_sample",
    "ciba_capture",
    "proxy_traces",
    "tls_scan",
)
"""``checker.model.referential.EvidenceKind``."""

ACTORS = ("FS", "ELU", "ELP", "OSU", "OSP", "FIT")
"""The actors of the bundled PSC referential."""

LEVELS = ("communaute", "espace_de_confiance")
"""The levels of the bundled PSC referential."""

THEMES = (
    "adm",
    "oidc",
    "client_auth",
    "tokens",
    "logout",
    "identity",
    "ciba",
    "ux",
    "edc_gov",
    "proxy",
    "token_exchange",
    "traces",
    "certificates",
    "tls",
    "conformity",
    "operations",
    "fi_tiers",
    "identification",
)
"""The themes of the bundled PSC referential."""

FEATURES = (
    "web_browser_flow",
    "thick_client",
    "mobile_app",
    "uses_ciba",
    "calls_api_psc",
    "uses_mtls",
    "uses_introspection",
    "userinfo_jwt",
    "delegates_to_fi_tiers",
    "proxy_business_eai",
    "multiple_teleservices",
    "transition_mie",
    "password_local_access",
    "operates_homologated_mie",
    "legacy_local_accounts",
    "lps_authenticates_to_psc",
    "sensitive_service",
    "seeks_segur_funding",
)
"""The features of the bundled PSC referential."""

PARCOURS = ("standard", "direct", "espace_de_confiance", "delegation_fi_tiers")
"""The parcours of the bundled PSC referential."""
