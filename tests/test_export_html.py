"""Tests for the self-contained HTML export (attribution.export.html)."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from jinja2.utils import htmlsafe_json_dumps

from attribution.chains import Chain, Hop
from attribution.claims import Claim
from attribution.export.html import JSON_OPTIONS, html_pieces, render_html

XSS = "</script><img src=x onerror=alert(1)>"
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="graph-data">(.*?)</script>', re.DOTALL
)


def _edge(**overrides: Any) -> dict[str, Any]:
    """Edge attributes following the graph contract, with overrides."""
    attrs: dict[str, Any] = {
        "cue": "said",
        "article": "a1",
        "article_title": "Minister resigns",
        "sentence": "The minister said so.",
        "content": "so",
        "confidence": 0.9,
        "inferred": False,
    }
    attrs.update(overrides)
    return attrs


def build_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """A small chain express -> minister -> aide -> anonymous, plus a side branch.

    ``reverse`` inserts everything in the opposite order, to check ordering independence.
    """
    nodes = [
        ("outlet:express", {"label": "Express", "kind": "outlet", "aliases": ["Daily Express"]}),
        ("person:minister", {"label": XSS, "kind": "person", "aliases": ["The Minister"]}),
        ("person:aide", {"label": "Jo Aide", "kind": "person", "aliases": []}),
        ("anonymous:1", {"label": "a source", "kind": "anonymous", "aliases": []}),
        ("organisation:nhs", {"label": "NHS", "kind": "organisation", "aliases": ["N.H.S."]}),
        ("post:x1", {"label": "post on X", "kind": "post", "aliases": []}),
        ("article:a1", {"label": "Minister resigns", "kind": "article", "aliases": []}),
    ]
    edges = [
        ("outlet:express", "person:minister", "k1", _edge(sentence=XSS, article_title=XSS)),
        ("outlet:express", "person:minister", "k2", _edge(cue="told", inferred=True)),
        ("person:minister", "person:aide", "k1", _edge(content=XSS + "\u2028\u2029")),
        ("person:aide", "anonymous:1", "k1", _edge(cue=XSS, confidence=float("nan"))),
        ("outlet:express", "organisation:nhs", "k1", _edge()),
        ("organisation:nhs", "post:x1", "k1", _edge(inferred=True)),
    ]
    graph = nx.MultiDiGraph()
    for node, attrs in reversed(nodes) if reverse else nodes:
        graph.add_node(node, **attrs)
    for u, v, key, attrs in reversed(edges) if reverse else edges:
        graph.add_edge(u, v, key=key, **attrs)
    for node in graph.nodes:
        graph.nodes[node]["cited"] = graph.in_degree(node)
    return graph


PATHS = [
    ["outlet:express", "person:minister", "person:aide", "anonymous:1"],
    ["outlet:express", "organisation:nhs"],
]


def chain_of(path: list[str], article: str = "a1", cue: str = "said") -> Chain:
    """A claim's chain along ``path``, every hop told in ``article``."""
    hops = tuple(Hop(u, v, article, "The minister said so.", cue) for u, v in pairwise(path))
    return Chain(tuple(path), article, "The minister said so.", cue, hops=hops)


def claim_of(cid: str, text: str, *chains: Chain, **kw: Any) -> Claim:
    source = chains[0].path[-1] if chains else None
    return Claim(
        cid, text, chains[0].article if chains else "a1", "s", "said", source, chains, **kw
    )


# What longest_chains gives: each chain with the claim it carries, longest first.
CHAINS = [
    (claim_of(f"c{n}", f"claim {n} <i>", chain_of(path)), chain_of(path))
    for n, path in enumerate(PATHS)
]


def graph_data(page: str) -> dict[str, Any]:
    """The JSON block the page embeds for its script."""
    blocks = DATA_BLOCK.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    """The sample graph."""
    return build_graph()


@pytest.fixture
def page(graph: nx.MultiDiGraph) -> str:
    """The sample graph rendered with chains and a hostile title."""
    return render_html(graph, title=f"Who cites whom {XSS}", chains=CHAINS)


class ScriptCounter(HTMLParser):
    """Collects tags, attribute values, script attributes and h1 text as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.tags: list[str] = []
        self.attr_values: list[str] = []
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record every start tag; remember script attributes."""
        self.tags.append(tag)
        self.attr_values.extend(value or "" for _, value in attrs)
        if tag == "script":
            self.scripts.append(dict(attrs))
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        """Leave h1."""
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        """Collect h1 text."""
        if self._in_h1:
            self.h1[-1] += data


def parse(page: str) -> ScriptCounter:
    """Run the page through the stdlib HTML parser."""
    parser = ScriptCounter()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_self_contained(page: str) -> None:
    """No external scripts, stylesheets or CDN references; vis-network is inlined."""
    lowered = page.lower()
    assert 'src="http' not in lowered
    assert "<script src" not in lowered
    assert "<link" not in lowered
    for host in ("jsdelivr", "unpkg", "cdnjs", "bootstrap"):
        assert host not in lowered
    assert "@version 9.1.2" in page
    assert "vis-network" in page
    assert ".vis-network-tooltip" in page or "div.vis-tooltip" in page
    parsed = parse(page)
    assert all("src" not in attrs for attrs in parsed.scripts)
    assert not [value for value in parsed.attr_values if "http" in value.lower()]


def test_only_expected_script_elements(page: str) -> None:
    """Exactly data + vis + app scripts: nothing in the data or vis code closes a script early."""
    parsed = parse(page)
    assert len(parsed.scripts) == 3
    assert len(re.findall(r"</script", page, re.IGNORECASE)) == 3
    assert "img" not in parsed.tags


def test_heading_printed_once_and_escaped(page: str) -> None:
    """The title appears once as an h1, as text."""
    parsed = parse(page)
    assert parsed.h1 == [f"Who cites whom {XSS}"]
    assert page.count("<h1") == 1
    assert "<title>Who cites whom &lt;/script&gt;" in page


def test_untrusted_text_never_raw(page: str) -> None:
    """Labels, sentences, cues and titles only appear escaped (HTML or JSON)."""
    assert XSS not in page
    assert "<img" not in page
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page  # side panel / h1
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in page  # JSON
    assert "\u2028" not in page
    assert "\u2029" not in page


def test_tooltips_are_plain_text(page: str) -> None:
    """Tooltips carry the raw text (shown via textContent), with no markup added."""
    data = graph_data(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    minister = nodes["person:minister"]
    assert minister["title"].splitlines() == [
        XSS,
        "kind: person",
        "aliases: The Minister",
        "cited 2 times, cites 1",
    ]
    edges = {(e["from"], e["to"], e["key"]): e for e in data["edges"]}
    title = edges[("outlet:express", "person:minister", "k1")]["title"]
    assert f"sentence: {XSS}" in title.splitlines()
    assert f"article: {XSS} [a1]" in title.splitlines()
    assert "<b>" not in title and "<br" not in title


def test_deterministic(graph: nx.MultiDiGraph) -> None:
    """Same graph, same bytes; insertion order does not matter either."""
    first = render_html(graph, title="t", chains=CHAINS)
    assert render_html(graph, title="t", chains=CHAINS) == first
    assert render_html(build_graph(reverse=True), title="t", chains=CHAINS) == first


def test_page_written_in_pieces_is_the_same_page(graph: nx.MultiDiGraph) -> None:
    """The data comes node by node and edge by edge, and joins to the one page."""
    pieces = list(html_pieces(graph, title="t", chains=CHAINS))
    assert "".join(pieces) == render_html(graph, title="t", chains=CHAINS)
    assert sum('"from": ' in piece for piece in pieces) == graph.number_of_edges()
    assert sum('"cited": ' in piece for piece in pieces) == graph.number_of_nodes()


def test_data_block_is_what_tojson_gives(page: str) -> None:
    """Written piece by piece, the block is still exactly jinja's escaped ``tojson`` text."""
    block = DATA_BLOCK.findall(page)[0]
    assert block == htmlsafe_json_dumps(json.loads(block), **JSON_OPTIONS)
    assert "<" not in block and "&" not in block and "'" not in block


def test_input_graph_not_mutated(graph: nx.MultiDiGraph) -> None:
    """Rendering only reads the graph."""
    nodes_before = copy.deepcopy(list(graph.nodes(data=True)))
    edges_before = copy.deepcopy(list(graph.edges(keys=True, data=True)))
    graph_before = copy.deepcopy(graph.graph)
    chains = copy.deepcopy(CHAINS)
    render_html(graph, title="t", chains=chains)
    assert repr(list(graph.nodes(data=True))) == repr(nodes_before)
    assert repr(list(graph.edges(keys=True, data=True))) == repr(edges_before)
    assert graph.graph == graph_before
    assert chains == CHAINS


def test_embedded_counts_match_graph(graph: nx.MultiDiGraph, page: str) -> None:
    """Every node and every parallel edge is embedded once, with unique ids."""
    data = graph_data(page)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
    assert len({e["id"] for e in data["edges"]}) == graph.number_of_edges()
    embedded = sorted((e["from"], e["to"], e["key"]) for e in data["edges"])
    assert embedded == sorted(graph.edges(keys=True))
    assert all(e["arrows"] == "to" for e in data["edges"])


def test_nodes_styled_by_kind(page: str) -> None:
    """Shape follows kind; anonymous gets a dashed border; size grows with citations."""
    nodes = {n["id"]: n for n in graph_data(page)["nodes"]}
    shapes = {n["kind"]: n["shape"] for n in nodes.values()}
    assert shapes == {
        "outlet": "box",
        "person": "dot",
        "organisation": "diamond",
        "post": "triangle",
        "anonymous": "dot",
        "article": "square",
    }
    assert nodes["anonymous:1"]["shapeProperties"]["borderDashes"]
    assert not nodes["person:aide"]["shapeProperties"]["borderDashes"]
    assert nodes["person:minister"]["size"] > nodes["person:aide"]["size"]
    assert nodes["person:aide"]["size"] > nodes["article:a1"]["size"]


def test_inferred_edges_dashed_and_chain_edges_red(page: str) -> None:
    """Inferred edges are dashed; only the hops of claims' chains of 2+ hops are thick and red."""
    edges = {(e["from"], e["to"], e["key"]): e for e in graph_data(page)["edges"]}
    assert edges[("outlet:express", "person:minister", "k2")]["dashes"] is True
    assert edges[("outlet:express", "person:minister", "k1")]["dashes"] is False
    on_chain = {k for k, e in edges.items() if e["onChain"]}
    assert on_chain == {  # k1 is another sentence than the chain's
        ("outlet:express", "person:minister", "k2"),
        ("person:minister", "person:aide", "k1"),
        ("person:aide", "anonymous:1", "k1"),
    }
    for key, edge in edges.items():
        assert (edge["color"]["color"] == "#d62728") is (key in on_chain)
        assert (edge["width"] > 2) is (key in on_chain)


def test_non_finite_confidence_keeps_json_valid(page: str) -> None:
    """A NaN confidence becomes null rather than invalid JSON."""
    assert "NaN" not in DATA_BLOCK.findall(page)[0]
    edges = {(e["from"], e["to"]): e for e in graph_data(page)["edges"]}
    assert edges[("person:aide", "anonymous:1")]["confidence"] is None


def test_chain_panel(page: str) -> None:
    """Chains are listed by label in the given order, with the ids the page highlights."""
    chains = graph_data(page)["chains"]
    assert [c["nodes"] for c in chains] == PATHS
    assert chains[0]["text"] == f"Express → {XSS} → Jo Aide → a source"
    assert (chains[0]["claim"], chains[0]["article"]) == ("claim 0 <i>", "a1")
    assert "claim 0 &lt;i&gt; · a1" in page and "claim 0 <i>" not in page
    assert len(chains[0]["edges"]) == 3  # one citation a hop: those of the chain's sentence
    assert len(chains[1]["edges"]) == 1
    assert "Longest chains" in page
    assert 'data-chain="1"' in page
    assert 'id="reset"' in page
    assert 'id="search"' in page


def test_page_script_wiring(page: str) -> None:
    """The page exposes the network and data sets, and stops physics once stable."""
    for needle in (
        "window.network = network",
        "window.nodesData = nodesData",
        "window.edgesData = edgesData",
        "afterDrawing",
        "window.graphReady",
        "textContent",
    ):
        assert needle in page
    assert "innerHTML" not in page.split("<script>", 2)[-1]


def test_page_opens_still_with_chains_left_to_right(page: str) -> None:
    """No physics to wait for: nodes arrive placed, each hop of a chain one column right."""
    data = graph_data(page)
    assert data["options"]["physics"]["enabled"] is False
    where = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    xs = [where[n][0] for n in PATHS[0]]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert len(set(where.values())) == len(where)  # no two nodes on one spot


def test_single_source_claims_panel(graph: nx.MultiDiGraph) -> None:
    """Single-source claim groups are listed with their root and the chain to highlight."""
    chain = Chain(tuple(PATHS[0]), "a1", "The minister said so.", "said")
    claims = [
        Claim(
            "c1",
            "the aide <b>knew</b>",
            "a1",
            "s",
            "said",
            "anonymous:1",
            (chain,),
            group="g1",
            roots=("anonymous:1",),
            verdict="single_source",
            single_source=True,
        ),
        Claim(
            "c2",
            "two sources agree",
            "a1",
            "s",
            "said",
            "organisation:nhs",
            (),
            group="g2",
            roots=("organisation:nhs", "person:aide"),
            verdict="corroborated",
        ),
    ]
    page = render_html(graph, title="t", chains=CHAINS, claims=claims)
    listed = graph_data(page)["claims"]
    assert [c["text"] for c in listed] == ["the aide <b>knew</b>"]
    assert listed[0]["root"] == "a source"
    assert listed[0]["nodes"] == PATHS[0]
    assert len(listed[0]["edges"]) == 4
    assert "the aide &lt;b&gt;knew&lt;/b&gt;" in page and "<b>knew" not in page
    assert "1 claim group rest on one source" in page


def test_claims_panel_lists_the_highest_scores_first_up_to_its_cap(
    graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the cap, the groups most worth checking are listed and the rest only counted;
    a claim kept off the list (a fragment) is neither listed nor counted."""
    monkeypatch.setattr("attribution.export.html.MAX_PANEL_CLAIMS", 2)
    paths = [PATHS[1], PATHS[0], PATHS[0][:3], PATHS[0]]  # 1, 3, 2 and 3 hops
    scores = [1.0, 3.0, 2.0, 9.0]
    claims = [
        Claim(
            f"c{n}",
            f"claim {n}",
            "a1",
            "s",
            "said",
            path[-1],
            (Chain(tuple(path), "a1", "s", "said"),),
            group=f"g{n}",
            roots=(path[-1],),
            verdict="single_source",
            single_source=True,
            score=scores[n],
            listed=n != 3,
        )
        for n, path in enumerate(paths)
    ]
    page = render_html(graph, title="t", chains=CHAINS, claims=claims)
    listed = graph_data(page)["claims"]
    assert [(c["text"], c["hops"]) for c in listed] == [("claim 1", 3), ("claim 2", 2)]
    assert listed[1]["nodes"] == PATHS[0][:3] and len(listed[1]["edges"]) == 3
    assert "3 claim groups rest on one source; the first 2 most worth checking" in page


def test_chains_only_flag_and_post_author(graph: nx.MultiDiGraph) -> None:
    """Nodes on a claim's chain of two hops or more are flagged for the "chains only" switch."""
    graph.add_node("person:lone", label="Lone Person", kind="person")
    graph.nodes["post:x1"]["author"] = "organisation:nhs"
    claims = [claim_of("c0", "x", chain_of(PATHS[0])), claim_of("c1", "y", chain_of(PATHS[1]))]
    nodes = {n["id"]: n for n in graph_data(render_html(graph, title="t", claims=claims))["nodes"]}
    assert {n for n, node in nodes.items() if node["onChain"]} == set(PATHS[0])
    assert "posted by: NHS" in nodes["post:x1"]["title"].splitlines()
    bare = graph_data(render_html(graph, title="t"))
    assert not any(n["onChain"] for n in bare["nodes"]) and not any(
        e["onChain"] for e in bare["edges"]
    )


def test_red_edges_are_the_hops_of_claims_chains_in_their_own_article(
    graph: nx.MultiDiGraph,
) -> None:
    """Only the citations a claim's chain is made of are red: not those of other articles,
    nor other sentences of its own."""
    graph.add_edge("person:minister", "person:aide", key="k2", **_edge(article="a2"))
    graph.add_edge("person:minister", "person:aide", key="k3", **_edge(sentence="Later."))
    claims = [claim_of("c0", "x", chain_of(PATHS[0]))]
    edges = graph_data(render_html(graph, title="t", claims=claims))["edges"]
    red = {(e["from"], e["to"], e["key"]) for e in edges if e["onChain"]}
    assert ("person:minister", "person:aide", "k1") in red
    assert ("person:minister", "person:aide", "k2") not in red
    assert ("person:minister", "person:aide", "k3") not in red
    assert ("outlet:express", "organisation:nhs", "k1") not in red


def test_two_articles_sharing_a_node_but_no_claim_make_no_chain() -> None:
    """a1 cites the Herald, the Herald's own article a2 quotes Ana: a path, but no chain."""
    graph = nx.MultiDiGraph()
    graph.add_edge("article:a1", "outlet:herald", key="a1#0", **_edge(article="a1"))
    graph.add_edge("outlet:herald", "person:ana", key="a2#0", **_edge(article="a2"))
    claims = [
        claim_of("c1", "the dam is shut", chain_of(["article:a1", "outlet:herald"], "a1")),
        claim_of("c2", "the dam is sound", chain_of(["outlet:herald", "person:ana"], "a2")),
    ]
    data = graph_data(render_html(graph, title="t", claims=claims))
    assert not any(e["onChain"] for e in data["edges"])
    assert not any(n["onChain"] for n in data["nodes"])


def test_note_shown(graph: nx.MultiDiGraph) -> None:
    """What a trim left out is said on the page."""
    page = render_html(graph, title="t", note="showing 3 of 9 nodes <all>")
    assert '<p class="note" id="note">showing 3 of 9 nodes &lt;all&gt;</p>' in page


def test_no_files_written(graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch: Any) -> None:
    """Unlike pyvis's write_html, rendering leaves the working directory alone."""
    monkeypatch.chdir(tmp_path)
    render_html(graph, title="t", chains=CHAINS)
    assert list(tmp_path.iterdir()) == []


def test_empty_graph_without_chains() -> None:
    """An empty graph still renders a valid page."""
    page = render_html(nx.MultiDiGraph(), title="Empty")
    data = graph_data(page)
    assert data["nodes"] == [] and data["edges"] == [] and data["chains"] == []
    assert "No chains." in page


def test_missing_optional_attributes() -> None:
    """Nodes without label/kind/aliases/cited fall back to sane defaults."""
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b")
    data = graph_data(render_html(graph, title="t"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["b"]["label"] == "b"
    assert nodes["b"]["cited"] == 1
    assert data["edges"][0]["key"] == "0"


def test_unknown_chain_node_rejected(graph: nx.MultiDiGraph) -> None:
    """A chain naming a node outside the graph is a caller error."""
    with pytest.raises(ValueError, match="person:ghost"):
        ghost = chain_of(["outlet:express", "person:ghost"])
        render_html(graph, title="t", chains=[(claim_of("c9", "boo", ghost), ghost)])


def test_non_string_node_id_rejected() -> None:
    """Node ids must be strings."""
    graph = nx.MultiDiGraph()
    graph.add_node(1)
    with pytest.raises(TypeError):
        render_html(graph, title="t")
