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
    "national_id_form",
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
_INTERNAL = r"/[0-9A-Za-z._\-]{1,40}"
_NATIONAL_ID_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("RPPS", re.compile(r"8[0-9]{11}")),
    ("ADELI", re.compile(r"0[0-9][0-9AB][0-9]{7}")),
    ("ADELI-cabinet", re.compile(r"1[0-9][0-9AB][0-9]{8}" + _INTERNAL)),
    ("FINESS", re.compile(r"3[0-9][0-9AB][0-9]{7}" + _INTERNAL)),
    ("SIREN", re.compile(r"4[0-9]{9}" + _INTERNAL)),
    ("SIRET", re.compile(r"5[0-9]{14}" + _INTERNAL)),
    ("RPPS-cabinet", re.compile(r"6[0-9]{14}" + _INTERNAL)),
)
"""The forms of a PS national identifier (ANS type PSIdNat): 8 + RPPS, 0 + ADELI, and for a professional employed by
a structure, 1 + ADELI cabinet (ADELI + 2-digit rank), 3 + FINESS, 4 + SIREN, 5 + SIRET or 6 + RPPS cabinet (RPPS + rank
+ Luhn key), each followed by ``/`` and the structure's internal identifier."""


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


def national_id_form(value: object) -> str | None:
    """The PSIdNat form of a PS national identifier (``RPPS``, ``ADELI``, ``FINESS``, ``SIRET``…), or None.

    See :data:`_NATIONAL_ID_FORMS` (ANS IG type PSIdNat; the PGSSI-S keeps ADELI during the transition, EXI 01).
    """
    if not isinstance(value, str):
        return None
    return next((name for name, pattern in _NATIONAL_ID_FORMS if pattern.fullmatch(value)), None)


def is_national_id(value: object) -> bool:
    """A PS national identifier of one of the documented forms (see :func:`national_id_form`)."""
    return national_id_form(value) is not None


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
