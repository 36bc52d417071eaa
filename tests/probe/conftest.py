"""Real servers on 127.0.0.1 for the probe tests, started once per session in threads: a test PKI (made with
``cryptography``), an HTTPS service limited to TLS 1.2+ with good and bad login, CORS and proxy variants, and,
when the local OpenSSL can serve it, a server that still accepts TLS 1.0.

Every test of this folder also asserts that no connection left 127.0.0.0/8 (``guard``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import ipaddress
import json
import secrets
import socket
import ssl
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

GOOD_PSC = "https://wallet.bas.psc.esante.gouv.fr/auth"
OLD_PSC = "https://wallet.bas.esw.esante.gouv.fr/auth"


@dataclass(frozen=True)
class Pki:
    ca: Path
    cert: Path
    key: Path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_pki(folder: Path) -> Pki:
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("psc-check test CA"))
        .issuer_name(_name("psc-check test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    pki.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + pki.ca.read_bytes())
    pki.key.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return pki


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Service(BaseHTTPRequestHandler):
    """``/<variant>/login`` → ``/<variant>/login/start`` → PSC; ``/cors-*/api``; ``/proxy-*/…``."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _own(self) -> str:
        return f"https://127.0.0.1:{self.connection.getsockname()[1]}"

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        parts = path.strip("/").split("/")
        if len(parts) >= 2 and parts[1] == "login":
            self._login(parts[0], start=len(parts) > 2)
        elif parts[0].startswith("cors-"):
            self._cors(parts[0])
        elif parts[0].startswith("proxy-"):
            self._proxy(parts[0], "GET", path)
        else:
            self._send(404)

    def do_OPTIONS(self) -> None:
        parts = urlsplit(self.path).path.strip("/").split("/")
        if parts[0].startswith("cors-"):
            self._cors(parts[0], preflight=True)
        else:
            self._send(404)

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        body = self._body()
        if path.strip("/").split("/")[0].startswith("proxy-"):
            self._proxy(path.strip("/").split("/")[0], "POST", path, body)
        else:
            self._send(404)

    def _login(self, variant: str, *, start: bool) -> None:
        if variant == "drop" and start:
            self.close_connection = True  # no answer at all: the connection closes
            return
        if not start:
            self._send(302, {"Location": f"/{variant}/login/start", "Set-Cookie": "sid=abc123; Secure; HttpOnly"})
            return
        verifier = secrets.token_urlsafe(48)
        params = {
            "response_type": "code",
            "client_id": "portail-test",
            "redirect_uri": f"{self._own()}/{variant}/callback",
            "scope": "openid scope_all",
            "acr_values": "eidas1",
            "state": secrets.token_urlsafe(16),
            "nonce": secrets.token_urlsafe(16),
            "code_challenge": _b64(hashlib.sha256(verifier.encode()).digest()),
            "code_challenge_method": "S256",
        }
        host = GOOD_PSC
        if variant == "nonce":
            del params["nonce"]
        elif variant == "plain":
            params |= {"code_challenge": verifier, "code_challenge_method": "plain"}
        elif variant == "secret":
            params["client_secret"] = "s3cr3t-du-client"  # noqa: S105 - the bad variant leaks a (fake) secret
        elif variant == "oldhost":
            host = OLD_PSC
        elif variant == "thirdparty":
            host = "https://login.example.com/authorize"
        self._send(302, {"Location": f"{host}?{urlencode(params)}"})

    def _cors(self, variant: str, *, preflight: bool = False) -> None:
        origin = self.headers.get("Origin", "")
        headers = {"Content-Type": "application/json"}
        if variant == "cors-reflect":
            headers |= {"Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true"}
        elif variant == "cors-strict":
            headers |= {"Access-Control-Allow-Origin": "https://portail.exemple.fr"}
        if preflight:
            headers["Access-Control-Allow-Methods"] = "GET, POST"
            self._send(204, headers)
        else:
            self._send(200, headers, b'{"ok": true}')

    def _proxy(self, variant: str, method: str, path: str, body: bytes = b"") -> None:
        route = path.removeprefix(f"/{variant}")
        if route == "/connect" and method == "POST":
            try:
                data = json.loads(body)
                valid = (
                    isinstance(data, dict)
                    and all(isinstance(data.get(k), str) for k in ("nationalId", "bindingMessage", "clientId"))
                    and len(data["bindingMessage"]) == 2
                    and data["bindingMessage"].isdigit()
                    and data.get("channel") in ("CARD", "MOBILE")
                )
            except ValueError:
                valid = False
            if valid:
                self._send(503)  # would start CIBA at PSC: never reached by the probe's invalid bodies
            elif variant == "proxy-bad":
                self._send(500, {"Content-Type": "application/json"}, b'{"code": "INTERNAL"}')
            else:
                error = {"code": "BAD_REQUEST", "message": "invalid", "metadata": {}}
                self._send(400, {"Content-Type": "application/json"}, json.dumps(error).encode())
        elif route.startswith("/send/"):
            self._send(401)
        elif route == "/traces":
            trace = {
                "type": "CONNECT_FAILURE",
                "clientId": "psc-check-probe",
                "IdRPPS": "899999999999",
                "ipAddress": "127.0.0.1",
                "ports": "443",
                "timestamp": "2026-11-30T10:00:00Z",
            }
            self._send(200, {"Content-Type": "application/json"}, json.dumps([trace]).encode())
        else:
            self._send(404)


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # refused handshakes (the TLS probe's old versions) are expected here


def _serve(context: ssl.SSLContext) -> tuple[ThreadingHTTPServer, threading.Thread]:
    server = _Quiet(("127.0.0.1", 0), Service)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server, thread


def server_context(pki: Pki, *, old: bool = False) -> ssl.SSLContext | None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki.cert, pki.key)
    if not old:
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = ssl.TLSVersion.TLSv1
        context.set_ciphers("ALL:@SECLEVEL=0")
    except (ValueError, ssl.SSLError):
        return None
    return context


@dataclass(frozen=True)
class Servers:
    pki: Pki
    port: int
    old_port: int | None

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    pki = make_pki(tmp_path_factory.mktemp("pki"))
    modern = server_context(pki)
    assert modern is not None
    started = [_serve(modern)]
    old = server_context(pki, old=True)
    if old is not None:
        started.append(_serve(old))
    yield Servers(pki, started[0][0].server_address[1], started[1][0].server_address[1] if old else None)
    for server, thread in started:
        server.shutdown()
        server.server_close()
        thread.join()


_LOOPBACK = ipaddress.ip_network("127.0.0.0/8")


@dataclass
class Guard:
    seen: list[str]
    """Every host resolved or connected to."""
    outside: list[str]
    """Those outside 127.0.0.0/8 (refused)."""


@pytest.fixture(autouse=True)
def guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[Guard]:
    """Every host resolved or connected to during the test. One outside 127.0.0.0/8 is refused (``OSError``, as an
    unreachable host) and fails the test at its end, whatever the code under test made of the refusal."""
    seen: list[str] = []
    outside: list[str] = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection

    def inside(host: Any) -> bool:
        try:
            return ipaddress.ip_address(str(host).strip("[]")) in _LOOPBACK
        except ValueError:
            return str(host) == "localhost"

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(host))
        if not inside(host):
            outside.append(str(host))
            raise OSError(f"test guard: {host} is outside 127.0.0.0/8")
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(address[0]))
        if not inside(address[0]):
            outside.append(str(address[0]))
            raise OSError(f"test guard: {address[0]} is outside 127.0.0.0/8")
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield Guard(seen, outside)
    assert outside == [], f"the test tried to reach {outside}"
