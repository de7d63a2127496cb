"""End to end on the bundled sample corpus: the chains and claims a user looks for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribution.export import FILES
from attribution.pipeline import build

SAMPLES = Path(__file__).resolve().parents[1] / "attribution" / "samples"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    summary, graph = build([str(SAMPLES)], out, report=lambda line: None)
    graph_json = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    return summary, graph, graph_json, claims


def labels(graph, path):
    return [graph.nodes[n]["label"] for n in path]


def test_every_sample_article_is_read(built):
    summary, *_ = built
    assert summary.read == 8 and not summary.problems


def test_relay_chain_site_express_tweet_channel(built):
    summary, graph, *_ = built
    assert labels(graph, summary.longest_chain)[1:] == [
        "Express",
        "tweet by Ilse Brannagh",
        "Channel 9 News",
    ]


def test_interview_chains_through_the_outlet_told(built):
    _, graph, *_ = built
    assert graph.has_edge("outlet:insider", "outlet:the-washington-post")
    assert graph.has_edge("outlet:the-washington-post", "person:olek-varga")
    assert graph.has_edge("outlet:financial-times", "person:anton-sereda")


def test_typo_surname_is_joined_and_cited_by_the_newspaper(built):
    _, graph, *_ = built
    assert "Radowska" in graph.nodes["person:milena-radovska"]["aliases"]
    assert graph.has_edge("outlet:the-telegraph", "person:milena-radovska")


def test_bios_share_prompts_and_headlines_are_not_sources(built):
    _, graph, *_ = built
    names = " ".join(
        " ".join([d["label"], *d["aliases"]]).lower() for _, d in graph.nodes(data=True)
    )
    for absent in [
        "guardian",
        "vice",
        "newsmax",
        "redstate",
        "whatsapp",
        "instagram",
        "linkedin",
        "ashby",
    ]:
        assert absent not in names


def test_single_source_claim_rests_on_the_far_end_of_a_three_hop_chain(built):
    *_, claims = built
    channel = [c for c in claims if "3,000 residents" in c["text"]]
    assert channel and all(c["verdict"] == "single_source" for c in channel)
    assert all(c["roots"] == ["outlet:channel-9-news"] for c in channel)
    paths = [ch["path"] for c in channel for ch in c["chains"]]
    assert [
        "article:relay_site",
        "outlet:express",
        "post:relay_site:tweet:ilse-brannagh",
        "outlet:channel-9-news",
    ] in paths


def test_two_tweets_of_one_incident_corroborate_each_other(built):
    *_, claims = built
    reindl = next(c for c in claims if "forced two army trucks" in c["text"])
    herald = next(c for c in claims if "an army truck turned back" in c["text"])
    assert reindl["group"] == herald["group"] and reindl["verdict"] == "corroborated"
    assert reindl["roots"] == [
        "post:kherson_protest:tweet:kelmarsk-herald",
        "post:kherson_protest:tweet:tomas-reindl",
    ]
    assert "truck" in reindl["why"]


def test_a_post_node_is_tied_to_its_author(built):
    _, graph, *_ = built
    post = graph.nodes["post:kherson_protest:tweet:tomas-reindl"]
    assert post["kind"] == "post" and post["author"] == "person:tomas-reindl"
    assert post["label"] == "tweet by Tomas Reindl"
    assert graph.nodes["person:tomas-reindl"]["kind"] == "person"


def test_inferred_relay_edges_are_marked_in_graph_json(built):
    *_, graph_json, _ = built
    relayed = [e for e in graph_json["links"] if e["inferred"]]
    assert relayed and all(e["source"] == "outlet:express" for e in relayed)
    assert all(e["article"] == "relay_site" for e in relayed)


def test_unnamed_sources_are_marked_anonymous(built):
    _, graph, *_ = built
    kinds = {d["label"]: d["kind"] for _, d in graph.nodes(data=True)}
    assert kinds.get("multiple reports") == "anonymous"


def test_articles_list_says_who_cites_for_each_article(built):
    *_, graph_json, _ = built
    articles = {Path(a["path"]).name: a for a in graph_json["graph"]["articles"]}
    assert articles["insider_retreat.txt"]["node"] == "outlet:insider"
    assert articles["relay_site.txt"]["node"] == "article:relay_site"


def test_a_build_leaves_only_its_outputs_behind(tmp_path):
    """The spill file the extractions wait in while parsing never shows in the folder."""
    out = tmp_path / "graphs" / "sample"
    build([str(SAMPLES / "wire.jsonl")], out, report=lambda line: None)
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    assert [p.name for p in tmp_path.iterdir()] == ["graphs"]
