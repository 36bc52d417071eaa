"""Every size limit psc-check puts on its inputs, in one place (the README's « Sécurité » section lists them)."""

from __future__ import annotations

__all__ = [
    "EXTENDS_OUTSIDE_VARIABLE",
    "MAX_ANSWERS",
    "MAX_AUDIT_BYTES",
    "MAX_BASELINE_BYTES",
    "MAX_CELL_CHARS",
    "MAX_DECLARATION_BYTES",
    "MAX_DOSSIER_BYTES",
    "MAX_DOSSIER_MEMBERS",
    "MAX_DOSSIER_NAME_CHARS",
    "MAX_DOSSIER_OUTSIDE_DEPTH",
    "MAX_DOSSIER_RATIO",
    "MAX_DOSSIER_UNPACKED_BYTES",
    "MAX_EVIDENCE_HASH_BYTES",
    "MAX_EVIDENCE_PER_ANSWER",
    "MAX_EXTENDS_CHAIN",
    "MAX_JWKS_BYTES",
    "MAX_MATRIX_BYTES",
    "MAX_MATRIX_CELLS",
    "MAX_MATRIX_PART_BYTES",
    "MAX_MATRIX_ROWS",
    "MAX_MATRIX_ROW_CELLS",
    "MAX_MATRIX_SHARED_STRINGS",
    "MAX_MATRIX_UNPACKED_BYTES",
    "MAX_POLICY_BYTES",
    "MAX_REFERENTIAL_BYTES",
    "MAX_RUN_HASH_BYTES",
    "MAX_RUN_HASH_SECONDS",
    "MAX_SHORT_TEXT_CHARS",
    "MAX_TEXT_CHARS",
    "MAX_VERDICTS",
    "MAX_WAIVERS_BYTES",
    "MAX_YAML_DEPTH",
    "NO_CACHE_VARIABLE",
    "size_text",
]

_MIB = 1024 * 1024

MAX_REFERENTIAL_BYTES = 16 * _MIB
"""A referential edition (the bundled PSC one is 130 KB; the benchmarks' 10,000 requirements, 7.6 MB)."""

MAX_DECLARATION_BYTES = 4 * _MIB
"""A declaration, and each file it ``extends:`` (the examples are under 40 KB; 4 MB of tiny YAML nodes take about
5 s to parse, which bounds the time a hostile file can cost)."""

MAX_AUDIT_BYTES = 4 * _MIB
"""An audit file written by ``import-matrix``."""

MAX_POLICY_BYTES = 1 * _MIB
"""A policy file (``--policy``): a few keys and numbers."""

MAX_WAIVERS_BYTES = 4 * _MIB
"""A waivers file (``--waivers``): the exceptions an audit team keeps apart from the declaration."""

MAX_BASELINE_BYTES = 50 * _MIB
"""A baseline JSON report (``evaluate --baseline``)."""

MAX_JWKS_BYTES = 1 * _MIB
"""A JWKS given to ``check-evidence --jwks``."""

MAX_ANSWERS = 5_000
"""Answers in a declaration (the PSC referential has about a hundred requirements)."""

MAX_VERDICTS = 5_000
"""Verdicts in an audit file."""

MAX_EVIDENCE_PER_ANSWER = 200
"""Evidence items cited by one answer."""

MAX_TEXT_CHARS = 20_000
"""A free-text field: justification, description, auditor's comment."""

MAX_SHORT_TEXT_CHARS = 500
"""A name: organisation, product, habilitation reference or holder, owner."""

MAX_EXTENDS_CHAIN = 5
"""Files in an ``extends:`` chain, the declaration included."""

MAX_YAML_DEPTH = 1000
"""Nesting depth of any YAML input (libyaml's own bound, reported as an input error)."""

MAX_MATRIX_BYTES = 20 * _MIB
"""A returned evidence matrix (.xlsx), as stored."""

MAX_MATRIX_UNPACKED_BYTES = 100 * _MIB
"""A returned matrix once unzipped (declared sizes; a member cannot inflate beyond its declared size)."""

MAX_MATRIX_PART_BYTES = 16 * _MIB
"""Any one part of a returned matrix once unzipped (a sheet, the shared texts, the styles)."""

MAX_MATRIX_SHARED_STRINGS = 200_000
"""Distinct texts in a returned matrix (a re-saved matrix of the PSC referential holds a few thousand)."""

MAX_MATRIX_CELLS = 150_000
"""Cells in each sheet psc-check reads (``Matrice``, ``À propos``): 5,000 rows of 15 columns fit twice over."""

MAX_MATRIX_ROW_CELLS = 256
"""Cells in one row of those sheets (psc-check writes 15; openpyxl holds a row whole in memory)."""

MAX_MATRIX_ROWS = MAX_ANSWERS
"""Requirement rows in the ``Matrice`` sheet."""

MAX_CELL_CHARS = MAX_TEXT_CHARS
"""An auditor's comment cell."""

MAX_EVIDENCE_HASH_BYTES = 2 * 1024 * _MIB
"""An evidence file psc-check hashes (sha256); a larger one is reported unreadable instead of read for minutes."""

MAX_RUN_HASH_BYTES = 8 * 1024 * _MIB
"""Bytes hashed for one evaluation, all evidence files together (the same file, through any path, is read once)."""

MAX_RUN_HASH_SECONDS = 60
"""Seconds spent hashing for one evaluation; past either budget, the remaining evidence is reported not hashed."""

MAX_DOSSIER_BYTES = 512 * _MIB
"""A dossier zip as stored (``dossier build`` refuses to write a larger one; ``dossier verify`` to read one)."""

MAX_DOSSIER_UNPACKED_BYTES = 512 * _MIB
"""Every file of a dossier once unzipped, declared sizes and the bytes actually inflated alike: the declaration,
its evidence, the reports. A member whose data inflates past its declared size is refused."""

MAX_DOSSIER_MEMBERS = 10_000
"""Files in a dossier."""

MAX_DOSSIER_RATIO = 100
"""How much a member of more than 1 MB may expand (unzipped size / stored size): a zip bomb expands thousands of
times; a report or a piece of evidence, a few times to a few dozen."""

MAX_DOSSIER_NAME_CHARS = 500
"""The path of a file inside a dossier."""

MAX_DOSSIER_OUTSIDE_DEPTH = 8
"""How many folders above the declaration's an evidence or ``extends:`` file stored in a dossier may sit
(``--allow-outside-evidence``, ``--allow-extends-outside``)."""


def size_text(size: int) -> str:
    """A byte count for messages: ``2 GB``, ``4 MB``, ``2.5 MB``, ``512 KB`` (binary units, as the limits are)."""
    if size >= 1024 * _MIB:
        value, unit = size / (1024 * _MIB), "GB"
    elif size >= _MIB:
        value, unit = size / _MIB, "MB"
    else:
        value, unit = size / 1024, "KB"
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


EXTENDS_OUTSIDE_VARIABLE = "PSC_CHECK_ALLOW_EXTENDS_OUTSIDE"
"""Set to ``1`` by ``psc-check --allow-extends-outside``: `extends:` may then reach up to three folders above the
declaration (an environment variable, so portfolio workers see it too); otherwise only the declaration's own tree."""

NO_CACHE_VARIABLE = "PSC_CHECK_NO_CACHE"
"""Set to ``1`` by ``psc-check --no-cache``: every referential is loaded from its YAML, no compiled form is read or
written (an environment variable, so portfolio workers see it too)."""
