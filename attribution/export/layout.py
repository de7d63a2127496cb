"""Where each node sits on the page: citation chains read left to right.

A layered drawing in the Sugiyama manner, computed once in Python so the page opens
already still (no physics to wait for, even at thousands of nodes) and the same graph
always gets the same picture. A node's column is its depth in the who-cites-whom graph:
the longest run of citations leading to it, whatever articles and claims they belong to
(a claim's own chain is :attr:`attribution.claims.Claim.chains`). Rows within a column follow the mean row of the nodes citing
it, so chains stay roughly straight. Connected components are packed on shelves.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from attribution.graph import who_cites_whom

__all__ = ["Depths", "depths", "positions"]

LEVEL_GAP = 300.0  # between columns: room for a label of ~40 characters
SUBCOLUMN_GAP = 150.0  # between the sub-columns a crowded column wraps into
ROW_GAP = 62.0
BLOCK_GAP = 120.0  # between packed components
MIN_ROWS = 30  # a column wraps only past this many nodes (more for bigger graphs)


@dataclass(frozen=True)
class Depths:
    """Longest citation runs (in hops) into each node: its column on the page."""

    into: dict[str, int]


def depths(graph: nx.MultiDiGraph) -> Depths:
    """Longest paths into every node.

    Nodes on a cycle (A cites B, B cites A) share their strongly connected component's
    depths, which keeps the answer finite and the same for every member.
    """
    simple = who_cites_whom(graph)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    dag = nx.condensation(simple)
    member = dag.graph["mapping"]
    order = list(nx.topological_sort(dag))
    into = dict.fromkeys(order, 0)
    for c in order:
        for d in dag.successors(c):
            into[d] = max(into[d], into[c] + 1)
    return Depths(into={n: into[member[n]] for n in simple})


def positions(graph: nx.MultiDiGraph, depth: Depths) -> dict[str, tuple[float, float]]:
    """Page coordinates (x, y) for every node; deterministic for a given graph."""
    rows = max(MIN_ROWS, round(2 * math.sqrt(graph.number_of_nodes())))
    comps = sorted(nx.weakly_connected_components(graph), key=lambda c: (-len(c), min(c)))
    blocks = [_component(graph, sorted(comp), depth, rows) for comp in comps]
    return _pack(blocks)


Block = dict[str, tuple[float, float]]


def _component(graph: nx.MultiDiGraph, nodes: list[str], depth: Depths, rows: int) -> Block:
    """Local coordinates of one connected component, top-left at (0, 0)."""
    columns: dict[int, list[str]] = defaultdict(list)
    for node in nodes:
        columns[depth.into[node]].append(node)
    levels = sorted(columns)
    rank: dict[str, float] = {n: float(i) for i, n in enumerate(columns[levels[0]])}
    # Down, up and down again: each pass orders a column by its neighbours' mean row.
    for sweep, from_citers in ((levels[1:], True), (levels[-2::-1], False), (levels[1:], True)):
        for level in sweep:
            columns[level] = _by_barycentre(graph, columns[level], rank, from_citers)
            rank.update((n, float(i)) for i, n in enumerate(columns[level]))
    placed: Block = {}
    x = 0.0
    for level in levels:
        width = _place_column(columns[level], x, rows, placed)
        x += width + LEVEL_GAP
    top = min(y for _, y in placed.values())
    return {n: (px, py - top) for n, (px, py) in placed.items()}


def _by_barycentre(
    graph: nx.MultiDiGraph, column: list[str], rank: dict[str, float], from_citers: bool
) -> list[str]:
    """``column`` sorted by the mean rank of its citers (or of what it cites)."""

    def key(node: str) -> tuple[float, str]:
        near = graph.predecessors(node) if from_citers else graph.successors(node)
        ranks = [rank[n] for n in near if n in rank]
        return (sum(ranks) / len(ranks) if ranks else rank.get(node, math.inf), node)

    return sorted(column, key=key)


def _place_column(column: list[str], x: float, rows: int, placed: Block) -> float:
    """Put one column at ``x``, centred on y = 0; wrap into sub-columns past ``rows``.

    Wrapping fills each row left to right, so the column's top-to-bottom order is kept.
    Returns the width the column takes.
    """
    wide = math.ceil(len(column) / rows)
    height = (math.ceil(len(column) / wide) - 1) * ROW_GAP
    for i, node in enumerate(column):
        row, sub = divmod(i, wide)
        placed[node] = (x + sub * SUBCOLUMN_GAP, row * ROW_GAP - height / 2)
    return (wide - 1) * SUBCOLUMN_GAP


def _pack(blocks: list[Block]) -> dict[str, tuple[float, float]]:
    """Shelf packing: biggest components first, rows about as wide as all are tall."""
    sizes = [_size(b) for b in blocks]
    area = sum((w + BLOCK_GAP) * (h + BLOCK_GAP) for w, h in sizes)
    shelf_width = max([math.sqrt(area) * 1.6] + [w for w, _ in sizes])
    out: dict[str, tuple[float, float]] = {}
    x = y = shelf_height = 0.0
    for block, (w, h) in zip(blocks, sizes, strict=True):
        if x > 0 and x + w > shelf_width:
            x, y, shelf_height = 0.0, y + shelf_height + BLOCK_GAP, 0.0
        out.update((n, (round(x + bx, 1), round(y + by, 1))) for n, (bx, by) in block.items())
        x += w + BLOCK_GAP
        shelf_height = max(shelf_height, h)
    return out


def _size(block: Block) -> tuple[float, float]:
    xs = [x for x, _ in block.values()]
    ys = [y for _, y in block.values()]
    return max(xs) - min(xs), max(ys) - min(ys)
