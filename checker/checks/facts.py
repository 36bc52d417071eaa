"""What an evidence file's content tells about itself: its kind, its expiry, the PSC environment it comes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.checks import certificate, token
from checker.checks.base import NotCheckable
from checker.checks.psc import ISSUERS
from checker.checks.recognise import recognise
from checker.model.referential import Environment, EvidenceKind

__all__ = ["FileFacts", "facts_of"]


@dataclass(frozen=True)
class FileFacts:
    """Facts read from the content; None where the content does not tell."""

    kind: EvidenceKind | None
    """The kind recognised from the content (only the kinds psc-check can verify are recognised)."""
    expires: dt.date | None = None
    """A certificate's notAfter (UTC date of the leaf, the first certificate of the file)."""
    environment: Environment | None = None
    """From a certificate's IGC-Santé issuer (``TEST …`` is the sandbox) or a token's PSC issuer."""
    token_exp: dt.date | None = None
    """A token's ``exp`` (UTC date): said, never written as the evidence's expiry (a sample outlives its token)."""


def facts_of(raw: bytes, kind: EvidenceKind | None = None) -> FileFacts:
    """The facts of ``raw``, read as ``kind`` when given, else as the kind recognised from it."""
    recognised = recognise(raw)
    read_as = kind or recognised
    try:
        if read_as is EvidenceKind.CERTIFICATE:
            return _certificate(raw, recognised)
        if read_as is EvidenceKind.TOKEN_SAMPLE:
            return _token(raw, recognised)
    except NotCheckable:
        pass
    return FileFacts(kind=recognised)


def _certificate(raw: bytes, recognised: EvidenceKind | None) -> FileFacts:
    found = certificate.load(raw)
    leaf = found.leaf
    issuer = certificate.common_name(leaf.issuer)
    environment = certificate.ca_environment(issuer, certificate.ORG_CA) or certificate.ca_environment(
        issuer, certificate.ROOT_CA
    )
    return FileFacts(kind=recognised, expires=leaf.not_valid_after_utc.date(), environment=environment)


def _token(raw: bytes, recognised: EvidenceKind | None) -> FileFacts:
    claims = token.load(raw).claims
    environment = next((env for env, url in ISSUERS.items() if claims.get("iss") == url), None)
    exp = claims.get("exp")
    day = None
    if isinstance(exp, int | float) and not isinstance(exp, bool) and 0 <= exp < 253402300800:  # before year 10000
        day = dt.datetime.fromtimestamp(exp, dt.UTC).date()
    return FileFacts(kind=recognised, environment=environment, token_exp=day)
