"""Claims' chains end to end: tiny invented articles through the real pipeline, read from claims.json.

A chain ``article -> A -> B`` holds only when the text says B's words reached the
article through A (docs/chains.md). Each test builds a one- or two-article corpus,
reads the chains ``claims.json`` holds and compares them by node label; the
article's own node reads as "article". Every sentence is invented; "Harbour
Gazette" is read as an outlet because "gazette" is in data/outlet_words.txt.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution.cli import main
from attribution.pipeline import build

TITLE = "Ferry Fares Rise"
CLAIM = "ferry fares would rise in March"

Labels = tuple[str, ...]  # a chain's path, by node label


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def story(sentence: str) -> str:
    return f"{TITLE}\n\n{sentence}\n"


def built(tmp_path: Path, files: dict[str, str]) -> tuple[list[dict], dict[str, str], Path]:
    """Build ``files`` as a corpus: claims.json, each node's label ("article" for an
    article's own node) and the output folder."""
    out = tmp_path / "out"
    build([str(write(tmp_path / "corpus", files))], out, report=lambda line: None)
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    nodes = json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]
    labels = {n["id"]: "article" if n["kind"] == "article" else n["label"] for n in nodes}
    return claims, labels, out


def paths(claims: list[dict], labels: dict[str, str], text: str | None = None) -> set[Labels]:
    """The claims' chains by node label; with ``text``, only the chains of that claim."""
    return {
        tuple(labels[n] for n in chain["path"])
        for claim in claims
        if text is None or claim["text"] == text
        for chain in claim["chains"]
    }


def chains(tmp_path: Path, sentence: str, text: str | None = None) -> set[Labels]:
    """The chains of the claims of a one-sentence article (of the claim ``text``)."""
    claims, labels, _ = built(tmp_path, {"story.txt": story(sentence)})
    return paths(claims, labels, text)


def long_ones(found: set[Labels]) -> set[Labels]:
    """Chains of two hops or more: the article and at least two sources."""
    return {path for path in found if len(path) >= 3}


# --- what makes a hop -----------------------------------------------------------------------


def test_told_an_outlet_goes_through_the_outlet(tmp_path):
    sentence = "Mirela Osk told The Harbour Gazette that ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_outlet_reported_that_someone_said_goes_through_the_outlet(tmp_path):
    sentence = "The Harbour Gazette reported that Mirela Osk said ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_an_outlet_named_post_that_reported_is_the_outlet_not_a_post(tmp_path):
    sentence = "The Washington Post reported that Mirela Osk said ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "The Washington Post", "Mirela Osk")}


def test_according_to_an_outlet_someone_said_goes_through_the_outlet(tmp_path):
    sentence = "According to The Harbour Gazette, Mirela Osk said ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_said_in_an_interview_with_an_outlet_goes_through_the_outlet(tmp_path):
    sentence = (
        "Mirela Osk said in an interview with The Harbour Gazette that ferry fares would rise "
        "in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_said_on_an_outlets_show_goes_through_the_outlet(tmp_path):
    sentence = (
        "Mirela Osk said on Fox News's 'Morning Harbour' that ferry fares would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Fox News", "Mirela Osk")}


@pytest.mark.xfail(
    reason="with curly quotes spaCy parses the 'that' clause as a relative clause of the show's "
    "name, and no citation at all is found (fragile parse)",
    strict=True,
)
def test_said_on_an_outlets_show_in_curly_quotes_goes_through_the_outlet(tmp_path):
    sentence = "Mirela Osk said on CNN’s ‘Morning Harbour’ that ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "CNN", "Mirela Osk")}


@pytest.mark.parametrize(
    "sentence, venue",
    [
        (
            "Mirela Osk blasted the ferry plan as a disgrace on The Harbour Morning Show.",
            "Harbour Morning Show",
        ),
        (
            "On The Harbour Morning Show on Tuesday, Mirela Osk criticized the ferry plan.",
            "Harbour Morning Show",
        ),
        (
            "In an interview with The Harbour Gazette, Mirela Osk likened the ferry plan to a "
            "lottery.",
            "Harbour Gazette",
        ),
        (
            "In a Harbour Gazette essay last week, Mirela Osk acknowledged the cost of the ferry "
            "plan.",
            "Harbour Gazette",
        ),
    ],
)
def test_judging_aloud_through_a_venue_goes_through_the_venue(tmp_path, sentence, venue):
    """ "blasted", "likened" are no speech verbs, but said on a show or in an interview
    they are words the show or paper published."""
    assert long_ones(chains(tmp_path, sentence)) == {("article", venue, "Mirela Osk")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Mirela Osk blasted the ferry plan as a disgrace at a rally on Tuesday.",
        "Mirela Osk criticized the coverage of the ferry plan on Harbour Radio.",
        "The Harbour Gazette reported that Mirela Osk criticized the ferry plan.",
    ],
)
def test_judging_aloud_without_a_venue_is_no_hop(tmp_path, sentence):
    """Without a show or interview that published it, a judgement is the judge's own act."""
    assert long_ones(chains(tmp_path, sentence)) == set()


def _described_story(tmp_path: Path, before: str) -> set[Labels]:
    text = (
        "Mirela Osk Speaks Out On Ferry Fares\n\n"
        f"{before}\n"
        "The former transport secretary told The Harbour Gazette that ferry fares would rise in "
        "March.\n"
    )
    claims, labels, _ = built(tmp_path, {"story.txt": text})
    return long_ones(paths(claims, labels))


def test_a_description_after_the_headlines_subject_is_that_person(tmp_path):
    """The headline and the sentence before are about Mirela Osk: "the former minister" is her."""
    before = "Mirela Osk spoke out on Tuesday about the ferry budget of Tomas Brell."
    assert _described_story(tmp_path, before) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_a_description_after_someone_else_stays_a_description(tmp_path):
    """The sentence before is about Tomas Brell: the secretary may be either of them."""
    before = "Tomas Brell attacked Mirela Osk on Tuesday over the ferry budget."
    found = _described_story(tmp_path, before)
    assert not any("Osk" in label or "Brell" in label for path in found for label in path[2:])


def test_nested_report_tweet_and_statement_make_a_three_hop_chain(tmp_path):
    sentence = (
        "The Harbour Gazette reported that Tomas Brell tweeted that the Ministry of Transport "
        "said ferry fares would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {
        ("article", "Harbour Gazette", "Tomas Brell", "Ministry of Transport")
    }


# --- what makes no hop: no chain of two hops or more ----------------------------------------


def test_knowing_what_someone_said_is_no_hop(tmp_path):
    sentence = "Mirela Osk knows that Tomas Brell said ferry fares would rise in March."
    found = chains(tmp_path, sentence)
    assert long_ones(found) == set() and ("article", "Mirela Osk") in found


def test_wanting_is_no_hop(tmp_path):
    sentence = "Tomas Brell said that Mirela Osk wants ferry fares to rise in March."
    found = chains(tmp_path, sentence)
    assert long_ones(found) == set() and ("article", "Tomas Brell") in found


def test_continuing_is_no_hop(tmp_path):
    """ "continued to hold talks" is an act that goes on, not words passed on."""
    sentence = (
        "The Harbour Gazette reported that Mirela Osk continued to hold talks on the ferry fares "
        "in March."
    )
    found = chains(tmp_path, sentence)
    assert long_ones(found) == set() and ("article", "Harbour Gazette") in found


def test_continuing_to_insist_is_insisting(tmp_path):
    """The aspect verb carries a cue verb: Osk insisted, and the Gazette reported it."""
    sentence = (
        "The Harbour Gazette reported that Mirela Osk continued to insist that ferry fares would "
        "rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_what_remarks_showed_is_no_hop(tmp_path):
    sentence = "Tomas Brell's remarks showed that Mirela Osk said ferry fares would rise in March."
    found = chains(tmp_path, sentence)
    assert long_ones(found) == set() and ("article", "Tomas Brell") in found


def test_telling_a_crowd_is_no_hop(tmp_path):
    sentence = "Mirela Osk told the crowd that ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Mirela Osk")}


def test_a_letter_to_congress_is_no_hop(tmp_path):
    sentence = "Mirela Osk wrote in a letter to Congress that ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Mirela Osk")}


def test_the_articles_own_outlet_from_json_lines_is_no_hop(tmp_path):
    record = {
        "id": "own",
        "title": TITLE,
        "outlet": "The Harbour Gazette",
        "text": story("Mirela Osk told The Harbour Gazette that ferry fares would rise in March."),
    }
    claims, labels, _ = built(tmp_path, {"gazette.jsonl": json.dumps(record) + "\n"})
    assert paths(claims, labels) == {("Harbour Gazette", "Mirela Osk")}


def test_the_articles_own_outlet_from_the_file_name_is_no_hop(tmp_path):
    files = {
        "politico_2024-ferry.txt": story("Mirela Osk told Politico that ferry fares would rise.")
    }
    claims, labels, _ = built(tmp_path, files)
    assert paths(claims, labels) == {("Politico", "Mirela Osk")}


@pytest.mark.parametrize(
    "speaker",
    [
        "Mirela Osk",
        pytest.param(
            "Captain Mirela Osk",
            marks=pytest.mark.xfail(
                reason="spaCy makes WASHINGTON a second subject of 'said' and the extractor "
                "takes it as the speaker: chain article -> WASHINGTON (fragile parse)",
                strict=True,
            ),
        ),
    ],
)
def test_a_dateline_is_never_a_source(tmp_path, speaker):
    sentence = f"WASHINGTON (AP) — {speaker} said ferry fares would rise in March."
    found = chains(tmp_path, sentence)
    dateline = {"washington", "ap", "associated press"}
    assert not any(label.lower() in dateline for path in found for label in path)
    assert found == {("article", "Mirela Osk")}


def test_things_are_no_inner_source(tmp_path):
    sentence = "Mirela Osk said the videos show that ferry fares would rise in March."
    found = chains(tmp_path, sentence)
    assert long_ones(found) == set() and ("article", "Mirela Osk") in found


def test_a_pronoun_is_no_inner_source(tmp_path):
    sentence = (
        "Tomas Brell spoke to reporters on Monday. Mirela Osk said that he said ferry fares "
        "would rise in March."
    )
    found = chains(tmp_path, sentence)
    assert long_ones(found) == set() and ("article", "Mirela Osk") in found


@pytest.mark.parametrize(
    "host, outlet", [("CNN's Chris Bell", "CNN"), ("Megan Kell of Fox News", "Fox News")]
)
def test_telling_an_outlets_host_goes_through_the_outlet(tmp_path, host, outlet):
    """The host's outlet published the words: the chain names it, not its host as an outlet."""
    sentence = f"Mirela Osk told {host} that ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", outlet, "Mirela Osk")}


def test_an_appearance_in_which_someone_said_goes_through_the_outlet(tmp_path):
    sentence = (
        "Unions seized upon Mirela Osk's CNN appearance, in which Osk said that ferry fares "
        "would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "CNN", "Mirela Osk")}


def test_began_by_saying_on_a_show_goes_through_the_show(tmp_path):
    sentence = (
        "Mirela Osk appeared on CNN on Tuesday and began by saying ferry fares would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "CNN", "Mirela Osk")}


@pytest.mark.parametrize(
    "venue",
    [
        "In a March meeting with the editorial board of The Harbour Gazette,",
        "In a conversation with The Harbour Gazette's reporters,",
    ],
)
def test_a_meeting_with_an_outlets_staff_goes_through_the_outlet(tmp_path, venue):
    sentence = f"{venue} Mirela Osk said that ferry fares would rise in March."
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_a_meeting_with_a_person_is_no_hop(tmp_path):
    sentence = (
        "In a meeting with Tomas Brell, Mirela Osk said that ferry fares would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Mirela Osk")}


def test_a_pronoun_with_one_person_before_it_goes_through_the_outlet(tmp_path):
    """Only Mirela Osk can be "she": the pronoun is hers, and so is the chain."""
    sentence = (
        "The harbour board met in the morning. Mirela Osk spoke at the harbour on Monday. "
        "“Ferry fares will rise in March,” she told The Harbour Gazette."
    )
    assert long_ones(chains(tmp_path, sentence)) == {("article", "Harbour Gazette", "Mirela Osk")}


def test_a_pronoun_with_one_person_before_it_is_an_inner_source(tmp_path):
    sentence = (
        "The harbour board met in the morning. Tomas Brell spoke at the harbour on Monday. "
        "The Harbour Gazette reported that he said ferry fares would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Harbour Gazette", "Tomas Brell")}


def test_a_pronoun_bound_to_its_clauses_named_subject_is_an_inner_source(tmp_path):
    """The parse hangs "when he said" on the clause whose subject is Tom Brell."""
    sentence = (
        "Ana Lind said Tom Brell was right when he said that ferry fares would rise in March."
    )
    assert chains(tmp_path, sentence, CLAIM) == {("article", "Ana Lind", "Tom Brell")}


def test_a_bound_pronoun_of_the_other_gender_is_no_inner_source(tmp_path):
    sentence = (
        "Ana Lind said Tom Brell was right when she said that ferry fares would rise in March."
    )
    assert long_ones(chains(tmp_path, sentence)) == set()


@pytest.mark.parametrize(
    "before",
    [
        "The harbour board met in the morning. Mirela Osk met Tomas Brell on Monday.",
        # The other one is two sentences back, the name in the pronoun's own sentence.
        "Tomas Brell spoke first. The mayor's aides left. After Ivo Sand's remarks,",
    ],
)
def test_a_pronoun_with_two_people_before_it_is_no_hop(tmp_path, before):
    sentence = f"{before} “Ferry fares will rise in March,” he told The Harbour Gazette."
    found = long_ones(chains(tmp_path, sentence))
    people = {"Mirela Osk", "Tomas Brell", "Ivo Sand", "Sand", "Brell"}
    assert not any(label in people for path in found for label in path[2:])


def test_press_reports_after_someones_words_are_no_hop_below_them(tmp_path):
    """ "according to press reports" hangs on either citation: no chain puts the reports
    under Osk (the reverse is the reader's guess too)."""
    sentence = "Mirela Osk said ferry fares would rise in March, according to press reports."
    assert long_ones(chains(tmp_path, sentence)) == set()


# --- a corpus: chains never join two articles --------------------------------------------------

CORPUS = {
    # a1's claim reached it through the Gazette: one chain of two hops, all in a1.
    "a1.txt": "Ferry Fares Rise\n\nMirela Osk told The Harbour Gazette that ferry fares would "
    "rise in March.\n",
    # a2 cites the same Gazette for another claim: one hop only.
    "a2.txt": "Harbour Road Closes\n\nThe harbour road will close for repairs in May, "
    "The Harbour Gazette reported.\n",
    # The Gazette's own article quotes someone else: graph paths a1/a2 -> Gazette -> Brell,
    # but no claim went that way.
    "gazette.jsonl": json.dumps(
        {
            "id": "g1",
            "title": "Pier Repairs Approved",
            "outlet": "The Harbour Gazette",
            "text": "Pier Repairs Approved\n\nTomas Brell said the old pier would be rebuilt.\n",
        }
    )
    + "\n",
}


def test_two_articles_citing_one_outlet_make_no_chain_across_them(tmp_path):
    claims, labels, out = built(tmp_path, CORPUS)
    links = json.loads((out / "graph.json").read_text(encoding="utf-8"))["links"]
    edges = {(labels[k["source"]], labels[k["target"]]) for k in links}
    assert {("article", "Harbour Gazette"), ("Harbour Gazette", "Tomas Brell")} <= edges
    found = {
        (c["article"], ch["article"], tuple(labels[n] for n in ch["path"]))
        for c in claims
        for ch in c["chains"]
    }
    assert found == {
        ("a1", "a1", ("article", "Harbour Gazette", "Mirela Osk")),
        ("a2", "a2", ("article", "Harbour Gazette")),
        ("g1", "g1", ("Harbour Gazette", "Tomas Brell")),
    }
    # `attribution chains` lists a1's chain only, every hop of it told in a1.
    result = CliRunner().invoke(main, ["chains", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [[n["label"] for n in c["path"]] for c in listed] == [
        ["Ferry Fares Rise", "Harbour Gazette", "Mirela Osk"]
    ]
    assert {hop["article"] for c in listed for hop in c["hops"]} == {"a1"}
    table = CliRunner().invoke(main, ["chains", str(out)])
    heads = [line for line in table.stdout.splitlines() if " hop" in line.split(":")[0]]
    assert table.exit_code == 0
    assert heads == ["2 hops: Ferry Fares Rise -> Harbour Gazette -> Mirela Osk"]


def test_a_chain_goes_on_into_the_cited_outlets_own_article_with_the_same_claim(tmp_path):
    """Valley Times cites the Gazette; the Gazette's own article has the claim from Osk."""
    records = [
        {
            "id": "valley",
            "outlet": "Valley Times",
            "text": "Fares Up\n\nAccording to The Harbour Gazette, ferry fares on the island "
            "route would rise by 12 percent in March.\n",
        },
        {
            "id": "gazette",
            "outlet": "The Harbour Gazette",
            "text": "Fares Rise\n\nMirela Osk, the operator's director, said ferry fares on the "
            "island route would rise by 12 percent in March.\n",
        },
    ]
    lines = "".join(json.dumps(r) + "\n" for r in records)
    claims, labels, _ = built(tmp_path, {"fares.jsonl": lines})
    valley = [c for c in claims if c["article"] == "valley"]
    assert ("Valley Times", "Harbour Gazette", "Mirela Osk") in paths(valley, labels)
    hops = [h for c in valley for ch in c["chains"] for h in ch["hops"]]
    assert {h["article"] for h in hops} == {"valley", "gazette"}  # each hop keeps its evidence
    assert all(c["roots"] == ["person:mirela-osk"] for c in valley)


def test_a_write_up_of_a_report_relays_its_unnamed_sources_only(tmp_path):
    """An article opening on "The Harbour Gazette reports that ..." passes on the report's
    unnamed sources through the Gazette, but not what a person it names said."""
    text = (
        f"{TITLE}\n\nThe Harbour Gazette reports that the ferry operator will raise fares.\n\n"
        "The increase was agreed at a board meeting on Monday, sources said.\n\n"
        "Mirela Osk said the board had no other choice.\n"
    )
    claims, labels, _ = built(tmp_path, {"fares.txt": text})
    assert ("article", "Harbour Gazette", "sources") in paths(claims, labels)
    assert not any(p[-1] == "Mirela Osk" and len(p) > 2 for p in paths(claims, labels))
    relayed = [ch for c in claims for ch in c["chains"] if ch["path"][-1].endswith("sources")]
    assert relayed and all(ch["inferred"] for ch in relayed)


def test_the_agency_can_be_a_government_agency_not_only_a_news_agency(tmp_path):
    """ "the agency said" points back to the nearest outlet or organisation cited before."""
    text = (
        "The Harbour Times reported on Monday that ferry fares would rise. The poorest families "
        "paid 4 percent more, according to the Federal Budget Office. The richest paid 9 "
        "percent more, the agency said."
    )
    claims, labels, _ = built(tmp_path, {"story.txt": story(text)})
    found = paths(claims, labels, "The richest paid 9 percent more")
    assert found == {("article", "Federal Budget Office")}
