"""Tests for the page layout (attribution.export.layout) and trimming (attribution.export.trim)."""

from __future__ import annotations

import networkx as nx
import pytest

from attribution.export.layout import depths, positions
from attribution.export.trim import keep_important


def chain_graph() -> nx.MultiDiGraph:
    """article -> Express -> tweet -> Channel 9, plus a side citation and a lone node."""
    graph = nx.MultiDiGraph()
    for node, kind in (
        ("article:a", "article"),
        ("outlet:express", "outlet"),
        ("post:tweet", "post"),
        ("outlet:channel9", "outlet"),
        ("anonymous:a:experts", "anonymous"),
        ("person:lone", "person"),
    ):
        graph.add_node(node, kind=kind, label=node)
    graph.add_edge("article:a", "outlet:express")
    graph.add_edge("outlet:express", "post:tweet")
    graph.add_edge("post:tweet", "outlet:channel9")
    graph.add_edge("article:a", "anonymous:a:experts")
    return graph


def test_depths_count_hops_into_nodes() -> None:
    depth = depths(chain_graph())
    assert depth.into["outlet:channel9"] == 3
    assert depth.into["anonymous:a:experts"] == 1
    assert depth.into["article:a"] == depth.into["person:lone"] == 0


def test_cycles_get_finite_shared_depths() -> None:
    graph = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    depth = depths(graph)
    assert depth.into["a"] == depth.into["b"] == 0
    assert depth.into["c"] == 1


def test_chains_read_left_to_right_and_nothing_overlaps() -> None:
    graph = chain_graph()
    where = positions(graph, depths(graph))
    xs = [where[n][0] for n in ("article:a", "outlet:express", "post:tweet", "outlet:channel9")]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert len(set(where.values())) == graph.number_of_nodes()


def test_crowded_column_wraps_instead_of_growing_a_mile_tall() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edges_from(("article:a", f"person:{i:04d}") for i in range(2000))
    where = positions(graph, depths(graph))
    ys = [y for _, y in where.values()]
    xs = [x for x, _ in where.values()]
    assert max(ys) - min(ys) < 4 * (max(xs) - min(xs))


def test_layout_ignores_insertion_order() -> None:
    graph = chain_graph()
    backwards = nx.MultiDiGraph()
    backwards.add_nodes_from(reversed(list(graph.nodes(data=True))))
    backwards.add_edges_from(reversed(list(graph.edges)))
    assert positions(graph, depths(graph)) == positions(backwards, depths(backwards))


def test_trim_keeps_chains_first_and_says_what_it_dropped() -> None:
    graph = chain_graph()
    chain = ["article:a", "outlet:express", "post:tweet", "outlet:channel9"]
    trim = keep_important(graph, 4, protect=chain)
    assert set(trim.graph) == set(chain)
    assert trim.graph.number_of_edges() == 3
    assert trim.dropped == {"anonymous": 1, "person": 1}
    assert trim.note() == (
        "showing 4 of 6 nodes and 3 of 4 citations; left out the least connected: "
        "1 anonymous, 1 person"
    )


def test_trim_leaves_a_small_graph_alone() -> None:
    graph = chain_graph()
    trim = keep_important(graph, 6)
    assert trim.graph is graph and trim.note() is None
    with pytest.raises(ValueError):
        keep_important(graph, 0)
