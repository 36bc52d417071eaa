"""Registry of automated check ids; each maps to the module that implements it (imported on use)."""

from __future__ import annotations

__all__ = ["CHECKED_KINDS", "CHECKS", "MODULE_KINDS", "is_known_check"]

_CERT = "checker.checks.certificate"
_OIDC = "checker.checks.oidc_config"
_HAR = "checker.checks.har"
_TOKEN = "checker.checks.token"  # noqa: S105 - a module name, not a secret
_CIBA = "checker.checks.ciba"
_TRACES = "checker.checks.traces"

MODULE_KINDS: dict[str, str] = {
    _CERT: "certificate",
    _OIDC: "oidc_client_config",
    _HAR: "http_capture",
    _TOKEN: "token_sample",
    _CIBA: "ciba_capture",
    _TRACES: "proxy_traces",
}
"""Check module → the evidence kind it reads (its ``KIND``, as a string: read without importing the module)."""

CHECKS: dict[str, str] = {
    "cert.validity": f"{_CERT}:check_validity",
    "cert.issuer": f"{_CERT}:check_issuer",
    "cert.auth_cli": f"{_CERT}:check_auth_cli",
    "cert.cn_client_id": f"{_CERT}:check_cn_client_id",
    "oidc.environment": f"{_OIDC}:check_environment",
    "oidc.scope": f"{_OIDC}:check_scope",
    "oidc.acr": f"{_OIDC}:check_acr",
    "oidc.response_type": f"{_OIDC}:check_response_type",
    "oidc.client_auth": f"{_OIDC}:check_client_auth",
    "oidc.redirect_uris": f"{_OIDC}:check_redirect_uris",
    "oidc.no_front_secret": f"{_OIDC}:check_front_secret",
    "har.scope": f"{_HAR}:check_scope",
    "har.acr": f"{_HAR}:check_acr",
    "har.code_flow": f"{_HAR}:check_code_flow",
    "har.state": f"{_HAR}:check_state",
    "har.nonce": f"{_HAR}:check_nonce",
    "har.pkce": f"{_HAR}:check_pkce",
    "har.front_channel": f"{_HAR}:check_front_channel",
    "har.logout": f"{_HAR}:check_logout",
    "har.https": f"{_HAR}:check_https",
    "har.hosts": f"{_HAR}:check_hosts",
    "token.acr": f"{_TOKEN}:check_acr",
    "token.issuer_audience": f"{_TOKEN}:check_issuer_audience",
    "token.national_id": f"{_TOKEN}:check_national_id",
    "token.signature": f"{_TOKEN}:check_signature",
    "ciba.login_hint": f"{_CIBA}:check_login_hint",
    "ciba.binding_message": f"{_CIBA}:check_binding_message",
    "ciba.channel": f"{_CIBA}:check_channel",
    "ciba.scope": f"{_CIBA}:check_scope",
    "ciba.acr": f"{_CIBA}:check_acr",
    "traces.cycle": f"{_TRACES}:check_cycle",
    "traces.fields": f"{_TRACES}:check_fields",
    "traces.send_no_payload": f"{_TRACES}:check_send_no_payload",
}
"""Check id → ``module:function`` implementing it; the module's ``KIND`` is the evidence kind the check reads."""


CHECKED_KINDS: tuple[str, ...] = tuple(
    dict.fromkeys(MODULE_KINDS[target.partition(":")[0]] for target in CHECKS.values())
)
"""The evidence kinds the registered checks read, in registry order (the choices of ``check-evidence --kind``)."""


def is_known_check(check_id: str) -> bool:
    """Whether a referential may name ``check_id`` on a requirement."""
    return check_id in CHECKS
