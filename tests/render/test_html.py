"""The HTML report: self-contained, autoescaped, the Markdown report's content plus charts, deterministic."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI, Cli
from tests.matrix_support import AS_OF, EXAMPLES, fill, write_hostile


def _html(cli: Cli, decl: Path, out: Path, *extra: str | Path) -> str:
    result = cli("evaluate", decl, "--as-of", AS_OF, "-o", out, *extra)
    assert result.code in (0, 1), result.stderr
    return out.read_text(encoding="utf-8")


def _assert_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", page, re.I), "nothing loaded from the network"
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", page, re.I)
    assert "<link" not in page and "@import" not in page
    assert page.count("<svg") == 2, "charts by outcome and by theme"
    assert "@media print" in page


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_report_has_the_markdown_content_and_charts(cli: Cli, tmp_path: Path, example: Path) -> None:
    decl = example / "declaration.yaml"
    page = _html(cli, decl, tmp_path / "report.html")
    _assert_self_contained(page)
    report = json.loads(cli("evaluate", decl, "--as-of", AS_OF, "--format", "json").stdout)
    text = html.unescape(page)
    for finding in report["findings"]:
        assert finding["requirement_id"] in text and finding["title"] in text
    for problem in report["problems"]:
        assert problem["message"] in text
    for heading in ("Synthèse", "Écarts, par priorité", "Habilitations", "Échéances à venir", "Exigences satisfaites"):
        assert f">{heading}" in page
    assert "Verdict de l&#39;auditeur" in page, "declared status and auditor verdict side by side"


def test_declaration_text_is_escaped_never_run(cli: Cli, tmp_path: Path) -> None:
    decl = write_hostile(tmp_path)
    page = _html(cli, decl, tmp_path / "report.html", "--referentiel", MINI)
    _assert_self_contained(page)
    assert "<img" not in page
    assert "&lt;script&gt;alert(&#34;org&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=alert(3)&gt;" in page, "justification"
    assert "@owner&lt;script&gt;alert(4)&lt;/script&gt;" in page, "owner"
    assert "＝1+2&lt;script&gt;alert(2)&lt;/script&gt;" in page, "habilitation holder"


def test_same_inputs_give_byte_identical_html(cli: Cli, tmp_path: Path) -> None:
    decl = EXAMPLES[0] / "declaration.yaml"
    first = _html(cli, decl, tmp_path / "a.html")
    second = _html(cli, decl, tmp_path / "b.htm")
    assert first == second


def test_english_report(cli: Cli, tmp_path: Path) -> None:
    page = _html(cli, EXAMPLES[0] / "declaration.yaml", tmp_path / "report.html", "--lang", "en")
    assert '<html lang="en">' in page and ">Summary<" in page and "Auditor&#39;s verdict" in page
    assert "Synthèse" not in page


def test_audit_shows_side_by_side_and_disagreements(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "elu"
    shutil.copytree(EXAMPLES[0].parent / "elu-lps", folder)
    decl = folder / "declaration.yaml"
    assert cli("evaluate", decl, "--as-of", AS_OF, "-o", folder / "m.xlsx").code == 1
    fill(folder / "m.xlsx", folder / "f.xlsx", {"EDC-GOV-01": ("non conforme", "<b>pièce</b> absente")})
    imported = cli(
        "import-matrix", folder / "f.xlsx", "--declaration", decl, "-o", folder / "a.yaml", "--auditor", "Zoé"
    )
    assert imported.code == 0, imported.stderr
    page = _html(cli, decl, folder / "r.html", "--audit", folder / "a.yaml")
    assert "Désaccords entre la déclaration et l&#39;auditeur" in page
    assert "&lt;b&gt;pièce&lt;/b&gt; absente" in page and "<b>" not in page
    assert "Zoé, 2" in page and "1 désaccord" in page and "1 désaccords" not in page
