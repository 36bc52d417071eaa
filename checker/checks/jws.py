"""Verify a JWS signature (RS256/384/512, PS256, ES256/384) against the public keys of a JWKS document, with PyJWT."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Literal

__all__ = ["ALGORITHMS", "b64url_decode", "parse_jwks", "verify_signature"]

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "ES256", "ES384")

Outcome = Literal["ok", "bad_signature", "no_key", "unsupported"]


def b64url_decode(text: str) -> bytes:
    """Decode unpadded base64url; raise ValueError on bad input."""
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ValueError("not base64url") from None


def parse_jwks(raw: bytes) -> list[dict[str, Any]]:
    """The keys of a JWKS document (``{"keys": [...]}``); raise ValueError when it is not one."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, RecursionError, ValueError):
        raise ValueError("not JSON") from None
    keys = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys, list) or not keys or not all(isinstance(k, dict) for k in keys):
        raise ValueError("no `keys` list")
    return keys


def verify_signature(header: dict[str, Any], signing_input: bytes, signature: bytes, jwks: bytes) -> Outcome:
    """Whether one key of ``jwks`` (the ``kid`` one when named) verifies the signature with ``header["alg"]``.

    The algorithm must be in :data:`ALGORITHMS` (never ``none``, never a symmetric HS* one: a public key is no
    secret); the key must be of the type that algorithm needs. PyJWT does the JOSE work.
    """
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in ALGORITHMS:
        return "unsupported"
    kid = header.get("kid")
    try:
        keys = [k for k in parse_jwks(jwks) if kid is None or k.get("kid") == kid]
    except ValueError:
        return "no_key"
    usable = [key for key in (_public_key(alg, k) for k in keys) if key is not None]
    if not usable:
        return "no_key"
    return "ok" if any(_verify_one(alg, key, signing_input, signature) for key in usable) else "bad_signature"


def _public_key(alg: str, jwk: dict[str, Any]) -> Any:
    """The public key of ``jwk`` for ``alg``, or None when the JWK is not a public key of the type ``alg`` needs."""
    from jwt import PyJWK
    from jwt.exceptions import PyJWKError

    if jwk.get("kty") != ("EC" if alg.startswith("ES") else "RSA") or "d" in jwk:  # public keys only
        return None
    if jwk.get("alg") not in (None, alg):  # a key bound to another algorithm is not used for this one
        return None
    try:
        return PyJWK(jwk, algorithm=alg).key
    except (PyJWKError, KeyError, ValueError, TypeError):
        return None


def _verify_one(alg: str, key: Any, data: bytes, signature: bytes) -> bool:
    from jwt.algorithms import get_default_algorithms
    from jwt.exceptions import PyJWTError

    try:
        return bool(get_default_algorithms()[alg].verify(data, key, signature))
    except (PyJWTError, ValueError, TypeError):
        return False
