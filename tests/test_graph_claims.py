"""Graph and claims on citations built by hand: edges, relay, chains, roots, verdicts."""

from __future__ import annotations

import networkx as nx

from attribution.claims import article_claims
from attribution.entities import EntityIndex
from attribution.extract import Citation, Extraction, Mention
from attribution.graph import ArticleInfo, add_article, chains, finish

TEXT = "x" * 400


def mention(name: str, kind: str, start: int) -> Mention:
    return Mention((start, start + len(name)), name, name, kind)


def citation(source: Mention, cue: tuple[int, int], content: tuple[int, int], **kw) -> Citation:
    return Citation(
        article="a1",
        source=source,
        cue=cue,
        cue_text=kw.pop("cue_text", "said"),
        content=(content,),
        content_text=kw.pop("content_text", "something happened"),
        kind="indirect",
        medium="speech",
        sentence=(0, 100),
        sentence_text=kw.pop("sentence_text", "A sentence."),
        confidence=0.8,
        **kw,
    )


def build(citations: list[Citation], outlet: str | None = None):
    index = EntityIndex()
    graph = nx.MultiDiGraph()
    node = index.article_node("a1", "Title", outlet)
    info = ArticleInfo("a1", "a1.txt", "Title", outlet, node)
    placed = add_article(graph, index, info, Extraction("a1", tuple(citations), ()))
    return finish(graph, index, [info]), article_claims("a1", node, placed), node


def test_told_gives_article_to_outlet_to_person():
    post = mention("The Washington Post", "outlet", 60)
    c = citation(mention("Olek Varga", "person", 40), (51, 55), (0, 38), citer=post)
    graph, claims, node = build([c], outlet="Insider")
    assert node == "outlet:insider"
    assert graph.has_edge("outlet:insider", "outlet:the-washington-post")
    assert graph.has_edge("outlet:the-washington-post", "person:olek-varga")
    assert claims[0].chains == (
        ("outlet:insider", "outlet:the-washington-post", "person:olek-varga"),
    )


def test_nested_citation_is_the_root_of_the_outer_claim():
    bbc = mention("BBC", "outlet", 90)
    outer = citation(bbc, (94, 102), (0, 85), content_text="The ministry confirmed that ...")
    inner = citation(
        mention("Ministry of Transport", "organisation", 0), (22, 31), (32, 85), citer=bbc
    )
    _, claims, _ = build([outer, inner])
    roots = {c.text: c.roots for c in claims}
    assert roots["The ministry confirmed that ..."] == ("organisation:ministry-of-transport",)
    assert all(c.single_source for c in claims)


def test_relay_credits_later_citations_to_the_followed_outlet_as_inferred():
    express = citation(
        mention("Express UK", "outlet", 20),
        (0, 12),
        (32, 60),
        sentence_text="According to a report by Express UK, soldiers revolted.",
    )
    tweet = citation(mention("Ilse Brannagh", "person", 120), (110, 115), (140, 200))
    graph, _, _ = build([express, tweet])
    inferred = [d for _, _, d in graph.edges(data=True) if d["inferred"]]
    assert graph.has_edge("outlet:express", "person:ilse-brannagh") and len(inferred) == 1
    longest = chains(graph, min_length=2)[0]
    assert longest == ["article:a1", "outlet:express", "person:ilse-brannagh"]


def test_graph_nodes_carry_label_kind_aliases_and_counts():
    c = citation(mention("the FT", "outlet", 10), (20, 24), (30, 60))
    graph, _, _ = build([c])
    data = graph.nodes["outlet:financial-times"]
    assert data["label"] == "Financial Times" and data["kind"] == "outlet"
    assert "the FT" in data["aliases"] and data["cited"] == 1


def test_citation_without_content_makes_an_edge_but_no_claim():
    c = citation(mention("PA Images", "outlet", 10), (0, 9), (0, 0), content_text="")
    graph, claims, _ = build([c])
    assert graph.number_of_edges() == 1 and claims == []
