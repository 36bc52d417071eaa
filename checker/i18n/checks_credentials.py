"""Messages of the checks on credentials: certificates, OIDC client configurations, tokens (fr/en)."""

from __future__ import annotations

from checker.i18n import Pairs

__all__ = ["CREDENTIAL_MESSAGES"]

_CERT = {
    "cert.no_pem_block": ("aucun bloc « BEGIN CERTIFICATE » dans le PEM", "no “BEGIN CERTIFICATE” block in the PEM"),
    "cert.truncated": ("PEM tronqué : un bloc BEGIN sans son END", "truncated PEM: a BEGIN block without its END"),
    "cert.malformed": (
        "certificat illisible : le bloc PEM ne contient pas un certificat X.509 valide",
        "unreadable certificate: the PEM block does not hold a valid X.509 certificate",
    ),
    "cert.not_a_certificate": ("ni PEM ni DER X.509", "neither PEM nor DER X.509"),
    "cert.not_yet_valid": ("{name} n'est valide qu'à partir du {start}", "{name} is only valid from {start}"),
    "cert.expired": ("{name} a expiré le {end}", "{name} expired on {end}"),
    "cert.too_close": (
        "expire le {end} : {left} jours de validité restante, la règle en demande au moins {days}",
        "expires {end}: {left} days left, the rule asks for at least {days}",
    ),
    "cert.declared_expires_later": (
        "la déclaration indique une expiration le {declared}, le certificat expire le {end}",
        "the declaration states expiry on {declared}, the certificate expires on {end}",
    ),
    "cert.valid": ("{name} valide du {start} au {end}", "{name} valid from {start} to {end}"),
    "cert.issuer_unknown": (
        "émetteur « {issuer} » : pas une AC IGC-Santé Organisations (AC IGC-SANTE ELEMENTAIRE ORGANISATIONS ou son AC de TEST)",
        "issuer “{issuer}”: not an IGC-Santé Organisations CA (AC IGC-SANTE ELEMENTAIRE ORGANISATIONS or its TEST CA)",
    ),
    "cert.issuer_ok": ("émis par « {issuer} » ({environment})", "issued by “{issuer}” ({environment})"),
    "cert.issuer_environment": (
        "émis par « {issuer} », AC de {actual}, mais la preuve est présentée pour {claimed}",
        "issued by “{issuer}”, a {actual} CA, but the evidence is offered for {claimed}",
    ),
    "cert.chain_absent": (
        "chaîne absente du fichier : seul le nom de l'émetteur est vérifié",
        "no chain in the file: only the issuer's name is checked",
    ),
    "cert.chain_ok": (
        "chaîne liée et signatures vérifiées jusqu'à « {top} »",
        "chain linked, signatures verified up to “{top}”",
    ),
    "cert.offline_limits": (
        "ancres de confiance IGC-Santé et révocation (CRL/OCSP) non vérifiables hors ligne",
        "IGC-Santé trust anchors and revocation (CRL/OCSP) cannot be checked offline",
    ),
    "cert.chain_broken": (
        "chaîne rompue : « {child} » est émis par « {issuer} », qui n'est pas le certificat suivant",
        "broken chain: “{child}” is issued by “{issuer}”, which is not the next certificate",
    ),
    "cert.chain_signature": (
        "la signature de « {child} » ne se vérifie pas avec « {parent} »",
        "the signature of “{child}” does not verify with “{parent}”",
    ),
    "cert.chain_foreign": (
        "AC étrangère à l'IGC-Santé dans la chaîne : « {name} »",
        "non IGC-Santé CA in the chain: “{name}”",
    ),
    "cert.chain_mixed": (
        "la chaîne mêle AC de TEST et de production (« {name} »)",
        "the chain mixes TEST and production CAs (“{name}”)",
    ),
    "cert.eku_missing": (
        (
            "pas d'extension extendedKeyUsage : aucun usage n'est restreint (RFC 5280) ; le gabarit AUTH_CLI exact "
            "n'est pas public, clientAuth y est attendu sans certitude"
        ),
        (
            "no extendedKeyUsage extension: no usage is restricted (RFC 5280); the exact AUTH_CLI profile is not "
            "public, clientAuth is expected there without certainty"
        ),
    ),
    "cert.eku_ok": ("usage étendu clientAuth présent", "extended key usage clientAuth present"),
    "cert.eku_no_client_auth": (
        "usage étendu sans clientAuth ({usages}) : ce n'est pas un certificat d'authentification client",
        "extended key usage without clientAuth ({usages}): not a client authentication certificate",
    ),
    "cert.is_ca": (
        "certificat d'AC (basicConstraints CA) présenté comme certificat client",
        "a CA certificate offered as a client certificate",
    ),
    "cert.key_ok": ("clé {algorithm}", "key {algorithm}"),
    "cert.key_weak": (
        "clé {algorithm} refusée : RSA 2048 bits au moins, ou ECDSA P-256/P-384/P-521",
        "key {algorithm} refused: RSA of at least 2048 bits, or ECDSA P-256/P-384/P-521",
    ),
    "cert.ou_ok": ("OU identifiant de structure : {ou}", "OU holding the structure identifier: {ou}"),
    "cert.ou_missing": (
        "aucune OU ne porte un identifiant de structure (SIREN, SIRET ou FINESS) : {ou}",
        "no OU holds a structure identifier (SIREN, SIRET or FINESS): {ou}",
    ),
    "cert.private_key": (
        "le fichier contient une clé privée : ne la transmettez jamais, retirez-la et renouvelez-la",
        "the file holds a private key: never hand it over, remove it and renew it",
    ),
    "cert.no_client_id": (
        "client_id PSC non déclaré (subject.psc_client_id, ou --client-id) : CN non comparé",
        "PSC client_id not declared (subject.psc_client_id, or --client-id): CN not compared",
    ),
    "cert.cn_missing": ("le sujet n'a pas de CN", "the subject has no CN"),
    "cert.cn_ok": ("CN = client_id ({cn})", "CN = client_id ({cn})"),
    "cert.cn_mismatch": (
        "CN « {cn} » différent du client_id « {client_id} »",
        "CN “{cn}” differs from client_id “{client_id}”",
    ),
}

_OIDC = {
    "oidc.not_mapping": (
        "la configuration n'est pas un objet clé / valeur",
        "the configuration is not a key / value object",
    ),
    "oidc.no_client_id": ("aucun `client_id` dans la configuration", "no `client_id` in the configuration"),
    "oidc.no_psc_url": (
        "ni issuer ni URL de découverte PSC dans la configuration",
        "no PSC issuer nor discovery URL in the configuration",
    ),
    "oidc.deprecated_host": (
        "{field} pointe vers l'ancien hôte du bac à sable {host} : utilisez *.bas.psc.esante.gouv.fr",
        "{field} points to the former sandbox host {host}: use *.bas.psc.esante.gouv.fr",
    ),
    "oidc.not_https": ("{field} n'est pas en https : {url}", "{field} is not https: {url}"),
    "oidc.authorize_host": (
        "authorization_endpoint sur {host} : la page d'autorisation PSC est servie par wallet.*",
        "authorization_endpoint on {host}: the PSC authorization page is served by wallet.*",
    ),
    "oidc.backchannel_host": (
        "{field} sur {host} : les appels serveur à serveur vont vers auth.*",
        "{field} on {host}: server-to-server calls go to auth.*",
    ),
    "oidc.mixed": (
        "la configuration mêle les hôtes du bac à sable et de la production ({keys})",
        "the configuration mixes sandbox and production hosts ({keys})",
    ),
    "oidc.wrong_environment": (
        "hôtes PSC de {actual}, alors que la preuve est présentée pour {claimed}",
        "PSC hosts of {actual}, though the evidence is offered for {claimed}",
    ),
    "oidc.environment_ok": ("hôtes PSC actuels de {environment}", "current PSC hosts of {environment}"),
    "oidc.issuer": ("issuer {issuer} : attendu {expected}", "issuer {issuer}: expected {expected}"),
    "oidc.discovery": ("URL de découverte {url} : attendu {expected}", "discovery URL {url}: expected {expected}"),
    "oidc.absent": ("`{field}` absent de la configuration", "`{field}` absent from the configuration"),
    "oidc.scope_missing": ("scope « {scope} » sans {missing}", "scope “{scope}” lacks {missing}"),
    "oidc.scope_ok": ("scope « {scope} »", "scope “{scope}”"),
    "oidc.acr_wrong": (
        "acr_values « {acr} » : PSC n'accepte que eidas1",
        "acr_values “{acr}”: PSC accepts only eidas1",
    ),
    "oidc.acr_ok": ("acr_values = eidas1", "acr_values = eidas1"),
    "oidc.response_type_wrong": (
        "response_type « {value} » : seul le flux code d'autorisation (code) est admis",
        "response_type “{value}”: only the authorization code flow (code) is allowed",
    ),
    "oidc.response_type_ok": ("response_type = code", "response_type = code"),
    "oidc.auth_method": (
        "authentification au jeton « {method} » non admise à ce niveau (admises : {allowed})",
        "token endpoint authentication “{method}” not allowed at this level (allowed: {allowed})",
    ),
    "oidc.secret_in_trust_space": (
        "client_secret présent alors que l'Espace de confiance impose mTLS",
        "client_secret present though the Espace de confiance requires mTLS",
    ),
    "oidc.auth_ok": (
        "authentification « {method} » admise au niveau {level}",
        "authentication “{method}” allowed at level {level}",
    ),
    "oidc.redirect_bad": (
        "URI de redirection non admise (https absolu, sans joker ni fragment) : {uri}",
        "redirect URI not allowed (absolute https, no wildcard nor fragment): {uri}",
    ),
    "oidc.redirect_ok": (
        "{count} URI de redirection en https",
        "{count} redirect URI over https|{count} redirect URIs over https",
    ),
    "oidc.front_secret": (
        "configuration côté navigateur contenant un client_secret : le secret doit rester sur le serveur",
        "browser-side configuration holding a client_secret: the secret must stay on the server",
    ),
    "oidc.front_no_secret": (
        "configuration côté navigateur sans secret",
        "browser-side configuration without a secret",
    ),
    "oidc.server_side": ("configuration côté serveur", "server-side configuration"),
    "oidc.side_unknown": (
        "client_secret présent, sans indication du côté où tourne la configuration (application_type, client_type)",
        "client_secret present, with no indication of where the configuration runs (application_type, client_type)",
    ),
    "oidc.no_secret": ("aucun client_secret dans la configuration", "no client_secret in the configuration"),
}

_TOKEN = {
    "token.no_claims": (
        "ni JWT ni revendications (claims) d'un jeton PSC",
        "neither a JWT nor the claims of a PSC token",
    ),
    "token.encrypted": ("jeton chiffré (JWE) : joignez-le déchiffré", "encrypted token (JWE): attach it decrypted"),
    "token.malformed": ("JWT mal formé", "malformed JWT"),
    "token.acr_missing": ("pas de revendication acr dans le jeton d'identité", "no acr claim in the ID token"),
    "token.acr_userinfo": (
        "réponse userinfo : elle ne porte pas d'acr, joignez le jeton d'identité",
        "userinfo response: it carries no acr, attach the ID token",
    ),
    "token.acr_wrong": ("acr « {acr} » au lieu de eidas1", "acr “{acr}” instead of eidas1"),
    "token.acr_ok": ("acr = eidas1", "acr = eidas1"),
    "token.no_iss": ("pas de revendication iss (userinfo ?)", "no iss claim (userinfo?)"),
    "token.iss_deprecated": ("iss {iss} : ancien hôte du bac à sable", "iss {iss}: former sandbox host"),
    "token.iss_unknown": ("iss {iss} : pas un émetteur PSC", "iss {iss}: not a PSC issuer"),
    "token.iss_ok": ("émis par PSC ({environment})", "issued by PSC ({environment})"),
    "token.iss_environment": (
        "jeton de {actual}, alors que la preuve est présentée pour {claimed}",
        "token from {actual}, though the evidence is offered for {claimed}",
    ),
    "token.aud_wrong": (
        "aud « {aud} » ne contient pas le client_id « {client_id} »",
        "aud “{aud}” lacks the client_id “{client_id}”",
    ),
    "token.aud_ok": ("aud contient le client_id « {client_id} »", "aud holds the client_id “{client_id}”"),
    "token.no_client_id": (
        "audience non comparée : client_id PSC non déclaré (subject.psc_client_id, ou --client-id)",
        "audience not compared: PSC client_id not declared (subject.psc_client_id, or --client-id)",
    ),
    "token.no_national_id": ("ni SubjectNameID ni preferred_username", "neither SubjectNameID nor preferred_username"),
    "token.national_id_bad": (
        (
            "{claim} = « {value} » : l'identifiant national (PSIdNat) est « 8 » + RPPS, « 0 » + ADELI, ou « 1 », « 3 », "
            "« 4 », « 5 », « 6 » + cabinet ADELI, FINESS, SIREN, SIRET, cabinet RPPS, « / » et un identifiant interne"
        ),
        (
            "{claim} = “{value}”: the national identifier (PSIdNat) is “8” + RPPS, “0” + ADELI, or “1”, “3”, “4”, “5”, “6” "
            "+ ADELI cabinet, FINESS, SIREN, SIRET, RPPS cabinet, “/” and an internal identifier"
        ),
    ),
    "token.national_id_differ": (
        "SubjectNameID et preferred_username diffèrent",
        "SubjectNameID and preferred_username differ",
    ),
    "token.national_id_ok": (
        "identifiant national de la bonne forme ({claims} ; forme {form})",
        "national identifier of the right form ({claims}; form {form})",
    ),
    "token.decoded_only": (
        "revendications décodées, sans signature : signature non vérifiée",
        "decoded claims, no signature: signature not verified",
    ),
    "token.unsigned": ("jeton non signé (alg {alg})", "unsigned token (alg {alg})"),
    "token.no_jwks": (
        "signature {alg} non vérifiée : aucun JWKS fourni (--jwks)",
        "{alg} signature not verified: no JWKS given (--jwks)",
    ),
    "token.signature_ok": ("signature {alg} vérifiée avec le JWKS", "{alg} signature verified with the JWKS"),
    "token.alg_unsupported": (
        "algorithme {alg} refusé (RS256, RS384, RS512, PS256, ES256 ou ES384 attendu)",
        "algorithm {alg} refused (RS256, RS384, RS512, PS256, ES256 or ES384 expected)",
    ),
    "token.bad_signature": (
        "la signature {alg} ne se vérifie avec aucune clé du JWKS (kid {kid})",
        "the {alg} signature verifies with no key of the JWKS (kid {kid})",
    ),
    "token.no_key": ("aucune clé du JWKS pour {alg} (kid {kid})", "no JWKS key for {alg} (kid {kid})"),
}

CREDENTIAL_MESSAGES: Pairs = {**_CERT, **_OIDC, **_TOKEN}
"""Key (without the ``check.`` prefix) → (French, English)."""
