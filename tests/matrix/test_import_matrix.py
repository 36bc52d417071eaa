"""Round trip: matrix → auditor's verdicts (openpyxl) → import-matrix → evaluate --audit; and every refusal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.matrix.layout import column_number
from tests.conftest import ROOT, Cli, assert_clean_error
from tests.matrix_support import AS_OF, COMMENT, FINGERPRINT, VERDICT, export, fill, load, read_only, row_of

EXAMPLE = ROOT / "examples" / "elu-lps"


@pytest.fixture
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of an example (declaration and evidence) for each test, always in the same folder: a matrix
    names its declaration by its path, so the tests exporting the same files share one export (``export``)."""
    folder = tmp_path_factory.getbasetemp() / "import-matrix" / "elu"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(EXAMPLE, folder)
    return folder


def _export(cli: Cli, folder: Path, *extra: str | Path) -> Path:
    return export(cli, folder / "declaration.yaml", folder / "matrix.xlsx", *extra)


def _report(cli: Cli, folder: Path, *extra: str | Path) -> dict[str, Any]:
    result = cli("evaluate", folder / "declaration.yaml", "--as-of", AS_OF, "--format", "json", *extra)
    assert result.code in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _import(cli: Cli, folder: Path, matrix: Path, *extra: str | Path) -> Any:
    return cli(
        "import-matrix", matrix, "--declaration", folder / "declaration.yaml", "-o", folder / "audit.yaml", *extra
    )


def _findings(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["requirement_id"]: f for f in report["findings"]}


def test_round_trip_outcomes_follow_the_auditor(cli: Cli, workdir: Path) -> None:
    before = _findings(_report(cli, workdir))
    compliant = next(i for i, f in before.items() if f["outcome"] == "compliant")
    partial = next(i for i, f in before.items() if f["outcome"] == "partial")
    unanswered = next(i for i, f in before.items() if f["outcome"] == "unanswered")
    filled = workdir / "filled.xlsx"
    verdicts = {
        compliant: ("non conforme", "Preuve illisible : =voir annexe"),
        partial: ("conforme", None),
        unanswered: ("non évalué", "Pas encore vu."),
    }
    fill(_export(cli, workdir), filled, verdicts)
    result = _import(cli, workdir, filled, "--auditor", "Claire Auditrice", "--date", "2026-12-01")
    assert result.code == 0, result.stderr
    assert "3 verdicts (3 nouveaux, 0 modifiés, 0 conservés), dont 1 « non évalué » sans effet" in result.stdout
    after = _findings(_report(cli, workdir, "--audit", workdir / "audit.yaml"))
    assert after[compliant]["outcome"] == "non_compliant" and after[compliant]["disagreement"]
    assert after[compliant]["auditor_comment"] == "Preuve illisible : =voir annexe"
    assert after[partial]["outcome"] == "compliant" and after[partial]["auditor_verdict"] == "compliant"
    assert after[unanswered]["outcome"] == "unanswered" and after[unanswered]["auditor_verdict"] is None
    report = _report(cli, workdir, "--audit", workdir / "audit.yaml")
    assert report["audit"]["auditor"] == "Claire Auditrice" and report["audit"]["verdicts"] == 2
    assert report["audit"]["not_assessed"] == 1, "the import's 3 verdicts are the report's 2 applied + 1 not assessed"
    assert report["audit"]["disagreements"] == 2
    md = cli(
        "evaluate", workdir / "declaration.yaml", "--as-of", AS_OF, "--audit", workdir / "audit.yaml", "--format", "md"
    )
    assert "Désaccords entre la déclaration et l'auditeur" in md.stdout and f"| {compliant} — " in md.stdout
    assert "2 verdicts appliqués, 1 « non évalué » sans effet, 2 désaccords" in md.stdout
    again = _export(cli, workdir, "--audit", workdir / "audit.yaml")
    with read_only(again) as wb:
        ws = wb["Matrice"]
        assert ws[f"{VERDICT}{row_of(ws, compliant)}"].value == "non conforme", "the audited matrix shows the verdicts"
        summary = [c.value for row in wb["Synthèse"].iter_rows() for c in row]
    assert "Désaccords entre la déclaration et l'auditeur" in summary and compliant in summary
    result = _import(cli, workdir, again, "--date", "2026-12-01")
    assert result.code == 0 and "(0 nouveaux, 0 modifiés, 3 conservés)" in result.stdout, result.stdout


def test_hand_written_audit_on_a_requirement_that_does_not_apply(cli: Cli, workdir: Path) -> None:
    report = _report(cli, workdir)
    audit = workdir / "audit.yaml"
    audit.write_text(
        f"""schema_version: "1"
reference:
  referential_id: psc
  referential_version: "{report["referential"]["version"]}"
  declaration_sha256: {report["declaration"]["sha256"]}
auditor:
  name: Auditrice
date: 2026-12-01
verdicts:
  FIT-01:
    verdict: non_conforme
""",
        encoding="utf-8",
    )
    after = _report(cli, workdir, "--audit", audit)
    assert [p["code"] for p in after["problems"]].count("audit_not_applicable") == 1
    assert after["summary"] == report["summary"] | {"warnings": report["summary"]["warnings"] + 1}


def test_merge_keeps_earlier_verdicts_when_cells_are_empty(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    ids = list(_findings(_report(cli, workdir)))[:3]
    first, second = workdir / "first.xlsx", workdir / "second.xlsx"
    fill(matrix, first, {ids[0]: ("conforme", "vu"), ids[1]: ("partiel", "à compléter")})
    assert _import(cli, workdir, first, "--auditor", "A. Auditeur", "--date", "2026-12-01").code == 0
    fill(matrix, second, {ids[1]: (None, "complété"), ids[2]: ("non applicable", None)})
    result = _import(cli, workdir, second, "--date", "2026-12-02")
    assert result.code == 0, result.stderr
    assert "(1 nouveaux, 1 modifiés, 1 conservés)" in result.stdout
    verdicts = _findings(_report(cli, workdir, "--audit", workdir / "audit.yaml"))
    assert verdicts[ids[0]]["auditor_verdict"] == "compliant" and verdicts[ids[0]]["auditor_comment"] == "vu"
    assert verdicts[ids[1]]["auditor_verdict"] == "partial" and verdicts[ids[1]]["auditor_comment"] == "complété"
    assert verdicts[ids[2]]["auditor_verdict"] == "not_applicable"
    text = (workdir / "audit.yaml").read_text(encoding="utf-8")
    assert "name: A. Auditeur" in text and "date: '2026-12-01'" in text and "date: '2026-12-02'" in text


def _edit(source: Path, target: Path, cells: dict[str, Any], sheet: str = "Matrice") -> None:
    wb = load(source)
    for coordinate, value in cells.items():
        wb[sheet][coordinate] = value
    wb.save(target)


def _refused(cli: Cli, folder: Path, matrix: Path, *fragments: str) -> None:
    before = (folder / "audit.yaml").read_bytes() if (folder / "audit.yaml").exists() else None
    assert_clean_error(_import(cli, folder, matrix, "--auditor", "X"), *fragments)
    after = (folder / "audit.yaml").read_bytes() if (folder / "audit.yaml").exists() else None
    assert after == before, "nothing written on refusal"
    assert not list(folder.glob(".audit.yaml.*")), "no temporary file left"


def test_edited_requirement_text_is_refused_with_sheet_and_cell(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    with read_only(matrix) as wb:
        row = row_of(wb["Matrice"], "EDC-GOV-02")
    edited = workdir / "edited.xlsx"
    _edit(matrix, edited, {f"D{row}": "Exigence allégée par l'éditeur.", f"{VERDICT}{row}": "conforme"})
    _refused(cli, workdir, edited, f"Matrice!D{row}", "énoncé de l'exigence a été modifié")


def test_edited_requirement_id_is_refused(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    with read_only(matrix) as wb:
        row, other = row_of(wb["Matrice"], "EDC-GOV-02"), row_of(wb["Matrice"], "EDC-GOV-03")
    edited = workdir / "edited.xlsx"
    _edit(matrix, edited, {f"A{row}": "EDC-GOV-01", f"A{other}": "EDC-GOV-99"})
    _refused(
        cli, workdir, edited, f"Matrice!A{row}", "figure déjà à la ligne", f"Matrice!A{other}", "exigence inconnue"
    )


def test_matrix_from_another_referential_version_is_refused(cli: Cli, workdir: Path) -> None:
    text = (ROOT / "referentiel" / "psc.yaml").read_text(encoding="utf-8")
    older = workdir / "psc-older.yaml"
    older.write_text(text.replace("\n  version: 2025.1-public\n", "\n  version: 2024.9-old\n", 1), encoding="utf-8")
    matrix = _export(cli, workdir, "--referentiel", older)
    _refused(cli, workdir, matrix, "À propos!B7", "2024.9-old")
    forged = workdir / "forged.xlsx"
    _edit(matrix, forged, {"B7": "2025.1-public"}, sheet="À propos")
    _refused(cli, workdir, forged, f"Matrice!{FINGERPRINT}2", "ligne faite à partir du référentiel psc 2024.9-old")


def test_bad_verdicts_duplicates_and_formulas_are_refused(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    wb = load(matrix)
    ws = wb["Matrice"]
    last = ws.max_row
    for column in range(1, column_number("fingerprint") + 1):
        ws.cell(row=last + 1, column=column, value=ws.cell(row=2, column=column).value)
    ws[f"{VERDICT}2"] = "OK"
    ws[f"{VERDICT}3"] = '=IF(1,"conforme","")'
    ws[f"{COMMENT}4"] = "=1+1"
    wb.save(workdir / "bad.xlsx")
    _refused(
        cli,
        workdir,
        workdir / "bad.xlsx",
        f"Matrice!{VERDICT}2 : verdict inconnu `OK`",
        f"Matrice!{VERDICT}3 : une formule dans une cellule de verdict",
        f"Matrice!{COMMENT}4 : une formule dans une cellule de commentaire",
        f"Matrice!A{last + 1} : l'exigence `{ws['A2'].value}` figure déjà à la ligne 2",
    )


def test_moved_column_and_other_declaration_are_refused(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    _edit(matrix, workdir / "moved.xlsx", {"C1": "Énoncé", "D1": "Intitulé"})
    _refused(cli, workdir, workdir / "moved.xlsx", "Matrice!C1", "en-tête de colonne")
    decl = workdir / "declaration.yaml"
    decl.write_text(decl.read_text(encoding="utf-8") + "\n# modifiée après l'export\n", encoding="utf-8")
    _refused(cli, workdir, matrix, "À propos!B11", "une autre version de la déclaration")


def test_inputs_are_never_overwritten(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    filled = workdir / "filled.xlsx"
    fill(matrix, filled, {"EDC-GOV-01": ("conforme", None)})
    saved = filled.read_bytes()
    decl = workdir / "declaration.yaml"
    for target in (filled, decl):
        result = cli("import-matrix", filled, "--declaration", decl, "-o", target, "--auditor", "X")
        assert_clean_error(result, "écraserait un fichier d'entrée")
    assert filled.read_bytes() == saved


def test_unreadable_matrix_and_missing_auditor(cli: Cli, workdir: Path) -> None:
    fake = workdir / "fake.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    _refused(cli, workdir, fake, "ce n'est pas un classeur xlsx")
    matrix = _export(cli, workdir)
    result = cli("import-matrix", matrix, "--declaration", workdir / "declaration.yaml", "-o", workdir / "audit.yaml")
    assert_clean_error(result, "--auditor")
    assert not (workdir / "audit.yaml").exists()


def test_english_matrix_imports_too(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir, "--lang", "en")
    filled = workdir / "filled.xlsx"
    fill(matrix, filled, {"EDC-GOV-01": ("non-compliant", "seen")}, sheet="Matrix")
    result = _import(cli, workdir, filled, "--auditor", "Jane Auditor", "--lang", "en")
    assert result.code == 0, result.stderr
    assert "1 verdicts (1 new" in result.stdout
    assert (
        _findings(_report(cli, workdir, "--audit", workdir / "audit.yaml"))["EDC-GOV-01"]["outcome"] == "non_compliant"
    )


def test_audit_for_another_declaration_is_refused_by_evaluate(cli: Cli, workdir: Path) -> None:
    matrix = _export(cli, workdir)
    fill(matrix, workdir / "filled.xlsx", {"EDC-GOV-01": ("conforme", None)})
    assert _import(cli, workdir, workdir / "filled.xlsx", "--auditor", "X").code == 0
    audit = workdir / "audit.yaml"
    audit.write_text(audit.read_text(encoding="utf-8").replace("EDC-GOV-01:", "EDC-GOV-1:"), encoding="utf-8")
    result = cli("evaluate", workdir / "declaration.yaml", "--as-of", AS_OF, "--audit", audit)
    assert_clean_error(result, f"{audit}:", "exigence inconnue `EDC-GOV-1`", "EDC-GOV-01")
    decl = workdir / "declaration.yaml"
    decl.write_text(decl.read_text(encoding="utf-8") + "\n# changée\n", encoding="utf-8")
    result = cli("evaluate", decl, "--as-of", AS_OF, "--audit", audit)
    assert_clean_error(result, "une autre version de la déclaration")
