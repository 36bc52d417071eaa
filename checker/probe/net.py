"""The one way a probe speaks HTTP: only to the origins the user named, bounded in requests and time, each exchange
recorded, and the whole written as a HAR marked as produced by psc-check.

Manners: a clear ``User-Agent``; no credentials (no ``Authorization``, no ``.netrc``, no proxy from the environment:
``trust_env`` is off); cookies live in memory for the run only and their values are masked in the HAR; certificates
are verified (against ``--ca-bundle`` when given); redirects are never followed by the client, the probe decides.
"""

from __future__ import annotations

import datetime as dt
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from checker import __version__
from checker.model.message import Message, msg

__all__ = [
    "MAX_REQUESTS",
    "REQUEST_TIMEOUT",
    "TOTAL_SECONDS",
    "USER_AGENT",
    "Exchange",
    "HttpSession",
    "ProbeError",
    "har",
    "load_httpx",
    "origin_of",
    "same_origin",
    "tls_context",
]

USER_AGENT = f"psc-check/{__version__} (+probe)"
MAX_REQUESTS = 30
"""No probe sends more requests than this in one run."""
REQUEST_TIMEOUT = 10.0
"""Seconds to connect, and between two reads, for one request."""
TOTAL_SECONDS = 60.0
"""No probe runs longer than this (checked before each request)."""
_BODY_LIMIT = 64 * 1024
"""Bytes of a response body kept in the HAR (the rest is not read)."""
_SECRET_HEADERS = frozenset({"cookie", "set-cookie"})


class ProbeError(Exception):
    """The probe cannot go on (unreachable host, a host not named, a budget spent, httpx missing): ``reason`` says
    why and what to do."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.key)
        self.reason = reason


def load_httpx() -> ModuleType:
    """The httpx module, or a :class:`ProbeError` saying how to install the ``probe`` extra."""
    try:
        import httpx
    except ImportError:
        raise ProbeError(msg("probe.no_httpx")) from None
    return httpx


def origin_of(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an absolute http(s) URL; a :class:`ProbeError` for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ProbeError(msg("probe.bad_url", url=url)) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ProbeError(msg("probe.bad_url", url=url))
    return scheme, parts.hostname.lower(), port or (443 if scheme == "https" else 80)


def same_origin(url: str, origin: tuple[str, str, int]) -> bool:
    try:
        return origin_of(url) == origin
    except ProbeError:
        return False


def tls_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """Certificate and host name verification on, against the system's authorities or ``ca_bundle``."""
    try:
        return ssl.create_default_context(cafile=str(ca_bundle) if ca_bundle else None)
    except (OSError, ssl.SSLError) as exc:
        raise ProbeError(msg("probe.bad_ca_bundle", path=str(ca_bundle), error=str(exc))) from None


@dataclass(frozen=True)
class Exchange:
    """One request the probe made (or, when ``sent`` is false, one it recorded without sending)."""

    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...]
    request_body: str | None
    status: int
    reason: str
    http_version: str
    response_headers: tuple[tuple[str, str], ...]
    response_text: str
    mime_type: str
    started: dt.datetime
    elapsed_ms: int
    sent: bool = True
    note: str | None = None

    def header(self, name: str) -> str | None:
        """The first response header of that name (case-insensitive)."""
        return next((v for k, v in self.response_headers if k.lower() == name.lower()), None)


@dataclass
class HttpSession:
    """An httpx client limited to ``allowed`` origins, with a request and time budget; records every exchange."""

    allowed: frozenset[tuple[str, str, int]]
    ca_bundle: Path | None = None
    max_requests: int = MAX_REQUESTS
    total_seconds: float = TOTAL_SECONDS
    exchanges: list[Exchange] = field(default_factory=list)
    _client: Any = field(default=None, init=False, repr=False)
    _sent: int = field(default=0, init=False)
    _start: float = field(default_factory=time.monotonic, init=False)

    def __enter__(self) -> HttpSession:
        httpx = load_httpx()
        self._client = httpx.Client(
            verify=tls_context(self.ca_bundle),
            trust_env=False,  # no proxy, no .netrc credentials from the environment
            follow_redirects=False,
            timeout=httpx.Timeout(REQUEST_TIMEOUT),
            headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Encoding": "identity"},
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.cookies.clear()  # nothing is kept beyond the run
            self._client.close()

    def request(
        self, method: str, url: str, *, headers: dict[str, str] | None = None, body: bytes | None = None
    ) -> Exchange:
        """Send one request to a named origin and record it; a :class:`ProbeError` when it cannot be sent."""
        httpx = load_httpx()
        if origin_of(url) not in self.allowed:
            raise ProbeError(msg("probe.host_not_named", url=_short(url)))
        if self._sent >= self.max_requests:
            raise ProbeError(msg("probe.budget_requests", count=self.max_requests))
        if time.monotonic() - self._start > self.total_seconds:
            raise ProbeError(msg("probe.budget_time", seconds=int(self.total_seconds)))
        self._sent += 1
        started = dt.datetime.now(dt.UTC)
        clock = time.monotonic()
        request = self._client.build_request(method, url, headers=headers, content=body)
        try:
            response = self._client.send(request, stream=True)
            try:
                raw = _read_capped(response.iter_bytes())
            finally:
                response.close()
        except httpx.TimeoutException:
            raise ProbeError(msg("probe.timeout", url=_short(url), seconds=int(REQUEST_TIMEOUT))) from None
        except httpx.HTTPError as exc:
            raise ProbeError(msg("probe.unreachable", url=_short(url), error=_reason(exc))) from None
        mime = response.headers.get("content-type", "")
        exchange = Exchange(
            method=method,
            url=url,
            request_headers=tuple(request.headers.multi_items()),
            request_body=body.decode("utf-8", "replace") if body is not None else None,
            status=response.status_code,
            reason=response.reason_phrase,
            http_version=response.http_version,
            response_headers=tuple(response.headers.multi_items()),
            response_text=_decode(raw, response.encoding),
            mime_type=mime,
            started=started,
            elapsed_ms=int((time.monotonic() - clock) * 1000),
        )
        self.exchanges.append(exchange)
        return exchange

    def record_unsent(self, url: str, note: str) -> Exchange:
        """Record a request the browser would make next, without sending it (the PSC authorization request)."""
        exchange = Exchange(
            method="GET",
            url=url,
            request_headers=(("User-Agent", USER_AGENT),),
            request_body=None,
            status=0,
            reason="",
            http_version="HTTP/1.1",
            response_headers=(),
            response_text="",
            mime_type="",
            started=dt.datetime.now(dt.UTC),
            elapsed_ms=0,
            sent=False,
            note=note,
        )
        self.exchanges.append(exchange)
        return exchange


def _read_capped(chunks: Iterator[bytes]) -> bytes:
    data = bytearray()
    for chunk in chunks:
        data += chunk
        if len(data) >= _BODY_LIMIT:
            break
    return bytes(data[:_BODY_LIMIT])


def _decode(raw: bytes, encoding: str | None) -> str:
    try:
        return raw.decode(encoding or "utf-8", "replace")
    except LookupError:  # a charset Python does not know
        return raw.decode("utf-8", "replace")


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:300]


def _short(url: str) -> str:
    return url.split("?", 1)[0][:200]


def har(exchanges: list[Exchange], comment: str) -> dict[str, Any]:
    """The exchanges as a HAR 1.2 log, its creator ``psc-check``; cookie values masked."""
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "psc-check", "version": __version__, "comment": comment},
            "entries": [_entry(x) for x in exchanges],
        }
    }


def _headers(items: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{"name": k, "value": _mask(k, v)} for k, v in items]


def _mask(name: str, value: str) -> str:
    if name.lower() not in _SECRET_HEADERS:
        return value
    pairs = [part.split("=", 1)[0].strip() for part in value.split(";")[: 1 if name.lower() == "set-cookie" else None]]
    return "; ".join(f"{p}=<masked by psc-check>" for p in pairs if p)


def _entry(x: Exchange) -> dict[str, Any]:
    query = urlsplit(x.url).query
    request: dict[str, Any] = {
        "method": x.method,
        "url": x.url,
        "httpVersion": x.http_version,
        "cookies": [],
        "headers": _headers(x.request_headers),
        "queryString": [{"name": k, "value": v} for k, v in parse_qsl(query, keep_blank_values=True)],
        "headersSize": -1,
        "bodySize": len(x.request_body.encode("utf-8")) if x.request_body is not None else 0,
    }
    content_type = next((v for k, v in x.request_headers if k.lower() == "content-type"), "")
    if x.request_body is not None:
        request["postData"] = {"mimeType": content_type, "text": x.request_body}
    entry: dict[str, Any] = {
        "startedDateTime": x.started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "time": x.elapsed_ms,
        "request": request,
        "response": {
            "status": x.status,
            "statusText": x.reason,
            "httpVersion": x.http_version,
            "cookies": [],
            "headers": _headers(x.response_headers),
            "content": {"size": len(x.response_text), "mimeType": x.mime_type, "text": x.response_text},
            "redirectURL": x.header("location") or "",
            "headersSize": -1,
            "bodySize": len(x.response_text),
        },
        "cache": {},
        "timings": {"send": 0, "wait": x.elapsed_ms, "receive": 0},
        "_psc_check_sent": x.sent,
    }
    if x.note:
        entry["comment"] = x.note
    return entry
