"""Checks on an X.509 certificate (PEM or DER, leaf first, chain optional): validity, IGC-Santé issuer, profile, CN."""

from __future__ import annotations

import itertools
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.checks.base import (
    CheckContext,
    Conclusion,
    KindChecks,
    NotCheckable,
    env_label,
    not_checkable,
    say,
    verdict,
)
from checker.model.message import Message
from checker.model.referential import Environment, EvidenceKind

if TYPE_CHECKING:
    from cryptography import x509

__all__ = [
    "CHECKS",
    "KIND",
    "MAX_BYTES",
    "ORG_CA",
    "ROOT_CA",
    "CertificateEvidence",
    "ca_environment",
    "check_auth_cli",
    "check_cn_client_id",
    "check_issuer",
    "check_validity",
    "common_name",
    "load",
]

KIND = EvidenceKind.CERTIFICATE
MAX_BYTES = 256 * 1024
ORG_CA = re.compile(r"(TEST )?AC IGC-SANTE (ELEMENTAIRE|STANDARD|FORT) ORGANISATIONS")
ROOT_CA = re.compile(r"(TEST )?AC RACINE IGC-SANTE (ELEMENTAIRE|STANDARD|FORT)")
_STRUCTURE_ID = re.compile(r"(?:000[29] +)?[0-9]?(?:[0-9]{9}|[0-9]{14}|2[AB][0-9]{7})")
_CURVES = frozenset({"secp256r1", "secp384r1", "secp521r1"})


@dataclass(frozen=True)
class CertificateEvidence:
    """The certificates of the file, leaf first, and whether a private key sits beside them."""

    certificates: list[x509.Certificate]
    has_private_key: bool

    @property
    def leaf(self) -> x509.Certificate:
        return self.certificates[0]


def load(raw: bytes) -> CertificateEvidence:
    """Parse PEM (one or more blocks, comments allowed) or DER; truncated or malformed data is not checkable."""
    from cryptography import x509

    has_key = b"PRIVATE KEY-----" in raw
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if b"-----BEGIN" in raw:
            begins, ends = raw.count(b"-----BEGIN CERTIFICATE-----"), raw.count(b"-----END CERTIFICATE-----")
            if begins == 0:
                raise NotCheckable(say("cert.no_pem_block"))
            if begins != ends:
                raise NotCheckable(say("cert.truncated"))
            try:
                certs = x509.load_pem_x509_certificates(raw)
            except ValueError:
                raise NotCheckable(say("cert.malformed")) from None
        else:
            try:
                certs = [x509.load_der_x509_certificate(raw)]
            except ValueError:
                raise NotCheckable(say("cert.not_a_certificate")) from None
    return CertificateEvidence(certificates=certs, has_private_key=has_key)


CHECKS = KindChecks(KIND, MAX_BYTES, load)


@CHECKS.check("cert.validity")
def check_validity(ev: CertificateEvidence, ctx: CheckContext) -> Conclusion:
    """Every certificate valid on the evaluation date; the leaf valid long enough; its declared expiry not later."""
    problems: list[Message] = []
    for cert in ev.certificates:
        start, end = cert.not_valid_before_utc.date(), cert.not_valid_after_utc.date()
        if ctx.as_of < start:
            problems.append(say("cert.not_yet_valid", name=common_name(cert.subject), start=start.isoformat()))
        elif ctx.as_of > end:
            problems.append(say("cert.expired", name=common_name(cert.subject), end=end.isoformat()))
    leaf = ev.leaf
    start, end = leaf.not_valid_before_utc.date(), leaf.not_valid_after_utc.date()
    left = (end - ctx.as_of).days
    if ctx.min_remaining_days is not None and 0 <= left < ctx.min_remaining_days:
        problems.append(say("cert.too_close", end=end.isoformat(), days=ctx.min_remaining_days, left=left))
    if ctx.declared_expires is not None and ctx.declared_expires > end:
        problems.append(
            say("cert.declared_expires_later", declared=ctx.declared_expires.isoformat(), end=end.isoformat())
        )
    facts = [say("cert.valid", name=common_name(leaf.subject), start=start.isoformat(), end=end.isoformat())]
    return verdict(problems, facts)


@CHECKS.check("cert.issuer")
def check_issuer(ev: CertificateEvidence, ctx: CheckContext) -> Conclusion:
    """Issued by an IGC-Santé organisations CA whose range (TEST or production) matches the claimed environment."""
    issuer = common_name(ev.leaf.issuer)
    env = ca_environment(issuer, ORG_CA)
    problems: list[Message] = []
    facts: list[Message] = []
    if env is None:
        problems.append(say("cert.issuer_unknown", issuer=issuer))
    else:
        facts.append(say("cert.issuer_ok", issuer=issuer, environment=env_label(env)))
        if ctx.environment is not None and ctx.environment is not env:
            problems.append(
                say(
                    "cert.issuer_environment",
                    issuer=issuer,
                    actual=env_label(env),
                    claimed=env_label(ctx.environment),
                )
            )
    problems += _chain_problems(ev.certificates, env)
    if len(ev.certificates) == 1:
        facts.append(say("cert.chain_absent"))
    else:
        facts.append(say("cert.chain_ok", top=common_name(ev.certificates[-1].subject)))
    facts.append(say("cert.offline_limits"))
    return verdict(problems, facts)


def _chain_problems(certs: list[x509.Certificate], env: Environment | None) -> list[Message]:
    from cryptography.exceptions import InvalidSignature

    problems: list[Message] = []
    for child, parent in itertools.pairwise(certs):
        child_name, parent_name = common_name(child.subject), common_name(parent.subject)
        if child.issuer != parent.subject:
            problems.append(say("cert.chain_broken", child=child_name, issuer=common_name(child.issuer)))
            continue
        try:
            child.verify_directly_issued_by(parent)
        except (InvalidSignature, ValueError, TypeError):
            problems.append(say("cert.chain_signature", child=child_name, parent=parent_name))
    for cert in certs[1:]:
        name = common_name(cert.subject)
        cert_env = ca_environment(name, ORG_CA) or ca_environment(name, ROOT_CA)
        if cert_env is None:
            problems.append(say("cert.chain_foreign", name=name))
        elif env is not None and cert_env is not env:
            problems.append(say("cert.chain_mixed", name=name))
    return problems


@CHECKS.check("cert.auth_cli")
def check_auth_cli(ev: CertificateEvidence, ctx: CheckContext) -> Conclusion:
    """An ORG / AUTH_CLI profile: EKU clientAuth, not a CA, a strong key, an OU holding a structure identifier."""
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    leaf = ev.leaf
    problems: list[Message] = []
    facts: list[Message] = []
    try:
        eku = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        facts.append(say("cert.eku_missing"))  # the AUTH_CLI bits are a known gap: no EKU restricts nothing
    else:
        if ExtendedKeyUsageOID.CLIENT_AUTH in eku:
            facts.append(say("cert.eku_ok"))
        else:
            names = ", ".join(getattr(oid, "_name", oid.dotted_string) for oid in eku) or "—"
            problems.append(say("cert.eku_no_client_auth", usages=names))
    try:
        if leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            problems.append(say("cert.is_ca"))
    except x509.ExtensionNotFound:
        pass
    key_problem, key_fact = _key(leaf)
    problems += key_problem
    facts += key_fact
    units = [_text(a.value) for a in leaf.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)]
    if any(_STRUCTURE_ID.fullmatch(u.strip()) for u in units):
        facts.append(say("cert.ou_ok", ou=", ".join(units)))
    else:
        problems.append(say("cert.ou_missing", ou=", ".join(units) or "—"))
    if ev.has_private_key:
        problems.append(say("cert.private_key"))
    return verdict(problems, facts)


def _key(cert: x509.Certificate) -> tuple[list[Message], list[Message]]:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        label = f"RSA {key.key_size}"
        ok = key.key_size >= 2048
    elif isinstance(key, ec.EllipticCurvePublicKey):
        label = f"ECDSA {key.curve.name}"
        ok = key.curve.name in _CURVES
    else:
        label, ok = type(key).__name__, False
    if ok:
        return [], [say("cert.key_ok", algorithm=label)]
    return [say("cert.key_weak", algorithm=label)], []


@CHECKS.check("cert.cn_client_id")
def check_cn_client_id(ev: CertificateEvidence, ctx: CheckContext) -> Conclusion:
    """The subject CN equals the client_id declared for PSC (mTLS binds the certificate to the client)."""
    from cryptography.x509.oid import NameOID

    if not ctx.client_id:
        return not_checkable(say("cert.no_client_id"))
    names = [_text(a.value) for a in ev.leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    if not names:
        return verdict([say("cert.cn_missing")], [])
    if ctx.client_id in names:
        return verdict([], [say("cert.cn_ok", cn=ctx.client_id)])
    return verdict([say("cert.cn_mismatch", cn=", ".join(names), client_id=ctx.client_id)], [])


def common_name(name: x509.Name) -> str:
    """The CN of a name, else the whole name in RFC 4514 form."""
    from cryptography.x509.oid import NameOID

    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return _text(values[0].value) if values else name.rfc4514_string()


def ca_environment(name: str, pattern: re.Pattern[str]) -> Environment | None:
    """The environment an IGC-Santé CA name belongs to (``TEST …`` is the sandbox), None if not such a name."""
    match = pattern.fullmatch(" ".join(name.upper().split()))
    if match is None:
        return None
    return Environment.BAC_A_SABLE if match.group(1) else Environment.PRODUCTION


def _text(value: str | bytes) -> str:
    return value if isinstance(value, str) else value.decode("latin-1")
