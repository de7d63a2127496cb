"""Tests for the extraction cache (attribution.cache): what is reused, what is parsed again."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from attribution import cache as cache_mod
from attribution.cache import Cache, CacheError, from_json, to_json
from attribution.corpus import Article, read_path
from attribution.pipeline import Parsing, Summary, extractions

CORPUS = Path(__file__).parent / "fixtures" / "cli_corpus"
MODEL = "en_core_web_sm-3.8.0/spacy-test"

BODY = (
    "Mayor Ana Lindqvist told the Harbour Gazette that the pier would reopen in May. "
    "“The repairs are done,” she said. According to a report by Channel 9 News, "
    "engineer Tomas Berg said the cost had doubled."
)


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "pier.txt"
    path.write_text(f"Pier to reopen\n\n{BODY}\n", encoding="utf-8")
    item = next(read_path(path))
    assert isinstance(item, Article)
    return item


@pytest.fixture
def warnings() -> list[str]:
    return []


def open_cache(path: Path, warnings: list[str], model: str = MODEL) -> Cache:
    return Cache(path, model, warnings.append)


def test_an_extraction_survives_the_round_trip_whole(run_extract) -> None:
    extraction = run_extract(BODY)
    assert extraction.citations and any(c.source for c in extraction.citations)
    assert from_json(to_json(extraction)) == extraction
    # Entries written before to_json stopped using asdict read the same, and compare equal.
    assert to_json(extraction) == dataclasses.asdict(extraction)
    assert json.dumps(to_json(extraction)) == json.dumps(dataclasses.asdict(extraction))


def test_a_stored_extraction_comes_back_after_reopening(
    tmp_path: Path, article: Article, run_extract, warnings: list[str]
) -> None:
    extraction = run_extract(BODY)
    store = open_cache(tmp_path / "c.sqlite", warnings)
    assert store.get(article) is None
    store.put(article, extraction)
    store.close()
    again = open_cache(tmp_path / "c.sqlite", warnings)
    assert again.get(article) == extraction
    again.close()
    assert warnings == []


@pytest.mark.parametrize(
    "change",
    [
        lambda a: replace(a, text=a.text.replace("May", "June")),
        lambda a: replace(a, title="Another headline"),
        lambda a: replace(a, credit="Reuters"),
    ],
    ids=["text", "title", "credit"],
)
def test_a_changed_article_is_not_served_from_the_cache(
    tmp_path: Path, article: Article, run_extract, warnings: list[str], change
) -> None:
    store = open_cache(tmp_path / "c.sqlite", warnings)
    store.put(article, run_extract(BODY))
    assert store.get(change(article)) is None
    store.close()


def test_another_model_or_extractor_version_misses(
    tmp_path: Path, article: Article, run_extract, warnings: list[str], monkeypatch
) -> None:
    store = open_cache(tmp_path / "c.sqlite", warnings)
    store.put(article, run_extract(BODY))
    store.close()
    other = open_cache(tmp_path / "c.sqlite", warnings, model="en_core_web_md-3.8.0/spacy-test")
    assert other.get(article) is None
    other.close()
    monkeypatch.setattr(cache_mod, "EXTRACTOR_VERSION", "next")
    newer = open_cache(tmp_path / "c.sqlite", warnings)
    assert newer.get(article) is None
    newer.close()


def test_a_foreign_sqlite_file_is_moved_aside_not_trusted(
    tmp_path: Path, article: Article, run_extract, warnings: list[str]
) -> None:
    path = tmp_path / "c.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE extractions (key TEXT, model TEXT, extractor TEXT, value BLOB)")
    db.commit()
    db.close()
    store = open_cache(path, warnings)
    assert len(warnings) == 1
    assert str(path) in warnings[0] and "not an attribution cache" in warnings[0]
    assert (tmp_path / "c.sqlite.unusable").exists()  # the user's file is kept, renamed
    store.put(article, run_extract(BODY))
    assert store.get(article) is not None
    store.close()


def test_a_damaged_file_is_rebuilt_with_a_warning(
    tmp_path: Path, article: Article, warnings: list[str]
) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    store = open_cache(path, warnings)
    assert len(warnings) == 1 and str(path) in warnings[0]
    assert store.get(article) is None
    store.close()


def test_an_unreadable_entry_is_parsed_again(
    tmp_path: Path, article: Article, run_extract, warnings: list[str]
) -> None:
    path = tmp_path / "c.sqlite"
    store = open_cache(path, warnings)
    store.put(article, run_extract(BODY))
    store.close()
    db = sqlite3.connect(path)
    db.execute("UPDATE extractions SET value = ?", (b"not zlib",))
    db.commit()
    db.close()
    store = open_cache(path, warnings)
    assert store.get(article) is None
    store.close()
    assert len(warnings) == 1 and "pier.txt" in warnings[0] and "unreadable" in warnings[0]


def test_a_cache_that_cannot_be_created_is_an_error_naming_it(
    tmp_path: Path, warnings: list[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match=re.escape("a-file/c.sqlite")):
        open_cache(blocker / "c.sqlite", warnings)


def test_adding_one_article_parses_one_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    parsing = Parsing(cache=tmp_path / "c.sqlite")

    def run() -> Summary:
        summary = Summary()
        summary.read = sum(1 for _ in extractions([str(corpus)], summary, parsing=parsing))
        return summary

    first = run()
    assert first.cached == 0 and first.read == 3
    (corpus / "new.txt").write_text(f"Pier to reopen\n\n{BODY}\n", encoding="utf-8")
    second = run()
    assert (second.read, second.cached) == (4, 3)
    third = run()
    assert (third.read, third.cached) == (4, 4)
