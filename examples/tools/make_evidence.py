"""Generate the technical evidence of the examples (certificates, HAR, tokens) and refresh their sha256.

Run from anywhere: ``python examples/tools/make_evidence.py [FILE…]`` (every file, or only those named). Every run draws new keys, so the files and their
hashes change; the script rewrites the ``sha256`` of each generated file in the examples' declarations.

The certification authorities are made here, named like IGC-Santé's (``TEST AC IGC-SANTE ELEMENTAIRE
ORGANISATIONS`` under ``TEST AC RACINE IGC-SANTE ELEMENTAIRE``, and the production ones): they are NOT the real
IGC-Santé authorities, and the "PSC" signing key is not PSC's. Nothing here is valid outside these examples.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

EXAMPLES = Path(__file__).resolve().parent.parent
BAS = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
NATIONAL_ID = "899700218896"
Issued = tuple[x509.Certificate, CertificateIssuerPrivateKeyTypes]


def _name(cn: str, org: str, *units: str) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)]
    attrs += [x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, u) for u in units]
    return x509.Name([*attrs, x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _sign(
    subject: x509.Name, issuer: Issued | None, key: CertificateIssuerPrivateKeyTypes, days: tuple[str, str], leaf: bool
) -> Issued:
    start, end = (dt.datetime.fromisoformat(d).replace(tzinfo=dt.UTC) for d in days)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer[0].subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end.replace(hour=23, minute=59))
        .add_extension(x509.BasicConstraints(ca=not leaf, path_length=None), critical=True)
    )
    if leaf:
        usage = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
        builder = builder.add_extension(usage, critical=True)
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    return builder.sign(issuer[1] if issuer else key, hashes.SHA256()), key


def chain(test: bool) -> list[Issued]:
    """[organisations CA, root], named like IGC-Santé's TEST or production hierarchy."""
    prefix, units = ("TEST ", ("IGC-SANTE TEST", "0002 187512751")) if test else ("", ("0002 187512751",))
    days = ("2020-01-01", "2035-12-31")
    root = _sign(
        _name(f"{prefix}AC RACINE IGC-SANTE ELEMENTAIRE", "ASIP-SANTE", *units),
        None,
        ec.generate_private_key(ec.SECP384R1()),
        days,
        False,
    )
    org = _sign(
        _name(f"{prefix}AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", "ASIP-SANTE", *units),
        root,
        ec.generate_private_key(ec.SECP384R1()),
        days,
        False,
    )
    return [org, root]


def certificate_file(ca: list[Issued], cn: str, org: str, ou: str, days: tuple[str, str], order: str) -> bytes:
    leaf = _sign(_name(cn, org, ou), ca[0], rsa.generate_private_key(public_exponent=65537, key_size=2048), days, True)
    head = [
        "# Certificat d'exemple psc-check, généré par examples/tools/make_evidence.py (AC imitant les noms IGC-Santé,",
        "# pas les AC réelles) : certificat client, puis sa chaîne.",
        f"# Subject:    {leaf[0].subject.rfc4514_string()}",
        f"# Issuer:     {leaf[0].issuer.rfc4514_string()}",
        f"# Validité:   {days[0]} → {days[1]}",
        "# Usage:      ORG / AUTH_CLI (extendedKeyUsage clientAuth)",
        f"# Commande IGC-Santé (PFCNG) n° {order}",
    ]
    body = b"".join(c.public_bytes(serialization.Encoding.PEM) for c, _ in (leaf, *ca))
    return ("\n".join(head) + "\n").encode() + body


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def id_token(client_id: str, key: rsa.RSAPrivateKey) -> str:
    claims = {
        "iss": BAS,
        "aud": client_id,
        "azp": client_id,
        "sub": "f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:899700218896",
        "acr": "eidas1",
        "idp": "PSC",
        "auth_time": 1789977750,
        "iat": 1789977760,
        "exp": 1789977880,
        "SubjectNameID": NATIONAL_ID,
        "preferred_username": NATIONAL_ID,
        "given_name": "ANNE",
        "family_name": "TEST-PSC",
    }
    head = _b64(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "bas-2026"}).encode())
    body = _b64(json.dumps(claims, ensure_ascii=False).encode())
    signature = key.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{head}.{body}.{_b64(signature)}\n"


def jwks(key: rsa.RSAPrivateKey) -> bytes:
    numbers = key.public_key().public_numbers()
    n = _b64(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big"))
    jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "bas-2026", "n": n, "e": "AQAB"}
    return (json.dumps({"keys": [jwk]}, indent=2) + "\n").encode()


def _entry(when: str, url: str, body: dict[str, str], status: int, answer: dict[str, Any] | None) -> dict[str, Any]:
    text = urlencode(body)
    content = json.dumps(answer) if answer is not None else ""
    return {
        "_origin": "server",
        "startedDateTime": when,
        "time": 35,
        "request": {
            "method": "POST",
            "url": url,
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Content-Type", "value": "application/x-www-form-urlencoded"}],
            "queryString": [],
            "cookies": [],
            "headersSize": -1,
            "bodySize": len(text),
            "postData": {"mimeType": "application/x-www-form-urlencoded", "text": text},
        },
        "response": {
            "status": status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "headers": [],
            "cookies": [],
            "content": {"size": len(content), "mimeType": "application/json", "text": content},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(content),
        },
        "cache": {},
        "timings": {"send": 1, "wait": 30, "receive": 4},
    }


def proxy_capture(client_id: str) -> bytes:
    """A mitmproxy HAR of the proxy's calls to PSC (server side, mTLS): CIBA, token polling, logout."""
    ciba = {"client_id": client_id, "scope": "openid scope_all", "acr_values": "eidas1", "login_hint": NATIONAL_ID}
    poll = {"grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": "***", "client_id": client_id}
    logout = {
        "client_id": client_id,
        "id_token_hint": "***",
        "post_logout_redirect_uri": "https://proxy-bas.passerelle-sante.example/logged-out",
        "state": "Vd3k9QxZ1mTr6pLa",
    }
    entries = [
        _entry(
            "2026-09-21T08:02:25.114Z",
            f"{BAS}/protocol/openid-connect/ext/ciba/auth",
            ciba | {"binding_message": "27", "channel": "MOBILE"},
            200,
            {"auth_req_id": "***", "interval": 5, "expires_in": 120},
        ),
        _entry(
            "2026-09-21T08:02:30.160Z",
            f"{BAS}/protocol/openid-connect/token",
            poll,
            400,
            {"error": "authorization_pending"},
        ),
        _entry(
            "2026-09-21T08:02:40.201Z",
            f"{BAS}/protocol/openid-connect/token",
            poll,
            200,
            {"access_token": "***", "id_token": "***", "session_state": "***"},
        ),
        _entry("2026-09-21T08:09:58.702Z", f"{BAS}/protocol/openid-connect/logout", logout, 204, None),
    ]
    log = {
        "version": "1.2",
        "creator": {"name": "mitmproxy", "version": "11.0"},
        "comment": "Appels du Proxy e-Santé vers PSC (bac à sable, mTLS), côté serveur ; jetons masqués.",
        "entries": entries,
    }
    return (json.dumps({"log": log}, ensure_ascii=False, indent=2) + "\n").encode()


def decoded_token(client_id: str) -> bytes:
    data = {
        "note": "Jeton d'identité du bac à sable décodé par le client (signature vérifiée par le proxy, retirée ici).",
        "header": {"alg": "RS256", "typ": "JWT", "kid": "bas-2026"},
        "payload": {
            "iss": BAS,
            "aud": client_id,
            "acr": "eidas1",
            "idp": "PSC",
            "iat": 1782723720,
            "exp": 1782723840,
            "SubjectNameID": NATIONAL_ID,
            "preferred_username": NATIONAL_ID,
        },
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def card_trial(client_id: str) -> bytes:
    body = {
        "client_id": client_id,
        "scope": "openid scope_all",
        "acr_values": "eidas1",
        "login_hint": NATIONAL_ID,
        "binding_message": "61",
        "channel": "CPS",
    }
    data = {
        "note": "Essai du canal carte (version 5.3 en développement, recette du 2026-11-03) : le canal est envoyé "
        "sous la valeur « CPS » au lieu de « CARD » ; PSC refuse la requête. Correction prévue avant la 5.3.",
        "requests": [
            {
                "method": "POST",
                "url": f"{BAS}/protocol/openid-connect/ext/ciba/auth",
                "body": urlencode(body),
                "response": {"status": 400, "body": {"error": "invalid_request"}},
            }
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def files() -> dict[str, bytes]:
    test, prod = chain(test=True), chain(test=False)
    psc_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    elp, elu = "passerelle-esante-conformite-bas", "logimed-ardoise-cabinet-bas"
    return {
        "elp-proxy/evidence/certificat-test-auth-cli.pem": certificate_file(
            test, elp, "PASSERELLE SANTE NUMERIQUE", "314159260", ("2025-05-06", "2028-05-06"), "CMD-TEST-2025-00412"
        ),
        "elp-proxy/evidence/certificat-production-auth-cli.pem": certificate_file(
            prod,
            "passerelle-esante-qualification",
            "PASSERELLE SANTE NUMERIQUE",
            "314159260",
            ("2025-07-08", "2028-07-08"),
            "CMD-PROD-2025-01877",
        ),
        "elp-proxy/evidence/capture-proxy-psc-bas.har": proxy_capture(elp),
        "elp-proxy/evidence/jeton-identite-bas.jwt": id_token(elp, psc_key).encode(),
        "elp-proxy/evidence/psc-bas-jwks.json": jwks(psc_key),
        "elu-lps/evidence/certificat-test-auth-cli.pem": certificate_file(
            test, elu, "LOGIMED ARDOISE", "987654324", ("2026-01-20", "2027-01-20"), "CMD-TEST-2026-00931"
        ),
        "elu-lps/evidence/jeton-identite-bas.json": decoded_token(elu),
        "elu-lps/evidence/capture-ciba-carte-recette.json": card_trial(elu),
        "osu-operator/evidence/certificat-recette-auth-cli.pem": certificate_file(
            test,
            "lumen-mediplanning-recette",
            "INFOGERANCE LUMEN",
            "271828188",
            ("2025-10-21", "2028-10-21"),
            "CMD-TEST-2025-00963",
        ),
        "osu-operator/evidence/certificat-production-auth-cli.pem": certificate_file(
            prod,
            "lumen-mediplanning-prod",
            "INFOGERANCE LUMEN",
            "271828188",
            ("2025-12-16", "2028-12-16"),
            "CMD-PROD-2025-02594",
        ),
        "osp-operator/evidence/certificat-recette-auth-cli.pem": certificate_file(
            test,
            "nuage-sante-proxy-recette",
            "NUAGE SANTE HEBERGEMENT",
            "555000108",
            ("2025-08-26", "2028-08-26"),
            "CMD-TEST-2025-00788",
        ),
        "osp-operator/evidence/certificat-production-auth-cli.pem": certificate_file(
            prod,
            "nuage-sante-proxy-prod",
            "NUAGE SANTE HEBERGEMENT",
            "555000108",
            ("2025-10-14", "2028-10-14"),
            "CMD-PROD-2025-02210",
        ),
    }


def refresh_hashes(declaration: Path, written: dict[str, str]) -> int:
    """Rewrite the ``sha256`` of every evidence item citing a written file; the number of items updated."""
    text = declaration.read_text(encoding="utf-8")
    count = 0
    for name, digest in written.items():
        pattern = re.compile(
            rf"(- path: {re.escape(name)}\n(?:[ ]+(?!- )[a-z_0-9]+: .*\n)*?[ ]+sha256: )[0-9a-f]{{64}}"
        )
        text, n = pattern.subn(lambda m, d=digest: m.group(1) + d, text)
        count += n
    declaration.write_text(text, encoding="utf-8")
    return count


def main(only: list[str]) -> None:
    """Write every generated file, or only those named (``osp-operator/evidence/x.pem``), and refresh their hashes."""
    made = files()
    unknown = sorted(set(only) - set(made))
    if unknown:
        raise SystemExit(f"not generated here: {', '.join(unknown)} (choose among: {', '.join(sorted(made))})")
    by_example: dict[str, dict[str, str]] = {}
    for relative, data in made.items():
        if only and relative not in only:
            continue
        path = EXAMPLES / relative
        path.write_bytes(data)
        example, _, name = relative.partition("/")
        by_example.setdefault(example, {})[name] = hashlib.sha256(data).hexdigest()
    for example, written in sorted(by_example.items()):
        updated = refresh_hashes(EXAMPLES / example / "declaration.yaml", written)
        print(f"{example}: {len(written)} files written, {updated} sha256 updated")


if __name__ == "__main__":
    main(sys.argv[1:])
