"""English names of the bundled referential's terms (levels, actors, themes, parcours, features).

The referential names its terms in French only. ``fr`` repeats the referential's label, so that an English name
is used only for the term it translates: another edition with the same id but another label keeps its own label
(``checker.referential.load.LoadedReferential.labels_in``; a test holds ``fr`` equal to the bundled labels).
"""

from __future__ import annotations

from checker.i18n import Entries, Pairs, from_pairs

__all__ = ["TERM_MESSAGES"]

_TERMS: Pairs = {
    "level.communaute": ("Communauté PSC", "PSC Community"),
    "level.espace_de_confiance": ("Espace de confiance PSC", "PSC Trust Space"),
    "actor.FS": ("Fournisseur de service", "Service provider"),
    "actor.ELU": ("Éditeur de logiciel utilisateur", "User software editor"),
    "actor.ELP": ("Éditeur de logiciel Proxy e-Santé", "e-Santé Proxy software editor"),
    "actor.OSU": ("Opérateur de service utilisateur", "User service operator"),
    "actor.OSP": ("Opérateur de service Proxy e-Santé", "e-Santé Proxy service operator"),
    "actor.FIT": ("Fournisseur d'identité tiers", "Third-party identity provider"),
    "theme.adm": ("Administration et raccordement", "Administration and onboarding"),
    "theme.oidc": ("Requête OIDC", "OIDC request"),
    "theme.client_auth": ("Authentification du client et mTLS", "Client authentication and mTLS"),
    "theme.tokens": ("Jetons et sessions", "Tokens and sessions"),
    "theme.logout": ("Déconnexion", "Logout"),
    "theme.identity": ("Données d'identité", "Identity data"),
    "theme.ciba": ("CIBA", "CIBA"),
    "theme.ux": ("Bouton et disponibilité", "Button and availability"),
    "theme.edc_gov": ("Gouvernance de l'Espace de confiance", "Trust Space governance"),
    "theme.proxy": ("Contrat du Proxy e-Santé", "e-Santé Proxy contract"),
    "theme.token_exchange": ("Échange de jetons", "Token exchange"),
    "theme.traces": ("Traces", "Traces"),
    "theme.certificates": ("Certificats IGC-Santé", "IGC-Santé certificates"),
    "theme.tls": ("TLS", "TLS"),
    "theme.conformity": ("Outil de conformité", "Conformity tool"),
    "theme.operations": ("Exploitation", "Operations"),
    "theme.fi_tiers": ("Délégation à un FI tiers", "Delegation to a third-party IdP"),
    "theme.identification": ("Identification électronique PGSSI-S", "PGSSI-S electronic identification"),
    "parcours.standard": ("Espace communautaire : raccordement standard", "Community space: standard onboarding"),
    "parcours.direct": (
        "Espace communautaire : raccordement direct d'une solution déjà validée",
        "Community space: direct onboarding of an already validated solution",
    ),
    "parcours.espace_de_confiance": ("Raccordement à l'Espace de confiance", "Trust Space onboarding"),
    "parcours.delegation_fi_tiers": (
        "Raccordement pour la délégation à un FI tiers",
        "Onboarding for delegation to a third-party IdP",
    ),
    "feature.web_browser_flow": ("Flux navigateur (authorization code)", "Browser flow (authorization code)"),
    "feature.thick_client": ("Client lourd", "Thick client"),
    "feature.mobile_app": ("Application mobile", "Mobile app"),
    "feature.uses_ciba": ("Utilise CIBA", "Uses CIBA"),
    "feature.calls_api_psc": ("Appelle des API Pro Santé Connectées", "Calls Pro Santé Connected APIs"),
    "feature.uses_mtls": ("Authentification mTLS auprès de PSC", "mTLS authentication to PSC"),
    "feature.uses_introspection": ("Utilise l'introspection", "Uses introspection"),
    "feature.userinfo_jwt": ("Userinfo en JWT / JWE", "Userinfo as JWT / JWE"),
    "feature.delegates_to_fi_tiers": ("Délégation à un FI tiers", "Delegation to a third-party IdP"),
    "feature.proxy_business_eai": ("Proxy intégrant un EAI métier", "Proxy with a business EAI"),
    "feature.multiple_teleservices": ("Plusieurs téléservices", "Several online services"),
    "feature.transition_mie": ("MIE de transition ou autres MIE", "Transition or other eID means"),
    "feature.password_local_access": ("Accès local par mot de passe seul", "Local access by password only"),
    "feature.operates_homologated_mie": ("MIE homologué propre", "Own certified eID means"),
    "feature.legacy_local_accounts": ("Comptes locaux existants", "Existing local accounts"),
    "feature.lps_authenticates_to_psc": (
        "Logiciel utilisateur authentifié directement auprès de PSC",
        "User software authenticated directly to PSC",
    ),
    "feature.sensitive_service": ("Service sensible (PGSSI-S)", "Sensitive service (PGSSI-S)"),
    "feature.seeks_segur_funding": ("Référencement ou financement Ségur", "Ségur listing or funding"),
}

TERM_MESSAGES: Entries = from_pairs(_TERMS, "ref.")
"""``ref.<family>.<id>`` → {fr: the referential's label, en: its English name}."""
