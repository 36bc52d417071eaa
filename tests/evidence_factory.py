"""Build evidence files at test time: IGC-Santé-like certificate chains, HAR captures, signed tokens, traces."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlencode

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TEST_ROOT = "TEST AC RACINE IGC-SANTE ELEMENTAIRE"
TEST_ORG_CA = "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS"
PROD_ROOT = "AC RACINE IGC-SANTE ELEMENTAIRE"
PROD_ORG_CA = "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS"
BAS_ISSUER = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
PROD_ISSUER = "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet"
CLIENT_ID = "editeur-test-bas"
NATIONAL_ID = "899700218896"


def _name(cn: str, *units: str, org: str = "ASIP-SANTE") -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)]
    attrs += [x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, u) for u in units]
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


@dataclass(frozen=True)
class Issued:
    cert: x509.Certificate
    key: CertificateIssuerPrivateKeyTypes


def _build(
    subject: x509.Name,
    issuer: Issued | None,
    key: CertificateIssuerPrivateKeyTypes,
    start: dt.date,
    end: dt.date,
    *,
    ca: bool,
    eku: list[x509.ObjectIdentifier] | None,
) -> Issued:
    signer = issuer.key if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime.combine(start, dt.time(), tzinfo=dt.UTC))
        .not_valid_after(dt.datetime.combine(end, dt.time(23, 59), tzinfo=dt.UTC))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    return Issued(builder.sign(signer, hashes.SHA256()), key)


def ca_chain(
    *, test: bool = True, start: dt.date = dt.date(2020, 1, 1), end: dt.date = dt.date(2035, 1, 1)
) -> list[Issued]:
    """[organisations CA, root] named like IGC-Santé's TEST (or production) hierarchy."""
    root_name, org_name = (TEST_ROOT, TEST_ORG_CA) if test else (PROD_ROOT, PROD_ORG_CA)
    units = ("IGC-SANTE TEST", "0002 187512751") if test else ("0002 187512751",)
    root = _build(
        _name(root_name, *units), None, ec.generate_private_key(ec.SECP256R1()), start, end, ca=True, eku=None
    )
    org_key = ec.generate_private_key(ec.SECP256R1())
    org = _build(_name(org_name, *units), root, org_key, start, end, ca=True, eku=None)
    return [org, root]


@cache
def _rsa_key(key_size: int) -> rsa.RSAPrivateKey:
    """One RSA key per size for every client certificate of the session: generating one costs 50 to 200 ms of CPU,
    and no check compares the keys of two client certificates (issuers sign with their own EC keys)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=key_size)


def leaf(
    issuer: Issued,
    *,
    cn: str = CLIENT_ID,
    ou: str = "314159260",
    start: dt.date = dt.date(2025, 5, 6),
    end: dt.date = dt.date(2028, 5, 6),
    eku: list[x509.ObjectIdentifier] | None = None,
    key_size: int = 2048,
    ca: bool = False,
) -> Issued:
    """An ORG / AUTH_CLI-like client certificate issued by ``issuer`` (EKU clientAuth unless told)."""
    key = _rsa_key(key_size)
    usages = [ExtendedKeyUsageOID.CLIENT_AUTH] if eku is None else eku
    subject = _name(cn, ou, org="EDITEUR TEST")
    return _build(subject, issuer, key, start, end, ca=ca, eku=usages or None)


def pem(*items: Issued) -> bytes:
    return b"".join(i.cert.public_bytes(serialization.Encoding.PEM) for i in items)


def der(item: Issued) -> bytes:
    return item.cert.public_bytes(serialization.Encoding.DER)


def private_key_pem(item: Issued) -> bytes:
    return item.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


# --- HAR -------------------------------------------------------------------------------------------


def authorize_params(**overrides: str | None) -> dict[str, str]:
    params: dict[str, str | None] = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": "https://app.editeur.example/callback",
        "scope": "openid scope_all",
        "acr_values": "eidas1",
        "state": "Zq3u9PmW0xR7kT2c",
        "nonce": "h4Ks81QaZ0pLw7Yt",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
    }
    params.update(overrides)
    return {k: v for k, v in params.items() if v is not None}


def entry(
    method: str, url: str, *, body: str | None = None, headers: dict[str, str] | None = None, response: str = ""
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "method": method,
        "url": url,
        "httpVersion": "HTTP/1.1",
        "headers": [{"name": k, "value": v} for k, v in (headers or {}).items()],
        "queryString": [],
        "cookies": [],
        "headersSize": -1,
        "bodySize": -1,
    }
    if body is not None:
        request["postData"] = {"mimeType": "application/x-www-form-urlencoded", "text": body}
    return {
        "startedDateTime": "2026-10-05T09:14:02.118+02:00",
        "time": 12,
        "request": request,
        "response": {"status": 200, "content": {"size": len(response), "mimeType": "text/html", "text": response}},
        "cache": {},
        "timings": {"send": 0, "wait": 10, "receive": 2},
    }


def authorize_entry(host: str = "wallet.bas.psc.esante.gouv.fr", **overrides: str | None) -> dict[str, Any]:
    return entry("GET", f"https://{host}/auth?{urlencode(authorize_params(**overrides))}")


def logout_entry(issuer: str = BAS_ISSUER, **params: str) -> dict[str, Any]:
    values = {"id_token_hint": "eyJhbGciOi.masked.sig", "post_logout_redirect_uri": "https://app.editeur.example/bye"}
    values.update(params)
    return entry("GET", f"{issuer}/protocol/openid-connect/logout?{urlencode(values)}")


def har(*entries: dict[str, Any]) -> bytes:
    data = {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": list(entries)}}
    return json.dumps(data).encode()


# --- tokens ----------------------------------------------------------------------------------------


def id_token_claims(**overrides: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "iss": BAS_ISSUER,
        "aud": CLIENT_ID,
        "sub": "f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:899700218896",
        "acr": "eidas1",
        "nonce": "h4Ks81QaZ0pLw7Yt",
        "exp": 1790000000,
        "iat": 1789999880,
        "SubjectNameID": NATIONAL_ID,
        "preferred_username": NATIONAL_ID,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _int64(value: int, size: int | None = None) -> str:
    return _b64(value.to_bytes(size or (value.bit_length() + 7) // 8, "big"))


def signed_jwt(claims: dict[str, Any], key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, kid: str = "k1") -> str:
    alg = "RS256" if isinstance(key, rsa.RSAPrivateKey) else "ES256"
    head = _b64(json.dumps({"alg": alg, "typ": "JWT", "kid": kid}).encode())
    body = _b64(json.dumps(claims).encode())
    data = f"{head}.{body}".encode()
    if isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    else:
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return f"{head}.{body}.{_b64(signature)}"


def jwks(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, kid: str = "k1") -> bytes:
    if isinstance(key, rsa.RSAPrivateKey):
        numbers = key.public_key().public_numbers()
        jwk: dict[str, str] = {"kty": "RSA", "kid": kid, "alg": "RS256", "n": _int64(numbers.n), "e": _int64(numbers.e)}
    else:
        point = key.public_key().public_numbers()
        jwk = {"kty": "EC", "kid": kid, "crv": "P-256", "x": _int64(point.x, 32), "y": _int64(point.y, 32)}
    return json.dumps({"keys": [jwk]}).encode()


# --- traces ----------------------------------------------------------------------------------------


def trace(kind: str, second: int, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": kind,
        "clientId": "lps-client-bas",
        "IdRPPS": NATIONAL_ID,
        "ipAddress": "10.30.8.21",
        "ports": [50118],
        "proxy_id_session": "0b7e4d2a-93c1-4f6e-a5d8-2c1b0e9f7a64",
        "session_state": "c47a0e1d-5b2f-4d8c-9e3a-7f6b1a2c3d4e",
        "dn": "CN=editeur-test-bas,OU=314159260,O=EDITEUR TEST,C=FR",
        "timestamp": f"2026-09-21T08:{second // 60:02d}:{second % 60:02d}.000Z",
    }
    if kind == "SEND":
        data["apiRequest"] = {"nomApiPsc": "dmp", "methode": "POST", "path": "/send/dmp/td0.2"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def cycle() -> list[dict[str, Any]]:
    return [trace("CONNECT_SUCCESS", 10), trace("CONNECT_REPLAY", 20), trace("SEND", 30), trace("DISCONNECT", 40)]


# --- running the command -----------------------------------------------------------------------------


def check_json(cli: Any, path: Any, *args: str, as_of: str = "2026-11-28") -> tuple[int, dict[str, Any]]:
    """Run ``check-evidence --format json`` on ``path``: exit code and the parsed report (never a traceback)."""
    result = cli("check-evidence", path, "--as-of", as_of, "--format", "json", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.code, json.loads(result.stdout)


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {c["check"]: c["status"] for c in report["checks"]}


def reasons(report: dict[str, Any], check: str) -> str:
    return " | ".join(next(c["reasons"] for c in report["checks"] if c["check"] == check))
