"""Ranking single-source claims: clean text, what stays off the list, stance, score.

Every sentence here is invented. Claims are made by hand: ranking reads only a
claim's text, sentence, cue, source, chains and group, and the graph's kinds
and labels of its root.
"""

from __future__ import annotations

import pytest

from attribution.chains import Chain
from attribution.claims import Claim
from attribution.rank import (
    clean_text,
    rank_claims,
    ranked_groups,
    root_kind,
    stance_of,
    unlisted_reason,
)

KINDS = {
    "anonymous:a1:officials": "anonymous",
    "anonymous:a1:critics": "anonymous",
    "anonymous:a1:the-data": "anonymous",
    "person:lena-ward": "person",
    "post:a1:tweet:lena-ward": "post",
    "outlet:harbour-gazette": "outlet",
    "anonymous:a1:harbour-survey": "anonymous",
    "anonymous:a1:63-percent": "anonymous",
    "anonymous:a1:its-own-website": "anonymous",
    "anonymous:a1:the-inspectors": "anonymous",
    "anonymous:a1:two-inspectors": "anonymous",
    "anonymous:a1:slide": "anonymous",
}
LABELS = {
    "anonymous:a1:officials": "officials",
    "anonymous:a1:critics": "critics",
    "anonymous:a1:the-data": "the data",
    "person:lena-ward": "Lena Ward",
    "post:a1:tweet:lena-ward": "tweet by Lena Ward",
    "outlet:harbour-gazette": "Harbour Gazette",
    "anonymous:a1:harbour-survey": "the 2014 harbour survey",
    "anonymous:a1:63-percent": "63 percent",
    "anonymous:a1:its-own-website": "its own website",
    "anonymous:a1:the-inspectors": "the inspectors",
    "anonymous:a1:two-inspectors": "two inspectors",
    "anonymous:a1:slide": "slide",
}


def claim(
    text: str,
    sentence: str | None = None,
    cue: str = "said",
    root: str = "person:lena-ward",
    article: str = "a1",
    ident: str = "c1",
    group: str = "",
    via: tuple[str, ...] = (),
) -> Claim:
    path = ("outlet:harbour-gazette", *via, root)
    sentence = sentence if sentence is not None else f"{text}, she {cue}."
    chain = Chain(path, article, sentence, cue)
    return Claim(
        ident, text, article, sentence, cue, root, (chain,),
        group=group or f"group:{ident}", roots=(root,), verdict="single_source",
        single_source=True,
    )  # fmt: skip


# --- one readable claim ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("that the ferry will stop running in May", "the ferry will stop running in May"),
        ("“The pier is closed for good,", "The pier is closed for good"),
        ("the toll rose by a third —", "the toll rose by a third"),
        ("With two ferries idle, “the timetable cannot hold", "With two ferries idle, “the timetable cannot hold”"),
        ("That claim is simply wrong.", "That claim is simply wrong."),
        ("PORTVALE (HNS) — Three ferries were moored on Tuesday", "Three ferries were moored on Tuesday"),
        ("The inspectors reported Friday that the pier cost 3 million pounds", "the pier cost 3 million pounds"),
        ("Polls showed that few people in the town used the ferry", "few people in the town used the ferry"),
        ("the things she said that were wrong about the pier", "the things she said that were wrong about the pier"),
        ("Ruiz told the police that she wanted no escort, but the guard overruled it", "Ruiz told the police that she wanted no escort, but the guard overruled it"),
    ],
)  # fmt: skip
def test_clean_text_trims_that_dangling_punctuation_and_datelines(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not me", "fragment under 5 words"),
        ("Will the council ever pay for the new pier?", "a question"),
        ("What is happening in your town? Email us any tips at the desk", "an appeal to readers"),
        ("and I am sure the ferries will sail again soon", "starts mid-clause"),
        ("because the harbour master quit in the spring", "starts mid-clause"),
        ("has since doubled to more than forty boats a day", "has no subject"),
        ("never to speak of the pier contract to reporters", "an instruction or plan, not a statement"),
        ("to close the harbour road for the whole summer", "an instruction or plan, not a statement"),
    ],
)  # fmt: skip
def test_what_stays_off_the_list(text: str, reason: str) -> None:
    assert unlisted_reason(claim(text), clean_text(text)) == reason


def test_what_a_question_says_is_off_the_list() -> None:
    sentence = "So why did the council say a year ago that the pier was ‘perfectly safe’? Odd."
    c = claim("the pier was ‘perfectly safe", sentence=sentence)
    assert unlisted_reason(c, clean_text(c.text)) == "a question"


def test_a_full_statement_and_a_sentence_of_speech_opening_with_but_are_listed() -> None:
    for text in ("the harbour master resigned on Friday", "But we will rebuild the pier by June."):
        assert unlisted_reason(claim(text), text) == ""


def test_a_headline_repeated_as_a_claim_is_off_the_list() -> None:
    title = "Ferry Fares Rise, Mayor Says."
    c = claim("Ferry Fares Rise", sentence="Ferry Fares Rise, Mayor Says.", cue="Says")
    assert unlisted_reason(c, "Ferry Fares Rise all over", title) == "repeats the headline"


def test_a_quotation_inside_another_claim_of_the_article_is_listed_once() -> None:
    long = claim("the ferry company paid the council 40,000 pounds last year", ident="c1")
    short = claim("the ferry company paid the council 40,000 pounds", ident="c2", sentence="x")
    ranked = {c.id: c for c in rank_claims([long, short], KINDS, LABELS)}
    assert ranked["c1"].listed and not ranked["c2"].listed
    assert ranked["c2"].score_why == "not listed: inside c1"


def test_a_quotation_split_around_its_cue_is_one_claim() -> None:
    sentence = "“The pier will reopen,” she said, “once the divers have checked every pile.”"
    first = claim("The pier will reopen,", sentence=sentence, ident="c1")
    second = claim("once the divers have checked every pile.", sentence=sentence, ident="c2")
    ranked = {c.id: c for c in rank_claims([first, second], KINDS, LABELS)}
    assert ranked["c1"].text == "The pier will reopen, once the divers have checked every pile."
    assert ranked["c1"].listed and not ranked["c2"].listed


def test_two_statements_with_different_cues_stay_two_claims() -> None:
    sentence = "She said the pier would reopen in June, adding that the toll would rise."
    a = claim("the pier would reopen in June", sentence=sentence, ident="c1")
    b = claim("the toll would rise for every car", sentence=sentence, cue="adding", ident="c2")
    ranked = {c.id: c for c in rank_claims([a, b], KINDS, LABELS)}
    assert ranked["c1"].text == "the pier would reopen in June"
    assert ranked["c2"].listed


def test_a_belief_or_praise_is_off_the_list() -> None:
    sentence = "The crossing reopened as officials praised the crews for working through the night."
    c = claim("The crossing reopened", sentence=sentence, cue="praised")
    assert (
        unlisted_reason(c, "The crossing reopened at dawn") == "a belief or wish, not a statement"
    )


def test_an_act_the_source_gave_reasons_for_is_off_the_list() -> None:
    sentence = "In 1990, the court blocked the sale of the pier, citing a risk to swimmers."
    text = "In 1990, the court blocked the sale of the pier"
    c = claim(text, sentence=sentence, cue="citing")
    assert unlisted_reason(c, text) == "an act the source gave reasons for, not its statement"


def test_citing_a_source_for_a_report_stays_listed() -> None:
    sentence = "Citing two aides, the Gazette said the harbour master will resign in May."
    c = claim("the harbour master will resign in May", sentence=sentence, cue="Citing")
    assert unlisted_reason(c, c.text) == ""


# --- stance ---------------------------------------------------------------------------------


def test_a_denial_is_a_denial_not_an_assertion() -> None:
    c = claim(
        "the council took money from the ferry company",
        sentence="Officials deny that the council took money from the ferry company.",
        cue="deny",
    )
    assert stance_of(c) == "denies"


def test_has_not_denied_keeps_the_denial() -> None:
    c = claim(
        "the company gave permission for the dredging",
        sentence="The mayor has not denied that the company gave permission for the dredging.",
        cue="denied",
    )
    assert stance_of(c) == "denies"


def test_a_negated_cue_asserts_nothing() -> None:
    c = claim(
        "the ferry was late on purpose",
        sentence="The captain never said that the ferry was late on purpose.",
        cue="said",
    )
    assert stance_of(c) == "negated"


def test_a_statement_the_article_holds_false_is_disputed_and_ranks_lower() -> None:
    text = "about 300 boats in the harbour were unsafe"
    sentence = f"In 2009 the council incorrectly stated that {text}."
    disputed = claim(text, sentence=sentence, cue="stated")
    assert stance_of(disputed) == "disputed"
    assert score_of(disputed) < score_of(claim(text, sentence=f"The council stated that {text}."))
    assert "held false by the article" in rank_claims([disputed], KINDS, LABELS)[0].score_why


def test_a_not_inside_the_quotation_is_not_the_cues() -> None:
    sentence = "“The cause of the fire has not been found,” said the harbour master."
    c = claim("The cause of the fire has not been found", sentence=sentence)
    assert stance_of(c) == "asserts"


# --- root kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("root", "kind"),
    [
        ("anonymous:a1:officials", "anonymous"),
        ("anonymous:a1:critics", "described"),
        ("anonymous:a1:the-data", "document"),
        ("post:a1:tweet:lena-ward", "post"),
        ("person:lena-ward", "person"),
        ("anonymous:a1:63-percent", "described"),
    ],
)
def test_root_kind(root: str, kind: str) -> None:
    assert root_kind(root, KINDS, LABELS) == kind


# --- the score ------------------------------------------------------------------------------


def score_of(c: Claim) -> float:
    return rank_claims([c], KINDS, LABELS)[0].score


def test_a_number_from_unnamed_officials_outranks_an_opinion_on_the_record() -> None:
    fact = claim("the council paid 2 million pounds for the pier", root="anonymous:a1:officials")
    opinion = claim("I think the pier is a wonderful thing for the town", ident="c2")
    ranked = rank_claims([opinion, fact], KINDS, LABELS)
    assert [c.id for c in ranked] == ["c1", "c2"]
    assert "a number" in ranked[0].score_why and "anonymous root" in ranked[0].score_why
    assert "opinion" in ranked[1].score_why and "own views" in ranked[1].score_why


def test_a_secondhand_chain_scores_higher_than_the_same_claim_told_directly() -> None:
    text = "the ferry company sent the council a letter on Monday"
    direct = claim(text)
    relayed = claim(text, via=("outlet:harbour-gazette",), root="post:a1:tweet:lena-ward")
    assert score_of(relayed) > score_of(direct)


def test_a_claim_carried_by_more_articles_scores_higher() -> None:
    text = "the harbour master resigned after the audit on Friday"
    alone = claim(text, root="anonymous:a1:officials")
    spread = [
        claim(text, root="anonymous:a1:officials", article=f"a{n}", ident=f"c{n}", group="g")
        for n in range(1, 4)
    ]
    ranked = rank_claims(spread, KINDS, LABELS)
    assert ranked[0].articles == 3 and "in 3 articles" in ranked[0].score_why
    assert ranked[0].score > score_of(alone)


def test_a_denial_ranks_below_the_same_words_asserted() -> None:
    asserted = claim("the council took money from the ferry company")
    denied = claim(
        "the council took money from the ferry company",
        sentence="Lena Ward denied that the council took money from the ferry company.",
        cue="denied",
    )
    assert score_of(denied) < score_of(asserted)


def test_ranking_is_deterministic_and_groups_stay_together() -> None:
    claims = [
        claim("the pier cost 3 million pounds to build", ident="c1", group="g1"),
        claim("the pier cost three million pounds", ident="c2", group="g1", article="a2"),
        claim("the toll rose by a third in March", ident="c3", root="anonymous:a1:officials"),
    ]
    once = rank_claims(claims, KINDS, LABELS)
    assert once == rank_claims(list(reversed(claims)), KINDS, LABELS)
    groups = [[c.id for c in g] for g in ranked_groups(once)]
    assert sorted(map(sorted, groups)) == [["c1", "c2"], ["c3"]]


def test_a_belief_or_wish_ranks_below_the_same_words_said() -> None:
    text = "the ferry company will pay the council 40,000 pounds"
    said = claim(text)
    believed = claim(text, sentence=f"Officials expect {text}.", cue="expect")
    assert score_of(believed) < score_of(said)
    assert "a belief or wish" in rank_claims([believed], KINDS, LABELS)[0].score_why


def test_a_claim_that_opens_on_a_past_tense_verb_has_lost_its_subject() -> None:
    text = "won more than half of the harbour ward in May"
    assert unlisted_reason(claim(text), text) == "has no subject"


@pytest.mark.parametrize(
    "vague",
    [
        "he has been a harbour pilot on the river since 2003",
        "the two raised 3 million pounds for the new pier",
    ],
)
def test_a_claim_whose_subject_needs_the_sentence_before_ranks_lower(vague: str) -> None:
    named = claim("Lena Ward has been a harbour pilot on the river since 2003")
    ranked = rank_claims([claim(vague)], KINDS, LABELS)[0]
    assert ranked.score < score_of(named)
    assert "needs the sentence before" in ranked.score_why


def test_a_record_the_text_names_outranks_an_unnamed_one() -> None:
    text = "the harbour took in 4 million pounds in fees in 2015"
    unnamed = rank_claims([claim(text, root="anonymous:a1:the-data")], KINDS, LABELS)[0]
    sentence = f"According to the 2014 Harbour Survey, {text}."
    named = claim(text, sentence=sentence, root="anonymous:a1:harbour-survey", ident="c2")
    assert score_of(named) > unnamed.score
    assert unnamed.root_kind == "document" and "unnamed document root" in unnamed.score_why


def test_a_root_whose_owner_only_the_sentence_before_names_ranks_lower() -> None:
    text = "the trust runs 98 offices in five harbour towns"
    vague = rank_claims([claim(text, root="anonymous:a1:its-own-website")], KINDS, LABELS)[0]
    assert vague.score < score_of(claim(text, root="anonymous:a1:harbour-survey"))
    assert "its root needs the sentence before" in vague.score_why


def test_a_definite_description_as_root_points_back_and_ranks_below_an_unnamed_source() -> None:
    text = "Port Vale took in 4 million pounds in harbour fees in 2015"
    described = rank_claims([claim(text, root="anonymous:a1:the-inspectors")], KINDS, LABELS)[0]
    unnamed = rank_claims([claim(text, root="anonymous:a1:two-inspectors")], KINDS, LABELS)[0]
    assert described.score < unnamed.score
    assert "its root needs the sentence before" in described.score_why
    assert "its root" not in unnamed.score_why


def test_a_claim_opening_on_a_connective_needs_the_sentence_before() -> None:
    ranked = rank_claims([claim("In addition, Port Vale plans to sell 3 ferries")], KINDS, LABELS)
    assert "its subject needs the sentence before" in ranked[0].score_why


def test_another_record_points_back_to_the_one_named_before() -> None:
    text = "Port Vale sold 3 ferries to the county in 2015"
    later = claim(text, sentence=f"Another slide shows that {text}.", root="anonymous:a1:slide")
    first = claim(text, sentence=f"One slide shows that {text}.", root="anonymous:a1:slide")
    assert "its root needs" in rank_claims([later], KINDS, LABELS)[0].score_why
    assert "its root needs" not in rank_claims([first], KINDS, LABELS)[0].score_why
