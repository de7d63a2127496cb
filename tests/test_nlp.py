"""The pipeline's identity, read without loading it."""

from __future__ import annotations

import re

import pytest

from attribution import nlp as nlp_mod


def test_model_key_names_model_and_spacy_without_loading() -> None:
    nlp_mod.model_key.cache_clear()
    key = nlp_mod.model_key()
    assert re.fullmatch(r"en_core_web_sm\w*-3\.8\.\d+/spacy-3\.8\.\d+", key), key


def test_missing_model_is_a_one_line_error_naming_the_package() -> None:
    with pytest.raises(nlp_mod.ModelError, match=r"not installed.*pip install no-such-model"):
        nlp_mod.model_key("no_such_model")


def _annotations(doc) -> list[tuple]:
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_small_component_batches_change_no_annotation(nlp) -> None:
    # 21 texts of different lengths cross several 8-document component batches.
    sentences = [
        "The mayor told the Harbour Gazette that the bridge would reopen in May.",
        "According to two officials, the budget was cut.",
        "Ms. Okafor said on Tuesday that nobody had asked her.",
        "A spokesman for the ministry declined to comment.",
    ]
    texts = [" ".join(sentences[: 1 + i % 4]) * (1 + i % 3) for i in range(21)]
    ours = [_annotations(doc) for doc, _ in nlp_mod.parse(nlp, ((t, None) for t in texts))]
    plain = [_annotations(doc) for doc in nlp.pipe(texts, batch_size=nlp_mod.BATCH_SIZE)]
    assert ours == plain


def test_a_line_break_starts_a_sentence_even_without_a_full_stop(nlp) -> None:
    text = "Flood warning for the lower valley\n\nThe mayor said the river would crest today"
    ((doc, _),) = nlp_mod.parse(nlp, [(text, None)])
    assert [s.text.strip() for s in doc.sents] == [
        "Flood warning for the lower valley",
        "The mayor said the river would crest today",
    ]


def test_no_sentence_runs_across_a_blank_line(nlp) -> None:
    # A headline and a photo caption have no full stop; the parser alone runs
    # them into the next paragraph.
    text = (
        "Harbour towns brace for the spring tide\n\n"
        "Sandbags line the quay at Port Ellen\n\n"
        "The mayor told the Harbour Gazette that the sea wall would hold.\n"
        "Fishermen moved their boats inland"
    )
    ((doc, _),) = nlp_mod.parse(nlp, [(text, None)])
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Harbour towns brace for the spring tide",
        "Sandbags line the quay at Port Ellen",
        "The mayor told the Harbour Gazette that the sea wall would hold.",
        "Fishermen moved their boats inland",
    ]


def test_paragraph_breaks_refuses_a_parsed_doc(nlp) -> None:
    # Overwriting sentence starts after the parser would contradict its tree.
    doc = nlp("The mayor spoke.\nThe council listened.")
    with pytest.raises(ValueError, match="before the parser"):
        nlp_mod.paragraph_breaks(doc)
