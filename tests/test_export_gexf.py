"""The streamed GEXF, GraphML and graph.json writers: what Gephi and networkx read back."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from attribution.export import graph_json
from attribution.export.gexf import write_gexf
from attribution.export.graphml import write_graphml


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node(
        "outlet:ledger", label="The Coastal Ledger", kind="outlet", aliases=["Ledger"], cited=2
    )
    g.add_node("person:ana", label="Ana <b>Ruiz</b> & co", kind="person", aliases=[], cited=1)
    g.add_node(
        "post:ana", label='tweet by "Ana"', kind="post", aliases=[], cited=0, author="person:ana"
    )
    for key, confidence in (("a1#0", 0.75), ("a1#3", 0.9)):
        g.add_edge(
            "outlet:ledger",
            "person:ana",
            key=key,
            cue="told",
            sentence="She told the Ledger: <script>alert(1)</script>",
            confidence=confidence,
            inferred=key.endswith("3"),
        )
    g.add_edge("person:ana", "post:ana", key="a1#5", cue="tweeted", confidence=1.0, inferred=False)
    return g


def _gexf(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    write_gexf(graph, out)
    return out.getvalue()


def test_networkx_reads_back_nodes_labels_and_typed_attributes(graph: nx.MultiDiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(_gexf(graph)))
    assert set(back.nodes) == set(graph.nodes)
    assert back.nodes["person:ana"]["label"] == "Ana <b>Ruiz</b> & co"
    assert back.nodes["post:ana"]["label"] == 'tweet by "Ana"'
    assert back.nodes["post:ana"]["author"] == "person:ana"
    assert back.nodes["outlet:ledger"]["cited"] == 2  # a number, not the text "2"
    assert back.nodes["outlet:ledger"]["aliases"] == "Ledger"  # lists are joined


def test_parallel_edges_keep_their_keys_and_values(graph: nx.MultiDiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(_gexf(graph)))
    edges = {k: d for _, _, k, d in back.edges(keys=True, data=True)}
    assert set(edges) == {"a1#0", "a1#3", "a1#5"}
    assert edges["a1#3"]["confidence"] == 0.9 and edges["a1#3"]["inferred"] is True
    assert edges["a1#0"]["inferred"] is False
    assert edges["a1#0"]["sentence"] == "She told the Ledger: <script>alert(1)</script>"


def test_markup_in_text_is_escaped_not_written_as_elements(graph: nx.MultiDiGraph) -> None:
    text = _gexf(graph).decode("utf-8")
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text


def test_same_graph_same_bytes(graph: nx.MultiDiGraph) -> None:
    assert _gexf(graph) == _gexf(graph.copy())


def test_graph_json_is_node_link_data_with_one_node_or_edge_a_line(
    graph: nx.MultiDiGraph,
) -> None:
    text = "".join(graph_json(graph))
    data = nx.node_link_data(graph, edges="links")
    assert json.loads(text) == data
    lines = {line.rstrip(",") for line in text.splitlines()}
    for record in data["nodes"] + data["links"]:
        assert json.dumps(record, ensure_ascii=False, sort_keys=True) in lines


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What networkx's GraphML writer is given: lists joined, the graph named."""
    flat = nx.MultiDiGraph(name="attribution")
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node, **{k: "; ".join(v) if isinstance(v, list) else v for k, v in data.items()}
        )
    flat.add_edges_from(graph.edges(keys=True, data=True))
    return flat


def test_graphml_is_byte_for_byte_what_networkx_writes(graph: nx.MultiDiGraph) -> None:
    graph.add_edge("post:ana", "outlet:ledger", key="a2#1", cue="said", sentence='a "b"\n\tc\r & d')
    ours, theirs = io.BytesIO(), io.BytesIO()
    write_graphml(graph, ours)
    nx.write_graphml_lxml(_flat(graph), theirs)
    assert ours.getvalue() == theirs.getvalue()
    back = nx.read_graphml(io.BytesIO(ours.getvalue()))
    assert back.edges["post:ana", "outlet:ledger", "a2#1"]["sentence"] == 'a "b"\n\tc\r & d'
