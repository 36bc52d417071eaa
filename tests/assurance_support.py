"""For the assurance tests: a small referential of one requirement per kind of evidence, and real evidence files that
pass the checks of their kind."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests import evidence_factory as ef
from tests.conftest import MINI

TLS_SCAN = Path(__file__).parent / "checks" / "data" / "testssl-tls12-13.json"


def referential_text(requirements: Iterable[tuple[str, str, str]]) -> str:
    """The mini edition's actors, levels and sources, then one mandatory FS requirement at ``communaute`` for each
    (id, evidence kinds, checks), the kinds and the checks written as YAML flow lists."""
    text = MINI.read_text(encoding="utf-8").split("\nrequirements:\n")[0] + "\nrequirements:\n"
    for req_id, kinds, checks in requirements:
        text += f"""  - id: {req_id}
    title: Exigence {req_id}
    statement: Énoncé {req_id}.
    actors: [FS]
    levels: [communaute]
    obligation: mandatory
    theme: oidc
    evidence:
      kinds: {kinds}
      description: Preuve.
    checks: {checks}
    provenance: {{basis: sourced, sources: [S0]}}
"""
    return text


def write_verified_files(folder: Path, chain: list[ef.Issued], others: Mapping[str, bytes]) -> dict[str, bytes]:
    """Write in ``folder`` a client certificate issued by ``chain``, a HAR, an ID token's claims and a TLS scan, each
    passing its checks, and the ``others`` (file name: content); return them all by file name."""
    files = {
        "client.pem": ef.pem(ef.leaf(chain[0], cn=ef.CLIENT_ID), *chain),
        "login.har": ef.har(ef.authorize_entry()),
        "token.json": json.dumps(ef.id_token_claims()).encode(),
        "scan.json": TLS_SCAN.read_bytes(),
        **others,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files
