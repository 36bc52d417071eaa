"""The portfolio workbook colours verdicts, link states and outcomes as the evaluation matrix does, and labels levels."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

from openpyxl import load_workbook

from checker.model.portfolio import HabilitationLink
from checker.portfolio.view import LINK_COLOURS
from checker.render.palette import OUTCOME_COLOURS
from tests.conftest import ROOT, Cli

AS_OF = "2026-11-28"


def _rules(ws: Any) -> dict[str, tuple[str, str, str]]:
    """Each conditional rule's label → (cells, font colour, fill colour)."""
    out = {}
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            label = rule.formula[0].strip('"').replace('""', '"')
            out[label] = (str(cf.sqref), rule.dxf.font.color.rgb[-6:], rule.dxf.fill.fgColor.rgb[-6:])
    return out


def test_workbook_colours_verdicts_links_and_outcomes_like_the_matrix(cli: Cli, tmp_path: Path) -> None:
    book = tmp_path / "p.xlsx"
    result = cli("portfolio", ROOT / "examples", "--as-of", AS_OF, "--workers", "1", "-o", book)
    assert result.code == 1, result.stderr
    wb = load_workbook(book)
    declarations, links, _, heat = wb.worksheets
    assert declarations["F1"].value == "Verdict" and declarations["E1"].value == "Niveau"
    verdicts = _rules(declarations)
    assert verdicts["PRÊT"] == ("F2:F8", *OUTCOME_COLOURS["compliant"])
    assert verdicts["PAS PRÊT"] == ("F2:F8", *OUTCOME_COLOURS["non_compliant"])
    shown = {declarations.cell(row=r, column=6).value for r in range(2, 9)}
    assert shown <= set(verdicts), "every verdict shown has its colour"
    levels = {declarations.cell(row=r, column=5).value for r in range(2, 9)}
    assert levels == {"Communauté PSC", "Espace de confiance PSC"}, "levels by their labels"
    states = _rules(links)
    assert states["résolue"][1:] == OUTCOME_COLOURS["compliant"]
    assert states["expirée"][1:] == OUTCOME_COLOURS["non_compliant"]
    assert links["D1"].value == "État"
    outcomes = _rules(heat)
    assert outcomes["dérogé"][1:] == OUTCOME_COLOURS["waived"], "waived outcomes coloured too"
    assert outcomes["partiel"][1:] == OUTCOME_COLOURS["partial"]


def test_every_link_state_has_a_colour() -> None:
    states = get_args(HabilitationLink.model_fields["status"].annotation)
    assert set(LINK_COLOURS) == set(states)
    assert set(LINK_COLOURS.values()) <= set(OUTCOME_COLOURS)
