"""``probe tls``: which protocol versions a server accepts, and its certificate chain, written as a
``psc-check-tls-scan`` document (format in :mod:`checker.checks.tls`) that the ``tls.*`` checks read.

- TLS 1.0 to 1.3: one full handshake per version with the standard :mod:`ssl` module, the client limited to that one
  version (``@SECLEVEL=0`` for 1.0 and 1.1, which OpenSSL 3 refuses at its default level). When the local OpenSSL
  cannot even offer a version (found offline, before any connection), that version is ``not_testable``: no guess.
- SSL 2 and SSL 3, which current OpenSSL builds cannot offer at all, get one hand-written ClientHello each (as
  testssl.sh does): ``offered`` only when the server answers with a ServerHello of that very version.
- Certificates: the chain the server sends (names, validity, issuer) and whether it verifies against the system's
  authorities or ``--ca-bundle``, from one more, ordinary, handshake.
- A server silent for ``TIMEOUT`` seconds after a hello is ``no_answer`` for that version: unknown, not refused.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import ssl
import time
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from checker import __version__
from checker.model.message import Message, msg
from checker.probe.net import TOTAL_SECONDS, ProbeError

__all__ = ["CONNECTIONS", "TIMEOUT", "TlsOutcome", "parse_target", "plan", "probe_tls"]

TIMEOUT = 10.0
State = Literal["offered", "refused", "not_testable", "no_answer"]
_HANDSHAKE_VERSIONS = {
    "TLS 1.0": "TLSv1",
    "TLS 1.1": "TLSv1_1",
    "TLS 1.2": "TLSv1_2",
    "TLS 1.3": "TLSv1_3",
}
CONNECTIONS = 7
"""SSL 2, SSL 3, TLS 1.0 to 1.3, one for the certificate chain."""


@dataclass(frozen=True)
class TlsOutcome:
    host: str
    port: int
    protocols: dict[str, State]
    methods: dict[str, str]
    notes: dict[str, str]
    certificates: list[dict[str, Any]]
    verified: bool
    verify_error: str | None

    def document(self, scanned_at: dt.datetime) -> dict[str, Any]:
        """The ``psc-check-tls-scan`` document (version 1)."""
        return {
            "format": "psc-check-tls-scan",
            "version": 1,
            "tool": f"psc-check {__version__} (+probe)",
            "scanned_at": scanned_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "endpoints": [
                {
                    "host": self.host,
                    "port": self.port,
                    "protocols": self.protocols,
                    "method": self.methods,
                    "notes": self.notes,
                    "chain": self.certificates,
                    "verification": {"verified": self.verified, "error": self.verify_error},
                }
            ],
        }


def parse_target(target: str) -> tuple[str, int]:
    """``HOST``, ``HOST:PORT`` or ``[IPv6]:PORT`` → (host, port), port 443 by default."""
    text = target.strip()
    host, port = text, 443
    if text.startswith("["):
        inside, closed, rest = text[1:].partition("]")
        if not closed:
            raise ProbeError(msg("probe.bad_host", target=target))
        host = inside
        if rest.startswith(":"):
            port = _port(rest[1:], target)
    elif text.count(":") == 1:
        host, raw = text.split(":")
        port = _port(raw, target)
    if not host or "/" in host or any(c.isspace() for c in host):
        raise ProbeError(msg("probe.bad_host", target=target))
    return host.lower(), port


def _port(raw: str, target: str) -> int:
    if not raw.isdecimal() or not 0 < int(raw) < 65536:
        raise ProbeError(msg("probe.bad_host", target=target))
    return int(raw)


def plan(host: str, port: int) -> list[Message]:
    return [msg("probe.plan_tls", host=host, port=port, count=CONNECTIONS)]


def probe_tls(host: str, port: int, ca_bundle: str | None = None) -> TlsOutcome:
    """Test every version, then read the chain; a :class:`ProbeError` when the server cannot be reached."""
    protocols: dict[str, State] = {}
    methods: dict[str, str] = {}
    notes: dict[str, str] = {}
    deadline = time.monotonic() + TOTAL_SECONDS
    _connect(host, port, deadline).close()  # unreachable: say so once, before any version is judged
    for name, hello in (("SSLv2", _SSLV2_HELLO), ("SSLv3", None)):
        protocols[name] = _raw_hello(host, port, name, hello, deadline)
        methods[name] = "hello"
    for name, attribute in _HANDSHAKE_VERSIONS.items():
        methods[name] = "handshake"
        context = _version_context(attribute)
        if context is None:
            protocols[name] = "not_testable"
            notes[name] = "the local OpenSSL cannot offer this version"
            continue
        protocols[name], note = _handshake(host, port, context, attribute, deadline)
        if note:
            notes[name] = note
    chain, verified, error = _chain(host, port, ca_bundle, deadline)
    return TlsOutcome(host, port, protocols, methods, notes, chain, verified, error)


def _server_name(host: str) -> str | None:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host
    return None


def _connect(host: str, port: int, deadline: float) -> socket.socket:
    if time.monotonic() > deadline:
        raise ProbeError(msg("probe.budget_time", seconds=int(TOTAL_SECONDS)))
    try:
        return socket.create_connection((host, port), timeout=TIMEOUT)
    except TimeoutError:
        raise ProbeError(msg("probe.timeout", url=f"{host}:{port}", seconds=int(TIMEOUT))) from None
    except OSError as exc:
        raise ProbeError(msg("probe.unreachable", url=f"{host}:{port}", error=exc.strerror or str(exc))) from None


def _version_context(attribute: str) -> ssl.SSLContext | None:
    """A client context offering only that version, or None when the local OpenSSL cannot offer it (tried offline)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLSv1 and TLSv1_1 are deprecated names: we test them
        version = getattr(ssl.TLSVersion, attribute)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # which versions are accepted, not who the server is (see _chain)
        try:
            context.minimum_version = version
            context.maximum_version = version
            if attribute in ("TLSv1", "TLSv1_1"):
                context.set_ciphers("ALL:@SECLEVEL=0")
        except (ValueError, ssl.SSLError):
            return None
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    trial = context.wrap_bio(incoming, outgoing)
    try:
        trial.do_handshake()
    except ssl.SSLWantReadError:
        return context if outgoing.pending else None  # a ClientHello was written: the version can be offered
    except ssl.SSLError:
        return None
    return None


def _handshake(
    host: str, port: int, context: ssl.SSLContext, attribute: str, deadline: float
) -> tuple[State, str | None]:
    sock = _connect(host, port, deadline)
    try:
        with context.wrap_socket(sock, server_hostname=_server_name(host)) as tls:
            got = tls.version() or ""
    except ssl.SSLError as exc:
        if exc.reason == "NO_PROTOCOLS_AVAILABLE":
            return "not_testable", "the local OpenSSL cannot offer this version"
        return "refused", exc.reason or None
    except TimeoutError:
        return "no_answer", f"no answer within {int(TIMEOUT)} s"
    except ConnectionError as exc:  # the server closed or reset the connection: it did not accept the version
        return "refused", type(exc).__name__
    finally:
        sock.close()
    expected = {"TLSv1": "TLSv1", "TLSv1_1": "TLSv1.1", "TLSv1_2": "TLSv1.2", "TLSv1_3": "TLSv1.3"}[attribute]
    return ("offered", None) if got == expected else ("refused", f"negotiated {got}")


def _sslv3_hello() -> bytes:
    ciphers = bytes.fromhex("000a002f00350005000400090003")  # SSLv3 suites: 3DES, AES, RC4, DES, EXP
    body = b"\x03\x00" + os.urandom(32) + b"\x00" + len(ciphers).to_bytes(2, "big") + ciphers + b"\x01\x00"
    handshake = b"\x01" + len(body).to_bytes(3, "big") + body
    return b"\x16\x03\x00" + len(handshake).to_bytes(2, "big") + handshake


_SSLV2_CIPHERS = bytes.fromhex("0700c0050080030080010080060040040080020080")
_SSLV2_HELLO = b"\x01\x00\x02" + len(_SSLV2_CIPHERS).to_bytes(2, "big") + b"\x00\x00\x00\x10" + _SSLV2_CIPHERS


def _raw_hello(host: str, port: int, name: str, sslv2: bytes | None, deadline: float) -> State:
    """Send one SSL 2 or SSL 3 ClientHello; ``offered`` only for a ServerHello of that version."""
    if sslv2 is not None:
        message = sslv2 + os.urandom(16)
        hello = (0x8000 | len(message)).to_bytes(2, "big") + message
    else:
        hello = _sslv3_hello()
    sock = _connect(host, port, deadline)
    try:
        sock.sendall(hello)
        answer = _read(sock, 11)
    except TimeoutError:
        return "no_answer"
    except OSError:
        return "refused"
    finally:
        sock.close()
    if name == "SSLv2":
        return "offered" if len(answer) >= 3 and answer[0] & 0x80 and answer[2] == 4 else "refused"
    is_server_hello = len(answer) >= 11 and answer[0] == 0x16 and answer[5] == 0x02
    return "offered" if is_server_hello and answer[9:11] == b"\x03\x00" else "refused"


def _read(sock: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            break
        data += chunk
    return data


def _chain(
    host: str, port: int, ca_bundle: str | None, deadline: float
) -> tuple[list[dict[str, Any]], bool, str | None]:
    """The certificates the server sends, leaf first, and whether the chain verifies (names included)."""
    try:
        context = ssl.create_default_context(cafile=ca_bundle)
    except (OSError, ssl.SSLError) as exc:
        raise ProbeError(msg("probe.bad_ca_bundle", path=str(ca_bundle), error=str(exc))) from None
    verified, error = True, None
    sock = _connect(host, port, deadline)
    try:
        with context.wrap_socket(sock, server_hostname=host) as tls:  # an address is matched against IP names
            ders = _ders(tls)
    except ssl.SSLCertVerificationError as exc:
        verified, error = False, exc.verify_message or exc.reason or "verification failed"
        ders = _unverified_ders(host, port, deadline)
    except ssl.SSLError as exc:
        verified, error = False, exc.reason or "handshake failed"
        ders = []
    except OSError as exc:  # silent (timeout) or closed: no chain to record
        verified, error = False, type(exc).__name__
        ders = []
    finally:
        sock.close()
    return [_describe(der, index) for index, der in enumerate(ders)], verified, error


def _unverified_ders(host: str, port: int, deadline: float) -> list[bytes]:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    sock = _connect(host, port, deadline)
    try:
        with context.wrap_socket(sock, server_hostname=_server_name(host)) as tls:
            return _ders(tls)
    except OSError:  # ssl.SSLError included
        return []
    finally:
        sock.close()


def _ders(tls: ssl.SSLSocket) -> list[bytes]:
    """The chain as sent (Python ≥ 3.13 names it ``get_unverified_chain``; 3.11 and 3.12 hold it privately)."""
    getter = getattr(tls, "get_unverified_chain", None) or getattr(
        getattr(tls, "_sslobj", None), "get_unverified_chain", None
    )
    if getter is not None:
        try:
            found = getter()
        except (ssl.SSLError, ValueError):
            found = None
        if found:
            return [c if isinstance(c, bytes) else c.public_bytes(ssl._ssl.ENCODING_DER) for c in found]  # type: ignore[attr-defined]
    leaf = tls.getpeercert(binary_form=True)
    return [leaf] if leaf else []


def _describe(der: bytes, index: int) -> dict[str, Any]:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        return {"position": index, "unreadable": True}
    names = [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names += san.get_values_for_type(x509.DNSName)
        names += [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
    except x509.ExtensionNotFound:
        pass
    return {
        "position": index,
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "names": list(dict.fromkeys(names)),
        "not_before": cert.not_valid_before_utc.isoformat().replace("+00:00", "Z"),
        "not_after": cert.not_valid_after_utc.isoformat().replace("+00:00", "Z"),
        "serial": format(cert.serial_number, "x"),
    }
