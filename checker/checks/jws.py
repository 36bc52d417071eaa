"""Verify a JWS signature (RS256/384/512, PS256, ES256/384) against the public keys of a JWKS document."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Literal

__all__ = ["ALGORITHMS", "b64url_decode", "parse_jwks", "verify_signature"]

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "ES256", "ES384")
_CURVES = {"P-256": ("SECP256R1", 32), "P-384": ("SECP384R1", 48)}

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
    """Whether one key of ``jwks`` (the ``kid`` one when named) verifies the signature with ``header["alg"]``."""
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        return "unsupported"
    kty = "EC" if alg.startswith("ES") else "RSA"
    kid = header.get("kid")
    try:
        keys = [k for k in parse_jwks(jwks) if k.get("kty") == kty and (kid is None or k.get("kid") == kid)]
    except ValueError:
        return "no_key"
    if not keys:
        return "no_key"
    return "ok" if any(_verify_one(alg, key, signing_input, signature) for key in keys) else "bad_signature"


def _verify_one(alg: str, jwk: dict[str, Any], data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    digest = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}[alg[2:]]
    try:
        if alg.startswith("ES"):
            curve_name, size = _CURVES[str(jwk.get("crv"))]
            curve: ec.EllipticCurve = getattr(ec, curve_name)()
            x, y = (int.from_bytes(b64url_decode(str(jwk[c])), "big") for c in ("x", "y"))
            ec_key = ec.EllipticCurvePublicNumbers(x, y, curve).public_key()
            if len(signature) != 2 * size:
                return False
            r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
            ec_key.verify(encode_dss_signature(r, s), data, ec.ECDSA(digest))
            return True
        n, e = (int.from_bytes(b64url_decode(str(jwk[c])), "big") for c in ("n", "e"))
        rsa_key = rsa.RSAPublicNumbers(e, n).public_key()
        pad: padding.AsymmetricPadding = (
            padding.PSS(mgf=padding.MGF1(digest), salt_length=digest.digest_size)
            if alg.startswith("PS")
            else padding.PKCS1v15()
        )
        rsa_key.verify(signature, data, pad, digest)
    except (InvalidSignature, KeyError, ValueError, TypeError):
        return False
    return True
