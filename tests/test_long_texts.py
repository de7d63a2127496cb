"""Long articles: parsed and extracted in parts, offsets true, and never a stop to the batch."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from attribution import nlp as nlp_mod
from attribution.corpus import Article, read_path
from attribution.engine import extract_all
from attribution.extract.parts import cuts
from attribution.pipeline import build

NAMES = ("Hilde Marsh", "Oren Castellano", "Priya Venn", "the Port Commission")
SENTENCES = (
    "{n} said the night ferry would stop running in March.",
    '"We were never asked," {n} told the Harbour Gazette.',
    "According to {n}, the repairs are months late.",
    "The bridge stayed shut for a third day on Friday.",
    "{n} announced that tolls would double next year.",
)


def invented(size: int, seed: int = 3) -> str:
    """An invented article of about ``size`` characters: short paragraphs, blank lines between."""
    rng = random.Random(seed)
    paragraphs = ["Ferry service in doubt"]
    while sum(len(p) + 2 for p in paragraphs) < size:
        picks = rng.choices(SENTENCES, k=rng.randint(1, 4))
        paragraphs.append(" ".join(s.format(n=rng.choice(NAMES)) for s in picks))
    return "\n\n".join(paragraphs) + "\n"


def test_cuts_cover_the_text_end_to_end_within_the_limit() -> None:
    text = invented(5_000)
    spans = cuts(text, 600)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == prev_b for (_, prev_b), (a, _) in pairwise(spans))
    assert all(0 < b - a <= 600 for a, b in spans)
    # Every cut but the last falls after a blank line: paragraphs stay whole.
    assert all(text[:b].endswith("\n\n") for _, b in spans[:-1])


def test_cuts_fall_back_to_sentence_ends_and_spaces() -> None:
    one_line = "The tide came in fast. " * 40
    assert all(one_line[b - 2 : b] == ". " for _, b in cuts(one_line, 100)[:-1])
    no_stops = "word " * 100
    assert all(no_stops[b - 1] == " " for _, b in cuts(no_stops, 64)[:-1])
    assert [b - a for a, b in cuts("x" * 25, 10)] == [10, 10, 5]


def test_a_text_within_the_limit_is_one_part() -> None:
    assert cuts("short", 10) == [(0, 5)]


def _read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "long_story.txt"
    path.write_text(text, encoding="utf-8")
    article = next(read_path(path))
    assert isinstance(article, Article)
    return article


def test_parts_give_true_offsets_into_the_whole_text(tmp_path: Path) -> None:
    article = _read(tmp_path, invented(6_000))
    ((whole,),) = [list(extract_all([article], None))]
    (split,) = list(extract_all([article], None, part_limit=700))
    assert len(cuts(article.text, 700)) > 5
    text = article.text
    assert split.article == article.id and len(split.citations) > 20
    for c in split.citations:
        assert c.source is not None
        assert text[c.source.span[0] : c.source.span[1]] == c.source.text
        if c.cue is not None:
            assert text[c.cue[0] : c.cue[1]] == c.cue_text
        assert " … ".join(text[a:b] for a, b in c.content) == c.content_text
        assert " ".join(text[c.sentence[0] : c.sentence[1]].split()) == c.sentence_text
    # Paragraphs are cut whole, so the parts find what the whole article gives.
    assert {c.cue for c in split.citations} == {c.cue for c in whole.citations}


@pytest.mark.slow
def test_an_article_over_a_million_characters_does_not_stop_the_batch(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_short.txt").write_text(invented(800, seed=1), encoding="utf-8")
    (corpus / "b_long.txt").write_text(invented(1_050_000), encoding="utf-8")
    summary, graph = build([str(corpus)], tmp_path / "out", report=lambda line: None)
    assert summary.read == 2 and not summary.problems
    assert graph is not None
    assert graph.has_node("person:hilde-marsh")


@Language.component("fails_on_boom")
def fails_on_boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise RuntimeError("this component\ncannot read BOOM")
    return doc


def test_a_text_the_pipeline_fails_on_fails_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("fails_on_boom")
    texts = [f"text {n}" for n in range(10)]
    texts[4] = "a BOOM here"
    out = list(nlp_mod.parse_each(nlp, ((t, n) for n, t in enumerate(texts)), batch_size=3))
    assert [n for _, n in out] == list(range(10))
    assert [isinstance(d, Exception) for d, _ in out] == [n == 4 for n in range(10)]
    assert all(d.text == texts[n] for d, n in out if isinstance(d, Doc))


def test_an_error_in_the_input_stream_is_raised() -> None:
    def items():
        yield "fine", 0
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(nlp_mod.parse_each(spacy.blank("en"), items()))


def test_a_failing_article_gives_one_line_naming_its_file(tmp_path: Path, monkeypatch) -> None:
    import attribution.engine as engine

    def broken(doc: Doc, article: Article):
        raise ValueError("rules\nbroke")

    monkeypatch.setattr(engine, "extract", broken)
    article = _read(tmp_path, invented(2_000))
    (result,) = list(extract_all([article], None, part_limit=500))
    assert isinstance(result, str) and "\n" not in result
    assert result.startswith(f"{article.path}: extraction failed (ValueError: rules broke)")
