"""Issue 18, items 3 and 9: `extends:` with control characters is an input error, and reaches only the declaration's
own folder tree unless ``--allow-extends-outside`` is given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI, Cli, assert_clean_error
from tests.fuzz_support import READY

BASE = 'schema_version: "1"\n'


def _declaration(folder: Path, extends: str) -> Path:
    shutil.copytree(READY, folder)
    decl = folder / "declaration.yaml"
    text = decl.read_text(encoding="utf-8")
    decl.write_text(text.replace(BASE, f"{BASE}extends: {extends}\n"), encoding="utf-8")
    return decl


@pytest.mark.parametrize("extends", ['"org\\0.yaml"', '"org\\x01.yaml"', '"../org\\n.yaml"', '"org\\x9b.yaml"'])
def test_control_characters_in_extends_are_input_errors(cli: Cli, tmp_path: Path, extends: str) -> None:
    decl = _declaration(tmp_path / "case", extends)
    assert_clean_error(cli("validate", decl, "--referentiel", MINI), "declaration.yaml:2:10 :", "caractère de contrôle")


def test_a_bad_member_does_not_take_the_portfolio_down(cli: Cli, tmp_path: Path) -> None:
    _declaration(tmp_path / "a", '"org\\0.yaml"')
    shutil.copytree(READY, tmp_path / "b")
    result = cli("portfolio", tmp_path / "a", tmp_path / "b", "--referentiel", MINI, "--as-of", "2026-11-28")
    assert result.code in (0, 1), result.stderr
    assert "caractère de contrôle" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "erreur interne" not in result.stderr


def _organisation_above(root: Path) -> Path:
    decl = _declaration(root / "product", "../organisation.yaml")
    (root / "organisation.yaml").write_text(
        'schema_version: "1"\norganisation:\n  name: Autre éditeur\n  siren: "552100554"\n  country: FR\n',
        encoding="utf-8",
    )
    return decl


def test_extends_stays_in_the_declaration_tree_by_default(cli: Cli, tmp_path: Path) -> None:
    decl = _organisation_above(tmp_path)
    assert_clean_error(
        cli("validate", decl, "--referentiel", MINI),
        "declaration.yaml:2:10 : extends : `../organisation.yaml` sort de l'arborescence du dossier de la déclaration",
        "--allow-extends-outside",
    )


def test_allow_extends_outside_reaches_the_folder_above(cli: Cli, tmp_path: Path) -> None:
    decl = _organisation_above(tmp_path)
    result = cli("--allow-extends-outside", "validate", decl, "--referentiel", MINI)
    assert result.code == 0, result.stderr


def test_extends_into_a_subfolder_needs_no_option(cli: Cli, tmp_path: Path) -> None:
    decl = _declaration(tmp_path / "case", "common/organisation.yaml")
    (decl.parent / "common").mkdir()
    (decl.parent / "common" / "organisation.yaml").write_text('schema_version: "1"\n', encoding="utf-8")
    result = cli("validate", decl, "--referentiel", MINI)
    assert result.code == 0, result.stderr
