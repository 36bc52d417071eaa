"""Tell an evidence file's kind from its content when the declaration does not say it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from checker.checks.base import NotCheckable
from checker.checks.reading import parse_data, walk
from checker.model.referential import EvidenceKind

__all__ = ["DETECTORS", "TRACE_TYPES", "Detector", "Sample", "kind_of_data", "looks_like_claims", "recognise"]

TRACE_TYPES = frozenset({"CONNECT_SUCCESS", "CONNECT_REPLAY", "CONNECT_FAILURE", "SEND", "DISCONNECT"})
_JWT = re.compile(rb"\s*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?\s*")
_CLAIM_KEYS = frozenset({"acr", "SubjectNameID", "preferred_username"})
_CLIENT_KEYS = frozenset(
    {"issuer", "discovery_url", "redirect_uris", "redirect_uri", "token_endpoint_auth_method", "acr_values"}
)


def recognise(raw: bytes) -> EvidenceKind | None:
    """The kind ``raw`` holds, or None when it is none of the kinds psc-check can verify."""
    head = raw.lstrip()[:4096]
    if head[:1] in (b"{", b"[") or head[:4] == b"\xef\xbb\xbf{":  # JSON first: an sslyze scan embeds PEM text
        try:
            return kind_of_data(parse_data(raw))
        except NotCheckable:
            pass
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
    return kind_of_data(data)


def _is_der_certificate(raw: bytes) -> bool:
    from cryptography import x509

    try:
        x509.load_der_x509_certificate(raw)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Sample:
    """Parsed evidence data being recognised; its nodes are walked once, when a detector first needs them."""

    data: Any

    @cached_property
    def nodes(self) -> list[Any]:
        return walk(self.data)

    @cached_property
    def har_urls(self) -> list[str] | None:
        """Every URL-like string of a HAR's entries; None when the data is no HAR (a ``log`` with ``entries``)."""
        log = self.mapping.get("log")
        if not isinstance(log, dict) or not isinstance(log.get("entries"), list):
            return None
        return [n for n in walk(log["entries"]) if isinstance(n, str) and n.startswith("http")]

    @property
    def mapping(self) -> dict[Any, Any]:
        """The data when it is a mapping, else an empty one."""
        return self.data if isinstance(self.data, dict) else {}


@dataclass(frozen=True)
class Detector:
    """One sign of an evidence kind; ``kind`` None means "none of the kinds": the search stops there."""

    kind: EvidenceKind | None
    test: Callable[[Sample], bool]


DETECTORS: list[Detector] = []
"""Tried in this order (the order they are declared below); the first that matches gives the kind."""


def _detects(kind: EvidenceKind | None) -> Callable[[Callable[[Sample], bool]], Callable[[Sample], bool]]:
    def declare(test: Callable[[Sample], bool]) -> Callable[[Sample], bool]:
        DETECTORS.append(Detector(kind, test))
        return test

    return declare


@_detects(EvidenceKind.TLS_SCAN)
def is_tls_scan(sample: Sample) -> bool:
    """A testssl.sh ``--jsonfile`` list of findings, an sslyze ``--json_out`` object, or a psc-check scan."""
    from checker.checks.tls import is_psc_check_scan, is_sslyze, is_testssl

    return is_testssl(sample.data) or is_sslyze(sample.data) or is_psc_check_scan(sample.data)


@_detects(EvidenceKind.CIBA_CAPTURE)
def is_ciba_har(sample: Sample) -> bool:
    """A HAR whose calls reach PSC's CIBA endpoint and never ask for a front-channel authorization."""
    urls = sample.har_urls
    return urls is not None and any("/ext/ciba/" in u for u in urls) and not any("response_type=" in u for u in urls)


@_detects(EvidenceKind.HTTP_CAPTURE)
def is_har(sample: Sample) -> bool:
    """Any other HAR: a ``log`` holding a list of ``entries``."""
    return sample.har_urls is not None


@_detects(EvidenceKind.PROXY_TRACES)
def is_trace_list(sample: Sample) -> bool:
    """A non-empty list of traces (or an object holding it under ``traces``), each of a known trace type."""
    traces = sample.data.get("traces") if isinstance(sample.data, dict) else sample.data
    return (
        isinstance(traces, list)
        and bool(traces)
        and all(isinstance(t, dict) and t.get("type") in TRACE_TYPES for t in traces)
    )


@_detects(None)
def is_no_mapping_or_jwks(sample: Sample) -> bool:
    """Anything but a mapping, or a JWKS (``keys``): none of the kinds below, none psc-check verifies."""
    return not isinstance(sample.data, dict) or isinstance(sample.data.get("keys"), list)


@_detects(EvidenceKind.CIBA_CAPTURE)
def has_ciba_request(sample: Sample) -> bool:
    """A ``login_hint`` parameter, or a form body carrying both ``login_hint`` and ``binding_message``."""
    return any(isinstance(n, dict) and "login_hint" in n for n in sample.nodes) or any(
        isinstance(n, str) and "login_hint=" in n and "binding_message=" in n for n in sample.nodes
    )


@_detects(EvidenceKind.OIDC_CLIENT_CONFIG)
def is_client_config(sample: Sample) -> bool:
    """A ``client_id`` beside a client setting (issuer, redirect URIs…), at the top or one level down."""
    data = sample.mapping
    nodes = (data, *(v for v in data.values() if isinstance(v, dict)))
    return any("client_id" in node and _CLIENT_KEYS & node.keys() for node in nodes)


@_detects(EvidenceKind.HTTP_CAPTURE)
def has_request_log(sample: Sample) -> bool:
    """A log of requests: somewhere, an object with a ``url`` and a ``method``."""
    return any(
        isinstance(n, dict) and isinstance(n.get("url"), str) and isinstance(n.get("method"), str) for n in sample.nodes
    )


@_detects(EvidenceKind.TOKEN_SAMPLE)
def is_token(sample: Sample) -> bool:
    """Token or userinfo claims, or an object holding an ``id_token``."""
    return looks_like_claims(sample.data) or isinstance(sample.mapping.get("id_token"), str)


def kind_of_data(data: Any) -> EvidenceKind | None:
    """The kind parsed evidence data holds: that of the first detector matching it, None when none does."""
    sample = Sample(data)
    return next((d.kind for d in DETECTORS if d.test(sample)), None)


def looks_like_claims(data: Any) -> bool:
    """Whether ``data`` (or its ``payload`` / ``claims`` member) is a set of PSC token or userinfo claims."""
    if not isinstance(data, dict):
        return False
    for node in (data, data.get("payload"), data.get("claims")):
        if isinstance(node, dict) and (_CLAIM_KEYS & node.keys() or {"iss", "sub", "aud"} <= node.keys()):
            return True
    return False
