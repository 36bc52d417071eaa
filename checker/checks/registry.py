"""Registry of automated check ids; each maps to the module that implements it (imported on use)."""

from __future__ import annotations

__all__ = ["CHECKS", "is_known_check"]

CHECKS: dict[str, str] = {}
"""Check id → ``module:function`` implementing it. Filled as checks are written."""


def is_known_check(check_id: str) -> bool:
    """Whether a referential may name ``check_id`` on a requirement."""
    return check_id in CHECKS
