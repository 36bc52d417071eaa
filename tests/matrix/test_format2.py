"""Format 3 of the matrix beside format 2: the workbooks auditors already hold still import, and the new writer
shows the same cells as the one before it, except the columns added and the codes now shown by their label.

``tests/data/matrix-format2/`` holds two matrices written by the format-2 writer (psc-check before format 3) from
committed declarations of the corpus and the mini referential, as of 2026-11-28: one French, one English.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.i18n import Translator
from checker.matrix.layout import LEGACY_WIDTH, MATRIX_COLUMNS, column_number
from checker.model.referential import EvidenceKind
from checker.referential.load import load_referential
from tests.case_support import CASES
from tests.conftest import MINI, Cli
from tests.matrix_support import AS_OF, fill, load

FORMAT2 = Path(__file__).resolve().parent.parent / "data" / "matrix-format2"
_SOURCES = {
    "elu-mini-all-compliant.fr.xlsx": (CASES / "ready" / "elu-mini-all-compliant", "fr"),
    "certificate-expired.en.xlsx": (CASES / "gaps" / "certificate-expired", "en"),
}
_MINI = yaml.safe_load(MINI.read_text(encoding="utf-8"))
_ACTORS = {a["id"]: a["label"] for a in _MINI["actors"]}
_LEVELS = {lv["id"]: lv["label"] for lv in _MINI["levels"]}
_PARCOURS = {p["id"]: p["label"] for p in _MINI.get("parcours", [])}
_THEMES = {t["label"]: t["id"] for t in _MINI["themes"]}


def _copy_case(case: Path, tmp_path: Path) -> Path:
    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    return folder


def _cells(path: Path) -> dict[tuple[int, str], Any]:
    """Every non-empty cell by (sheet position, coordinate): the sheet names differ by language only."""
    wb = load(path)
    return {
        (index, cell.coordinate): cell.value
        for index, ws in enumerate(wb.worksheets)
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    }


@pytest.mark.parametrize("name", sorted(_SOURCES))
def test_a_format2_matrix_still_imports(cli: Cli, tmp_path: Path, name: str) -> None:
    case, _lang = _SOURCES[name]
    folder = _copy_case(case, tmp_path)
    filled = folder / "filled.xlsx"
    sheet = "Matrice" if name.endswith(".fr.xlsx") else "Matrix"
    fill(FORMAT2 / name, filled, {"T-CERT-01": ("partiel", "vu en format 2")}, sheet=sheet)
    assert load(filled)["À propos" if sheet == "Matrice" else "About"]["B4"].value == "2", "a format-2 matrix"
    audit = folder / "audit.yaml"
    args = ["--declaration", folder / "declaration.yaml", "--referentiel", MINI, "-o", audit]
    result = cli("import-matrix", filled, *args, "--auditor", "Claire Auditrice", "--date", "2026-12-01")
    assert result.code == 0, result.stderr
    verdict = yaml.safe_load(audit.read_text(encoding="utf-8"))["verdicts"]["T-CERT-01"]
    assert verdict["verdict"] == "partial" and verdict["comment"] == "vu en format 2"


def test_text_right_of_a_format2_matrix_is_still_reported(cli: Cli, tmp_path: Path) -> None:
    """Format 2 ends at Q: a remark in R (a column format 3 writes) is outside it, and said not imported."""
    folder = _copy_case(_SOURCES["elu-mini-all-compliant.fr.xlsx"][0], tmp_path)
    wb = load(FORMAT2 / "elu-mini-all-compliant.fr.xlsx")
    wb["Matrice"]["R2"] = "à revoir"
    wb["Matrice"]["N2"] = "conforme"
    wb.save(folder / "filled.xlsx")
    args = ["--declaration", folder / "declaration.yaml", "--referentiel", MINI, "-o", folder / "audit.yaml"]
    result = cli("import-matrix", folder / "filled.xlsx", *args, "--auditor", "Claire Auditrice")
    assert result.code == 0, result.stderr
    assert "filled.xlsx:Matrice!R2 : texte hors des colonnes de la matrice, non importé" in result.stderr


def _letter(key: str) -> str:
    return chr(ord("A") + column_number(key) - 1)


def _expected_change(sheet: int, coordinate: str, old: Any, new: Any, t: Translator) -> bool:
    """Whether (old → new) is one of the intended changes of format 3 (and exactly that change)."""
    column = coordinate.rstrip("0123456789")
    if sheet == 1 and column == _letter("actors") and old is not None:  # by label, in the report's language
        actors = load_referential(MINI).labels_in(t.lang).actors
        return bool(new == ", ".join(f"{actors[code]} ({code})" for code in str(old).split(", ")))
    if sheet == 1 and column == _letter("levels") and old is not None:
        return bool(new == ", ".join(_LEVELS[code] for code in str(old).split(", ")))
    if sheet == 2 and column == "E" and coordinate != "E1":  # the evidence kind
        return bool(new == t.label("kind", str(old)))
    if sheet == 3 and column == "B" and coordinate != "B1":  # the habilitation's actor
        return bool(new == f"{_ACTORS[str(old)]} ({old})")
    if sheet == 0 and column == "B" and old in _ACTORS:  # the summary's actors line
        return bool(new == f"{_ACTORS[str(old)]} ({old})")
    if sheet == 0 and column == "B" and old in (*_LEVELS, *_PARCOURS):  # the summary's level and parcours lines
        return bool(new == {**_LEVELS, **_PARCOURS}[str(old)])
    if sheet == 1 and column == _letter("theme") and old in _THEMES:  # the theme in the report's language
        return bool(new == load_referential(MINI).labels_in(t.lang).themes[_THEMES[str(old)]])
    if sheet == 1 and column == _letter("reasons") and isinstance(old, str):  # evidence kinds named by label
        named = old
        for kind in EvidenceKind:
            named = named.replace(f"({kind.value})", f"({t.label('kind', kind.value)})")
        return bool(new == named != old)
    if sheet == 0 and column == "B" and isinstance(old, str) and "(s)" in old:  # plural forms instead of « (s) »
        return _singular(old.replace("(s)", "")) == _singular(str(new)) and "(s)" not in str(new)
    return False


def _singular(text: str) -> list[str]:
    return [word.rstrip(",;").removesuffix("s") for word in text.split()]


@pytest.mark.parametrize("name", sorted(_SOURCES))
def test_the_streaming_writer_shows_the_same_cells(cli: Cli, tmp_path: Path, name: str) -> None:
    """Cell by cell against the format-2 writer: only the new columns, the labels and the format number differ."""
    case, lang = _SOURCES[name]
    out = tmp_path / "new.xlsx"
    declaration = case / "declaration.yaml"
    result = cli("evaluate", declaration, "--referentiel", MINI, "--as-of", AS_OF, "--lang", lang, "-o", out)
    assert result.code in (0, 1), result.stderr
    old, new = _cells(FORMAT2 / name), _cells(out)
    t = Translator(lang)
    about = len(load(out).worksheets) - 1
    added = {chr(ord("A") + index) for index in range(LEGACY_WIDTH, len(MATRIX_COLUMNS))}
    changed = []
    for key in sorted(old.keys() | new.keys()):
        sheet, coordinate = key
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if sheet == 1 and coordinate.rstrip("0123456789") in added:
            continue  # the expected evidence and the remediation, checked below
        if sheet == about and coordinate in ("B4", "B10"):  # the format number, the declaration path as given
            continue
        if _expected_change(sheet, coordinate, before, after, t):
            changed.append(key)
            continue
        pytest.fail(f"{name}: sheet {sheet} {coordinate}: {before!r} became {after!r}")
    assert changed, "the labels replaced codes somewhere"
    assert new[(about, "B4")] == "3" and old[(about, "B4")] == "2"
    ws = load(out).worksheets[1]
    assert ws[f"{_letter('expected_evidence')}1"].value == t("label.expected_evidence")
    assert ws[f"{_letter('remediation')}1"].value == t("label.matrix_remediation")
    cert = next(row for row in range(2, ws.max_row + 1) if ws[f"A{row}"].value == "T-CERT-01")
    expected = ws[f"{_letter('expected_evidence')}{cert}"].value
    assert expected.startswith(f"{t.label('kind', 'certificate')}, {t.label('kind', 'configuration')}\n"), expected
