"""Helpers shared by the matrix, HTML and real-application tests: a hostile declaration, matrix editing."""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from checker.matrix.layout import column_number
from tests.conftest import Cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/declaration.yaml"))
AS_OF = "2026-11-28"
HYPERLINK = '=HYPERLINK("http://evil.example/j","clic ici")'
SHEETS_FR = ["Synthèse", "Matrice", "Preuves", "Habilitations", "Parcours", "À propos"]
SHEETS_EN = ["Summary", "Matrix", "Evidence", "Habilitations", "Connection path", "About"]
VERDICT, COMMENT, FINGERPRINT = (
    chr(ord("A") + column_number(k) - 1) for k in ("auditor_verdict", "auditor_comment", "fingerprint")
)
SOURCE, JUSTIFICATION, EVIDENCE = (
    chr(ord("A") + column_number(k) - 1) for k in ("source", "justification", "evidence")
)
LONG_PATHS = 35


def _file(folder: Path, name: str, content: bytes) -> str:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    return hashlib.sha256(content).hexdigest()


def write_hostile(folder: Path) -> Path:
    """A declaration (mini referential) whose every free-text field tries to become a formula or run a script."""
    cmd = _file(folder, "=cmd.har", b"capture")
    cert = _file(folder, "+cert.pem", b"cert")
    long_paths = [{"path": "evidence/" + "d123456789/" * 90 + f"{i}.pem"} for i in range(LONG_PATHS)]
    data: dict[str, Any] = {
        "schema_version": "1",
        "organisation": {"name": '=HYPERLINK("http://evil.example/o","org")<script>alert("org")</script>'},
        "subject": {"name": "+SUM(1,2)<img src=x onerror=alert(1)>", "version": "-1"},
        "actors": ["ELU"],
        "level": "espace_de_confiance",
        "features": {"uses_ciba": True},
        "habilitations": {
            "relied_upon": [
                {
                    "actor": "ELP",
                    "reference": "@SUM(A1)",
                    "holder": "＝1+2<script>alert(2)</script>",
                    "granted": "2025-01-15",
                    "environment": "bac_a_sable",
                }
            ]
        },
        "answers": {
            "T-OIDC-01": {
                "status": "compliant",
                "justification": HYPERLINK,
                "evidence": [
                    {"path": "=cmd.har", "sha256": cmd, "collected": "2026-10-01"},
                    {"path": "-missing.har"},
                    {"path": "@missing.har"},
                ],
            },
            "T-CIBA-01": {
                "status": "partial",
                "justification": "\t=1+1 \x07bell \x1b[31mred <img src=x onerror=alert(3)>",
                "owner": "@owner<script>alert(4)</script>",
                "planned": "2027-01-01",
            },
            "T-CERT-01": {
                "status": "non_compliant",
                "justification": "－2+3 full-width minus",
                "evidence": [{"path": "+cert.pem", "sha256": cert, "expires": "2027-06-01"}, *long_paths],
            },
        },
    }
    path = folder / "declaration.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@contextmanager
def quiet() -> Iterator[None]:
    """openpyxl warns about features it does not read back; those warnings say nothing about our files."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def load(path: Path) -> Any:
    from openpyxl import load_workbook

    with quiet():
        return load_workbook(path)


@contextmanager
def read_only(path: Path) -> Iterator[Any]:
    """A workbook opened for reading only (openpyxl streams its sheets: several times cheaper), closed after use."""
    from openpyxl import load_workbook

    with quiet():
        workbook = load_workbook(path, read_only=True)
    try:
        yield workbook
    finally:
        workbook.close()


def row_of(ws: Any, requirement_id: str) -> int:
    """The row of ``requirement_id`` in the ``Matrice`` sheet."""
    for (cell,) in ws.iter_rows(min_row=2, max_col=1):
        if cell.value == requirement_id:
            return int(cell.row)
    raise AssertionError(f"{requirement_id} not in the matrix")


def fill(
    source: Path, target: Path, verdicts: Mapping[str, tuple[str | None, str | None]], sheet: str = "Matrice"
) -> None:
    """Save a copy of ``source`` with verdicts and comments typed as an auditor would."""
    wb = load(source)
    ws = wb[sheet]
    for requirement_id, (verdict, comment) in verdicts.items():
        row = row_of(ws, requirement_id)
        ws[f"{VERDICT}{row}"] = verdict
        ws[f"{COMMENT}{row}"] = comment
    wb.save(target)


_REPORTS: dict[tuple[str, ...], str] = {}


def json_report(cli: Cli, declaration: Path, *extra: str | Path) -> dict[str, Any]:
    """``evaluate --as-of AS_OF --format json`` of a declaration no test changes (an example's), run once per session
    for each content and options (several matrix tests compare a matrix with it), parsed afresh for each caller."""
    key = (str(declaration), hashlib.sha256(declaration.read_bytes()).hexdigest(), *map(str, extra))
    if key not in _REPORTS:
        result = cli("evaluate", declaration, "--as-of", AS_OF, "--format", "json", *extra)
        assert result.code in (0, 1), result.stderr
        _REPORTS[key] = result.stdout
    data: dict[str, Any] = json.loads(_REPORTS[key])
    return data


_EXPORTS: dict[str, bytes] = {}


def folder_digest(folder: Path, *leave_out: Path) -> str:
    """A digest of every file below ``folder`` (path and content), but ``leave_out``."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path not in leave_out:
            digest.update(f"{path}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def export(cli: Cli, declaration: Path, out: Path, *extra: str | Path) -> Path:
    """``evaluate DECLARATION --as-of AS_OF -o OUT EXTRA``: the evidence matrix, made once per session for the same
    inputs at the same place, then copied. The key is every file of the declaration's folder (evidence, and a file
    an option names there) and the arguments, paths included: a matrix names its declaration by its path, so only a
    test working in the same folder with the same files gets the bytes an earlier test's export wrote."""
    args = ["evaluate", declaration, "--as-of", AS_OF, "-o", out, *extra]
    key = json.dumps([*map(str, args), folder_digest(declaration.parent, out)])
    if key in _EXPORTS:
        out.write_bytes(_EXPORTS[key])
        return out
    result = cli(*args)
    assert result.code in (0, 1), result.stderr
    _EXPORTS[key] = out.read_bytes()
    return out
