"""Shared fixtures: the spaCy pipeline (loaded once) and a helper to extract from text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from attribution import nlp as nlp_mod
from attribution.corpus import Article, read_path
from attribution.extract import Extraction, extract


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test gets its own extraction cache, never the user's."""
    path = tmp_path_factory.mktemp("cache") / "extractions.sqlite"
    monkeypatch.setenv("ATTRIBUTION_CACHE", str(path))
    return path


@pytest.fixture(autouse=True)
def keep_model(request, monkeypatch) -> None:
    """Builds keep the pipeline loaded between tests (a reload costs ~2 s each)."""
    if "releases_model" not in request.keywords:
        monkeypatch.setattr(nlp_mod, "release", lambda: None)


@pytest.fixture(scope="session")
def nlp():
    return nlp_mod.load()


@pytest.fixture(scope="session")
def run_extract(nlp, tmp_path_factory) -> Callable[[str], Extraction]:
    """Extract from a text written to a .txt file (the first line is the title)."""
    folder = tmp_path_factory.mktemp("articles")
    counter = iter(range(10_000))

    def run(body: str, title: str = "A headline for the test") -> Extraction:
        path = folder / f"t{next(counter)}.txt"
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        article = next(read_path(path))
        assert isinstance(article, Article)
        doc, _ = next(nlp_mod.parse(nlp, [(article.text, None)]))
        return extract(doc, article)

    return run
