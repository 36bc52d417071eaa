"""Recognising an evidence file's kind: each detector on a sample it must accept and one it must refuse."""

from __future__ import annotations

import json
from typing import Any

import pytest

from checker.checks import recognise as rec
from checker.checks.recognise import DETECTORS, Sample, kind_of_data, recognise
from checker.model.referential import EvidenceKind

_CIBA_URL = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/protocol/openid-connect/ext/ciba/auth"
_AUTHORIZE_URL = "https://wallet.bas.psc.esante.gouv.fr/auth?response_type=code&client_id=c"


def _har(*urls: str) -> dict[str, Any]:
    return {"log": {"entries": [{"request": {"method": "GET", "url": u}} for u in urls]}}


_TRACE = {"type": "SEND", "IdRPPS": "899700218896"}

_TESTSSL = [{"id": "TLS1_2", "ip": "h.example/192.0.2.1", "port": "443", "severity": "OK", "finding": "offered"}]

SAMPLES: dict[str, tuple[Any, Any]] = {
    # detector name: (a sample it matches, a close sample it must not match)
    "is_tls_scan": (_TESTSSL, [{"id": "heartbleed", "finding": "not vulnerable"}]),
    "is_ciba_har": (_har(_CIBA_URL), _har(_CIBA_URL, _AUTHORIZE_URL)),
    "is_har": (_har(_AUTHORIZE_URL), {"log": {"pages": []}}),
    "is_trace_list": ({"traces": [_TRACE]}, [_TRACE, {"type": "HELLO"}]),
    "is_no_mapping_or_jwks": ({"keys": [{"kty": "RSA"}]}, {"keys": "not a list"}),
    "has_ciba_request": ({"requests": [{"body": "login_hint=8&binding_message=42"}]}, {"body": "login_hint=8"}),
    "is_client_config": ({"psc": {"client_id": "c", "redirect_uris": []}}, {"client_id": "c", "secret": "x"}),
    "has_request_log": ({"calls": [{"url": "https://x", "method": "GET"}]}, {"calls": [{"url": "https://x"}]}),
    "is_token": ({"payload": {"iss": "i", "sub": "s", "aud": "a"}}, {"iss": "i", "sub": "s"}),
}


def test_every_detector_has_samples() -> None:
    assert {d.test.__name__ for d in DETECTORS} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_detector_accepts_its_sample_and_refuses_the_other(name: str) -> None:
    test = getattr(rec, name)
    positive, negative = SAMPLES[name]
    assert test(Sample(positive)) is True
    assert test(Sample(negative)) is False


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (_har(_CIBA_URL), EvidenceKind.CIBA_CAPTURE),
        (_har(_CIBA_URL, _AUTHORIZE_URL), EvidenceKind.HTTP_CAPTURE),
        ([_TRACE], EvidenceKind.PROXY_TRACES),
        ({"keys": [], "client_id": "c", "issuer": "i"}, None),  # a JWKS is never a client configuration
        (["login_hint"], None),
        ({"client_id": "c", "issuer": "i", "login_hint": "8"}, EvidenceKind.CIBA_CAPTURE),  # CIBA is tried first
        ({"client_id": "c", "issuer": "i", "url": "https://x", "method": "GET"}, EvidenceKind.OIDC_CLIENT_CONFIG),
        ({"url": "https://x", "method": "GET", "acr": "eidas1"}, EvidenceKind.HTTP_CAPTURE),
        ({"id_token": "a.b.c"}, EvidenceKind.TOKEN_SAMPLE),
        ({"hello": "world"}, None),
    ],
)
def test_the_first_matching_detector_gives_the_kind(data: Any, kind: EvidenceKind | None) -> None:
    assert kind_of_data(data) is kind
    assert recognise(json.dumps(data).encode()) is kind


def test_the_nodes_of_a_sample_are_walked_once() -> None:
    sample = Sample({"a": [{"url": "u", "method": "GET"}]})
    assert rec.has_request_log(sample)
    assert sample.nodes is sample.nodes
