"""Checks on a vendor's OIDC client configuration for PSC (JSON or YAML): hosts, request values, auth, URIs, secret."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from checker.checks.base import (
    CheckContext,
    Conclusion,
    KindChecks,
    NotCheckable,
    env_label,
    not_checkable,
    say,
    verdict,
)
from checker.checks.psc import ACR, DISCOVERY_SUFFIXES, ISSUERS, REQUIRED_SCOPES, locate_host, scope_values
from checker.checks.reading import parse_data, walk
from checker.model.message import Message, term
from checker.model.referential import Environment, EvidenceKind

__all__ = [
    "CHECKS",
    "KIND",
    "MAX_BYTES",
    "ClientConfig",
    "check_acr",
    "check_client_auth",
    "check_environment",
    "check_front_secret",
    "check_redirect_uris",
    "check_response_type",
    "check_scope",
    "environment_named",
    "load",
]

KIND = EvidenceKind.OIDC_CLIENT_CONFIG
MAX_BYTES = 1024 * 1024
_REDIRECT_KEYS = ("redirect_uris", "redirect_uri", "post_logout_redirect_uris", "post_logout_redirect_uri")
_SECRET_METHODS = frozenset({"client_secret_basic", "client_secret_post"})
_BROWSER = frozenset({"browser", "spa", "single_page", "javascript", "user_agent", "user-agent-based", "frontend"})
_SERVER = frozenset({"server", "backend", "web", "confidential"})
_ENVIRONMENTS = {
    "bac_a_sable": Environment.BAC_A_SABLE,
    "bas": Environment.BAC_A_SABLE,
    "sandbox": Environment.BAC_A_SABLE,
    "production": Environment.PRODUCTION,
    "prod": Environment.PRODUCTION,
}


@dataclass(frozen=True)
class ClientConfig:
    """The mapping of the file that holds the client's settings (the first one with a ``client_id``)."""

    settings: dict[str, Any]

    def text(self, *names: str) -> str | None:
        for name in names:
            value = self.settings.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    def texts(self, *names: str) -> list[str]:
        out: list[str] = []
        for name in names:
            value = self.settings.get(name)
            items = value if isinstance(value, list) else [value]
            out += [v.strip() for v in items if isinstance(v, str) and v.strip()]
        return out


def load(raw: bytes) -> ClientConfig:
    """The client settings of a JSON or YAML configuration file."""
    data = parse_data(raw, yaml=True)
    if not isinstance(data, dict):
        raise NotCheckable(say("oidc.not_mapping"))
    for node in walk(data):
        if isinstance(node, dict) and "client_id" in node:
            return ClientConfig(node)
    raise NotCheckable(say("oidc.no_client_id"))


CHECKS = KindChecks(KIND, MAX_BYTES, load)


def environment_named(value: object) -> Environment | None:
    """An environment written the way configurations write it (``bas``, ``sandbox``, ``prod``…)."""
    return _ENVIRONMENTS.get(value.strip().lower()) if isinstance(value, str) else None


@CHECKS.check("oidc.environment")
def check_environment(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """Issuer, discovery and endpoints on the current PSC hosts of one environment: the claimed one."""
    urls = {k: v.strip() for k, v in cfg.settings.items() if isinstance(v, str) and k not in _REDIRECT_KEYS}
    urls = {k: v for k, v in urls.items() if v.lower().startswith(("http://", "https://"))}
    located = {k: (v, locate_host(v)) for k, v in urls.items()}
    psc = {k: (v, h) for k, (v, h) in located.items() if h is not None}
    if not psc:
        return verdict([say("oidc.no_psc_url")], [])
    problems: list[Message] = []
    envs = {h.environment for _, h in psc.values()}
    for key, (url, host) in sorted(psc.items()):
        if host.deprecated:
            problems.append(say("oidc.deprecated_host", field=key, host=host.name))
        if not url.lower().startswith("https://"):
            problems.append(say("oidc.not_https", field=key, url=url))
        if key == "authorization_endpoint" and not host.front:
            problems.append(say("oidc.authorize_host", host=host.name))
        if key.endswith("_endpoint") and key != "authorization_endpoint" and host.front:
            problems.append(say("oidc.backchannel_host", field=key, host=host.name))
    if len(envs) > 1:
        problems.append(say("oidc.mixed", keys=", ".join(sorted(psc))))
        return verdict(problems, [])
    env = envs.pop()
    claimed = ctx.environment or environment_named(cfg.settings.get("environment"))
    if claimed is not None and claimed is not env:
        problems.append(say("oidc.wrong_environment", actual=env_label(env), claimed=env_label(claimed)))
    problems += _issuer_problems(cfg, env)
    return verdict(problems, [say("oidc.environment_ok", environment=env_label(env))])


def _issuer_problems(cfg: ClientConfig, env: Environment) -> list[Message]:
    problems: list[Message] = []
    issuer = cfg.text("issuer", "issuer_url")
    if issuer is not None and issuer.rstrip("/") != ISSUERS[env]:
        problems.append(say("oidc.issuer", issuer=issuer, expected=ISSUERS[env]))
    discovery = cfg.text("discovery_url", "discovery_uri", "well_known_url", "openid_configuration_url")
    if discovery is not None and discovery not in {ISSUERS[env] + suffix for suffix in DISCOVERY_SUFFIXES}:
        problems.append(say("oidc.discovery", url=discovery, expected=ISSUERS[env] + DISCOVERY_SUFFIXES[0]))
    return problems


@CHECKS.check("oidc.scope")
def check_scope(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """``scope`` holds ``openid`` and ``scope_all``."""
    scopes = scope_values(cfg.settings.get("scope", cfg.settings.get("scopes")))
    if not scopes:
        return not_checkable(say("oidc.absent", field="scope"))
    missing = [s for s in REQUIRED_SCOPES if s not in scopes]
    if missing:
        return verdict([say("oidc.scope_missing", missing=", ".join(missing), scope=" ".join(scopes))], [])
    return verdict([], [say("oidc.scope_ok", scope=" ".join(scopes))])


@CHECKS.check("oidc.acr")
def check_acr(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """``acr_values`` is ``eidas1``, the only level PSC supports."""
    values = scope_values(cfg.settings.get("acr_values", cfg.settings.get("acr")))
    if not values:
        return not_checkable(say("oidc.absent", field="acr_values"))
    if values != [ACR]:
        return verdict([say("oidc.acr_wrong", acr=" ".join(values))], [])
    return verdict([], [say("oidc.acr_ok")])


@CHECKS.check("oidc.response_type")
def check_response_type(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """``response_type`` is ``code`` (authorization code flow, no implicit or hybrid)."""
    values = cfg.texts("response_type", "response_types")
    if not values:
        return not_checkable(say("oidc.absent", field="response_type"))
    wrong = [v for v in values if v != "code"]
    if wrong:
        return verdict([say("oidc.response_type_wrong", value=", ".join(wrong))], [])
    return verdict([], [say("oidc.response_type_ok")])


@CHECKS.check("oidc.client_auth")
def check_client_auth(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """The token-endpoint authentication allowed at the level: mTLS only in the Espace de confiance."""
    method = cfg.text("token_endpoint_auth_method")
    if method is None:
        return not_checkable(say("oidc.absent", field="token_endpoint_auth_method"))
    trust_space = ctx.level == "espace_de_confiance"
    allowed = {"tls_client_auth"} if trust_space else _SECRET_METHODS | {"tls_client_auth"}
    problems: list[Message] = []
    if method not in allowed:
        problems.append(say("oidc.auth_method", method=method, allowed=", ".join(sorted(allowed))))
    if trust_space and cfg.text("client_secret"):
        problems.append(say("oidc.secret_in_trust_space"))
    level = ctx.level_term or term(ctx.level or "communaute")
    return verdict(problems, [say("oidc.auth_ok", method=method, level=level)])


@CHECKS.check("oidc.redirect_uris")
def check_redirect_uris(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """Every redirect and post-logout redirect URI is an absolute https URL, with no wildcard nor fragment."""
    uris = cfg.texts(*_REDIRECT_KEYS)
    if not uris:
        return not_checkable(say("oidc.absent", field="redirect_uris"))
    problems = [say("oidc.redirect_bad", uri=u) for u in uris if not _https_uri(u)]
    return verdict(problems, [say("oidc.redirect_ok", count=len(uris))])


def _https_uri(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
    except ValueError:
        return False
    return parts.scheme == "https" and bool(parts.hostname) and not parts.fragment and "*" not in uri


@CHECKS.check("oidc.no_front_secret")
def check_front_secret(cfg: ClientConfig, ctx: CheckContext) -> Conclusion:
    """A configuration served to the browser holds no client secret."""
    side = _side(cfg)
    secret = cfg.text("client_secret") is not None
    if side == "browser" and secret:
        return verdict([say("oidc.front_secret")], [])
    if side == "browser":
        return verdict([], [say("oidc.front_no_secret")])
    if side == "server":
        return verdict([], [say("oidc.server_side")])
    if secret:
        return not_checkable(say("oidc.side_unknown"))
    return verdict([], [say("oidc.no_secret")])


def _side(cfg: ClientConfig) -> str | None:
    words = {v.lower() for v in cfg.texts("application_type", "client_type", "runs_in", "side", "platform")}
    if cfg.text("token_endpoint_auth_method") == "none" or words & (_BROWSER | {"public"}):
        return "browser"
    if words & _SERVER:
        return "server"
    return None
