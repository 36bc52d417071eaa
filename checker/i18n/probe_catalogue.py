"""Messages of ``psc-check probe login|tls|cors|proxy``."""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["PROBE_MESSAGES"]

PROBE_MESSAGES: Entries = {
    "probe.no_httpx": {
        "fr": "les sondes ont besoin de la bibliothèque httpx, absente — installez l'option : "
        "pip install 'psc-checker[probe]'",
        "en": "the probes need the httpx library, which is missing — install the extra: "
        "pip install 'psc-checker[probe]'",
    },
    "probe.bad_url": {
        "fr": "{url} : pas une URL http(s) absolue — donnez p. ex. https://portail.exemple.fr/connexion/psc",
        "en": "{url}: not an absolute http(s) URL — give e.g. https://portal.example.fr/login/psc",
    },
    "probe.bad_host": {
        "fr": "{target} : pas un HÔTE[:PORT] — donnez p. ex. portail.exemple.fr ou portail.exemple.fr:8443",
        "en": "{target}: not a HOST[:PORT] — give e.g. portal.example.fr or portal.example.fr:8443",
    },
    "probe.bad_ca_bundle": {
        "fr": "{path} : fichier d'autorités illisible ({error}) — donnez un fichier PEM de certificats d'AC",
        "en": "{path}: unreadable authorities file ({error}) — give a PEM file of CA certificates",
    },
    "probe.host_not_named": {
        "fr": "{url} : hôte non nommé sur la ligne de commande, requête non envoyée — seuls les hôtes nommés sont "
        "contactés",
        "en": "{url}: host not named on the command line, request not sent — only the named hosts are contacted",
    },
    "probe.budget_requests": {
        "fr": "plus de {count} requêtes : la sonde s'arrête — vérifiez que le service ne redirige pas en boucle",
        "en": "more than {count} requests: the probe stops — check that the service does not redirect in a loop",
    },
    "probe.budget_time": {
        "fr": "plus de {seconds} s : la sonde s'arrête — le service répond trop lentement",
        "en": "more than {seconds} s: the probe stops — the service answers too slowly",
    },
    "probe.timeout": {
        "fr": "{url} : pas de réponse en {seconds} s — vérifiez l'adresse et que le service est joignable d'ici",
        "en": "{url}: no answer within {seconds} s — check the address and that the service is reachable from here",
    },
    "probe.unreachable": {
        "fr": "{url} : injoignable ({error}) — vérifiez l'adresse, le port, et pour une PKI de test passez "
        "--ca-bundle FICHIER",
        "en": "{url}: unreachable ({error}) — check the address, the port, and for a test PKI pass --ca-bundle FILE",
    },
    "probe.plan_head": {
        "fr": "Plan (--dry-run : rien n'est envoyé) :",
        "en": "Plan (--dry-run: nothing is sent):",
    },
    "probe.plan_login": {
        "fr": "GET {url}, puis ses redirections sur le même hôte seulement (au plus {hops}), {runs} fois",
        "en": "GET {url}, then its redirects on the same host only (at most {hops}), {runs} times",
    },
    "probe.plan_psc_never": {
        "fr": "la redirection vers PSC est enregistrée dans le HAR mais jamais suivie : PSC n'est pas contacté",
        "en": "the redirect to PSC is recorded in the HAR but never followed: PSC is not contacted",
    },
    "probe.plan_cors": {
        "fr": "OPTIONS puis GET {url}, avec Origin: {origin}",
        "en": "OPTIONS then GET {url}, with Origin: {origin}",
    },
    "probe.plan_proxy": {
        "fr": "{request} (attendu : {expected})",
        "en": "{request} (expected: {expected})",
    },
    "probe.plan_tls": {
        "fr": "{count} connexions TCP à {host}:{port} : SSL 2 et SSL 3 (ClientHello), TLS 1.0 à 1.3 (une poignée de "
        "main par version), puis la chaîne de certificats",
        "en": "{count} TCP connections to {host}:{port}: SSL 2 and SSL 3 (ClientHello), TLS 1.0 to 1.3 (one "
        "handshake per version), then the certificate chain",
    },
    "probe.plan_bounds": {
        "fr": "Limites : {requests} requêtes, {timeout} s par requête, {seconds} s en tout ; User-Agent : {agent} ; "
        "aucun identifiant envoyé, aucun cookie conservé après l'exécution",
        "en": "Bounds: {requests} requests, {timeout} s per request, {seconds} s in all; User-Agent: {agent}; no "
        "credentials sent, no cookie kept after the run",
    },
    "probe.login_no_redirect": {
        "fr": "{url} a répondu {status} sans rediriger vers PSC — donnez l'URL vers laquelle pointe le bouton "
        "« Se connecter avec Pro Santé Connect »",
        "en": "{url} answered {status} without redirecting to PSC — give the URL the « Se connecter avec Pro Santé "
        "Connect » button points to",
    },
    "probe.login_foreign": {
        "fr": "redirection vers un autre hôte ({url}), non suivie : seuls le service et la redirection vers PSC "
        "sont admis",
        "en": "redirect to another host ({url}), not followed: only the service and the redirect to PSC are allowed",
    },
    "probe.login_hops": {
        "fr": "plus de {hops} redirections sur le service sans atteindre PSC",
        "en": "more than {hops} redirects on the service without reaching PSC",
    },
    "probe.login_client_id": {
        "fr": "la requête d'autorisation porte client_id={found}, et non le client_id donné ({declared})",
        "en": "the authorization request carries client_id={found}, not the client_id given ({declared})",
    },
    "probe.cors_wildcard": {
        "fr": "{method} {url} : Access-Control-Allow-Origin: * — toute page web peut lire la réponse",
        "en": "{method} {url}: Access-Control-Allow-Origin: * — any web page can read the answer",
    },
    "probe.cors_reflected": {
        "fr": "{method} {url} : l'origine étrangère {origin} est renvoyée telle quelle dans Access-Control-Allow-Origin",
        "en": "{method} {url}: the foreign origin {origin} is reflected in Access-Control-Allow-Origin",
    },
    "probe.cors_reflected_credentials": {
        "fr": "{method} {url} : l'origine étrangère {origin} est renvoyée telle quelle, avec "
        "Access-Control-Allow-Credentials: true — une page tierce peut agir avec la session de l'utilisateur",
        "en": "{method} {url}: the foreign origin {origin} is reflected, with Access-Control-Allow-Credentials: "
        "true — a third-party page can act with the user's session",
    },
    "probe.cors_ok": {
        "fr": "aucun des {count} points d'accès n'autorise l'origine étrangère {origin}",
        "en": "none of the {count} endpoints allows the foreign origin {origin}",
    },
    "probe.proxy_production": {
        "fr": "{host} ne ressemble pas à un bac à sable (ou --environment production) : la sonde du proxy est réservée "
        "au bac à sable — passez --i-know si c'en est bien un",
        "en": "{host} does not look like a sandbox (or --environment production): the proxy probe is for sandboxes "
        "only — pass --i-know if it is one",
    },
    "probe.proxy_server_error": {
        "fr": "{request} : {status} (erreur du serveur) au lieu de {expected} — écart au contrat du Proxy e-Santé",
        "en": "{request}: {status} (server error) instead of {expected} — departs from the Proxy e-Santé contract",
    },
    "probe.proxy_status": {
        "fr": "{request} : {status} au lieu de {expected} — écart au contrat du Proxy e-Santé",
        "en": "{request}: {status} instead of {expected} — departs from the Proxy e-Santé contract",
    },
    "probe.proxy_traces_json": {
        "fr": "GET /traces : la réponse n'est pas une liste JSON de traces",
        "en": "GET /traces: the answer is not a JSON list of traces",
    },
    "probe.proxy_trace_type": {
        "fr": "GET /traces : la trace n° {index} n'a pas de type connu (CONNECT_SUCCESS, CONNECT_REPLAY, "
        "CONNECT_FAILURE, SEND, DISCONNECT)",
        "en": "GET /traces: trace no. {index} has no known type (CONNECT_SUCCESS, CONNECT_REPLAY, CONNECT_FAILURE, "
        "SEND, DISCONNECT)",
    },
    "probe.proxy_trace_fields": {
        "fr": "GET /traces : il manque à la trace n° {index} : {fields}",
        "en": "GET /traces: trace no. {index} lacks: {fields}",
    },
    "probe.proxy_ok": {
        "fr": "les {count} cas du contrat donnent la réponse attendue",
        "en": "the {count} contract cases get the expected answer",
    },
    "probe.tls_connections": {
        "fr": "{count} connexions TCP à {host}:{port}",
        "en": "{count} TCP connections to {host}:{port}",
    },
    "probe.tls_offered": {"fr": "{version} : acceptée", "en": "{version}: accepted"},
    "probe.tls_refused": {"fr": "{version} : refusée", "en": "{version}: refused"},
    "probe.tls_not_testable": {
        "fr": "{version} : non testable ici (l'OpenSSL local ne sait pas la proposer)",
        "en": "{version}: not testable here (the local OpenSSL cannot offer it)",
    },
    "probe.tls_no_answer": {
        "fr": "{version} : pas de réponse du serveur (inconnue, non devinée)",
        "en": "{version}: no answer from the server (unknown, not guessed)",
    },
    "probe.tls_certificate": {
        "fr": "certificat n° {position} : {subject} ; noms : {names} ; valide du {start} au {end}",
        "en": "certificate no. {position}: {subject}; names: {names}; valid from {start} to {end}",
    },
    "probe.tls_verified": {
        "fr": "chaîne vérifiée (autorités du système ou --ca-bundle, nom de l'hôte compris)",
        "en": "chain verified (system authorities or --ca-bundle, host name included)",
    },
    "probe.tls_not_verified": {
        "fr": "chaîne non vérifiée : {error}",
        "en": "chain not verified: {error}",
    },
    "probe.requests_head": {"fr": "Requêtes :", "en": "Requests:"},
    "probe.request_line": {"fr": "{method} {url} → {status}", "en": "{method} {url} → {status}"},
    "probe.request_unsent": {
        "fr": "{method} {url} → non envoyée (redirection vers PSC, enregistrée)",
        "en": "{method} {url} → not sent (redirect to PSC, recorded)",
    },
    "probe.written": {"fr": "écrit : {path}", "en": "written: {path}"},
    "probe.results_head": {"fr": "Résultats :", "en": "Results:"},
    "probe.check_line": {"fr": "{status} {check} : {reasons}", "en": "{status} {check}: {reasons}"},
    "probe.finding": {"fr": "écart", "en": "finding"},
    "probe.summary_title": {"fr": "psc-check probe {probe}", "en": "psc-check probe {probe}"},
    "probe.not_checkable": {
        "fr": "au moins un contrôle n'a pas pu conclure (voir ci-dessus) : code de sortie 2",
        "en": "at least one check could not conclude (see above): exit code 2",
    },
    "probe.cite_needs_requirement": {
        "fr": "--cite demande au moins une exigence : --requirement EXIGENCE (répétable)",
        "en": "--cite needs at least one requirement: --requirement REQUIREMENT (repeatable)",
    },
    "probe.requirement_needs_cite": {
        "fr": "--requirement demande --cite DECLARATION",
        "en": "--requirement needs --cite DECLARATION",
    },
    "probe.needs_output": {
        "fr": "donnez le dossier des preuves : -o DOSSIER (ou --dry-run pour voir le plan)",
        "en": "give the evidence folder: -o FOLDER (or --dry-run to see the plan)",
    },
    "probe.one_target": {
        "fr": "probe {probe} prend une seule cible",
        "en": "probe {probe} takes one target",
    },
    "probe.cite_no_fit": {
        "fr": "{requirement} n'attend aucun des types de preuve produits ({kinds}) — citez une autre exigence",
        "en": "{requirement} expects none of the evidence kinds produced ({kinds}) — cite another requirement",
    },
    "probe.exists": {
        "fr": "{path} existe déjà : une preuve n'est jamais écrasée — choisissez un autre dossier -o, ou retirez ce "
        "fichier (et sa citation)",
        "en": "{path} already exists: evidence is never overwritten — choose another -o folder, or remove that file "
        "(and its citation)",
    },
    "probe.no_declaration": {
        "fr": "{path} : déclaration introuvable pour --cite — donnez le chemin du fichier YAML",
        "en": "{path}: no such declaration for --cite — give the path of the YAML file",
    },
    "probe.cite_description": {
        "fr": "Produite par psc-check probe {probe}",
        "en": "Produced by psc-check probe {probe}",
    },
}
