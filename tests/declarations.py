"""Build declarations in memory for tests, and list what applies to them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checker.evaluation.applicability import applicable_requirements
from checker.model.declaration import Declaration
from checker.referential.load import LoadedReferential

ELP_HABILITATION = """habilitations:
  relied_upon:
    - actor: ELP
      reference: HAB-ELP-2025-001
      holder: Proxy Éditeur SA
      granted: 2025-02-01
      environment: bac_a_sable"""
"""A declaration's ``habilitations`` (YAML, no final newline): the ELP an ELU relies on, habilitated in the sandbox."""


def declaration(
    actors: list[str],
    level: str,
    features: Mapping[str, bool] | Iterable[str] = (),
    *,
    parcours: str | Mapping[str, Any] | None = None,
    **extra: Any,
) -> Declaration:
    """A valid declaration of ``actors`` at ``level``.

    ``features``: a mapping gives each declared feature its value, a list names features declared true.
    ``parcours``: an id alone, or the whole progress mapping. ``extra``: any other top-level key.
    """
    data: dict[str, Any] = {
        "organisation": {"name": "Éditeur Test", "siren": "732829320"},
        "subject": {"name": "Logiciel"},
        "actors": actors,
        "level": level,
        "features": dict(features) if isinstance(features, Mapping) else dict.fromkeys(features, True),
        **extra,
    }
    if parcours is not None:
        data["parcours"] = {"id": parcours} if isinstance(parcours, str) else dict(parcours)
    return Declaration.model_validate(data)


def applies(ref: LoadedReferential, decl: Declaration) -> dict[str, list[str]]:
    """Each requirement of ``ref`` that applies to ``decl``, with the codes of its reasons, in file order."""
    return {req.id: [reason.code for reason in why] for req, why in applicable_requirements(ref, decl)}
