"""Checks on a TLS scan: the protocol versions offered, the server certificate's validity, the host scanned.

A scan is read into one small normalised model (:class:`TlsScan`: endpoints, each with the versions offered and
its certificates) by one reader per tool output; the checks only see that model. Supported outputs:

- testssl.sh ``--jsonfile`` (flat JSON list of findings ``{"id", "ip", "port", "severity", "finding"}``), as written
  by testssl.sh 3.0 to 3.2 (and 3.3dev): ids ``SSLv2``, ``SSLv3``, ``TLS1``, ``TLS1_1``, ``TLS1_2``, ``TLS1_3``,
  ``cert_notBefore``, ``cert_notAfter``, ``cert_commonName``, ``cert_subjectAltName`` (``… <hostCert#N>`` when a
  server has several certificates); ``ip`` is ``host/address``. ``--jsonfile-pretty`` is not read.
- sslyze ``--json_out`` (sslyze 5.x; 6.x not verified, its reader accepts the ``dns_names`` spelling too): ``server_scan_results[].server_location.hostname`` / ``port``,
  ``scan_result.{ssl_2_0,ssl_3_0,tls_1_0,tls_1_1,tls_1_2,tls_1_3}_cipher_suites.result.accepted_cipher_suites``,
  ``scan_result.certificate_info.result.certificate_deployments[].received_certificate_chain[0]`` with
  ``not_valid_before``, ``not_valid_after``, ``subject`` and ``subject_alternative_name``.

- psc-check's own scan (``psc-check probe tls``), a JSON object, version 1::

      {"format": "psc-check-tls-scan", "version": 1, "tool": "psc-check 0.x (+probe)",
       "scanned_at": "2026-11-30T14:00:00Z",
       "endpoints": [{"host": "portail.example.fr", "port": 443,
                      "protocols": {"SSLv2": "refused", "SSLv3": "refused", "TLS 1.0": "not_testable",
                                    "TLS 1.1": "refused", "TLS 1.2": "offered", "TLS 1.3": "offered"},
                      "method": {"SSLv2": "hello", "TLS 1.2": "handshake", ...},
                      "notes": {"TLS 1.0": "the local OpenSSL cannot offer this version"},
                      "chain": [{"position": 0, "subject": "CN=…", "issuer": "CN=…", "names": ["…"],
                                 "not_before": "2026-01-01T00:00:00Z", "not_after": "2027-01-01T00:00:00Z",
                                 "serial": "1a2b"}, ...],
                      "verification": {"verified": true, "error": null}}]}

  Each protocol is ``offered``, ``refused``, ``not_testable`` (the probing machine could not offer it) or
  ``no_answer`` (the server stayed silent): the last two are unknown, never guessed; the chain's ``position`` 0 is
  the server's certificate, the one the checks read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.checks.base import CheckContext, Conclusion, KindChecks, NotCheckable, not_checkable, say, verdict
from checker.checks.reading import parse_data
from checker.model.message import Message
from checker.model.referential import EvidenceKind

__all__ = [
    "CHECKS",
    "FORBIDDEN",
    "KIND",
    "MAX_BYTES",
    "PROTOCOLS",
    "PSC_CHECK_FORMAT",
    "READERS",
    "TlsCertificate",
    "TlsEndpoint",
    "TlsScan",
    "check_certificate",
    "check_host",
    "check_versions",
    "is_psc_check_scan",
    "is_sslyze",
    "is_testssl",
    "load",
    "read_scan",
]

KIND = EvidenceKind.TLS_SCAN
MAX_BYTES = 10 * 1024 * 1024
PROTOCOLS = ("SSLv2", "SSLv3", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3")
"""The protocol versions a scan reports on, oldest first."""
FORBIDDEN = PROTOCOLS[:4]
"""Never to be offered (SSL, TLS 1.0 and TLS 1.1): the PSC and Espace de confiance requirements forbid them."""
_MODERN = PROTOCOLS[4:]


@dataclass(frozen=True)
class TlsCertificate:
    """One server certificate as the scan saw it (leaf only)."""

    not_before: dt.date | None
    not_after: dt.date | None
    names: tuple[str, ...] = ()
    """Its common name and subject alternative DNS names."""


@dataclass(frozen=True)
class TlsEndpoint:
    """One scanned service: host, port, each protocol version offered (True), refused (False) or unknown (absent)."""

    host: str
    port: int | None
    offered: dict[str, bool] = field(default_factory=dict)
    certificates: tuple[TlsCertificate, ...] = ()

    @property
    def label(self) -> str:
        return self.host if self.port is None else f"{self.host}:{self.port}"


@dataclass(frozen=True)
class TlsScan:
    """What a TLS scan found, whatever tool wrote it."""

    tool: str
    endpoints: tuple[TlsEndpoint, ...]


# ---------------------------------------------------------------------------------------------- testssl.sh


_TESTSSL_PROTOCOLS = {
    "SSLv2": "SSLv2",
    "SSLv3": "SSLv3",
    "TLS1": "TLS 1.0",
    "TLS1_1": "TLS 1.1",
    "TLS1_2": "TLS 1.2",
    "TLS1_3": "TLS 1.3",
}
_CERT_ID = re.compile(r"(cert_notBefore|cert_notAfter|cert_commonName|cert_subjectAltName)(?: <hostCert#(\d+)>)?")


def is_testssl(data: Any) -> bool:
    """A non-empty list of testssl.sh findings (objects with ``id`` and ``finding``), one of them a protocol."""
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(f, dict) and isinstance(f.get("id"), str) and "finding" in f for f in data)
        and any(f["id"] in _TESTSSL_PROTOCOLS or _CERT_ID.fullmatch(f["id"]) for f in data)
    )


def _testssl(data: Any) -> TlsScan | None:
    if not is_testssl(data):
        return None
    protocols: dict[tuple[str, int | None], dict[str, bool]] = {}
    certs: dict[tuple[str, int | None], dict[str, dict[str, str]]] = {}
    for finding in data:
        key = (_testssl_host(finding.get("ip")), _port(finding.get("port")))
        text = finding["finding"] if isinstance(finding["finding"], str) else ""
        ident = finding["id"]
        if ident in _TESTSSL_PROTOCOLS:
            state = _testssl_offered(text)
            slot = protocols.setdefault(key, {})
            if state is not None:
                slot[_TESTSSL_PROTOCOLS[ident]] = state
            continue
        match = _CERT_ID.fullmatch(ident)
        if match:
            certs.setdefault(key, {}).setdefault(match.group(2) or "1", {})[match.group(1)] = text
    endpoints = []
    for key in sorted(protocols.keys() | certs.keys(), key=lambda k: (k[0], k[1] or 0)):
        found = tuple(_testssl_certificate(fields) for _, fields in sorted(certs.get(key, {}).items()))
        endpoints.append(TlsEndpoint(key[0], key[1], protocols.get(key, {}), found))
    return TlsScan("testssl.sh", tuple(endpoints))


def _testssl_host(ip: Any) -> str:
    """``host/address`` → host (testssl.sh writes the name it was given, then the address it connected to)."""
    text = ip if isinstance(ip, str) else ""
    return text.split("/", 1)[0].strip().lower() or "?"


def _testssl_offered(finding: str) -> bool | None:
    text = finding.strip().lower()
    if text.startswith("not offered"):
        return False
    if text.startswith("offered"):
        return True
    return None


def _testssl_certificate(fields: dict[str, str]) -> TlsCertificate:
    names = [fields.get("cert_commonName", "").split(" ", 1)[0]]
    names += [n.removeprefix("DNS:") for n in fields.get("cert_subjectAltName", "").split()]
    return TlsCertificate(
        _day(fields.get("cert_notBefore")),
        _day(fields.get("cert_notAfter")),
        tuple(dict.fromkeys(n.lower() for n in names if n and "." in n)),
    )


# ---------------------------------------------------------------------------------------------------- sslyze


_SSLYZE_PROTOCOLS = {
    "ssl_2_0_cipher_suites": "SSLv2",
    "ssl_3_0_cipher_suites": "SSLv3",
    "tls_1_0_cipher_suites": "TLS 1.0",
    "tls_1_1_cipher_suites": "TLS 1.1",
    "tls_1_2_cipher_suites": "TLS 1.2",
    "tls_1_3_cipher_suites": "TLS 1.3",
}


def is_sslyze(data: Any) -> bool:
    """An sslyze JSON output: a ``server_scan_results`` list of objects holding a ``server_location``."""
    results = data.get("server_scan_results") if isinstance(data, dict) else None
    return isinstance(results, list) and all(isinstance(r, dict) and "server_location" in r for r in results)


def _sslyze(data: Any) -> TlsScan | None:
    if not is_sslyze(data):
        return None
    endpoints = []
    for server in data["server_scan_results"]:
        location = _mapping(server.get("server_location"))
        host = location.get("hostname")
        result = _mapping(server.get("scan_result"))
        offered: dict[str, bool] = {}
        for name, protocol in _SSLYZE_PROTOCOLS.items():
            attempt = _mapping(result.get(name))
            suites = _mapping(attempt.get("result")).get("accepted_cipher_suites")
            if attempt.get("status", "COMPLETED") == "COMPLETED" and isinstance(suites, list):
                offered[protocol] = bool(suites)
        info = _mapping(_mapping(result.get("certificate_info")).get("result"))
        deployments = info.get("certificate_deployments")
        certificates = []
        for deployment in deployments if isinstance(deployments, list) else []:
            chain = _mapping(deployment).get("received_certificate_chain")
            if isinstance(chain, list) and chain:
                certificates.append(_sslyze_certificate(_mapping(chain[0])))
        endpoints.append(
            TlsEndpoint(
                host.strip().lower() if isinstance(host, str) and host.strip() else "?",
                _port(location.get("port")),
                offered,
                tuple(certificates),
            )
        )
    return TlsScan("sslyze", tuple(endpoints))


def _sslyze_certificate(cert: dict[Any, Any]) -> TlsCertificate:
    names: list[str] = []
    for attribute in _mapping(cert.get("subject")).get("attributes") or []:
        oid = _mapping(_mapping(attribute).get("oid"))
        if oid.get("name") == "commonName" or oid.get("dotted_string") == "2.5.4.3":
            names.append(str(_mapping(attribute).get("value", "")))
    san = _mapping(cert.get("subject_alternative_name"))
    dns = san.get("dns", san.get("dns_names"))
    names += [str(n) for n in dns] if isinstance(dns, list) else []
    return TlsCertificate(
        _day(cert.get("not_valid_before")),
        _day(cert.get("not_valid_after")),
        tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip())),
    )


# ------------------------------------------------------------------------------------------------- reading


# ------------------------------------------------------------------------------------------- psc-check probe


PSC_CHECK_FORMAT = "psc-check-tls-scan"
_PSC_CHECK_STATES = {"offered": True, "refused": False}


def is_psc_check_scan(data: Any) -> bool:
    """A ``psc-check probe tls`` document of a version this reader knows (1)."""
    return isinstance(data, dict) and data.get("format") == PSC_CHECK_FORMAT and data.get("version") == 1


def _psc_check(data: Any) -> TlsScan | None:
    if not is_psc_check_scan(data):
        return None
    endpoints = []
    listed = data.get("endpoints")
    for end in listed if isinstance(listed, list) else []:
        node = _mapping(end)
        host = node.get("host")
        protocols = _mapping(node.get("protocols"))
        offered = {
            p: _PSC_CHECK_STATES[state]
            for p in PROTOCOLS
            if isinstance(state := protocols.get(p), str) and state in _PSC_CHECK_STATES
        }
        chain = node.get("chain")
        leaves = [_mapping(c) for c in (chain if isinstance(chain, list) else []) if _mapping(c).get("position") == 0]
        certificates = tuple(
            TlsCertificate(
                _day(leaf.get("not_before")),
                _day(leaf.get("not_after")),
                tuple(n.strip().lower() for n in leaf.get("names") or [] if isinstance(n, str) and n.strip()),
            )
            for leaf in leaves
        )
        endpoints.append(
            TlsEndpoint(
                host.strip().lower() if isinstance(host, str) and host.strip() else "?",
                _port(node.get("port")),
                offered,
                certificates,
            )
        )
    tool = data.get("tool")
    return TlsScan(tool if isinstance(tool, str) and tool else "psc-check", tuple(endpoints))


READERS: list[Callable[[Any], TlsScan | None]] = [_testssl, _sslyze, _psc_check]
"""Each tool's reader: the normalised scan, or None when the data is not that tool's output."""


def read_scan(data: Any) -> TlsScan | None:
    """The scan ``data`` holds, read by the first reader that knows its shape."""
    return next((scan for read in READERS if (scan := read(data)) is not None), None)


def load(raw: bytes) -> TlsScan:
    """A testssl.sh, sslyze or psc-check JSON scan as a :class:`TlsScan`; anything else is not checkable."""
    scan = read_scan(parse_data(raw))
    if scan is None:
        raise NotCheckable(say("tls.unknown_format"))
    if not scan.endpoints:
        raise NotCheckable(say("tls.empty", tool=scan.tool))
    return scan


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _port(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 5:
        return int(value.strip())
    return None


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _day(value: Any) -> dt.date | None:
    """The date at the start of ``value`` (``2027-03-01 12:00``, ``2027-03-01T12:00:00Z``), None if none."""
    match = _DAY.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# -------------------------------------------------------------------------------------------------- checks


CHECKS = KindChecks(KIND, MAX_BYTES, load)


def _conclude(problems: list[Message], unknown: list[Message], facts: list[Message]) -> Conclusion:
    """Over every endpoint: one problem contradicts, else one unknown leaves it not checkable, else verified."""
    if problems:
        return verdict(problems, [])
    if unknown:
        return not_checkable(*unknown)
    return verdict([], facts)


@CHECKS.check("tls.versions")
def check_versions(scan: TlsScan, ctx: CheckContext) -> Conclusion:
    """On every endpoint: no SSL, TLS 1.0 or TLS 1.1 offered; TLS 1.2 or 1.3 offered; each version reported."""
    problems: list[Message] = []
    facts: list[Message] = []
    unknown: list[Message] = []
    for end in scan.endpoints:
        offered = [p for p in PROTOCOLS if end.offered.get(p) is True]
        bad = [p for p in FORBIDDEN if end.offered.get(p) is True]
        missing = [p for p in PROTOCOLS if p not in end.offered]
        if bad:
            problems.append(say("tls.forbidden_offered", host=end.label, versions=", ".join(bad)))
        if not any(end.offered.get(p) is True for p in _MODERN):
            if all(p in end.offered for p in _MODERN):
                problems.append(say("tls.no_modern", host=end.label))
            else:
                unknown.append(say("tls.versions_unknown", host=end.label, versions=", ".join(missing)))
        elif any(p not in end.offered for p in FORBIDDEN):
            unknown.append(say("tls.versions_unknown", host=end.label, versions=", ".join(missing)))
        else:
            facts.append(say("tls.versions_ok", host=end.label, versions=", ".join(offered), tool=scan.tool))
    return _conclude(problems, unknown, facts)


@CHECKS.check("tls.certificate")
def check_certificate(scan: TlsScan, ctx: CheckContext) -> Conclusion:
    """Every certificate the scan saw is valid on the evaluation date."""
    problems: list[Message] = []
    facts: list[Message] = []
    unknown: list[Message] = []
    for end in scan.endpoints:
        if not end.certificates:
            unknown.append(say("tls.no_certificate", host=end.label))
        for cert in end.certificates:
            if cert.not_before is None or cert.not_after is None:
                unknown.append(say("tls.certificate_undated", host=end.label))
            elif ctx.as_of < cert.not_before:
                problems.append(say("tls.certificate_not_yet", host=end.label, start=cert.not_before.isoformat()))
            elif ctx.as_of > cert.not_after:
                problems.append(say("tls.certificate_expired", host=end.label, end=cert.not_after.isoformat()))
            else:
                facts.append(
                    say(
                        "tls.certificate_ok",
                        host=end.label,
                        start=cert.not_before.isoformat(),
                        end=cert.not_after.isoformat(),
                    )
                )
    return _conclude(problems, unknown, facts)


@CHECKS.check("tls.host")
def check_host(scan: TlsScan, ctx: CheckContext) -> Conclusion:
    """Every scanned host is one of the hosts the declaration names for the service (``subject.hosts``)."""
    if not ctx.hosts:
        return not_checkable(say("tls.no_declared_host"))
    declared = {h.lower().rstrip(".") for h in ctx.hosts}
    foreign = sorted({end.host for end in scan.endpoints if end.host.rstrip(".") not in declared})
    if foreign:
        return verdict([say("tls.host_foreign", hosts=", ".join(foreign), declared=", ".join(sorted(declared)))], [])
    return verdict([], [say("tls.host_ok", hosts=", ".join(sorted({end.host for end in scan.endpoints})))])
