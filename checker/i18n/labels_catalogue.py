"""Labels people read instead of codes (evidence kinds, terms), and counted words with their plural forms."""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["LABEL_MESSAGES"]

LABEL_MESSAGES: Entries = {
    # a code shown by its label (checker.model.message.term): machine formats print the code instead
    "text.term": {"fr": "{label}", "en": "{label}"},
    # evidence kinds (checker.model.referential.EvidenceKind)
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
    # provenance bases (checker.model.referential.ProvenanceBasis)
    "basis.sourced": {"fr": "sourcée", "en": "sourced"},
    "basis.secondary": {"fr": "source secondaire", "en": "secondary source"},
    "basis.inferred": {"fr": "déduite", "en": "inferred"},
    "label.basis": {"fr": "Fondement", "en": "Basis"},
    # edition statuses (checker.model.referential.EditionStatus, « - » read as « _ »)
    "edition.official": {"fr": "officielle", "en": "official"},
    "edition.derived_public_sources": {"fr": "dérivée de sources publiques", "en": "derived from public sources"},
    "edition.draft": {"fr": "projet", "en": "draft"},
    "edition.test": {"fr": "test", "en": "test"},
    # what changed in a requirement between two editions (checker.referential.diff.Field)
    "field.title": {"fr": "intitulé", "en": "title"},
    "field.statement": {"fr": "énoncé", "en": "statement"},
    "field.actors": {"fr": "acteurs", "en": "actors"},
    "field.levels": {"fr": "niveaux", "en": "levels"},
    "field.obligation": {"fr": "obligation", "en": "obligation"},
    "field.evidence": {"fr": "preuves", "en": "evidence"},
    "field.applicability": {"fr": "applicabilité", "en": "applicability"},
    "field.theme": {"fr": "thème", "en": "theme"},
    # the init template
    "init.status_help": {
        "fr": (
            "status : compliant (conforme), partial (partiel), non_compliant (non conforme), "
            "not_applicable (non applicable, avec justification), not_assessed (non évalué)"
        ),
        "en": ("status: compliant, partial, non_compliant, not_applicable (with a justification), not_assessed"),
    },
    # console
    "cli.quiet_needs_output": {
        "fr": "--quiet n'affiche que le verdict : ajoutez -o FICHIER pour écrire le rapport complet",
        "en": "--quiet prints only the verdict: add -o FILE to write the full report",
    },
    # portfolio on the console
    "portfolio.done": {"fr": "{evaluated}, {ready}, {errors}", "en": "{evaluated}, {ready}, {errors}"},
    "portfolio.open_links": {
        "fr": "{count} lien d'habilitation non résolu|{count} liens d'habilitation non résolus",
        "en": "{count} habilitation link not resolved|{count} habilitation links not resolved",
    },
    # counted words: "one|other" (checker.i18n.plural_form picks the form)
    "count.evaluated": {
        "fr": "{count} déclaration évaluée|{count} déclarations évaluées",
        "en": "{count} declaration evaluated|{count} declarations evaluated",
    },
    "count.ready": {"fr": "{count} prête|{count} prêtes", "en": "{count} ready"},
    "count.in_error": {"fr": "{count} en erreur", "en": "{count} in error"},
    "count.mandatory_gaps": {
        "fr": "{count} écart obligatoire|{count} écarts obligatoires",
        "en": "{count} mandatory gap|{count} mandatory gaps",
    },
    "count.lapses_90": {
        "fr": "{count} expiration sous 90 jours|{count} expirations sous 90 jours",
        "en": "{count} lapse within 90 days|{count} lapses within 90 days",
    },
    "label.audit_summary": {
        "fr": "{auditor}, {date} — {verdicts}, {not_assessed}, {disagreements}",
        "en": "{auditor}, {date} — {verdicts}, {not_assessed}, {disagreements}",
    },
    "count.verdicts_applied": {
        "fr": "{count} verdict appliqué|{count} verdicts appliqués",
        "en": "{count} verdict applied|{count} verdicts applied",
    },
    "count.not_assessed": {
        "fr": "{count} « non évalué » sans effet",
        "en": "{count} “not assessed” with no effect",
    },
    "count.disagreements": {
        "fr": "{count} désaccord|{count} désaccords",
        "en": "{count} disagreement|{count} disagreements",
    },
    "count.gaps_more": {
        "fr": "… et {count} autre écart : {hint}|… et {count} autres écarts : {hint}",
        "en": "… and {count} more gap: {hint}|… and {count} more gaps: {hint}",
    },
    "count.gaps_hint": {
        "fr": "`-o rapport.md` ou `--format md` pour la liste complète",
        "en": "`-o report.md` or `--format md` for the full list",
    },
}
"""Key → {fr, en}, merged into :data:`checker.i18n.catalogue.CATALOGUE`."""
