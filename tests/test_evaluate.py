"""`attribution evaluate` and `attribution extract` on small hand-written fixtures.

The expected figures for tests/fixtures/brat were worked out by hand:
gold = 2 attributions ("Ana Berg said ...", "Tom Lee told reporters that ...");
predictions = one exact, one with a shorter cue ("told") and content without
"that", and one false alarm ("the bridge" / "is" / "safe").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution.cli import main
from attribution.evaluate import normalise, parse_ann

BRAT = Path(__file__).parent / "fixtures" / "brat"


@pytest.fixture(scope="module")
def scores() -> dict:
    result = CliRunner().invoke(
        main,
        ["evaluate", str(BRAT), "--predictions", str(BRAT / "predictions.jsonl"), "--json"],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    ("role", "p", "r", "f1"),
    [("cue", 1 / 3, 1 / 2, 0.4), ("source", 2 / 3, 1.0, 0.8), ("content", 1 / 3, 1 / 2, 0.4)],
)
def test_exact_scores_match_hand_computation(scores, role, p, r, f1):
    got = scores["exact"][role]
    assert got["p"] == pytest.approx(p) and got["r"] == pytest.approx(r)
    assert got["f1"] == pytest.approx(f1)


def test_token_overlap_matches_hand_computation(scores):
    assert scores["overlap"]["source"]["p"] == pytest.approx(4 / 6)
    assert scores["overlap"]["cue"]["r"] == pytest.approx(2 / 3)
    assert scores["overlap"]["content"]["r"] == pytest.approx(7 / 8)


def test_attribution_level_is_one_to_one_on_source_and_content_overlap(scores):
    assert scores["attribution"]["p"] == pytest.approx(2 / 3)
    assert scores["attribution"]["r"] == pytest.approx(1.0)
    assert (scores["predicted"], scores["gold"]) == (3, 2)


def test_only_the_first_annotators_file_is_used(scores):
    # weather_b2.ann would add a third gold attribution.
    assert scores["gold"] == 2


def test_errors_lists_the_false_alarm_with_its_line():
    result = CliRunner().invoke(
        main,
        ["evaluate", str(BRAT), "--predictions", str(BRAT / "predictions.jsonl"), "--errors", "3"],
    )
    assert (
        "false alarm  weather: [the bridge | is] Ana Berg said the bridge is safe." in result.output
    )


def test_normalise_trims_punctuation_and_merges_across_punctuation_gaps():
    text = '"A," he said, "B."'
    assert normalise(text, [(0, 4), (13, 18)]) == ((1, 2), (15, 16))
    assert normalise('"A," "B"', [(0, 4), (5, 8)]) == ((1, 7),)
    assert normalise("x : y", [(2, 3)]) == ((2, 3),)  # a cue made only of ":" keeps it


def test_parse_ann_reads_discontinuous_spans_and_numbered_roles():
    text = "Part one, she said, part two."
    ann = (
        "T1\tContent 0 8;20 28\tPart one part two\n"
        "T2\tSource 10 13\tshe\nT3\tCue 14 18\tsaid\nT4\tAttribution 14 18\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
    )
    (att,) = parse_ann(ann, text)
    assert att.content == ((0, 8), (20, 28)) and att.source == ((10, 13),)


def test_extract_writes_offsets_into_the_text_as_read(tmp_path):
    article = tmp_path / "harbour-news.txt"
    text = "Harbour reopens\r\n\r\nThe harbour will reopen on Monday, the port authority said.\r\n"
    article.write_bytes(text.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(article), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["doc"] == "harbour-news"
    (att,) = record["attributions"]
    raw = article.read_bytes().decode("utf-8")
    assert raw[att["source"][0] : att["source"][1]] == "the port authority"
    assert raw[att["cue"][0] : att["cue"][1]] == "said"
    assert raw[att["content"][0][0] : att["content"][0][1]] == "The harbour will reopen on Monday"


def test_two_sources_of_one_cue_are_one_record_for_scorers(run_extract):
    from attribution.corpus import Article
    from attribution.extract.records import to_record

    text = "Both the Harlow Institute and the Valley Trust said the wells had been tested twice."
    ex = run_extract(text)
    assert len(ex.citations) == 2
    record = to_record(Article(id="t", text=text, path="t.txt"), ex)
    assert len(record["attributions"]) == 1
