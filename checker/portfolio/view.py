"""A prepared view of a portfolio report for templates, including the habilitation graph's layout."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.i18n import Translator
from checker.model.portfolio import HabilitationLink, PortfolioReport, PortfolioRow
from checker.render.palette import OUTCOME_COLOURS
from checker.render.view import assurance_words

__all__ = ["LINK_COLOURS", "GraphEdge", "GraphNode", "PortfolioView", "make_portfolio_view"]

LINK_COLOURS = {
    "resolved": "compliant",
    "holder_not_ready": "partial",
    "unknown_reference": "non_compliant",
    "actor_mismatch": "non_compliant",
    "expired": "non_compliant",
}
"""A habilitation link's state → the outcome whose colours it takes (as the matrix colours outcomes)."""


_TIER = {"ELP": 0, "ELU": 1, "OSP": 1, "OSU": 2}
_NODE_W, _NODE_H, _COL_W, _ROW_H, _MARGIN = 220, 46, 300, 70, 20


@dataclass(frozen=True)
class GraphNode:
    id: str
    label: str
    sub: str
    x: int
    y: int
    ready: bool | None
    """None for a habilitation no declaration of the portfolio holds."""


@dataclass(frozen=True)
class GraphEdge:
    x1: int
    y1: int
    x2: int
    y2: int
    status: str
    label: str


@dataclass(frozen=True)
class PortfolioView:
    report: PortfolioReport
    t: Translator
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    width: int
    height: int
    assurance: dict[str, str]
    """Each row's compliant findings by assurance level, in words, by row key."""
    colours: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(OUTCOME_COLOURS))
    """Outcome → (strong, light) colours: the evaluation report's and the matrix's (``checker.render.palette``)."""
    link_colours: dict[str, str] = field(default_factory=lambda: dict(LINK_COLOURS))
    """A habilitation link's state → the outcome whose colours it takes."""


def _tier(actors: list[str]) -> int:
    return min((_TIER.get(a, 3) for a in actors), default=3)


def _layout(
    rows: list[PortfolioRow], links: list[HabilitationLink]
) -> tuple[list[GraphNode], list[GraphEdge], int, int]:
    placed: dict[str, GraphNode] = {}
    counts: dict[int, int] = {}

    def place(node_id: str, label: str, sub: str, tier: int, ready: bool | None) -> GraphNode:
        if node_id not in placed:
            index = counts.get(tier, 0)
            counts[tier] = index + 1
            placed[node_id] = GraphNode(node_id, label, sub, _MARGIN + tier * _COL_W, _MARGIN + index * _ROW_H, ready)
        return placed[node_id]

    for row in rows:
        place(row.path, f"{row.key} · {', '.join(row.actors)}", row.subject[:34], _tier(row.actors), row.ready)
    edges = []
    for link in links:
        source = placed.get(link.declaration)
        if source is None:
            continue
        target = placed.get(link.holder_declaration or "") or place(
            f"ref:{link.actor}:{link.reference}", f"{link.actor} ?", link.reference[:34], _TIER.get(link.actor, 3), None
        )
        edges.append(
            GraphEdge(
                source.x,
                source.y + _NODE_H // 2,
                target.x + _NODE_W,
                target.y + _NODE_H // 2,
                link.status,
                link.reference,
            )
        )
    width = _MARGIN * 2 + (max(counts, default=0) + 1) * _COL_W
    height = _MARGIN * 2 + max(counts.values(), default=1) * _ROW_H
    return list(placed.values()), edges, width, height


def make_portfolio_view(report: PortfolioReport) -> PortfolioView:
    nodes, edges, width, height = _layout(report.rows, report.links)
    t = Translator(report.lang)
    assurance = {row.key: assurance_words(row.assurance, row.compliant, t) for row in report.rows}
    return PortfolioView(report=report, t=t, nodes=nodes, edges=edges, width=width, height=height, assurance=assurance)
