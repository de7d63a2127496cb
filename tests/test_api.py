"""The public API as a user meets it: ``import attribution`` and go."""

from __future__ import annotations

import logging
import os
import pydoc
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import attribution
from attribution import nlp as nlp_mod

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "attribution" / "samples"
TEXTS = [
    "The Harbour Gazette reported on Friday that the ferry service will close in May.",
    '"We cannot pay the fuel bills," the operator\'s chief, Mara Velt, told the Harbour Gazette.',
]


def labels(result: attribution.Result) -> dict[str, str]:
    return {data["label"]: data["kind"] for _, data in result.graph.nodes(data=True)}


@pytest.fixture(scope="module")
def built() -> attribution.Result:
    return attribution.build_graph(TEXTS)


def test_texts_in_memory_build_a_graph(built: attribution.Result) -> None:
    assert labels(built)["Harbour Gazette"] == "outlet"
    assert labels(built)["Mara Velt"] == "person"
    assert [a["id"] for a in built.graph.graph["articles"]] == ["text-1", "text-2"]
    assert built.summary.read == 2 and not built.summary.problems
    assert any(c.text.startswith("We cannot pay") for c in built.claims)
    assert all(isinstance(c, attribution.Claim) for c in built.claims)


def test_chains_come_longest_first(built: attribution.Result) -> None:
    lengths = [len(chain.path) for chain in built.chains]
    assert lengths and lengths == sorted(lengths, reverse=True)
    assert all(isinstance(hop, attribution.Hop) for chain in built.chains for hop in chain.hops)


def test_summary_prints_as_the_build_report(built: attribution.Result) -> None:
    shown = str(built.summary)
    assert shown.startswith("articles read: 2 (0 from the cache), skipped: 0")
    assert "Harbour Gazette" in shown  # the longest chain by label, not by node id


def test_an_article_object_is_used_as_given() -> None:
    article = attribution.Article(
        id="ferry-notice", text=TEXTS[1], path="memory", outlet="Kelmarsk Herald"
    )
    result = attribution.build_graph([article])
    assert [a["id"] for a in result.graph.graph["articles"]] == ["ferry-notice"]
    assert labels(result)["Kelmarsk Herald"] == "outlet"  # the publisher the article names


def test_paths_and_texts_mix(tmp_path: Path) -> None:
    (tmp_path / "gazette_ferry.txt").write_text(f"Ferry news\n\n{TEXTS[0]}\n", encoding="utf-8")
    result = attribution.build_graph([tmp_path, TEXTS[1]])
    ids = [a["id"] for a in result.graph.graph["articles"]]
    assert ids == ["gazette_ferry", "text-1"]


def test_a_folder_as_a_path_reads_every_article() -> None:
    result = attribution.build_graph([SAMPLES])
    assert result.summary.read == 8
    assert "Channel 9 News" in labels(result)


def test_extract_on_a_parsed_doc(nlp: spacy.language.Language) -> None:
    doc = nlp("The ferry will stop in May, Mara Velt told the Harbour Gazette on Friday.")
    citations = attribution.extract(doc)
    assert [c.source.name for c in citations if c.source] == ["Mara Velt"]
    first = citations[0]
    assert isinstance(first, attribution.Citation) and first.cue_text == "told"
    assert doc.text[slice(*first.content[0])].startswith("The ferry will stop")


def test_extract_needs_a_parsed_doc() -> None:
    with pytest.raises(attribution.ModelError, match="dependency parse"):
        attribution.extract(spacy.blank("en")("Mara Velt said the ferry will stop."))


def test_write_produces_the_files(built: attribution.Result, tmp_path: Path) -> None:
    written = attribution.write(built, tmp_path / "out")
    assert [p.name for p in written.files] == [
        "graph.json", "graph.graphml", "graph.gexf", "claims.json", "claims.csv", "graph.html",
    ]  # fmt: skip
    assert all(p.is_file() and p.stat().st_size > 0 for p in written.files)
    assert written.page == tmp_path / "out" / "graph.html" and written.note is None
    assert "Harbour Gazette" in written.page.read_text(encoding="utf-8")


def test_write_says_what_a_small_page_left_out(built: attribution.Result, tmp_path: Path) -> None:
    written = attribution.write(built, tmp_path, max_nodes=1)
    assert written.note is not None and written.note.startswith("showing 1 of ")
    assert "--" not in written.note  # the library names no command-line flag


def test_a_loaded_pipeline_is_used_as_given(nlp: spacy.language.Language) -> None:
    result = attribution.build_graph(TEXTS, nlp=nlp)
    assert labels(result) == labels(attribution.build_graph(TEXTS))
    with pytest.raises(attribution.OptionError):
        attribution.build_graph(TEXTS, nlp=nlp, jobs=2)


def test_a_cache_spares_the_second_parse(tmp_path: Path) -> None:
    cache = tmp_path / "extractions.sqlite"
    first = attribution.build_graph(TEXTS, cache=cache)
    again = attribution.build_graph(TEXTS, cache=cache)
    assert (first.summary.cached, again.summary.cached) == (0, 2)
    assert labels(first) == labels(again)


def test_aliases_join_what_they_say(tmp_path: Path) -> None:
    texts = ["The mayor will resign, the HG reported on Friday.", TEXTS[0]]
    joined = attribution.build_graph(texts, aliases={"HG": "Harbour Gazette"})
    outlets = [label for label, kind in labels(joined).items() if kind == "outlet"]
    assert outlets == ["Harbour Gazette"]
    bad = tmp_path / "aliases.tsv"
    bad.write_text("HG Harbour Gazette\n", encoding="utf-8")
    with pytest.raises(attribution.AliasError, match="line 1"):
        attribution.build_graph(texts, aliases=bad)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: attribution.build_graph([]), attribution.CorpusError),
        (lambda: attribution.build_graph(["  "]), attribution.CorpusError),
        (lambda: attribution.build_graph(TEXTS, nlp="no_such_model"), attribution.ModelError),
        (lambda: attribution.build_graph(TEXTS, jobs=0), attribution.OptionError),
    ],
)
def test_errors_share_one_base_and_name_no_flag(call, error) -> None:
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, attribution.AttributionError)
    assert "--" not in str(caught.value) and "\n" not in str(caught.value)


def test_an_unusable_cache_is_a_cache_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(attribution.CacheError) as caught:
        attribution.build_graph(TEXTS, cache=tmp_path / "a-file" / "c.sqlite")
    assert "--" not in str(caught.value)


def test_the_library_logs_rather_than_prints(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="attribution"):
        result = attribution.build_graph([TEXTS[0], "   "])
    assert capsys.readouterr() == ("", "")
    assert result.summary.problems == ["text-2: empty article"]
    assert [r.getMessage() for r in caplog.records if r.name == "attribution"] == [
        "skipped text-2: empty article"
    ]


def test_progress_is_a_callback() -> None:
    seen: list[int] = []
    attribution.build_graph(TEXTS, progress=seen.append)
    assert seen == [1, 2]


def test_help_shows_the_api() -> None:
    page = pydoc.render_doc(attribution, renderer=pydoc.plaintext)
    for name in ("build_graph", "extract", "write", "AttributionError", "Result"):
        assert name in page, name
    assert set(attribution.__all__) <= set(dir(attribution))


def test_python_dash_m_attribution_runs_the_cli() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "attribution", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: attribution ")
    assert "build" in done.stdout


def test_the_model_key_of_a_loaded_pipeline_matches_the_installed_one(
    nlp: spacy.language.Language,
) -> None:
    assert nlp_mod.pipeline_key(nlp) == nlp_mod.model_key()
