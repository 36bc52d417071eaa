"""The evidence kinds the automated checks read, by name: light, so the CLI lists them without importing a check.

``tests/checks/test_registry.py`` holds this tuple equal to the registry's kinds, in the registry's order.
"""

from __future__ import annotations

__all__ = ["CHECKED_KINDS"]

CHECKED_KINDS: tuple[str, ...] = (
    "certificate",
    "oidc_client_config",
    "http_capture",
    "token_sample",
    "ciba_capture",
    "proxy_traces",
    "tls_scan",
)
