"""Registry of the automated checks: one module per evidence kind, imported on first use, each declaring its checks.

A check's id is written once, on the rule that implements it (``@CHECKS.check("cert.validity")``). Importing a
check module is light: ``cryptography`` is only imported when a certificate is parsed or a signature verified.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from checker.checks.base import Check, KindChecks
from checker.model.referential import EvidenceKind

__all__ = ["check_ids", "is_known_check", "kind_checks", "registered"]


@cache
def kind_checks() -> dict[EvidenceKind, KindChecks[Any]]:
    """Each evidence kind psc-check can verify → how it is read and its checks, in registry order."""
    from checker.checks import certificate, ciba, har, oidc_config, tls, token, traces

    families: list[KindChecks[Any]] = [
        certificate.CHECKS,
        oidc_config.CHECKS,
        har.CHECKS,
        token.CHECKS,
        ciba.CHECKS,
        traces.CHECKS,
        tls.CHECKS,
    ]
    return {family.kind: family for family in families}


@cache
def registered() -> dict[str, Check[Any]]:
    """Every check by id, kind after kind, each kind's checks in the order its module declares them."""
    found: dict[str, Check[Any]] = {}
    for family in kind_checks().values():
        for check in family.checks:
            if check.id in found:
                raise ValueError(f"check {check.id} declared by two evidence kinds")
            found[check.id] = check
    return found


def check_ids() -> list[str]:
    """Every registered check id, in registry order."""
    return list(registered())


def is_known_check(check_id: str) -> bool:
    """Whether a referential may name ``check_id`` on a requirement."""
    return check_id in registered()
