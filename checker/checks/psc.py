"""PSC facts the checks compare evidence with: hosts and issuers per environment, national identifier, values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from checker.model.referential import Environment

__all__ = [
    "ACR",
    "CIBA_CHANNELS",
    "DEPRECATED_HOSTS",
    "DISCOVERY_SUFFIXES",
    "HOSTS",
    "ISSUERS",
    "REQUIRED_SCOPES",
    "Host",
    "form_params",
    "is_national_id",
    "locate_host",
    "scope_values",
]

ISSUERS: dict[Environment, str] = {
    Environment.PRODUCTION: "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet",
    Environment.BAC_A_SABLE: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet",
}
"""The PSC issuer of each environment (dossier §3.1)."""

HOSTS: dict[str, Environment] = {
    "auth.esw.esante.gouv.fr": Environment.PRODUCTION,
    "wallet.esw.esante.gouv.fr": Environment.PRODUCTION,
    "auth.bas.psc.esante.gouv.fr": Environment.BAC_A_SABLE,
    "wallet.bas.psc.esante.gouv.fr": Environment.BAC_A_SABLE,
}
"""Current PSC hosts: ``wallet.*`` serves the authorization page, ``auth.*`` every back-channel endpoint."""

DEPRECATED_HOSTS: dict[str, Environment] = {
    "auth.bas.esw.esante.gouv.fr": Environment.BAC_A_SABLE,
    "wallet.bas.esw.esante.gouv.fr": Environment.BAC_A_SABLE,
}
"""The older sandbox hosts, to be replaced by ``*.bas.psc.esante.gouv.fr``."""

DISCOVERY_SUFFIXES = ("/.well-known/wallet-openid-configuration", "/.well-known/openid-configuration")
"""PSC documents the first (non-standard) name; its Keycloak realm also serves the standard one."""

ACR = "eidas1"
REQUIRED_SCOPES = ("openid", "scope_all")
CIBA_CHANNELS = frozenset({"CARD", "MOBILE"})
_NATIONAL_ID = re.compile(r"8[0-9]{11}")


@dataclass(frozen=True)
class Host:
    """Where a URL points, as far as PSC is concerned."""

    name: str
    environment: Environment
    deprecated: bool
    front: bool
    """A ``wallet.*`` host (the authorization page), as opposed to ``auth.*``."""


def locate_host(url: str) -> Host | None:
    """The PSC host ``url`` points to, or None when it is not a PSC host."""
    try:
        name = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if name in HOSTS:
        return Host(name, HOSTS[name], deprecated=False, front=name.startswith("wallet."))
    if name in DEPRECATED_HOSTS:
        return Host(name, DEPRECATED_HOSTS[name], deprecated=True, front=name.startswith("wallet."))
    return None


def is_national_id(value: object) -> bool:
    """A PS national identifier: 12 digits, ``8`` followed by the 11-digit RPPS number."""
    return isinstance(value, str) and _NATIONAL_ID.fullmatch(value) is not None


def scope_values(value: object) -> list[str]:
    """A ``scope`` given as a space-separated string or a list, as a list of values."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [v for item in value if isinstance(item, str) for v in item.split()]
    return []


def form_params(text: str) -> dict[str, str]:
    """The parameters of a query string or form body (first value of each name)."""
    out: dict[str, str] = {}
    for name, value in parse_qsl(text, keep_blank_values=True):
        out.setdefault(name, value)
    return out
