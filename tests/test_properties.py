"""Property-based tests: no input makes a reader or extraction raise.

Generated texts (any Unicode, control characters, huge lines, empty lines,
unbalanced quotes), JSON Lines and HTML go through the readers, and texts
through the parser and the rules. Every article read either comes back, or
fails with a one-line reason naming its file. Derandomized and with no
example database, so every run tries the same cases and writes nothing.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from attribution.corpus import Article, CorpusError, read_path
from attribution.engine import Result, extract_all
from attribution.extract import Extraction

# Hypothesis keeps files (an example database, a cache of constants) in
# ./.hypothesis; a run of these tests writes nothing into the repository.
_HOME = tempfile.mkdtemp(prefix="attribution-hypothesis-")
set_hypothesis_home_dir(_HOME)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
BASE = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def cases(n: int) -> settings:
    """The shared settings, trying ``n`` generated cases."""
    return settings(BASE, max_examples=n)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Pieces news text is made of, and pieces that break naive code.
WORDS = st.sampled_from(
    [
        "said", "told", "according to", "Reuters", "The Post", "she", "he", "Mr.",
        "Anna Berg", '"', "“", "”", "‘", "’", "'", "—", "--", "(AP)", "WASHINGTON",
        ":", "\n", "\n\n", "\r\n", "\t", " ", ".", "?", "\x00", "\x0b", "\x0c", "\u2028",
        "\ufeff", "\ud800", "\xa0", "\u200b", "👩‍👩‍👧", "عربى", "中文", "Ω", "e\u0301",
    ]
)  # fmt: skip
PIECES = st.one_of(
    WORDS,
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", " ", "\n", '"', "a b "]), st.integers(0, 3000)
    ),
)
TEXTS = st.lists(PIECES, max_size=40).map(" ".join)
# Shorter, for the parser: a few hundred words at most.
SHORT_PIECES = st.one_of(
    WORDS,
    st.text(max_size=30),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", " ", "\n", '"', "a b "]), st.integers(0, 200)
    ),
)
SHORT_TEXTS = st.lists(SHORT_PIECES, max_size=12).map(" ".join)


def _one_line_naming(item: CorpusError | str, path: Path) -> None:
    line = str(item)
    assert "\n" not in line and "\r" not in line
    assert line.startswith(str(path))


def _check_read(path: Path) -> list[Article]:
    """Read ``path``; every item is an article fit to write, or a one-line reason."""
    articles = []
    for item in read_path(path):
        if isinstance(item, CorpusError):
            _one_line_naming(item, path)
            continue
        assert isinstance(item, Article)
        assert item.text.strip() and not _NOT_XML.search(item.text)
        assert all(0 <= a <= b <= len(item.text) for a, b in item.boilerplate)
        for value in (item.id, item.title, item.outlet, item.url, item.date, item.credit):
            assert value is None or not _NOT_XML.search(value)
        articles.append(item)
    return articles


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="attribution-props-") as name:
        yield Path(name)


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    return path


@cases(650)
@given(text=TEXTS)
def test_any_text_file_is_read_or_refused_in_one_line(folder: Path, text: str) -> None:
    _check_read(_write(folder, "story.txt", text))


@cases(400)
@given(data=st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_in_one_line(folder: Path, data: bytes) -> None:
    _check_read(_write(folder, "bytes.txt", data))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(TEXTS, JSON_VALUES)},
    optional={k: JSON_VALUES for k in ("id", "title", "outlet", "url", "date", "credit")},
)
JSONL_LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False)),
    RECORDS.map(json.dumps),
    JSON_VALUES.map(json.dumps),
    TEXTS,
)


@cases(500)
@given(lines=st.lists(JSONL_LINES, max_size=6), sep=st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_any_json_lines_are_read_or_refused_in_one_line(
    folder: Path, lines: list[str], sep: str
) -> None:
    _check_read(_write(folder, "wire.jsonl", sep.join(lines)))


TAGS = st.sampled_from(
    ["p", "div", "article", "h1", "span", "script", "style", "title", "a", "b", "meta", "br"]
)
HTML = st.recursive(
    TEXTS.map(lambda t: t.replace("<", " ")),
    lambda inner: st.builds(
        lambda tag, body, close: f"<{tag}>{body}" + (f"</{tag}>" if close else ""),
        TAGS,
        st.lists(inner, max_size=4).map("".join),
        st.booleans(),
    ),
    max_leaves=12,
)


@cases(300)
@given(
    body=HTML,
    site=st.one_of(st.none(), TEXTS.map(lambda t: t[:60])),
    prose=st.booleans(),
)
def test_any_html_is_read_or_refused_in_one_line(
    folder: Path, body: str, site: str | None, prose: bool
) -> None:
    meta = f'<meta property="og:site_name" content="{site.replace(chr(34), "")}">' if site else ""
    story = "<p>" + "The harbour master said the ferry would run late again today. " * 3 + "</p>"
    page = f"<html><head>{meta}</head><body><article>{story if prose else ''}{body}</article></body></html>"
    _check_read(_write(folder, "page.html", page))


def _check_extraction(article: Article, result: Result) -> None:
    """Extraction never fails on a text, and every offset lies in it."""
    assert isinstance(result, Extraction), result
    n = len(article.text)
    for c in result.citations:
        spans = [c.sentence, *c.content, *([c.cue] if c.cue else [])]
        spans += [m.span for m in (c.source, c.citer) if m is not None]
        assert all(0 <= a <= b <= n for a, b in spans)
        if c.source is not None:
            a, b = c.source.span
            assert article.text[a:b] == c.source.text


@cases(150)
@given(text=SHORT_TEXTS, limit=st.sampled_from([25_000, 40, 300]))
def test_any_text_is_extracted(folder: Path, text: str, limit: int) -> None:
    for article in _check_read(_write(folder, "story.txt", "Headline\n\n" + text)):
        (result,) = extract_all([article], None, part_limit=limit)
        _check_extraction(article, result)
