"""Repeated wording groups claims (attribution/overlap.py), and shared words alone do not.

Claims are made from invented sentences, their key terms from the real parse,
and grouped by :func:`attribution.claims.similar_pairs`.
"""

from __future__ import annotations

from spacy.language import Language

from attribution.claims import Claim, similar_pairs
from attribution.extract.terms import content_terms
from attribution.overlap import content_words, wording


def claim(nlp: Language, text: str, article: str = "a1") -> Claim:
    doc = nlp(text)
    terms = content_terms(doc, ((0, len(text)),))
    return Claim(f"claim:{text}", text, article, text, "said", None, (), terms)


def grouped(nlp: Language, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Are claim ``first`` (text, article) and ``second`` grouped as one?"""
    pairs = similar_pairs([claim(nlp, *first), claim(nlp, *second)])
    return (0, 1) in pairs


def test_content_words_keep_negations_and_cut_possessives() -> None:
    words = content_words("The mayor’s office will not reopen the pier")
    assert words == ("mayor", "office", "not", "reopen", "pier")


WHOLE = "inspectors found a leak in the hospital's main water pipe during the night"
PART = "a leak in the hospital's main water pipe"


def test_a_fragment_quoted_again_in_one_article_is_one_claim(nlp: Language) -> None:
    # The fragment names no event, so key-term similarity alone does not join them.
    assert grouped(nlp, (WHOLE, "a1"), (PART, "a1"))


def test_a_fragment_in_another_article_is_not_joined_by_containment(nlp: Language) -> None:
    assert not grouped(nlp, (WHOLE, "a1"), (PART, "a2"))


def test_a_long_run_with_a_shared_event_is_one_claim(nlp: Language) -> None:
    one = "the ferry company will cancel all winter crossings to the northern islands next year"
    two = "staff said it will cancel all winter crossings to the northern islands"
    assert grouped(nlp, (one, "a1"), (two, "a1"))


def test_a_claim_and_its_denial_are_not_one(nlp: Language) -> None:
    one = "the quarry is in decline"
    two = "I do not think this is a quarry which is in decline"
    assert not grouped(nlp, (one, "a1"), (two, "a1"))


def test_a_shared_noun_phrase_without_a_shared_event_is_no_claim(nlp: Language) -> None:
    one = "auditors received the 2019 regional water board budget papers by post"
    two = "nobody at the ministry leaked the 2019 regional water board budget papers"
    assert len(wording(one).runs & wording(two).runs) > 0  # the run is there
    assert not grouped(nlp, (one, "a1"), (two, "a1"))


def test_different_claims_about_one_place_are_not_grouped(nlp: Language) -> None:
    one = "the port will close the north harbour in May"
    two = "the port will reopen the north harbour in May after repairs"
    assert not grouped(nlp, (one, "a1"), (two, "a1"))


def test_a_name_contained_in_another_claim_is_no_claim(nlp: Language) -> None:
    one = "what to make of Ms. Okafor"
    two = "the council was going to make a deal with Ms. Okafor"
    assert not grouped(nlp, (one, "a1"), (two, "a1"))


def test_taxes_are_a_tax(nlp: Language) -> None:
    text = "Residents pay property taxes and the council fixes the rates"
    (terms,) = content_terms(nlp(text), ((0, len(text)),))
    assert {"n:tax", "v:fix"} <= set(terms)
