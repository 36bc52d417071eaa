"""Messages of the checks on captured exchanges: HAR, CIBA requests, proxy traces (fr/en)."""

from __future__ import annotations

from checker.i18n import Pairs

__all__ = ["EXCHANGE_MESSAGES"]

_HAR = {
    "har.not_har": (
        "ni HAR (log.entries) ni journal de requêtes (objets avec method et url)",
        "neither a HAR (log.entries) nor a log of requests (objects with method and url)",
    ),
    "har.empty": ("capture HAR sans aucune requête", "HAR capture without any request"),
    "har.no_authorize": (
        "aucune requête d'autorisation vers PSC dans la capture",
        "no authorization request to PSC in the capture",
    ),
    "har.authorize_fact": (
        "{count} requête d'autorisation : {fact}|{count} requêtes d'autorisation : {fact}",
        "{count} authorization request: {fact}|{count} authorization requests: {fact}",
    ),
    "har.scope_missing": (
        "requête d'autorisation avec scope « {scope} », sans {missing}",
        "authorization request with scope “{scope}”, lacking {missing}",
    ),
    "har.acr_only": (
        "acr={value} sans acr_values : PSC attend acr_values=eidas1",
        "acr={value} without acr_values: PSC expects acr_values=eidas1",
    ),
    "har.acr_missing": ("requête d'autorisation sans acr_values", "authorization request without acr_values"),
    "har.acr_wrong": ("acr_values « {value} » au lieu de eidas1", "acr_values “{value}” instead of eidas1"),
    "har.response_type": (
        "response_type « {value} » : seul le flux code d'autorisation est admis",
        "response_type “{value}”: only the authorization code flow is allowed",
    ),
    "har.param_weak": ("{name} absent ou trop court (« {value} »)", "{name} missing or too short (“{value}”)"),
    "har.param_reused": (
        "même {name} dans deux requêtes d'autorisation : il doit être aléatoire",
        "the same {name} in two authorization requests: it must be random",
    ),
    "har.param_fact": ("{name} présent et propre à chaque requête", "{name} present and unique to each request"),
    "har.pkce_missing": (
        "requête d'autorisation sans PKCE (code_challenge)",
        "authorization request without PKCE (code_challenge)",
    ),
    "har.pkce_method": (
        "PKCE avec la méthode « {method} » au lieu de S256",
        "PKCE with method “{method}” instead of S256",
    ),
    "har.secret_param": ("client_secret envoyé par le navigateur : {url}", "client_secret sent by the browser: {url}"),
    "har.token_call": (
        "le navigateur appelle l'endpoint token de PSC ({url}) : cet appel doit partir du serveur",
        "the browser calls the PSC token endpoint ({url}): this call must come from the server",
    ),
    "har.basic_auth": (
        "authentification Basic (identifiant et secret) envoyée par le navigateur à PSC : {url}",
        "Basic authentication (client id and secret) sent by the browser to PSC: {url}",
    ),
    "har.secret_served": (
        "une réponse livre un client_secret au navigateur : {url}",
        "a response hands a client_secret to the browser: {url}",
    ),
    "har.no_browser": (
        "aucun échange côté navigateur dans la capture (journal serveur, ou entrées HAR marquées _origin: server)",
        "no browser-side exchange in the capture (a server log, or HAR entries marked _origin: server)",
    ),
    "har.front_ok": (
        (
            "{count} échange côté navigateur sans secret ni appel à l'endpoint token"
            "|{count} échanges côté navigateur sans secret ni appel à l'endpoint token"
        ),
        (
            "{count} browser exchange without secret nor token endpoint call"
            "|{count} browser exchanges without secret nor token endpoint call"
        ),
    ),
    "har.no_logout": (
        "aucun appel à l'endpoint de déconnexion (end_session) de PSC dans la capture",
        "no call to the PSC end-session endpoint in the capture",
    ),
    "har.logout_hint": ("déconnexion sans id_token_hint : {url}", "logout without id_token_hint: {url}"),
    "har.logout_redirect": (
        "post_logout_redirect_uri absent ou pas en https : {uri}",
        "post_logout_redirect_uri missing or not https: {uri}",
    ),
    "har.logout_ok": (
        (
            "{count} déconnexion PSC avec id_token_hint et post_logout_redirect_uri en https"
            "|{count} déconnexions PSC avec id_token_hint et post_logout_redirect_uri en https"
        ),
        (
            "{count} PSC logout with id_token_hint and an https post_logout_redirect_uri"
            "|{count} PSC logouts with id_token_hint and an https post_logout_redirect_uri"
        ),
    ),
    "har.plain_http": ("appel en clair (http) : {url}", "plain http call: {url}"),
    "har.plain_redirect": ("{name} en clair (http) : {uri}", "plain http {name}: {uri}"),
    "har.https_ok": (
        "{count} appel, en https|{count} appels, tous en https",
        "{count} call, over https|{count} calls, all over https",
    ),
    "har.no_psc_call": ("aucun appel vers un hôte PSC dans la capture", "no call to a PSC host in the capture"),
    "har.deprecated_host": (
        "appel à l'ancien hôte du bac à sable {host} : utilisez *.bas.psc.esante.gouv.fr",
        "call to the former sandbox host {host}: use *.bas.psc.esante.gouv.fr",
    ),
    "har.authorize_host": (
        "requête d'autorisation vers {host} : la page d'autorisation PSC est sur wallet.*",
        "authorization request to {host}: the PSC authorization page is on wallet.*",
    ),
    "har.backchannel_host": (
        "appel token ou déconnexion vers {host} : attendu auth.*",
        "token or logout call to {host}: expected auth.*",
    ),
    "har.mixed": (
        "la capture mêle les hôtes PSC du bac à sable et de la production",
        "the capture mixes sandbox and production PSC hosts",
    ),
    "har.wrong_environment": (
        "hôtes PSC de {actual}, alors que la preuve est présentée pour {claimed}",
        "PSC hosts of {actual}, though the evidence is offered for {claimed}",
    ),
    "har.hosts_ok": (
        (
            "{count} appel vers les hôtes PSC actuels d'un seul environnement"
            "|{count} appels vers les hôtes PSC actuels d'un seul environnement"
        ),
        (
            "{count} call to the current PSC hosts of one environment"
            "|{count} calls to the current PSC hosts of one environment"
        ),
    ),
}

_CIBA = {
    "ciba.no_request": (
        "aucune requête CIBA (login_hint) dans la capture",
        "no CIBA request (login_hint) in the capture",
    ),
    "ciba.no_psc_request": (
        "aucune requête vers l'endpoint CIBA de PSC dans la capture",
        "no request to the PSC CIBA endpoint in the capture",
    ),
    "ciba.missing": ("requête CIBA sans {name}", "CIBA request without {name}"),
    "ciba.fact": (
        "{count} requête CIBA : {name} conforme|{count} requêtes CIBA : {name} conforme",
        "{count} CIBA request: {name} as required|{count} CIBA requests: {name} as required",
    ),
    "ciba.login_hint_bad": (
        "login_hint « {value} » : pas un identifiant national (12 chiffres, « 8 » suivi du RPPS)",
        "login_hint “{value}”: not a national identifier (12 digits, “8” followed by the RPPS)",
    ),
    "ciba.binding_message_bad": (
        "binding_message « {value} » : deux chiffres attendus (00 à 99)",
        "binding_message “{value}”: two digits expected (00 to 99)",
    ),
    "ciba.channel_bad": ("channel « {value} » : CARD ou MOBILE attendu", "channel “{value}”: CARD or MOBILE expected"),
    "ciba.scope_bad": (
        "scope « {value} » : openid et scope_all attendus",
        "scope “{value}”: openid and scope_all expected",
    ),
    "ciba.acr_bad": ("acr_values « {value} » au lieu de eidas1", "acr_values “{value}” instead of eidas1"),
}

_TRACES = {
    "traces.not_list": (
        "pas une liste de traces (tableau JSON, ou objet avec `traces`)",
        "not a list of traces (JSON array, or object with `traces`)",
    ),
    "traces.empty": ("extrait sans aucune trace", "extract without any trace"),
    "traces.unknown_type": ("type(s) de trace inconnu(s) : {types}", "unknown trace type(s): {types}"),
    "traces.out_of_order": (
        "horodatages dans le désordre à la trace {index}",
        "timestamps out of order at trace {index}",
    ),
    "traces.no_cycle": (
        "aucune session ne montre le cycle CONNECT_SUCCESS → SEND → DISCONNECT",
        "no session shows the cycle CONNECT_SUCCESS → SEND → DISCONNECT",
    ),
    "traces.types": ("{count} traces, types : {types}", "{count} traces, types: {types}"),
    "traces.not_shown": ("types absents de l'extrait : {types}", "types not shown by the extract: {types}"),
    "traces.not_object": ("trace {index} : pas un objet", "trace {index}: not an object"),
    "traces.missing": ("trace {index} ({type}) sans {fields}", "trace {index} ({type}) without {fields}"),
    "traces.bad_timestamp": (
        "trace {index} : horodatage illisible (ISO 8601 attendu)",
        "trace {index}: unreadable timestamp (ISO 8601 expected)",
    ),
    "traces.no_api_request": ("trace SEND {index} sans apiRequest", "SEND trace {index} without apiRequest"),
    "traces.api_request_outside_send": (
        "trace {index} ({type}) avec apiRequest, réservé aux traces SEND",
        "trace {index} ({type}) with apiRequest, which only SEND traces carry",
    ),
    "traces.fields_ok": (
        "{count} traces avec les champs obligatoires de leur type",
        "{count} traces with the mandatory fields of their type",
    ),
    "traces.no_send": ("aucune trace SEND dans l'extrait", "no SEND trace in the extract"),
    "traces.api_request_incomplete": (
        "trace SEND {index} : apiRequest sans nomApiPsc, methode et path",
        "SEND trace {index}: apiRequest lacks nomApiPsc, methode and path",
    ),
    "traces.bad_method": (
        "trace SEND {index} : méthode « {method} » inconnue",
        "SEND trace {index}: unknown method “{method}”",
    ),
    "traces.payload": (
        "trace SEND {index} : données hors du contrat de trace ({fields}) — aucune donnée de la requête ne doit être tracée",
        "SEND trace {index}: data outside the trace contract ({fields}) — no request data may be traced",
    ),
    "traces.send_ok": (
        "{count} trace SEND sans donnée de la requête|{count} traces SEND sans donnée de la requête",
        "{count} SEND trace without request data|{count} SEND traces without request data",
    ),
}

_TLS = {
    "tls.unknown_format": (
        "ni sortie JSON de testssl.sh (--jsonfile), de sslyze (--json_out) ou de psc-check probe tls",
        "neither a testssl.sh JSON output (--jsonfile) nor an sslyze one (--json_out) nor a psc-check probe tls scan",
    ),
    "tls.empty": ("analyse {tool} sans aucun serveur analysé", "{tool} scan without any scanned server"),
    "tls.forbidden_offered": ("{host} offre {versions}, interdit(s)", "{host} offers {versions}, forbidden"),
    "tls.no_modern": ("{host} n'offre ni TLS 1.2 ni TLS 1.3", "{host} offers neither TLS 1.2 nor TLS 1.3"),
    "tls.versions_unknown": (
        "{host} : l'analyse ne dit pas si {versions} est offert",
        "{host}: the scan does not say whether {versions} is offered",
    ),
    "tls.versions_ok": (
        "{host} offre {versions}, ni SSL ni TLS 1.0 ni TLS 1.1 (analyse {tool})",
        "{host} offers {versions}, neither SSL nor TLS 1.0 nor TLS 1.1 ({tool} scan)",
    ),
    "tls.no_certificate": (
        "{host} : l'analyse ne rapporte aucun certificat",
        "{host}: the scan reports no certificate",
    ),
    "tls.certificate_undated": (
        "{host} : dates de validité du certificat absentes de l'analyse",
        "{host}: the certificate's validity dates are not in the scan",
    ),
    "tls.certificate_not_yet": (
        "{host} : certificat valide seulement à partir du {start}",
        "{host}: certificate valid only from {start}",
    ),
    "tls.certificate_expired": ("{host} : certificat expiré le {end}", "{host}: certificate expired on {end}"),
    "tls.certificate_ok": (
        "{host} : certificat valide du {start} au {end}",
        "{host}: certificate valid from {start} to {end}",
    ),
    "tls.no_declared_host": (
        "la déclaration ne nomme pas les hôtes du service (subject.hosts)",
        "the declaration does not name the service's hosts (subject.hosts)",
    ),
    "tls.host_foreign": (
        "hôte(s) analysé(s) {hosts} absent(s) des hôtes déclarés ({declared})",
        "scanned host(s) {hosts} not among the declared hosts ({declared})",
    ),
    "tls.host_ok": ("hôte(s) analysé(s) déclaré(s) : {hosts}", "scanned host(s) declared: {hosts}"),
}

EXCHANGE_MESSAGES: Pairs = {**_HAR, **_CIBA, **_TRACES, **_TLS}
"""Key (without the ``check.`` prefix) → (French, English)."""
