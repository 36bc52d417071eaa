"""Issue 18, item 11: JWS verification by PyJWT with psc-check's allow-list; the classic JOSE attacks fail."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from checker.checks.jws import b64url_decode, verify_signature

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def _jwk(public: Any, kid: str, algorithm: type[RSAAlgorithm] | type[ECAlgorithm]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(algorithm.to_jwk(public))
    data["kid"] = kid
    return data


JWKS = json.dumps(
    {"keys": [_jwk(RSA_KEY.public_key(), "rsa-1", RSAAlgorithm), _jwk(EC_KEY.public_key(), "ec-1", ECAlgorithm)]}
).encode()


def _parts(token: str) -> tuple[dict[str, Any], bytes, bytes]:
    head, body, sig = token.split(".")
    return json.loads(b64url_decode(head)), f"{head}.{body}".encode(), b64url_decode(sig)


def _verify(token: str) -> str:
    return verify_signature(*_parts(token), JWKS)


@pytest.mark.parametrize(
    ("key", "alg", "kid"), [(RSA_KEY, "RS256", "rsa-1"), (RSA_KEY, "PS256", "rsa-1"), (EC_KEY, "ES256", "ec-1")]
)
def test_genuine_signatures_verify(key: Any, alg: str, kid: str) -> None:
    token = jwt.encode({"sub": "x"}, key, algorithm=alg, headers={"kid": kid})
    assert _verify(token) == "ok"
    head, data, sig = _parts(token)
    assert verify_signature(head, data + b"x", sig, JWKS) == "bad_signature"


def test_alg_none_is_unsupported() -> None:
    for alg in ("none", "None", "NONE", ""):
        assert verify_signature({"alg": alg, "kid": "rsa-1"}, b"eyJhbGciOiJub25lIn0.e30", b"", JWKS) == "unsupported"


def test_hs256_signed_with_the_public_key_as_secret_is_refused() -> None:
    public_pem = RSA_KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    head = {"alg": "HS256", "kid": "rsa-1"}
    data = b"eyJhbGciOiJIUzI1NiJ9.e30"
    signature = hmac.new(public_pem, data, hashlib.sha256).digest()
    assert verify_signature(head, data, signature, JWKS) == "unsupported"


def test_a_kid_that_matches_no_key() -> None:
    token = jwt.encode({"sub": "x"}, RSA_KEY, algorithm="RS256", headers={"kid": "absent"})
    assert _verify(token) == "no_key"


def test_a_key_of_the_wrong_type_for_the_algorithm() -> None:
    """An ES256 header naming the RSA key: the RSA key is never used for an EC algorithm."""
    token = jwt.encode({"sub": "x"}, EC_KEY, algorithm="ES256", headers={"kid": "rsa-1"})
    assert _verify(token) == "no_key"


@pytest.mark.parametrize(("key", "alg", "kid"), [(RSA_KEY, "RS256", "rsa-1"), (EC_KEY, "ES256", "ec-1")])
def test_a_truncated_signature_is_bad(key: Any, alg: str, kid: str) -> None:
    head, data, sig = _parts(jwt.encode({"sub": "x"}, key, algorithm=alg, headers={"kid": kid}))
    assert verify_signature(head, data, sig[:-1], JWKS) == "bad_signature"
    assert verify_signature(head, data, b"", JWKS) == "bad_signature"
