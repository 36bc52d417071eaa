"""Checks on an ID token or userinfo sample (compact JWT, or its decoded JSON): acr, issuer, audience, id, signature."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

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
from checker.checks.jws import b64url_decode, verify_signature
from checker.checks.psc import ACR, ISSUERS, is_national_id, locate_host, national_id_form
from checker.checks.reading import decode_text, parse_data
from checker.checks.recognise import looks_like_claims
from checker.model.message import Message
from checker.model.referential import EvidenceKind

__all__ = [
    "CHECKS",
    "KIND",
    "MAX_BYTES",
    "TokenEvidence",
    "check_acr",
    "check_issuer_audience",
    "check_national_id",
    "check_signature",
    "load",
]

KIND = EvidenceKind.TOKEN_SAMPLE
MAX_BYTES = 1024 * 1024
_COMPACT = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2,4}")


@dataclass(frozen=True)
class TokenEvidence:
    """The claims, and for a compact JWT its header, signed bytes and signature."""

    claims: dict[str, Any]
    header: dict[str, Any] | None = None
    signing_input: bytes = b""
    signature: bytes = b""

    @property
    def is_id_token(self) -> bool:
        return "iss" in self.claims and "aud" in self.claims


def load(raw: bytes) -> TokenEvidence:
    """A compact JWT, or JSON holding one (``id_token``), its decoded parts, or the claims themselves."""
    text = decode_text(raw).strip()
    if _COMPACT.fullmatch(text):
        return _compact(text)
    data = parse_data(raw)
    if isinstance(data, dict) and isinstance(data.get("id_token"), str) and _COMPACT.fullmatch(data["id_token"]):
        return _compact(data["id_token"])
    if not looks_like_claims(data):
        raise NotCheckable(say("token.no_claims"))
    for name in ("payload", "claims"):
        if isinstance(data.get(name), dict):
            return TokenEvidence(claims=data[name])
    return TokenEvidence(claims=data)


def _compact(text: str) -> TokenEvidence:
    parts = text.split(".")
    if len(parts) == 5:
        raise NotCheckable(say("token.encrypted"))
    if len(parts) != 3:
        raise NotCheckable(say("token.malformed"))
    try:
        header = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise NotCheckable(say("token.malformed")) from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise NotCheckable(say("token.malformed"))
    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
    return TokenEvidence(claims=claims, header=header, signing_input=signing_input, signature=signature)


CHECKS = KindChecks(KIND, MAX_BYTES, load)


@CHECKS.check("token.acr")
def check_acr(tok: TokenEvidence, ctx: CheckContext) -> Conclusion:
    """The ``acr`` claim is ``eidas1``."""
    acr = tok.claims.get("acr")
    if acr is None:
        if tok.is_id_token:
            return verdict([say("token.acr_missing")], [])
        return not_checkable(say("token.acr_userinfo"))
    if acr != ACR:
        return verdict([say("token.acr_wrong", acr=str(acr)[:100])], [])
    return verdict([], [say("token.acr_ok")])


@CHECKS.check("token.issuer_audience")
def check_issuer_audience(tok: TokenEvidence, ctx: CheckContext) -> Conclusion:
    """``iss`` is the PSC issuer of the claimed environment and ``aud`` names the declared client_id."""
    iss = tok.claims.get("iss")
    if not isinstance(iss, str):
        return not_checkable(say("token.no_iss"))
    envs = [env for env, issuer in ISSUERS.items() if iss.rstrip("/") == issuer]
    problems: list[Message] = []
    facts: list[Message] = []
    if not envs:
        host = locate_host(iss)
        key = "token.iss_deprecated" if host is not None and host.deprecated else "token.iss_unknown"
        problems.append(say(key, iss=iss[:200]))
    else:
        facts.append(say("token.iss_ok", environment=env_label(envs[0])))
        if ctx.environment is not None and ctx.environment is not envs[0]:
            problems.append(
                say(
                    "token.iss_environment",
                    actual=env_label(envs[0]),
                    claimed=env_label(ctx.environment),
                )
            )
    aud = tok.claims.get("aud")
    audiences = [a for a in (aud if isinstance(aud, list) else [aud]) if isinstance(a, str)]
    if ctx.client_id and ctx.client_id not in audiences:
        problems.append(say("token.aud_wrong", aud=", ".join(audiences) or "—", client_id=ctx.client_id))
    if ctx.client_id:
        return verdict(problems, [*facts, say("token.aud_ok", client_id=ctx.client_id)])
    if problems:
        return verdict(problems, facts)
    return not_checkable(*facts, say("token.no_client_id"))


@CHECKS.check("token.national_id")
def check_national_id(tok: TokenEvidence, ctx: CheckContext) -> Conclusion:
    """``SubjectNameID`` / ``preferred_username`` hold a national identifier (a PSIdNat form), the same one."""
    values = {k: tok.claims[k] for k in ("SubjectNameID", "preferred_username") if k in tok.claims}
    if not values:
        return not_checkable(say("token.no_national_id"))
    problems = [
        say("token.national_id_bad", claim=k, value=str(v)[:40]) for k, v in values.items() if not is_national_id(v)
    ]
    if len(set(map(str, values.values()))) > 1:
        problems.append(say("token.national_id_differ"))
    forms = ", ".join(sorted({form for v in values.values() if (form := national_id_form(v))}))
    return verdict(problems, [say("token.national_id_ok", claims=", ".join(values), form=forms)])


@CHECKS.check("token.signature")
def check_signature(tok: TokenEvidence, ctx: CheckContext) -> Conclusion:
    """The JWT signature verifies against the given JWKS; said not verified when no JWKS (or no signature) is given."""
    if tok.header is None:
        return not_checkable(say("token.decoded_only"))
    alg = str(tok.header.get("alg", ""))
    if alg.lower() == "none" or not tok.signature:
        return verdict([say("token.unsigned", alg=alg or "—")], [])
    if ctx.jwks is None:
        return not_checkable(say("token.no_jwks", alg=alg))
    outcome = verify_signature(tok.header, tok.signing_input, tok.signature, ctx.jwks)
    if outcome == "ok":
        return verdict([], [say("token.signature_ok", alg=alg)])
    if outcome == "unsupported":
        return verdict([say("token.alg_unsupported", alg=alg[:20])], [])
    kid = str(tok.header.get("kid", "—"))[:80]
    return verdict([say(f"token.{outcome}", alg=alg, kid=kid)], [])
