"""Checks on a capture of a PSC login and logout (HAR as browsers export it, or a JSON log of requests)."""

from __future__ import annotations

from collections.abc import Callable

from checker.checks.base import CheckContext, Conclusion, KindChecks, env_label, not_checkable, say, verdict
from checker.checks.capture import Capture, Exchange, read_capture
from checker.checks.psc import ACR, REQUIRED_SCOPES, scope_values
from checker.checks.reading import parse_data
from checker.model.message import Message, Param
from checker.model.referential import EvidenceKind

__all__ = [
    "CHECKS",
    "KIND",
    "MAX_BYTES",
    "check_acr",
    "check_code_flow",
    "check_front_channel",
    "check_hosts",
    "check_https",
    "check_logout",
    "check_nonce",
    "check_pkce",
    "check_scope",
    "check_state",
    "load",
]

KIND = EvidenceKind.HTTP_CAPTURE
MAX_BYTES = 10 * 1024 * 1024


def load(raw: bytes) -> Capture:
    """The exchanges of a HAR file, or of a JSON log of requests (``method``, ``url``, ``body``…)."""
    return read_capture(parse_data(raw))


CHECKS = KindChecks(KIND, MAX_BYTES, load)


def _on_authorize(
    cap: Capture, rule: Callable[[Exchange], Message | None], fact: Param, *, backchannel: bool = False
) -> Conclusion:
    requests = cap.authorize(backchannel=backchannel)
    if not requests:
        return not_checkable(say("har.no_authorize"))
    problems = [p for p in (rule(x) for x in requests) if p is not None]
    return verdict(problems, [say("har.authorize_fact", count=len(requests), fact=fact)])


@CHECKS.check("har.scope")
def check_scope(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every authorization request (CIBA ones included) asks for ``openid`` and ``scope_all``."""

    def rule(x: Exchange) -> Message | None:
        scopes = scope_values(x.params.get("scope", ""))
        missing = [s for s in REQUIRED_SCOPES if s not in scopes]
        return say("har.scope_missing", missing=", ".join(missing), scope=" ".join(scopes) or "—") if missing else None

    return _on_authorize(cap, rule, "scope=openid scope_all", backchannel=True)


@CHECKS.check("har.acr")
def check_acr(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every authorization request (CIBA ones included) sends ``acr_values=eidas1``."""

    def rule(x: Exchange) -> Message | None:
        value = x.params.get("acr_values")
        if value is None:
            return say("har.acr_only", value=x.params["acr"]) if "acr" in x.params else say("har.acr_missing")
        return None if value.split() == [ACR] else say("har.acr_wrong", value=value)

    return _on_authorize(cap, rule, f"acr_values={ACR}", backchannel=True)


@CHECKS.check("har.code_flow")
def check_code_flow(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every authorization request uses the authorization code flow (``response_type=code``)."""

    def rule(x: Exchange) -> Message | None:
        value = x.params.get("response_type", "")
        return None if value == "code" else say("har.response_type", value=value or "—")

    return _on_authorize(cap, rule, "response_type=code")


def _random_param(name: str, cap: Capture) -> Conclusion:
    seen: dict[str, int] = {}

    def rule(x: Exchange) -> Message | None:
        value = x.params.get(name, "")
        seen[value] = seen.get(value, 0) + 1
        if len(value) < 8:
            return say("har.param_weak", name=name, value=value or "—")
        return say("har.param_reused", name=name) if seen[value] == 2 else None

    return _on_authorize(cap, rule, say("har.param_fact", name=name))


@CHECKS.check("har.state")
def check_state(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every authorization request carries its own unguessable ``state``."""
    return _random_param("state", cap)


@CHECKS.check("har.nonce")
def check_nonce(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every authorization request carries its own unguessable ``nonce``."""
    return _random_param("nonce", cap)


@CHECKS.check("har.pkce")
def check_pkce(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every authorization request uses PKCE with ``code_challenge_method=S256``."""

    def rule(x: Exchange) -> Message | None:
        challenge, method = x.params.get("code_challenge", ""), x.params.get("code_challenge_method", "")
        if not challenge:
            return say("har.pkce_missing")
        return None if method == "S256" and len(challenge) >= 43 else say("har.pkce_method", method=method or "plain")

    return _on_authorize(cap, rule, "code_challenge_method=S256")


@CHECKS.check("har.front_channel")
def check_front_channel(cap: Capture, ctx: CheckContext) -> Conclusion:
    """No client secret leaves through the browser, and the browser never calls the PSC token endpoint."""
    browser = [x for x in cap.exchanges if x.origin == "browser"]
    if not browser:
        return not_checkable(say("har.no_browser"))
    problems: list[Message] = []
    for x in browser:
        if x.params.get("client_secret"):
            problems.append(say("har.secret_param", url=_short(x.url)))
        if x.host is not None and x.is_token:
            problems.append(say("har.token_call", url=_short(x.url)))
        if x.host is not None and x.headers.get("authorization", "").lower().startswith("basic "):
            problems.append(say("har.basic_auth", url=_short(x.url)))
        if '"client_secret"' in x.response_text or "client_secret=" in x.response_text:
            problems.append(say("har.secret_served", url=_short(x.url)))
    return verdict(problems, [say("har.front_ok", count=len(browser))], unordered=True)


@CHECKS.check("har.logout")
def check_logout(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Logout goes through PSC's end-session endpoint with ``id_token_hint`` and an https post-logout URI."""
    calls = [x for x in cap.exchanges if x.is_logout]
    if not calls:
        return verdict([say("har.no_logout")], [])
    problems: list[Message] = []
    for x in calls:
        if not x.params.get("id_token_hint"):
            problems.append(say("har.logout_hint", url=_short(x.url)))
        uri = x.params.get("post_logout_redirect_uri", "")
        if not uri.startswith("https://"):
            problems.append(say("har.logout_redirect", uri=uri or "—"))
    return verdict(problems, [say("har.logout_ok", count=len(calls))])


@CHECKS.check("har.https")
def check_https(cap: Capture, ctx: CheckContext) -> Conclusion:
    """Every call, and every redirect URI the calls carry, is over https."""
    problems: list[Message] = []
    for x in cap.exchanges:
        if x.url.lower().startswith(("http://", "ws://")):
            problems.append(say("har.plain_http", url=_short(x.url)))
        problems += [
            say("har.plain_redirect", name=name, uri=x.params[name])
            for name in ("redirect_uri", "post_logout_redirect_uri")
            if x.params.get(name, "").lower().startswith("http://")
        ]
    return verdict(problems, [say("har.https_ok", count=len(cap.exchanges))], unordered=True)


@CHECKS.check("har.hosts")
def check_hosts(cap: Capture, ctx: CheckContext) -> Conclusion:
    """PSC calls go to the current hosts of one environment, the claimed one; the login page to ``wallet.*``."""
    calls = [(x, host) for x in cap.exchanges if (host := x.host) is not None]
    if not calls:
        return not_checkable(say("har.no_psc_call"))
    problems: list[Message] = []
    envs = {host.environment for _, host in calls}
    for x, host in calls:
        if host.deprecated:
            problems.append(say("har.deprecated_host", host=host.name))
        if x.is_authorize and not host.front:
            problems.append(say("har.authorize_host", host=host.name))
        if (x.is_token or x.is_logout) and host.front:
            problems.append(say("har.backchannel_host", host=host.name))
    if len(envs) > 1:
        problems.append(say("har.mixed"))
    elif ctx.environment is not None and ctx.environment not in envs:
        actual = env_label(envs.pop())
        problems.append(say("har.wrong_environment", actual=actual, claimed=env_label(ctx.environment)))
    return verdict(problems, [say("har.hosts_ok", count=len(calls))], unordered=True)


def _short(url: str) -> str:
    return url.split("?", 1)[0][:200]
