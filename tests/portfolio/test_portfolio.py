"""`psc-check portfolio`: the examples plus 200 generated declarations, a corrupted file, habilitation links."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.referential.load import load_referential
from checker.render.init_template import InitRequest, render_declaration_template
from tests.conftest import ROOT, Cli, assert_clean_error

ACTORS = [
    ("FS", "communaute"),
    ("ELU", "espace_de_confiance"),
    ("ELP", "espace_de_confiance"),
    ("OSU", "espace_de_confiance"),
    ("OSP", "espace_de_confiance"),
]


@pytest.fixture(scope="module")
def portfolio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portfolio")
    shutil.copytree(ROOT / "examples", root / "examples")
    ref = load_referential()
    generated = root / "generated"
    for i in range(200):
        actor, level = ACTORS[i % len(ACTORS)]
        folder = generated / f"client-{i:03d}"
        folder.mkdir(parents=True)
        text = render_declaration_template(
            ref, InitRequest(actors=(actor,), level=level, organisation=f"Client {i}", siren="732829320")
        )
        (folder / "declaration.yaml").write_text(text, encoding="utf-8")
    broken = generated / "client-broken" / "declaration.yaml"
    broken.parent.mkdir()
    broken.write_text("organisation:\n  name: Cassé\n  name: deux fois\n", encoding="utf-8")
    return root


def test_portfolio_evaluates_all_and_reports_the_broken_file(cli: Cli, portfolio_dir: Path, tmp_path: Path) -> None:
    out_json, out_html, out_md, out_xlsx = (tmp_path / f"p.{s}" for s in ("json", "html", "md", "xlsx"))
    result = cli(
        "portfolio",
        portfolio_dir,
        "--as-of",
        "2026-11-28",
        "-o",
        out_json,
        "-o",
        out_html,
        "-o",
        out_md,
        "-o",
        out_xlsx,
    )
    assert result.code == 1, result.stderr
    assert "client-broken/declaration.yaml:3:3" in result.stderr and "en double" in result.stderr
    report = json.loads(out_json.read_text(encoding="utf-8"))
    examples = len(list((ROOT / "examples").glob("*/declaration.yaml")))
    assert len(report["rows"]) == 200 + examples
    assert [e["path"] for e in report["errors"]] == [
        str(portfolio_dir / "generated" / "client-broken" / "declaration.yaml")
    ]
    assert report["most_missed"] and report["heatmap_requirements"]
    html = out_html.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html
    import openpyxl

    workbook = openpyxl.load_workbook(out_xlsx)
    assert len(workbook.worksheets) == 4 and workbook.worksheets[0].max_row >= 201 + examples


def test_habilitation_links_across_declarations(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    out = tmp_path / "p.json"
    result = cli("portfolio", tmp_path / "examples", "--as-of", "2026-11-28", "-o", out)
    assert result.code == 1
    links = {(Path(lk["declaration"]).parent.name, lk["actor"]): lk for lk in json.loads(out.read_text())["links"]}
    assert links[("elu-lps", "ELP")]["status"] == "resolved"
    assert links[("osu-operator", "OSP")]["status"] == "resolved"
    assert links[("osu-operator", "ELU")]["status"] in {"expired", "unknown_reference"}
    # drop the ELP declaration: the ELU now relies on a habilitation nobody in the portfolio holds
    shutil.rmtree(tmp_path / "examples" / "elp-proxy")
    cli("portfolio", tmp_path / "examples", "--as-of", "2026-11-28", "-o", out)
    links = {(Path(lk["declaration"]).parent.name, lk["actor"]): lk for lk in json.loads(out.read_text())["links"]}
    assert links[("elu-lps", "ELP")]["status"] == "unknown_reference"


def test_only_ready_declarations_exit_0(cli: Cli) -> None:
    result = cli(
        "portfolio",
        ROOT / "examples" / "fs-standard" / "declaration.yaml",
        ROOT / "examples" / "elp-proxy",
        "--as-of",
        "2026-11-28",
    )
    assert result.code == 0, result.stdout + result.stderr


def test_nothing_evaluable_exits_2(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "declaration.yaml"
    bad.write_text("- not a mapping\n", encoding="utf-8")
    assert_clean_error(cli("portfolio", bad), "aucune déclaration n'a pu être évaluée")
    assert_clean_error(cli("portfolio", tmp_path / "empty-folder-that-does-not-exist"), "")
