"""Checks on a CIBA capture (HAR, or JSON requests): login_hint, binding_message, channel, scope and acr_values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from checker.checks.base import CheckContext, Conclusion, KindChecks, NotCheckable, not_checkable, say, verdict
from checker.checks.capture import read_har
from checker.checks.psc import ACR, CIBA_CHANNELS, REQUIRED_SCOPES, form_params, is_national_id, scope_values
from checker.checks.reading import parse_data, walk
from checker.model.message import Message
from checker.model.referential import EvidenceKind

__all__ = [
    "CHECKS",
    "KIND",
    "MAX_BYTES",
    "CibaCapture",
    "CibaRequest",
    "check_acr",
    "check_binding_message",
    "check_channel",
    "check_login_hint",
    "check_scope",
    "load",
]

KIND = EvidenceKind.CIBA_CAPTURE
MAX_BYTES = 10 * 1024 * 1024
_TWO_DIGITS = re.compile(r"[0-9]{2}")
_CONNECT_FIELDS = {"nationalId": "login_hint", "bindingMessage": "binding_message", "channel": "channel"}


@dataclass(frozen=True)
class CibaRequest:
    """A backchannel authentication request to PSC, or a proxy ``/connect`` that starts one."""

    params: dict[str, str]
    to_psc: bool
    """A request to PSC's CIBA endpoint (it carries scope and acr_values), not to a Proxy e-Santé."""


@dataclass(frozen=True)
class CibaCapture:
    requests: list[CibaRequest]


def load(raw: bytes) -> CibaCapture:
    """The CIBA requests of a HAR, or of JSON holding request objects (``url`` + ``body``) or parameter sets."""
    data = parse_data(raw)
    if isinstance(data, dict) and isinstance(data.get("log"), dict):
        exchanges = read_har(data)
        found = [CibaRequest(x.params, True) for x in exchanges if "/ext/ciba/" in x.url or "login_hint" in x.params]
    else:
        found = _from_json(data)
    if not found:
        raise NotCheckable(say("ciba.no_request"))
    return CibaCapture(found)


CHECKS = KindChecks(KIND, MAX_BYTES, load)


def _from_json(data: Any) -> list[CibaRequest]:
    found: list[CibaRequest] = []
    consumed: set[int] = set()
    nodes = [n for n in walk(data) if isinstance(n, dict)]
    for node in nodes:
        url = node.get("url")
        body = node.get("body", node.get("params", node.get("form")))
        if not isinstance(url, str) or body is None:
            continue
        consumed.add(id(body))
        params = form_params(body) if isinstance(body, str) else _strings(body)
        path = _path(url)
        if "/ext/ciba/" in path or "login_hint" in params:
            found.append(CibaRequest(params, True))
        elif path.endswith("/connect") and "nationalId" in params:
            found.append(CibaRequest({_CONNECT_FIELDS.get(k, k): v for k, v in params.items()}, False))
    found += [CibaRequest(_strings(n), True) for n in nodes if "login_hint" in n and id(n) not in consumed]
    return found


def _strings(node: Any) -> dict[str, str]:
    if not isinstance(node, dict):
        return {}
    return {str(k): str(v) for k, v in node.items() if isinstance(v, str | int) and not isinstance(v, bool)}


def _path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _each(cap: CibaCapture, name: str, ok: Any, bad: str, *, psc_only: bool = False) -> Conclusion:
    """Every request (to PSC only, when ``psc_only``) carries ``name``, and its value passes ``ok``."""
    requests = [r for r in cap.requests if r.to_psc or not psc_only]
    if not requests:
        return not_checkable(say("ciba.no_psc_request"))
    problems: list[Message] = []
    for r in requests:
        value = r.params.get(name)
        if value is None:
            problems.append(say("ciba.missing", name=name))
        elif not ok(value):
            problems.append(say(bad, value=value[:60]))
    return verdict(problems, [say("ciba.fact", count=len(requests), name=name)], unordered=True)


@CHECKS.check("ciba.login_hint")
def check_login_hint(cap: CibaCapture, ctx: CheckContext) -> Conclusion:
    """``login_hint`` is the PS national identifier (12 digits starting with 8)."""
    return _each(cap, "login_hint", is_national_id, "ciba.login_hint_bad")


@CHECKS.check("ciba.binding_message")
def check_binding_message(cap: CibaCapture, ctx: CheckContext) -> Conclusion:
    """``binding_message`` is a two-digit code (00 to 99) shown to the user."""
    return _each(cap, "binding_message", _TWO_DIGITS.fullmatch, "ciba.binding_message_bad")


@CHECKS.check("ciba.channel")
def check_channel(cap: CibaCapture, ctx: CheckContext) -> Conclusion:
    """``channel`` is ``CARD`` (CPS-Gestion) or ``MOBILE`` (e-CPS)."""
    return _each(cap, "channel", CIBA_CHANNELS.__contains__, "ciba.channel_bad")


@CHECKS.check("ciba.scope")
def check_scope(cap: CibaCapture, ctx: CheckContext) -> Conclusion:
    """The request to PSC asks for ``openid`` and ``scope_all``."""
    return _each(cap, "scope", lambda v: set(REQUIRED_SCOPES) <= set(scope_values(v)), "ciba.scope_bad", psc_only=True)


@CHECKS.check("ciba.acr")
def check_acr(cap: CibaCapture, ctx: CheckContext) -> Conclusion:
    """The request to PSC sends ``acr_values=eidas1``."""
    return _each(cap, "acr_values", lambda v: v.split() == [ACR], "ciba.acr_bad", psc_only=True)
