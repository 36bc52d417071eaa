"""The use cases behind the commands, called directly with request objects: what each writes and returns."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from checker.app.check_evidence import CheckEvidenceRequest, run_check_evidence
from checker.app.diff import DiffRequest, run_diff
from checker.app.evaluate import EvaluateRequest, run_evaluate
from checker.app.import_matrix import ImportRequest, run_import_matrix
from checker.app.init import InitRequest, run_init
from checker.app.portfolio import PortfolioRequest, run_portfolio
from checker.app.referential import CheckRequest, ListRequest, ShowRequest, run_check, run_list, run_show
from checker.app.validate import ValidateRequest, run_validate
from checker.errors import InputError, UsageError
from checker.inputs.paths import default_referential
from checker.matrix.importer import import_audit
from checker.render.registry import Format
from tests.conftest import DATA, ROOT

AS_OF = dt.date(2026, 11, 28)
EXAMPLE = ROOT / "examples" / "fs-standard"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the fs-standard example: its declaration path."""
    folder = tmp_path / "fs"
    shutil.copytree(EXAMPLE, folder)
    return folder / "declaration.yaml"


def test_evaluate_writes_each_output_and_returns_stdout_and_code(example: Path) -> None:
    outputs = (example.parent / "r.json", example.parent / "r.md")
    request = EvaluateRequest(declaration=example, as_of=AS_OF, outputs=outputs, stdout_format=Format.JSON)
    stdout, code = run_evaluate(request)
    assert json.loads(stdout) == json.loads(outputs[0].read_bytes())
    assert outputs[1].read_text(encoding="utf-8").startswith("#")
    assert code == (0 if json.loads(stdout)["summary"]["ready"] else 1)


def test_evaluate_refuses_an_unknown_suffix_before_evaluating(example: Path) -> None:
    request = EvaluateRequest(declaration=example, as_of=AS_OF, outputs=(example.parent / "r.json", Path("r.docx")))
    with pytest.raises(UsageError, match=r"r\.docx : suffixe de sortie inconnu `\.docx`"):
        run_evaluate(request)
    assert not (example.parent / "r.json").exists()


def test_validate_checks_every_file_even_after_an_unreadable_one(example: Path, tmp_path: Path) -> None:
    result = run_validate(ValidateRequest((tmp_path / "missing.yaml", example), AS_OF))
    assert [bool(f.errors) for f in result.files] == [True, False]
    assert "fichier introuvable" in result.files[0].errors[0]
    assert result.exit_code == 2
    assert run_validate(ValidateRequest((example,), AS_OF)).exit_code == 0


def test_diff_writes_the_migration_and_returns_the_diff(example: Path) -> None:
    target = example.parent / "migrated.yaml"
    request = DiffRequest(
        old=default_referential(),
        new=DATA / "psc-next.yaml",
        declaration=example,
        output=target,
        stdout_format=Format.JSON,
    )
    data = json.loads(run_diff(request))
    assert data["changes"] and data["answers"]
    assert yaml.load(target.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["answers"]
    with pytest.raises(InputError, match="existe déjà"):
        run_diff(request)  # never over a file without force


def test_diff_output_needs_a_declaration(tmp_path: Path) -> None:
    request = DiffRequest(old=DATA / "mini-referential.yaml", new=DATA / "psc-next.yaml", output=tmp_path / "x.yaml")
    with pytest.raises(InputError, match="-o demande --declaration"):
        run_diff(request)
    assert not (tmp_path / "x.yaml").exists()


def test_import_matrix_leaves_the_writing_to_the_use_case(example: Path) -> None:
    matrix = example.parent / "matrix.xlsx"
    run_evaluate(EvaluateRequest(declaration=example, as_of=AS_OF, outputs=(matrix,)))
    audit = example.parent / "audit.yaml"
    request = ImportRequest(matrix=matrix, declaration=example, output=audit, date=AS_OF, auditor="A. Auditrice")
    content = import_audit(request)
    assert not audit.exists()
    assert content.text.startswith("# psc-check audit file")
    assert matrix in content.inputs and example in content.inputs
    result = run_import_matrix(request)
    assert audit.read_text(encoding="utf-8") == result.text == content.text
    assert result.audit.auditor.name == "A. Auditrice"


def test_import_matrix_never_writes_over_an_input(example: Path) -> None:
    matrix = example.parent / "matrix.xlsx"
    run_evaluate(EvaluateRequest(declaration=example, as_of=AS_OF, outputs=(matrix,)))
    before = example.read_bytes()
    request = ImportRequest(matrix=matrix, declaration=example, output=example, date=AS_OF, auditor="X")
    with pytest.raises(InputError, match="écraserait un fichier d'entrée"):
        run_import_matrix(request)
    assert example.read_bytes() == before


def test_portfolio_writes_its_outputs_and_summarises(example: Path) -> None:
    outputs = (example.parent.parent / "p.json", example.parent.parent / "p.html")
    result = run_portfolio(PortfolioRequest(inputs=(example.parent,), as_of=AS_OF, workers=1, outputs=outputs))
    assert json.loads(outputs[0].read_bytes())["rows"][0]["key"] == result.report.rows[0].key
    assert outputs[1].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    ready = "1 prête" if result.report.rows[0].ready else "0 prête"  # French: 0 and 1 take the singular
    assert result.stdout.decode("utf-8").splitlines()[0] == f"1 déclaration évaluée, {ready}, 0 en erreur"
    assert result.exit_code == (0 if result.report.rows[0].ready else 1)


def test_portfolio_refuses_an_unknown_suffix_before_evaluating(example: Path, tmp_path: Path) -> None:
    outputs = (tmp_path / "p.json", tmp_path / "p.csv")
    with pytest.raises(
        UsageError, match=r"suffixe de sortie inconnu `\.csv` — utilisez l'un de : \.json, \.md, \.html, \.xlsx"
    ):
        run_portfolio(PortfolioRequest(inputs=(example,), as_of=AS_OF, workers=1, outputs=outputs))
    assert not outputs[0].exists()


def test_referential_list_show_and_check() -> None:
    listed = run_list(ListRequest(actors=("FS",), stdout_format=Format.JSON))
    ids = [r["id"] for r in json.loads(listed)]
    assert "PSC-OIDC-01" in ids
    assert all("FS" in r["actors"] for r in json.loads(listed))
    with pytest.raises(UsageError, match="--actor : valeur inconnue `XX`"):
        run_list(ListRequest(actors=("XX",)))
    assert run_show(ShowRequest("PSC-OIDC-01")).startswith(b"PSC-OIDC-01 \xe2\x80\x94 ")
    with pytest.raises(UsageError, match="vouliez-vous dire `PSC-OIDC-01`"):
        run_show(ShowRequest("PSC-OIDC-1"))
    assert run_check(CheckRequest(DATA / "mini-referential.yaml")).startswith(f"{DATA / 'mini-referential.yaml'}: OK")


def test_init_writes_a_declaration_once(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    result = run_init(InitRequest(actors=("FS",), level="communaute", output=target))
    assert result.to_fill > 0
    assert target.read_text(encoding="utf-8").count("status: not_assessed") == result.to_fill
    with pytest.raises(InputError, match="le fichier existe déjà"):
        run_init(InitRequest(actors=("FS",), level="communaute", output=target))
    assert run_init(InitRequest(actors=("FS",), level="communaute", output=target, force=True)) == result


def test_check_evidence_verifies_and_says_why_not(tmp_path: Path) -> None:
    config = EXAMPLE / "evidence" / "oidc-client-production.json"
    result = run_check_evidence(CheckEvidenceRequest(file=config, as_of=AS_OF, stdout_format=Format.JSON))
    data = json.loads(result.stdout)
    assert data["kind"] == "oidc_client_config"
    assert data["sha256"] is not None and len(data["sha256"]) == 64
    assert result.problem is None
    notes = tmp_path / "notes.md"
    notes.write_text("# a plan, not a technical proof\n", encoding="utf-8")
    unreadable = run_check_evidence(CheckEvidenceRequest(file=notes, as_of=AS_OF))
    assert unreadable.exit_code == 2
    assert unreadable.problem is not None
    assert unreadable.problem.startswith(f"{notes} : contrôle impossible : ")
