"""Captured HTTP exchanges: from a HAR (browser side) or a JSON log of requests (server side), one shape."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal
from urllib.parse import urlsplit

from checker.checks.base import NotCheckable, say
from checker.checks.psc import Host, form_params, locate_host
from checker.checks.reading import walk

__all__ = ["Capture", "Exchange", "read_capture", "read_har"]

_SCAN_LIMIT = 1024 * 1024
Origin = Literal["browser", "server"]


@dataclass(frozen=True)
class Exchange:
    """One request (and what matters of its response) of the capture."""

    method: str
    url: str
    params: dict[str, str]
    """Query and form parameters together (first value of each name)."""
    headers: dict[str, str]
    response_text: str
    origin: Origin
    """``browser`` for a HAR entry (unless marked ``"_origin": "server"``), ``server`` for a logged request."""

    @cached_property
    def host(self) -> Host | None:
        return locate_host(self.url)

    @cached_property
    def path(self) -> str:
        try:
            return urlsplit(self.url).path
        except ValueError:
            return ""

    @property
    def is_authorize(self) -> bool:
        if self.host is None or self.is_logout or self.is_token:
            return False
        return "response_type" in self.params or {"client_id", "redirect_uri", "scope"} <= self.params.keys()

    @property
    def is_backchannel_auth(self) -> bool:
        """A CIBA backchannel authentication request: PSC's other way of asking for an authentication."""
        return self.host is not None and "/ext/ciba/" in self.path

    @property
    def is_token(self) -> bool:
        return self.path.endswith("/token") or "grant_type" in self.params

    @property
    def is_logout(self) -> bool:
        return self.host is not None and (
            self.path.endswith("/logout") or "id_token_hint" in self.params or "post_logout_redirect_uri" in self.params
        )


@dataclass(frozen=True)
class Capture:
    exchanges: list[Exchange]

    def authorize(self, *, backchannel: bool = False) -> list[Exchange]:
        """Front-channel authorization requests, and CIBA ones too when ``backchannel``."""
        return [x for x in self.exchanges if x.is_authorize or (backchannel and x.is_backchannel_auth)]


def read_capture(data: Any) -> Capture:
    """The exchanges of a HAR, or of every request object (``url`` and ``method``) of a JSON log."""
    if isinstance(data, dict) and isinstance(data.get("log"), dict):
        return Capture(read_har(data))
    found = [
        _exchange(node, node.get("response"), "server")
        for node in walk(data)
        if isinstance(node, dict) and isinstance(node.get("url"), str) and isinstance(node.get("method"), str)
    ]
    exchanges = [x for x in found if x is not None]
    if not exchanges:
        raise NotCheckable(say("har.not_har"))
    return Capture(exchanges)


def read_har(data: Any) -> list[Exchange]:
    """The exchanges of parsed HAR data; not checkable when it is no HAR or holds no request."""
    log = data.get("log") if isinstance(data, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    if not isinstance(entries, list):
        raise NotCheckable(say("har.not_har"))
    exchanges = [
        _exchange(e.get("request"), e.get("response"), "server" if e.get("_origin") == "server" else "browser")
        for e in entries
        if isinstance(e, dict)
    ]
    found = [x for x in exchanges if x is not None]
    if not found:
        raise NotCheckable(say("har.empty"))
    return found


def _exchange(request: Any, response: Any, default: Origin) -> Exchange | None:
    if not isinstance(request, dict) or not isinstance(request.get("url"), str):
        return None
    url = request["url"]
    try:
        params = form_params(urlsplit(url).query)
    except ValueError:
        params = {}
    params |= _pairs(request.get("queryString"))
    for body in (request.get("postData"), request.get("body"), request.get("params")):
        params |= _body(body)
    content = response.get("content", response.get("body")) if isinstance(response, dict) else None
    text = content.get("text") if isinstance(content, dict) else content
    origin = request.get("_origin", request.get("origin", default))
    return Exchange(
        method=str(request.get("method", "GET")).upper(),
        url=url,
        params=params,
        headers={k.lower(): v for k, v in _pairs(request.get("headers")).items()},
        response_text=text[:_SCAN_LIMIT] if isinstance(text, str) else "",
        origin="server" if origin == "server" else "browser" if origin == "browser" else default,
    )


def _body(body: Any) -> dict[str, str]:
    if isinstance(body, str):
        text = body[:_SCAN_LIMIT]
        return form_params(text) if "=" in text and not text.lstrip().startswith("{") else {}
    if not isinstance(body, dict):
        return {}
    if "params" in body or "text" in body:
        return _pairs(body.get("params")) | _body(body.get("text"))
    return {str(k): v for k, v in body.items() if isinstance(v, str)}


def _pairs(items: Any) -> dict[str, str]:
    """HAR ``[{name, value}]`` lists, or plain ``{name: value}`` objects."""
    if isinstance(items, dict):
        return {str(k): v for k, v in items.items() if isinstance(v, str)}
    out: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            value = item.get("value")
            out.setdefault(item["name"], value if isinstance(value, str) else "")
    return out
