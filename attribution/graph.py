"""Build the citation graph: a networkx MultiDiGraph whose edge A -> B means A cites B.

Every edge keeps its evidence (article, sentence, cue, content, confidence).
Edges marked ``inferred`` were not written in the text but follow from it:
an article that says it follows "a report by Express UK" repeats that
report's citations, so Express is credited with them too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import NamedTuple

import networkx as nx

from attribution.entities import EntityIndex
from attribution.extract import Citation, Extraction, Mention
from attribution.lexicon import load_words

# Extraction kinds measured against PolNeAR but too weak to draw as citations.
GRAPH_SKIPS = frozenset({"stance"})
# Media whose source is a post of its own: "In a tweet by Taras Kuzio".
POST_MEDIA = load_words("post_media.txt")


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the graph keeps about an article."""

    id: str
    path: str
    title: str | None
    outlet: str | None
    node: str
    credit: str | None = None  # the wire the article's metadata credits


class Placed(NamedTuple):
    """A citation with the nodes it joins; ``relayed`` when the citer is inferred.

    ``via`` is the citation that says what the article relays ("According to
    a report by Express UK, ..."), or None when the article's credit says it.
    """

    citation: Citation
    citer: str
    source: str | None
    relayed: bool = False
    via: Citation | None = None


def add_article(
    graph: nx.MultiDiGraph, index: EntityIndex, info: ArticleInfo, extraction: Extraction
) -> list[Placed]:
    """Add one article's citations as edges, and return them placed between nodes.

    A citation that names no source ("reportedly ...") adds no edge and comes
    back with ``None`` as its source: its claim is unsourced.
    """
    mentions = [m for c in extraction.citations for m in (c.source, c.citer) if m is not None]
    ids = index.resolve_article(info.id, mentions, list(extraction.people), info.outlet)
    for c in extraction.citations:
        medium = _post_medium(c)
        if medium is not None and c.source is not None:
            ids[c.source] = index.post(info.id, ids[c.source], medium)
    relay = _relay_outlet(extraction.citations, ids)
    if relay is None and info.credit:
        # A wire story: everything it cites, the wire reported first.
        relay = (index.outlet(info.credit), -1, False)
        _credit_edge(graph, info, relay[0])
    placed: list[Placed] = []
    for n, c in enumerate(extraction.citations):
        if c.kind in GRAPH_SKIPS:
            continue
        citer = ids[c.citer] if c.citer is not None else info.node
        if c.source is None:
            placed.append(Placed(c, citer, None))
            continue
        source = ids[c.source]
        if citer == source:
            continue
        _edge(graph, citer, source, c, info, f"{info.id}#{n}")
        if c.citer is not None and not c.nested:
            _edge(graph, info.node, citer, c, info, f"{info.id}#{n}h")
        if relay and c.citer is None and source != relay[0] and n > relay[1] and _carried(relay, c):
            _edge(graph, relay[0], source, c, info, f"{info.id}#{n}r", inferred=True)
            via = extraction.citations[relay[1]] if relay[1] >= 0 else None
            placed.append(Placed(c, relay[0], source, relayed=True, via=via))
            continue
        placed.append(Placed(c, citer, source))
    return placed


def _credit_edge(graph: nx.MultiDiGraph, info: ArticleInfo, wire: str) -> None:
    """The article cites the wire its metadata credits: stated, so not inferred."""
    graph.add_edge(
        info.node,
        wire,
        key=f"{info.id}#credit",
        cue="credit",
        kind="credit",
        medium="wire",
        article=info.id,
        article_title=info.title or info.id,
        sentence=f"(metadata) credit: {info.credit}",
        content="",
        confidence=1.0,
        inferred=False,
    )


def _post_medium(c: Citation) -> str | None:
    """ "tweet" when the source is a post: "In a tweet by X", "X tweeted", "The tweet read"."""
    if c.source is None or c.source.kind == "anonymous":
        return None
    written = c.source.text.split()
    # "The Washington Post" is an outlet, "the post" a post.
    if written and written[-1].lower() in POST_MEDIA and c.source.kind != "outlet":
        return written[-1].lower()
    # A source quoted inside a post ("Channel 24: ...") is not itself posting.
    return c.medium if c.medium in POST_MEDIA and not c.nested else None


Relay = tuple[str, int, bool]  # the outlet's node, the citation saying so, unnamed sources only


def _relay_outlet(citations: tuple[Citation, ...], ids: dict[Mention, str]) -> Relay | None:
    """The outlet an article says it follows ("According to a report by Express UK").

    An article whose first citation is "The New York Post reports that ..." is
    a write-up of that report too, but only the report's unnamed sources
    ("sources said", "a source added") are taken to have come through it: the
    people it names, the write-up may have heard itself.
    """
    first = next((n for n, c in enumerate(citations) if c.source and c.kind != "credit"), -1)
    for n, c in enumerate(citations):
        if c.source is None or c.source.kind != "outlet" or c.citer is not None:
            continue
        lead = c.sentence_text.lower()
        if "report by" in lead or "first appeared" in lead or "report from" in lead:
            return ids[c.source], n, False
        if n == first and c.lemma == "report":
            return ids[c.source], n, True
    return None


def _carried(relay: Relay, c: Citation) -> bool:
    return not relay[2] or (c.source is not None and c.source.kind == "anonymous")


def _edge(
    graph: nx.MultiDiGraph,
    citer: str,
    source: str,
    c: Citation,
    info: ArticleInfo,
    key: str,
    inferred: bool = False,
) -> None:
    graph.add_edge(
        citer,
        source,
        key=key,
        cue=c.cue_text,
        kind=c.kind,
        medium=c.medium,
        article=info.id,
        article_title=info.title or info.id,
        sentence=c.sentence_text,
        content=c.content_text,
        confidence=round(c.confidence * (0.8 if inferred else 1.0), 3),
        inferred=inferred,
    )


def finish(
    graph: nx.MultiDiGraph,
    index: EntityIndex,
    articles: list[ArticleInfo],
    moves: dict[str, str] | None = None,
) -> nx.MultiDiGraph:
    """The graph with merged nodes joined, sorted, with every node's attributes.

    ``moves`` maps ids merged away (:meth:`EntityIndex.merge`) to the ids kept.
    Sorting makes the files written from it byte-identical for the same input.
    ``graph`` is emptied on the way, so that the corpus's citations are never
    held twice.
    """
    moves = moves or {}
    out = nx.MultiDiGraph()
    infos = [replace(a, node=moves.get(a.node, a.node)) for a in articles]
    out.graph["articles"] = [asdict(a) for a in sorted(infos, key=lambda a: a.path)]
    edges = sorted(
        (
            (moves.get(u, u), moves.get(v, v), key, data)
            for u, v, key, data in graph.edges(keys=True, data=True)
            if moves.get(u, u) != moves.get(v, v)
        ),
        key=lambda e: e[:3],
    )
    edges.reverse()  # taken from the end below, each edge let go as it is copied
    graph.clear()
    cited: dict[str, int] = {}
    for _, v, _, _ in edges:
        cited[v] = cited.get(v, 0) + 1
    nodes = {a.node for a in infos} | {n for e in edges for n in e[:2]}
    nodes |= {author for n in nodes if (author := index.entities[n].author)}
    for node in sorted(nodes):
        entity = index.entities[node]
        out.add_node(
            node,
            label=entity.name,
            kind=entity.kind,
            aliases=list(entity.aliases),
            cited=cited.get(node, 0),
            **({"author": entity.author} if entity.author else {}),
        )
    while edges:
        u, v, key, data = edges.pop()
        out.add_edge(u, v, key=key, **data)
    return out


def who_cites_whom(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The graph's nodes and one edge per citing pair, with no attributes.

    What the page's layout needs, without a copy of every citation's evidence
    (``nx.DiGraph(graph)`` would merge each pair's attribute dicts into a new one).
    """
    simple = nx.DiGraph()
    simple.add_nodes_from(graph)
    simple.add_edges_from(graph.edges())
    return simple
