"""How long a big graph.html takes to open and answer in headless Chromium.

    python benchmarks/view_benchmark.py [--nodes 5000] [--runs 3]

Builds a synthetic citation graph of about --nodes nodes shaped like a news corpus
(articles citing outlets, people, organisations, posts and unnamed sources; outlets
relaying people; posts by people) and a claim for each outlet an article cites, carried
on to a source of that outlet (a chain of two hops), renders it
as `attribution build` would, then opens it from disk with every request refused and
prints, per run: time until the network is drawn and still (``window.graphReady``,
set on vis-network's first afterDrawing, physics being off) and time from a click on the
first chain to the frame showing it highlighted. Needs the 'browser' extra and a Chromium.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from attribution.chains import Chain, Hop
from attribution.claims import Claim, longest_chains
from attribution.export import write_atomic
from attribution.export.browser import BrowserError, open_page
from attribution.export.html import render_html

SHARES = {"article": 0.16, "outlet": 0.04, "person": 0.5, "organisation": 0.1, "post": 0.04}


def synthetic_graph(total: int, seed: int = 7) -> nx.MultiDiGraph:
    """About ``total`` nodes; the rest of the shares go to anonymous sources."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    pools: dict[str, list[str]] = {}
    for kind, share in SHARES.items():
        pools[kind] = [f"{kind}:{i}" for i in range(int(total * share))]
        for node in pools[kind]:
            graph.add_node(node, label=f"{kind.title()} {node.split(':')[1]}", kind=kind)
    anonymous = total - graph.number_of_nodes()
    for i, article in enumerate(pools["article"]):
        for kind, low, high in (("outlet", 0, 2), ("person", 1, 4), ("organisation", 0, 2)):
            for source in rng.sample(pools[kind], rng.randint(low, high)):
                _cite(graph, article, source, rng)
        if rng.random() < 0.3:
            _cite(graph, article, rng.choice(pools["post"]), rng)
        if i < anonymous:
            node = f"anonymous:{i}"
            graph.add_node(node, label="officials", kind="anonymous")
            _cite(graph, article, node, rng)
    for outlet in pools["outlet"]:
        for source in rng.sample(pools["person"] + pools["post"], 6):
            _cite(graph, outlet, source, rng, inferred=rng.random() < 0.3)
    for post in pools["post"]:
        author = rng.choice(pools["person"])
        graph.nodes[post]["author"] = author
        _cite(graph, post, rng.choice(pools["outlet"]), rng)
    for node in graph:
        graph.nodes[node]["cited"] = graph.in_degree(node)
    return graph


def synthetic_claims(graph: nx.MultiDiGraph) -> list[Claim]:
    """One claim per article and outlet it cites: told by the outlet's first source."""
    claims = []
    for article in sorted(n for n, kind in graph.nodes(data="kind") if kind == "article"):
        for outlet in sorted(v for v in graph.successors(article) if v.startswith("outlet:")):
            source = min(graph.successors(outlet), default=None)
            if source is None:
                continue
            hops = tuple(
                Hop(u, v, article, "A sentence.", "told")
                for u, v in ((article, outlet), (outlet, source))
            )
            chain = Chain((article, outlet, source), article, "A sentence.", "told", hops=hops)
            claims.append(
                Claim(
                    f"claim:{article}:{outlet}",
                    "what was said",
                    article,
                    "A sentence.",
                    "told",
                    source,
                    (chain,),
                )
            )
    return claims


def _cite(
    graph: nx.MultiDiGraph, citer: str, cited: str, rng: random.Random, inferred: bool = False
) -> None:
    graph.add_edge(
        citer,
        cited,
        cue=rng.choice(["said", "told", "according to", "reported"]),
        article=citer,
        article_title=f"Title of {citer}",
        sentence="A sentence that carries the citation, about as long as a real one is.",
        content="what was said",
        confidence=0.9,
        inferred=inferred,
    )


# Measured in the page: Playwright's own click adds seconds of actionability checks.
CLICK_TO_FRAME = """() => new Promise(done => {
  const start = performance.now();
  document.querySelector('#chains button[data-chain="0"]').click();
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
})"""


def measure(page_path: Path) -> tuple[float, float]:
    """Seconds to drawn-and-still, and to a highlighted first chain after that."""
    blocked: list[str] = []
    with open_page(page_path, blocked=blocked) as (page, url):
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_function("window.graphReady === true", timeout=120_000)
        ready = time.perf_counter() - started
        answer = page.evaluate(CLICK_TO_FRAME) / 1000
        if not page.evaluate("network.getSelectedNodes().length"):
            raise SystemExit("clicking the first chain selected nothing")
    if blocked:
        raise SystemExit(f"the page asked for the network: {blocked[:3]}")
    return ready, answer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes)
    started = time.perf_counter()
    claims = synthetic_claims(graph)
    page = render_html(
        graph, title="Synthetic", chains=longest_chains(claims, limit=50), claims=claims
    )
    rendered = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        write_atomic(path, page)
        print(
            f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
            f"page {len(page.encode()) / 1e6:.1f} MB, rendered in {rendered:.2f} s"
        )
        try:
            results = [measure(path) for _ in range(args.runs)]
        except BrowserError as err:
            print(f"skipped: {err}")
            return 0
    for i, (ready, answer) in enumerate(results, 1):
        print(
            f"run {i}: drawn and still after {ready:.2f} s; a click on the first chain drawn in {answer:.2f} s"
        )
    readies = [r for r, _ in results]
    print(f"median time to interactive: {statistics.median(readies):.2f} s (goal: under 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
