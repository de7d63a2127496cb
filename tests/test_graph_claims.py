"""Graph and claims on citations built by hand: edges, relay, chains, roots, verdicts."""

from __future__ import annotations

import networkx as nx

from attribution.chains import Chain
from attribution.claims import (
    Claim,
    article_claims,
    group_claims,
    longest_chains,
    renamed,
)
from attribution.entities import EntityIndex
from attribution.extract import Citation, Extraction, Mention
from attribution.graph import ArticleInfo, add_article, finish


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
        medium=kw.pop("medium", "speech"),
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
    final = finish(graph, index, [info])
    claims = group_claims(article_claims("a1", node, placed), lambda n: n.startswith("anonymous:"))
    return final, claims, node


def test_told_gives_article_to_outlet_to_person():
    post = mention("The Washington Post", "outlet", 60)
    c = citation(mention("Olek Varga", "person", 40), (51, 55), (0, 38), citer=post)
    graph, claims, node = build([c], outlet="Insider")
    assert node == "outlet:insider"
    assert graph.has_edge("outlet:insider", "outlet:the-washington-post")
    assert graph.has_edge("outlet:the-washington-post", "person:olek-varga")
    assert [chain.path for chain in claims[0].chains] == [
        ("outlet:insider", "outlet:the-washington-post", "person:olek-varga")
    ]
    assert claims[0].verdict == "single_source" and claims[0].roots == ("person:olek-varga",)


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


def test_claims_made_before_a_merge_and_renamed_after_are_the_claims_made_after():
    """Chains that become one path when two nodes are joined come out once."""
    bbc = mention("BBC", "outlet", 90)
    outer = citation(bbc, (94, 102), (0, 85), content_text="The ministry confirmed that ...")
    inner = citation(
        mention("Ministry of Transport", "organisation", 0), (22, 31), (32, 85), citer=bbc
    )
    index = EntityIndex()
    node = index.article_node("a1", "Title", "Insider")
    info = ArticleInfo("a1", "a1.txt", "Title", "Insider", node)
    placed = add_article(nx.MultiDiGraph(), index, info, Extraction("a1", (outer, inner), ()))
    # The outlet turns out to be the ministry's own channel: one node for both.
    moves = {"outlet:bbc": "organisation:ministry-of-transport"}
    rename = lambda n: moves.get(n, n)  # noqa: E731
    after = article_claims("a1", node, placed, rename)
    assert [renamed(c, rename) for c in article_claims("a1", node, placed)] == after
    assert after[0].chains[0].path == ("outlet:insider", "organisation:ministry-of-transport")
    assert after[0].source == "organisation:ministry-of-transport"


def test_relay_credits_later_citations_to_the_followed_outlet_as_inferred():
    express = citation(
        mention("Express UK", "outlet", 20),
        (0, 12),
        (32, 60),
        sentence_text="According to a report by Express UK, soldiers revolted.",
    )
    tweet = citation(
        mention("Ilse Brannagh", "person", 120), (110, 115), (140, 200), medium="tweet"
    )
    graph, claims, _ = build([express, tweet])
    post = "post:a1:tweet:ilse-brannagh"
    inferred = [d for _, _, d in graph.edges(data=True) if d["inferred"]]
    assert graph.has_edge("outlet:express", post) and len(inferred) == 1
    claim, longest = longest_chains(claims)[0]
    assert longest.path == ("article:a1", "outlet:express", post)
    assert claim.source == post


def test_a_relay_does_not_carry_what_a_named_person_said():
    """The article may have heard the person itself: the text does not say the report had it."""
    express = citation(
        mention("Express UK", "outlet", 20),
        (0, 12),
        (32, 60),
        sentence_text="According to a report by Express UK, soldiers revolted.",
    )
    said = citation(
        mention("Ilse Brannagh", "person", 120), (110, 115), (140, 200), content_text="it ended"
    )
    graph, claims, _ = build([express, said])
    assert graph.has_edge("outlet:express", "person:ilse-brannagh")  # the graph keeps the guess
    relayed = next(c for c in claims if c.text == "it ended")
    assert [ch.path for ch in relayed.chains] == [("article:a1", "person:ilse-brannagh")]


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


def test_relayed_claim_chain_runs_through_the_followed_outlet_and_is_marked_inferred():
    express = citation(
        mention("Express UK", "outlet", 20),
        (0, 12),
        (32, 60),
        sentence_text="According to a report by Express UK, soldiers revolted.",
    )
    tweet = citation(
        mention("Ilse Brannagh", "person", 120),
        (110, 115),
        (140, 200),
        content_text="it ended",
        medium="tweet",
    )
    _, claims, _ = build([express, tweet])
    relayed = next(c for c in claims if c.text == "it ended")
    assert [(ch.path, ch.inferred) for ch in relayed.chains] == [
        (("article:a1", "outlet:express", "post:a1:tweet:ilse-brannagh"), True)
    ]


def test_unsourced_claim_has_no_chain_and_no_root():
    c = citation(None, (10, 20), (21, 60), content_text="the dam was allegedly sabotaged")  # type: ignore[arg-type]
    graph, claims, _ = build([c])
    assert graph.number_of_edges() == 0
    assert [(cl.verdict, cl.roots, cl.chains) for cl in claims] == [("unsourced", (), ())]


# --- grouping and verdicts on hand-made claims ---------------------------------------------------


def claim(ident: str, article: str, paths: list[tuple[str, ...]], terms: list[list[str]]) -> Claim:
    chains = tuple(Chain(p, article, "A sentence.", "said") for p in paths)
    source = paths[0][-1] if paths else None
    return Claim(
        ident, ident, article, "A sentence.", "said", source, chains, tuple(map(tuple, terms))
    )


TRUCKS = ["n:truck", "v:retreat", "n:protest", "p:kherson"]
HARBOUR = ["n:harbour", "v:reopen", "n:ferry", "d:monday"]


def anonymous(node: str) -> bool:
    return node.startswith("anonymous:")


def test_the_same_claim_from_two_roots_is_corroborated():
    claims = group_claims(
        [
            claim("c1", "a1", [("outlet:x", "person:reindl")], [TRUCKS]),
            claim("c2", "a2", [("outlet:y", "outlet:kelmarsk-herald")], [TRUCKS]),
            claim("c3", "a3", [("outlet:z", "person:someone")], [HARBOUR]),
        ],
        anonymous,
    )
    assert claims[0].group == claims[1].group != claims[2].group
    assert claims[0].verdict == claims[1].verdict == "corroborated"
    assert claims[0].roots == ("outlet:kelmarsk-herald", "person:reindl")
    assert "same claim as c2" in claims[0].why and "truck" in claims[0].why
    assert claims[2].verdict == "single_source" and claims[2].why == ""


def test_a_root_that_relays_another_is_not_independent():
    claims = group_claims(
        [
            claim("c1", "a1", [("article:a1", "outlet:express", "person:kuzio")], [TRUCKS]),
            claim("c2", "a2", [("article:a2", "outlet:express")], [TRUCKS]),
        ],
        anonymous,
    )
    assert {c.verdict for c in claims} == {"single_source"}
    assert claims[0].roots == ("person:kuzio",)


def test_unnamed_roots_together_count_as_one():
    two_unnamed = group_claims(
        [
            claim("c1", "a1", [("article:a1", "anonymous:a1:reports")], [TRUCKS]),
            claim("c2", "a2", [("article:a2", "anonymous:a2:experts")], [TRUCKS]),
        ],
        anonymous,
    )
    assert {c.verdict for c in two_unnamed} == {"single_source"}
    named_and_unnamed = group_claims(
        [
            claim("c1", "a1", [("article:a1", "anonymous:a1:reports")], [TRUCKS]),
            claim("c2", "a2", [("article:a2", "person:reindl")], [TRUCKS]),
        ],
        anonymous,
    )
    assert {c.verdict for c in named_and_unnamed} == {"corroborated"}


def test_an_unsourced_claim_joins_a_sourced_one_but_alone_stays_unsourced():
    claims = group_claims(
        [
            claim("c1", "a1", [], [TRUCKS]),
            claim("c2", "a2", [("article:a2", "person:reindl")], [TRUCKS]),
            claim("c3", "a3", [], [HARBOUR]),
        ],
        anonymous,
    )
    assert [c.verdict for c in claims] == ["single_source", "single_source", "unsourced"]


def test_shared_places_alone_do_not_make_one_claim():
    kharkiv_a = ["p:kharkiv", "n:region", "n:area", "v:retreat"]
    kharkiv_b = ["p:kharkiv", "n:region", "n:area", "v:revolt", "n:soldier"]
    claims = group_claims(
        [
            claim("c1", "a1", [("article:a1", "organisation:ministry")], [kharkiv_a]),
            claim("c2", "a2", [("article:a2", "outlet:channel-24")], [kharkiv_b]),
        ],
        anonymous,
    )
    assert claims[0].group != claims[1].group


def test_different_numbers_are_different_claims():
    claims = group_claims(
        [
            claim("c1", "a1", [("article:a1", "person:a")], [[*TRUCKS, "d:5000"]]),
            claim("c2", "a2", [("article:a2", "person:b")], [[*TRUCKS, "d:200"]]),
        ],
        anonymous,
    )
    assert claims[0].group != claims[1].group


def test_a_wire_credit_in_metadata_relays_every_citation_through_the_wire():
    index = EntityIndex()
    graph = nx.MultiDiGraph()
    node = index.article_node("a1", "Title", "Daily Clarion")
    info = ArticleInfo("a1", "a1.jsonl:1", "Title", "Daily Clarion", node, credit="Northwire")
    c = citation(mention("Ana Lindqvist", "person", 40), (51, 55), (0, 38))
    placed = add_article(graph, index, info, Extraction("a1", (c,), ()))
    final = finish(graph, index, [info])
    claims = article_claims("a1", node, placed)
    credit = final.get_edge_data("outlet:daily-clarion", "outlet:northwire")
    assert [d["inferred"] for d in credit.values()] == [False]
    relayed = final.get_edge_data("outlet:northwire", "person:ana-lindqvist")
    assert [d["inferred"] for d in relayed.values()] == [True]
    _, longest = longest_chains(claims)[0]
    assert longest.path == ("outlet:daily-clarion", "outlet:northwire", "person:ana-lindqvist")


def test_longest_chains_lists_each_path_of_an_article_once_longest_first():
    """Distinct (article, path) chains of min_hops or more, each with its first claim by id."""
    three = ("article:a2", "outlet:x", "person:y", "person:z")
    two = ("article:a1", "outlet:x", "person:y")
    claims = [
        claim("c9", "a1", [two, ("article:a1", "outlet:x")], []),
        claim("c2", "a1", [two], []),  # the same path in the same article: listed once
        claim("c5", "a3", [two], []),  # the same nodes in another article: a chain of its own
        claim("c7", "a2", [three], []),
    ]
    found = longest_chains(claims)
    assert [(c.id, ch.article, ch.path) for c, ch in found] == [
        ("c7", "a2", three),
        ("c2", "a1", two),
        ("c5", "a3", two),
    ]
    assert len(longest_chains(claims, min_hops=1)) == 4
    assert [c.id for c, _ in longest_chains(claims, min_hops=3)] == ["c7"]
    assert [c.id for c, _ in longest_chains(claims, limit=2)] == ["c7", "c2"]


def test_two_articles_that_share_a_source_make_no_chain_together():
    """a1 cites the Herald; the Herald's own article quotes Ana: a graph path, not a chain."""
    index = EntityIndex()
    graph = nx.MultiDiGraph()
    claims = []
    infos = []
    for article, outlet, source, cue in (
        ("a1", None, mention("The Herald", "outlet", 60), "reported"),
        ("a2", "The Herald", mention("Ana Lind", "person", 40), "said"),
    ):
        node = index.article_node(article, "Title", outlet)
        info = ArticleInfo(article, f"{article}.txt", "Title", outlet, node)
        c = citation(source, (51, 55), (0, 38), cue_text=cue)
        placed = add_article(graph, index, info, Extraction(article, (c,), ()))
        claims += article_claims(article, node, placed)
        infos.append(info)
    final = finish(graph, index, infos)
    assert final.has_edge("article:a1", "outlet:herald")
    assert final.has_edge("outlet:herald", "person:ana-lind")
    assert longest_chains(claims) == []
    assert max(len(ch.path) for c in claims for ch in c.chains) == 2


def test_a_citation_inside_two_reports_of_one_source_nests_in_the_innermost():
    """Two reports by the BBC, one inside the other: the ministry's words are in the inner one."""
    bbc = mention("BBC", "outlet", 0)
    outer = citation(bbc, (4, 12), (13, 200), content_text="outer report")
    inner_report = citation(bbc, (20, 28), (29, 150), content_text="inner report")
    ministry = citation(
        mention("Ministry of Transport", "organisation", 30),
        (52, 61),
        (62, 140),
        citer=bbc,
        nested=True,
        content_text="the bridge is shut",
    )
    _, claims, _ = build([outer, inner_report, ministry])
    shut = next(c for c in claims if c.text == "the bridge is shut")
    assert [ch.path[-1] for ch in shut.chains] == ["organisation:ministry-of-transport"]


def test_two_sources_of_one_content_are_two_claims_and_corroborate_it():
    cue, content = (40, 44), (45, 80)
    said = {"content_text": "the wells had been tested twice", "terms": (("n:well", "v:test"),)}
    one = citation(mention("Harlow Institute", "organisation", 5), cue, content, **said)
    two = citation(mention("Valley Trust", "organisation", 26), cue, content, **said)
    _, claims, _ = build([one, two])
    assert len({c.id for c in claims}) == 2
    assert {c.source for c in claims} == {
        "organisation:harlow-institute",
        "organisation:valley-trust",
    }
    assert all(c.verdict == "corroborated" for c in claims)
