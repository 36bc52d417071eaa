"""The stated limits: each one documented in the README's « Sécurité » section, each one enforced with a clear message."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from checker.inputs import limits
from tests.conftest import MINI, ROOT
from tests.fuzz_support import READY, in_process

SECTION = ROOT / "README.md"


def _security_section() -> str:
    text = SECTION.read_text(encoding="utf-8")
    start = text.index("## Sécurité")
    return text[start : text.index("\n## ", start + 1)]


def _french(value: float, *, size: bool) -> str:
    if isinstance(value, float):  # a duration in seconds
        return f"{value:g} s"
    if size:
        return limits.size_text(value).replace("GB", "Go").replace("MB", "Mo").replace("KB", "Ko")
    return f"{value:,}".replace(",", " ")


SIZES = [name for name in limits.__all__ if "_BYTES" in name]
COUNTS = [name for name in limits.__all__ if name.startswith("MAX_") and name not in SIZES]


@pytest.mark.parametrize("name", SIZES + COUNTS)
def test_every_limit_is_in_the_readme(name: str) -> None:
    value = getattr(limits, name)
    assert f" {_french(value, size=name in SIZES)}" in _security_section(), (name, _french(value, size=name in SIZES))


def test_the_readme_names_the_threat_model_and_the_guarantees() -> None:
    section = _security_section()
    for heading in ("### Modèle de menace", "### Ce que psc-check garantit", "### Limites"):
        assert heading in section


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(READY, folder)
    return folder


def test_too_many_answers(case: Path) -> None:
    data = yaml.safe_load((case / "declaration.yaml").read_text(encoding="utf-8"))
    data["answers"] = {f"X-{i}": {"status": "not_assessed"} for i in range(limits.MAX_ANSWERS + 1)}
    (case / "declaration.yaml").write_text(yaml.dump(data, Dumper=yaml.CSafeDumper), encoding="utf-8")
    result = in_process("evaluate", case / "declaration.yaml", "--referentiel", MINI, "--as-of", "2026-11-28")
    assert result.code == 2
    assert f"answers : trop d'entrées (au plus {limits.MAX_ANSWERS})" in result.stderr, result.stderr[:500]
    assert "psc-check n'accepte pas plus d'entrées" in result.stderr


def test_too_many_verdicts(case: Path) -> None:
    digest = hashlib.sha256((case / "declaration.yaml").read_bytes()).hexdigest()
    audit = {
        "reference": {"referential_id": "mini", "referential_version": "1.10", "declaration_sha256": digest},
        "auditor": {"name": "A"},
        "date": "2026-12-01",
        "verdicts": {f"X-{i}": {"verdict": "conforme"} for i in range(limits.MAX_VERDICTS + 1)},
    }
    (case / "audit.yaml").write_text(yaml.dump(audit, Dumper=yaml.CSafeDumper), encoding="utf-8")
    args = ["evaluate", case / "declaration.yaml", "--referentiel", MINI, "--audit", case / "audit.yaml"]
    result = in_process(*args)
    assert result.code == 2 and f"trop d'entrées (au plus {limits.MAX_VERDICTS})" in result.stderr, result.stderr[:500]


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.parametrize(
    ("option", "name", "limit", "what"),
    [
        ("--audit", "audit.yaml", limits.MAX_AUDIT_BYTES, "un fichier d'audit"),
        ("--baseline", "base.json", limits.MAX_BASELINE_BYTES, "un rapport de référence"),
        ("--referentiel", "ref.yaml", limits.MAX_REFERENTIAL_BYTES, "un référentiel"),
    ],
)
def test_oversized_inputs_are_refused_unread(case: Path, option: str, name: str, limit: int, what: str) -> None:
    big = _sparse(case / name, limit + 1)
    referential = [] if option == "--referentiel" else ["--referentiel", MINI]
    result = in_process("evaluate", case / "declaration.yaml", option, big, *referential, "--as-of", "2026-11-28")
    assert result.code == 2
    expected = f"fichier trop volumineux ({limit + 1} bytes ; la limite pour {what} est de {limits.size_text(limit)})"
    assert expected in result.stderr, result.stderr


def test_oversized_matrix_is_refused_unread(case: Path) -> None:
    big = _sparse(case / "matrice.xlsx", limits.MAX_MATRIX_BYTES + 1)
    args = ["import-matrix", big, "--declaration", case / "declaration.yaml", "--referentiel", MINI]
    result = in_process(*args, "-o", case / "audit.yaml", "--auditor", "A")
    assert result.code == 2 and "la limite pour une matrice est de 20 MB" in result.stderr, result.stderr
    assert not (case / "audit.yaml").exists()
