"""Tell an evidence file's kind from its content when the declaration does not say it."""

from __future__ import annotations

import re
from typing import Any

from checker.checks.base import NotCheckable
from checker.checks.reading import parse_data, walk
from checker.model.referential import EvidenceKind

__all__ = ["TRACE_TYPES", "looks_like_claims", "recognise"]

TRACE_TYPES = frozenset({"CONNECT_SUCCESS", "CONNECT_REPLAY", "CONNECT_FAILURE", "SEND", "DISCONNECT"})
_JWT = re.compile(rb"\s*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?\s*")
_CLAIM_KEYS = frozenset({"acr", "SubjectNameID", "preferred_username"})
_CLIENT_KEYS = frozenset(
    {"issuer", "discovery_url", "redirect_uris", "redirect_uri", "token_endpoint_auth_method", "acr_values"}
)


def recognise(raw: bytes) -> EvidenceKind | None:
    """The kind ``raw`` holds, or None when it is none of the kinds psc-check can verify."""
    head = raw.lstrip()[:4096]
    if b"-----BEGIN CERTIFICATE-----" in raw[:65536]:
        return EvidenceKind.CERTIFICATE
    if head[:1] == b"\x30" and _is_der_certificate(raw):
        return EvidenceKind.CERTIFICATE
    if _JWT.fullmatch(raw):
        return EvidenceKind.TOKEN_SAMPLE
    try:
        data = parse_data(raw, yaml=True)
    except NotCheckable:
        return None
    return _kind_of_data(data)


def _is_der_certificate(raw: bytes) -> bool:
    from cryptography import x509

    try:
        x509.load_der_x509_certificate(raw)
    except ValueError:
        return False
    return True


def _kind_of_data(data: Any) -> EvidenceKind | None:
    if isinstance(data, dict) and isinstance(data.get("log"), dict) and isinstance(data["log"].get("entries"), list):
        urls = [n for n in walk(data["log"]["entries"]) if isinstance(n, str) and n.startswith("http")]
        if any("/ext/ciba/" in u for u in urls) and not any("response_type=" in u for u in urls):
            return EvidenceKind.CIBA_CAPTURE
        return EvidenceKind.HTTP_CAPTURE
    traces = data.get("traces") if isinstance(data, dict) else data
    if (
        isinstance(traces, list)
        and traces
        and all(isinstance(t, dict) and t.get("type") in TRACE_TYPES for t in traces)
    ):
        return EvidenceKind.PROXY_TRACES
    if not isinstance(data, dict) or isinstance(data.get("keys"), list):
        return None
    nodes = walk(data)
    if any(isinstance(n, dict) and "login_hint" in n for n in nodes) or any(
        isinstance(n, str) and "login_hint=" in n and "binding_message=" in n for n in nodes
    ):
        return EvidenceKind.CIBA_CAPTURE
    for node in (data, *(v for v in data.values() if isinstance(v, dict))):
        if "client_id" in node and _CLIENT_KEYS & node.keys():
            return EvidenceKind.OIDC_CLIENT_CONFIG
    if any(isinstance(n, dict) and isinstance(n.get("url"), str) and isinstance(n.get("method"), str) for n in nodes):
        return EvidenceKind.HTTP_CAPTURE
    if looks_like_claims(data) or isinstance(data.get("id_token"), str):
        return EvidenceKind.TOKEN_SAMPLE
    return None


def looks_like_claims(data: Any) -> bool:
    """Whether ``data`` (or its ``payload`` / ``claims`` member) is a set of PSC token or userinfo claims."""
    if not isinstance(data, dict):
        return False
    for node in (data, data.get("payload"), data.get("claims")):
        if isinstance(node, dict) and (_CLAIM_KEYS & node.keys() or {"iss", "sub", "aud"} <= node.keys()):
            return True
    return False
