"""Render a citation graph as a single self-contained, offline HTML page.

Nodes and edges are pyvis's (vis-network 9.1.2) ``Node`` and ``Edge`` options, and its
vis-network JS and CSS are inlined; the page is the project's own Jinja template. All graph
data travels in one JSON block, and every string taken from articles is rendered as plain
text (see ``templates/graph.html``). pyvis's ``generate_html`` would hold every node, every
edge and the whole page in memory at once, so the page is written in pieces instead: the
template around the data, and the data one element at a time.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pyvis.edge import Edge
from pyvis.node import Node

from attribution.chains import Chain
from attribution.claims import Claim
from attribution.export.layout import depths, positions
from attribution.rank import ranked_groups

__all__ = ["KIND_STYLES", "html_pieces", "render_html"]

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "graph.html"
VIS_DIR = ("templates", "lib", "vis-9.1.2")

LONG_CHAIN = 2  # hops: a claim's chain this long is drawn thick and red, and kept by "chains only"
MAX_PANEL_CLAIMS = 500
DIM_LIMIT = 4000  # nodes + edges: past this no dimming on highlight, and straight edges
MAX_LABEL_CHARS = 60
MAX_CLAIM_CHARS = 160
EDGE_COLOUR = "#8a8a8a"
EDGE_HIGHLIGHT = "#333333"
CHAIN_COLOUR = "#d62728"
NODE_FONT_COLOUR = "#222222"
# ensure_ascii also escapes U+2028/2029; allow_nan=False refuses to emit invalid JSON.
JSON_OPTIONS: dict[str, Any] = {"sort_keys": True, "ensure_ascii": True, "allow_nan": False}
_ENCODER = json.JSONEncoder(**JSON_OPTIONS)


@dataclass(frozen=True)
class KindStyle:
    """How one node kind is drawn on the canvas and in the legend."""

    shape: str
    background: str
    border: str
    dashed: bool = False


KIND_STYLES: dict[str, KindStyle] = {
    "outlet": KindStyle("box", "#a8c8ec", "#2f6db5"),
    "person": KindStyle("dot", "#f8b26a", "#d0701a"),
    "organisation": KindStyle("diamond", "#8fd18a", "#3d8b37"),
    "post": KindStyle("triangle", "#c9a3d9", "#7d4a96"),
    "anonymous": KindStyle("dot", "#d3d3d3", "#7a7a7a", dashed=True),
    "article": KindStyle("square", "#eeeeee", "#9e9e9e"),
}
FALLBACK_STYLE = KindStyle("ellipse", "#e6e6e6", "#8a8a8a")


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str,
    chains: Sequence[tuple[Claim, Chain]] = (),
    claims: Sequence[Claim] = (),
    note: str | None = None,
) -> str:
    """Return a self-contained HTML page (str) showing the graph.

    ``chains`` are claims' chains, each with its claim (longest first, as
    :func:`attribution.claims.longest_chains` gives them), listed in the side panel; the
    single-source groups among ``claims`` are listed too, each highlighting its chains.
    The hops of every chain of ``LONG_CHAIN`` hops or more, among ``claims`` and
    ``chains``, are drawn thick and red, and their nodes are what "chains only" keeps:
    a chain is one claim's provenance, so citations of different claims never join
    into one. ``note`` (say, what a trim left out) is shown above the panel. The graph
    is only read. Raises ``TypeError`` for non-string node ids and ``ValueError`` for a
    listed chain naming a node that is not in the graph.
    """
    return "".join(html_pieces(graph, title=title, chains=chains, claims=claims, note=note))


def html_pieces(
    graph: nx.MultiDiGraph,
    *,
    title: str,
    chains: Sequence[tuple[Claim, Chain]] = (),
    claims: Sequence[Claim] = (),
    note: str | None = None,
) -> Iterator[str]:
    """The text of :func:`render_html`, in pieces, for writing a big page to a file.

    The graph data is made and written one node or edge at a time; only the
    template around it is ever whole in memory.
    """
    _check_node_ids(graph)
    _check_chains(graph, chains)
    # The page's graph may be a trimmed view, slow to walk: its edges are sorted once.
    edges = _sorted_edges(graph)
    edge_ids = _edge_ids(edges)
    depth = depths(graph)
    # Red edges and "chains only" nodes: the hops of claims' chains of two hops or more.
    listed = (chain for _, chain in chains)
    long = [ch for ch in (*listed, *_all_chains(claims)) if _hops(ch) >= LONG_CHAIN]
    red = {e for ch in long for e in _hop_edges(graph, ch, edge_ids)}
    on_chain = {n for ch in long for n in ch.path if n in graph}
    panel: dict[str, Any] = {
        "chains": _chain_panel(graph, chains, edge_ids),
        "claims": _claim_panel(graph, claims, edge_ids),
        "note": note,
    }
    options = _vis_options(graph.number_of_nodes() + len(edges) > DIM_LIMIT)
    # A fresh random mark where the data goes: no article text can foresee it.
    mark = secrets.token_hex(16)
    page = (
        _template_env(panel)
        .get_template(TEMPLATE_NAME)
        .render(
            heading=title,
            node_count=graph.number_of_nodes(),
            edge_count=len(edges),
            graph_data=mark,  # hex: autoescape leaves it as it is
        )
    )
    head, tail = page.split(mark)
    yield head
    data = {
        "chains": panel["chains"],
        "claims": panel["claims"]["shown"],
        "edges": _edges(edges, edge_ids, red),
        "nodes": _nodes(graph, on_chain, positions(graph, depth)),
        "options": options,
    }
    yield from _json_object(data)
    yield tail


def _json_object(members: Mapping[str, Any]) -> Iterator[str]:
    """What jinja's ``tojson`` gives for ``members``, with its iterators written as lists.

    Keys are sorted and each value, or each item of an iterator, is dumped on
    its own as it comes, so no big value is ever whole in memory.
    """
    for n, key in enumerate(sorted(members)):
        yield ("{" if n == 0 else ", ") + _tojson(key) + ": "
        value = members[key]
        if not isinstance(value, Iterator):
            yield _tojson(value)
            continue
        yield "["
        for m, item in enumerate(value):
            yield (", " if m else "") + _tojson(item)
        yield "]"
    yield "}" if members else "{}"


def _tojson(value: Any) -> str:
    """``str(htmlsafe_json_dumps(value, **JSON_OPTIONS))``, jinja's ``tojson``, with one encoder.

    ``json.dumps`` with options builds a new encoder on every call, and the
    page makes one call per node and per edge.
    """
    text = _ENCODER.encode(value)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )


def _check_node_ids(graph: nx.MultiDiGraph) -> None:
    """Fail early on ids pyvis would reject with a bare ``assert`` (or, under -O, accept)."""
    for node in graph.nodes:
        if not isinstance(node, str):
            raise TypeError(f"node ids must be str, got {node!r}")


def _check_chains(graph: nx.MultiDiGraph, chains: Sequence[tuple[Claim, Chain]]) -> None:
    """Reject chains naming unknown nodes: silently dropping one would fake a shorter path."""
    for _, chain in chains:
        for node in chain.path:
            if node not in graph:
                raise ValueError(f"chain node {node!r} is not in the graph")


def _all_chains(claims: Sequence[Claim]) -> Iterator[Chain]:
    return (chain for claim in claims for chain in claim.chains)


def _hops(chain: Chain) -> int:
    return len(chain.path) - 1


SortedEdge = tuple[str, str, Any, dict[str, Any]]


def _sorted_edges(graph: nx.MultiDiGraph) -> list[SortedEdge]:
    """Edges in a stable order, independent of insertion order."""
    edges = graph.edges(keys=True, data=True)
    return sorted(edges, key=lambda e: (e[0], e[1], str(e[2])))


def _edge_ids(edges: list[SortedEdge]) -> dict[tuple[str, str, Any], str]:
    """Give each edge a short id derived only from its position in :func:`_sorted_edges`."""
    return {(u, v, k): f"e{i}" for i, (u, v, k, _) in enumerate(edges)}


def _hop_edges(
    graph: nx.MultiDiGraph, chain: Chain, edge_ids: Mapping[tuple[str, str, Any], str]
) -> list[str]:
    """Ids of the citations that make ``chain``'s hops: citer -> cited, in its article.

    Each hop is drawn by the edge its sentence made; failing that (a relay the
    article implies is told in another sentence) by the edges between its two
    nodes that its article made, and failing that by every edge between them.
    Citations of other articles between the same nodes are no part of this
    claim's chain. A chain read from an old claims.json, with no hops, goes by
    its path.
    """
    steps: list[tuple[str, str, str, str | None]] = [
        (h.source, h.target, h.article, h.sentence) for h in chain.hops
    ] or [(u, v, chain.article, None) for u, v in pairwise(chain.path)]
    ids: list[str] = []
    for u, v, article, sentence in steps:
        keys = graph.get_edge_data(u, v) or {}
        own = [k for k, data in keys.items() if data.get("article") == article]
        said = [k for k in own if keys[k].get("sentence") == sentence]
        ids.extend(edge_ids[(u, v, k)] for k in said or own or keys)
    return _in_edge_order(ids)


def _in_edge_order(ids: Iterable[str]) -> list[str]:
    """Distinct edge ids in the graph's stable edge order ("e2" before "e10")."""
    return sorted(set(ids), key=lambda eid: int(eid[1:]))


def _nodes(
    graph: nx.MultiDiGraph, on_chain: set[str], where: Mapping[str, tuple[float, float]]
) -> Iterator[dict[str, Any]]:
    """Every node's vis options in id order: placed, styled by kind, sized by ``cited``.

    ``on_chain`` nodes lie on a claim's chain of ``LONG_CHAIN`` hops or more.
    """
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        name = str(attrs.get("label") or node)
        kind = str(attrs.get("kind", "unknown"))
        aliases = [str(a) for a in attrs.get("aliases") or []]
        cited = attrs.get("cited")
        cited = int(graph.in_degree(node) if cited is None else cited)
        author = attrs.get("author")
        author_name = str(graph.nodes[author].get("label") or author) if author in graph else None
        style = KIND_STYLES.get(kind, FALLBACK_STYLE)
        x, y = where[node]
        yield Node(
            node,
            style.shape,
            label=_short(name) or node,
            x=x,
            y=y,
            color={"background": style.background, "border": style.border},
            title=_node_tooltip(name, kind, aliases, cited, graph.out_degree(node), author_name),
            name=name,
            kind=kind,
            aliases=aliases,
            cited=cited,
            onChain=node in on_chain,
            borderWidth=2 if style.dashed else 1,
            shapeProperties={"borderDashes": [4, 3] if style.dashed else False},
            **_node_size(style.shape, cited),
        ).options


def _short(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """Keep canvas labels readable; the full text stays in the tooltip and search."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def _node_size(shape: str, cited: int) -> dict[str, Any]:
    """Size options growing with citations; boxes only scale through their text."""
    growth = math.log1p(max(cited, 0))
    # An explicit font colour lets the page restore it after dimming.
    if shape in ("box", "ellipse"):
        return {"font": {"size": round(14 + 3 * growth, 1), "color": NODE_FONT_COLOUR}}
    return {
        "size": round(min(10 + 6 * growth, 32), 1),
        "font": {"size": 14, "color": NODE_FONT_COLOUR},
    }


def _node_tooltip(
    name: str, kind: str, aliases: list[str], cited: int, cites: int, author: str | None
) -> str:
    """Plain-text node tooltip; the page shows it with textContent, never as HTML."""
    lines = [name, f"kind: {kind}"]
    if author:
        lines.append(f"posted by: {author}")
    if aliases:
        lines.append("aliases: " + ", ".join(aliases))
    lines.append(f"cited {cited} time{'s' * (cited != 1)}, cites {cites}")
    return "\n".join(lines)


def _edges(
    edges: list[SortedEdge], edge_ids: Mapping[tuple[str, str, Any], str], red: set[str]
) -> Iterator[dict[str, Any]]:
    """Every edge's vis options (citer -> cited) in stable order, with deterministic ids.

    ``red`` edges are hops of a claim's chain of ``LONG_CHAIN`` hops or more.
    """
    seen_pairs: dict[frozenset[str], int] = {}
    for u, v, key, attrs in edges:
        eid = edge_ids[(u, v, key)]
        pair = frozenset((u, v))
        parallel = seen_pairs.get(pair, 0)
        seen_pairs[pair] = parallel + 1
        on_chain = eid in red
        yield Edge(u, v, True, **_edge_options(eid, key, attrs, on_chain, parallel)).options


def _edge_options(
    eid: str, key: Any, attrs: Mapping[str, Any], on_chain: bool, parallel: int
) -> dict[str, Any]:
    """vis options for one edge; ``parallel`` > 0 bends it off edges sharing its endpoints."""
    colour = CHAIN_COLOUR if on_chain else EDGE_COLOUR
    highlight = CHAIN_COLOUR if on_chain else EDGE_HIGHLIGHT
    options: dict[str, Any] = {
        "id": eid,
        "key": str(key),
        "article": str(attrs.get("article", "")),
        "confidence": _finite(attrs.get("confidence")),
        "inferred": bool(attrs.get("inferred", False)),
        "onChain": on_chain,
        "title": _edge_tooltip(attrs),
        "dashes": bool(attrs.get("inferred", False)),
        "width": 4 if on_chain else 1.5,
        "color": {"color": colour, "highlight": highlight, "hover": highlight},
    }
    if parallel:
        options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * parallel}
    return options


def _finite(value: Any) -> float | None:
    """A JSON-safe confidence: NaN and infinities would make the embedded JSON invalid."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _edge_tooltip(attrs: Mapping[str, Any]) -> str:
    """Plain-text edge tooltip; the page shows it with textContent, never as HTML."""
    confidence = _finite(attrs.get("confidence"))
    lines = [
        f"cue: {attrs.get('cue', '')}",
        f"article: {attrs.get('article_title', '')} [{attrs.get('article', '')}]",
        f"sentence: {attrs.get('sentence', '')}",
        f"content: {attrs.get('content', '')}",
        "confidence: " + ("n/a" if confidence is None else f"{confidence:.2f}"),
    ]
    if attrs.get("inferred"):
        lines.append("inferred: yes")
    return "\n".join(lines)


def _chain_panel(
    graph: nx.MultiDiGraph,
    chains: Sequence[tuple[Claim, Chain]],
    edge_ids: Mapping[tuple[str, str, Any], str],
) -> list[dict[str, Any]]:
    """Side-panel entries: the chain as text, the claim it carries, and what it highlights."""
    return [
        {
            "text": " → ".join(str(graph.nodes[n].get("label") or n) for n in chain.path),
            "hops": _hops(chain),
            "claim": _short(claim.text, MAX_CLAIM_CHARS),
            "article": chain.article,
            "nodes": list(dict.fromkeys(chain.path)),
            "edges": _hop_edges(graph, chain, edge_ids),
        }
        for claim, chain in chains
    ]


def _claim_panel(
    graph: nx.MultiDiGraph, claims: Sequence[Claim], edge_ids: Mapping[tuple[str, str, Any], str]
) -> dict[str, Any]:
    """Single-source claim groups in the order of ``attribution claims --single-source``.

    Highest check-worthiness first (:mod:`attribution.rank`); groups with no
    claim fit to list (fragments, questions, headline repeats) are left out.
    """
    wanted = [c for c in claims if c.verdict == "single_source" and c.listed]
    # Ranked first, so that only the groups shown have their chains' edges looked up.
    ranked = ranked_groups(wanted)
    shown = [_claim_entry(graph, members, edge_ids) for members in ranked[:MAX_PANEL_CLAIMS]]
    return {"total": len(ranked), "shown": shown}


def _root_label(graph: nx.MultiDiGraph, members: list[Claim]) -> str:
    root = members[0].roots[0] if members[0].roots else ""
    return str(graph.nodes[root].get("label") or root) if root in graph else root


def _claim_entry(
    graph: nx.MultiDiGraph, members: list[Claim], edge_ids: Mapping[tuple[str, str, Any], str]
) -> dict[str, Any]:
    chains = [chain for claim in members for chain in claim.chains]
    paths = sorted({chain.path for chain in chains})
    drawn = [p for p in paths if all(n in graph for n in p)]
    shown = [chain for chain in chains if all(n in graph for n in chain.path)]
    return {
        "text": _short(members[0].text, MAX_CLAIM_CHARS),
        "root": _root_label(graph, members),
        "kind": members[0].root_kind,
        "articles": len({claim.article for claim in members}),
        "hops": max((len(p) - 1 for p in paths), default=0),
        "nodes": list(dict.fromkeys(n for p in drawn for n in p)),
        "edges": _in_edge_order(e for ch in shown for e in _hop_edges(graph, ch, edge_ids)),
        "hidden": len(paths) - len(drawn),
    }


def _vis_options(big: bool) -> dict[str, Any]:
    """Nodes come placed (see layout.py): no physics, so the page is still from the start.

    Big graphs get straight edges: curves cost about three times as much per frame.
    """
    smooth = {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal"}
    return {
        "layout": {"randomSeed": 1, "improvedLayout": False},
        "physics": {"enabled": False},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
            "smooth": {"enabled": False} if big else smooth,
        },
        "nodes": {"font": {"face": "sans-serif"}},
        "interaction": {"hover": True, "tooltipDelay": 150, "multiselect": True},
    }


def _template_env(panel: dict[str, Any]) -> Environment:
    """A fresh autoescaping environment with the panel and the page's fixed parts."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(
        panel=panel,
        dim_limit=DIM_LIMIT,
        kinds=[{"kind": kind, **vars(style)} for kind, style in KIND_STYLES.items()],
        vis_js=_inline_code(_vis_asset("vis-network.min.js"), "script"),
        vis_css=_inline_code(_vis_asset("vis-network.css"), "style"),
    )
    return env


@cache
def _vis_asset(name: str) -> str:
    """Text of one vis-network file shipped inside the pyvis package."""
    node = resources.files("pyvis")
    for part in (*VIS_DIR, name):
        node = node / part
    return node.read_text(encoding="utf-8")


def _inline_code(code: str, tag: str) -> str:
    """Make trusted library code safe to inline inside ``<tag>`` (the template marks it safe).

    A literal ``</script`` (or ``</style``) would end the element early; ``<\\/`` means the
    same in JS strings, regexes and CSS.
    """
    pattern = re.compile(rf"</({tag})", re.IGNORECASE)
    return pattern.sub(r"<\\/\1", code)
