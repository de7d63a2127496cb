"""Tests for reading articles from disk (attribution.corpus); no spaCy needed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from attribution.corpus import (
    Article,
    CorpusError,
    datelines,
    expand_paths,
    read_corpus,
    read_path,
)

FIXTURES = Path(__file__).parent / "fixtures"

STORM_TXT = """\

Follow us on Instagram

Harbour Town Vows To Rebuild After Storm

“We will rebuild,” Mayor Ana Lindqvist told The Herald on Monday.

The storm destroyed forty homes along the seafront, according to the Northern Times.

Jane Doe is a staff writer at The Daily Clarion. Her articles have appeared on many sites.
"""


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _one_article(path: Path) -> Article:
    items = list(read_path(path))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def _marked(article: Article) -> list[str]:
    """The text of every boilerplate span, stripped."""
    return [article.text[start:end].strip() for start, end in article.boilerplate]


def _span_of_line(text: str, line: str) -> tuple[int, int]:
    """Offsets of ``line`` where it stands as a whole line of ``text``."""
    start = text.index(f"\n{line}\n") + 1
    return start, start + len(line)


# --- plain text -------------------------------------------------------------------------------


def test_txt_title_is_first_line_that_is_not_boilerplate(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "storm.txt", STORM_TXT))
    assert article.title == "Harbour Town Vows To Rebuild After Storm"
    assert article.id == "storm"
    assert article.path == str(tmp_path / "storm.txt")


def test_txt_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    raw = STORM_TXT.replace("\n", "\r\n").replace("Monday.", "Monday.   ") + "\r\n\r\n"
    path = _write(tmp_path / "crlf.txt", raw)
    article = _one_article(path)
    assert article.text == path.read_bytes().decode("utf-8")
    # Offsets index the text as read: every marked span starts and ends on its own line.
    for start, end in article.boilerplate:
        piece = article.text[start:end]
        assert "\n" not in piece and "\r" not in piece
        assert start == 0 or article.text[start - 1] == "\n"
        assert article.text[end : end + 2] in ("\r\n", "")


def test_txt_share_prompt_and_author_bio_are_boilerplate(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "storm.txt", STORM_TXT))
    marked = _marked(article)
    assert "Follow us on Instagram" in marked
    bio = (
        "Jane Doe is a staff writer at The Daily Clarion. Her articles have appeared on many sites."
    )
    assert bio in marked
    assert article.in_boilerplate(*_span_of_line(article.text, bio))
    quote = "“We will rebuild,” Mayor Ana Lindqvist told The Herald on Monday."
    assert quote not in marked
    assert not article.in_boilerplate(*_span_of_line(article.text, quote))


def test_txt_headline_is_read_as_the_article_s_own_words(tmp_path: Path) -> None:
    # A headline such as "Mayor says ..." is an attribution the article makes
    # (PolNeAR annotates headlines), so it is searched like the body.
    article = _one_article(_write(tmp_path / "storm.txt", STORM_TXT))
    assert article.title is not None
    assert not article.in_boilerplate(*_span_of_line(article.text, article.title))


def test_txt_title_skips_a_share_line_that_repeats_the_headline(tmp_path: Path) -> None:
    text = (
        "Share on Facebook: Mayor Ana Lindqvist says the harbour will reopen in May\n\n"
        "Mayor Ana Lindqvist says the harbour will reopen in May\n\n"
        "The harbour was closed after the storm, the fire service said.\n"
    )
    article = _one_article(_write(tmp_path / "share.txt", text))
    assert article.title == "Mayor Ana Lindqvist says the harbour will reopen in May"
    share = "Share on Facebook: Mayor Ana Lindqvist says the harbour will reopen in May"
    assert article.text.startswith(share) and article.in_boilerplate(0, len(share))


def test_outlet_from_author_bio(tmp_path: Path) -> None:
    article = _one_article(_write(tmp_path / "storm.txt", STORM_TXT))
    assert article.outlet == "The Daily Clarion"


def test_outlet_from_reprint_line(tmp_path: Path) -> None:
    text = (
        "Ferry Workers Walk Out Over Pay\n\n"
        "Ferry workers began a two-day strike on Friday, the union said.\n\n"
        "Maria Holm wrote this story for Insider, where this first appeared.\n"
    )
    assert _one_article(_write(tmp_path / "ferry.txt", text)).outlet == "Insider"


def test_txt_without_outlet_clue_has_no_outlet(tmp_path: Path) -> None:
    text = "Ferry Strike Ends\n\nThe strike ended on Sunday, the union said.\n"
    assert _one_article(_write(tmp_path / "ferry.txt", text)).outlet is None


def test_standalone_title_case_line_between_paragraphs_is_boilerplate(tmp_path: Path) -> None:
    related = "Five Things To Know About The Harbour Budget"
    sentence = "The council will vote on the new harbour budget next week"
    text = (
        "Council Delays Harbour Vote\n\n"
        "The vote was postponed after a long debate on Tuesday evening.\n\n"
        f"{related}\n\n"
        f"{sentence}\n\n"
        "Councillors said they needed more time to read the report.\n"
    )
    article = _one_article(_write(tmp_path / "vote.txt", text))
    assert article.in_boilerplate(*_span_of_line(article.text, related))
    # A sentence-case line (even one without a full stop) is prose.
    assert not article.in_boilerplate(*_span_of_line(article.text, sentence))
    prose = "Councillors said they needed more time to read the report."
    assert not article.in_boilerplate(*_span_of_line(article.text, prose))


def test_title_case_line_inside_a_paragraph_is_not_boilerplate(tmp_path: Path) -> None:
    line = "Five Things To Know About The Harbour Budget"
    text = (
        "Council Delays Harbour Vote\n\n"
        "The vote was postponed after a long debate on Tuesday evening.\n"
        f"{line}\n"
        "Councillors said they needed more time to read the report.\n"
    )
    article = _one_article(_write(tmp_path / "vote.txt", text))
    assert not article.in_boilerplate(*_span_of_line(article.text, line))


# --- HTML -------------------------------------------------------------------------------------


def test_html_page_gives_outlet_title_and_article_text() -> None:
    article = _one_article(FIXTURES / "coastal_ledger.html")
    assert article.id == "coastal_ledger"
    assert article.outlet == "The Coastal Ledger"
    assert article.title == "Harbour Bridge Reopens After Repairs"
    assert article.url == "https://coastal-ledger.example/news/harbour-bridge"
    assert "the city council said in a statement" in article.text
    assert "“We will rebuild what the storm took from us,” Mayor Ana Lindqvist" in article.text
    assert "According to the Northern Times" in article.text
    # Paragraphs are separated by blank lines, as in plain-text articles.
    assert "\n\nResidents queued on both banks" in article.text


def test_html_navigation_and_footer_are_not_in_text() -> None:
    text = _one_article(FIXTURES / "coastal_ledger.html").text
    for furniture in ("Weather Centre", "Sport", "Privacy policy", "Copyright 2024"):
        assert furniture not in text


def test_html_headline_line_is_read_like_in_plain_text() -> None:
    article = _one_article(FIXTURES / "coastal_ledger.html")
    assert article.title is not None
    start = article.text.index(article.title)
    assert not article.in_boilerplate(start, start + len(article.title))


def test_html_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "app.html",
        "<html><head><title>App</title></head>"
        "<body><div id='app'></div><script>var x = 1;</script></body></html>",
    )
    (item,) = read_path(path)
    assert isinstance(item, CorpusError)
    assert str(item) == f"{path}: HTML page has no article text"


def test_html_page_with_only_navigation_is_an_error() -> None:
    (item,) = read_path(FIXTURES / "nav_only.html")
    assert isinstance(item, CorpusError), item


# --- JSON Lines -------------------------------------------------------------------------------


def _jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_jsonl_gives_one_article_per_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "wire.jsonl",
        _jsonl(
            {
                "id": "ferry",
                "outlet": "Coastal Ledger",
                "text": "The strike began, the union said.",
            },
            {"title": "Port", "url": "https://x.example/p", "text": "The port will reopen."},
        ),
    )
    first, second = read_path(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.outlet, first.path) == ("ferry", "Coastal Ledger", f"{path}:1")
    assert first.text == "The strike began, the union said."
    assert (second.id, second.title, second.url) == ("wire-2", "Port", "https://x.example/p")
    assert second.outlet is None


def test_characters_no_output_can_hold_become_spaces_one_for_one(tmp_path: Path) -> None:
    text = "The mill\x01 closed\x0b on Friday, the union said.\n"
    article = _one_article(_write(tmp_path / "mill.txt", text))
    assert article.text == "The mill  closed  on Friday, the union said.\n"
    assert len(article.text) == len(text)
    assert article.title == "The mill  closed  on Friday, the union said."


def test_lone_surrogate_in_jsonl_becomes_a_space(tmp_path: Path) -> None:
    # json.loads turns the escape into a lone surrogate, which UTF-8 cannot write.
    line = '{"text": "The dam held\\ud800, officials said.", "title": "Dam\\u0002 news"}\n'
    article = _one_article(_write(tmp_path / "dam.jsonl", line))
    assert article.text == "The dam held , officials said."
    assert article.title == "Dam  news"


def test_jsonl_outlet_falls_back_to_the_text(tmp_path: Path) -> None:
    text = "Ferry Strike\n\nThe strike began.\n\nJo Lund is a reporter for The Harbour Post."
    (article,) = read_path(_write(tmp_path / "wire.jsonl", _jsonl({"text": text})))
    assert isinstance(article, Article)
    assert article.outlet == "The Harbour Post"


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ('{"id": "x", "text": "unterminated', "invalid JSON"),
        ('{"id": "x", "title": "No text here"}', '"text"'),
        ('["a", "list"]', '"text"'),
        ('{"id": "x", "text": "   "}', "empty article"),
    ],
    ids=["bad-json", "no-text", "not-an-object", "empty-text"],
)
def test_jsonl_bad_line_is_reported_with_line_number_and_good_lines_still_come(
    tmp_path: Path, bad_line: str, problem: str
) -> None:
    good = _jsonl({"id": "a", "text": "The mayor said the bridge is open."})
    last = _jsonl({"id": "b", "text": "Officials said the port will reopen."})
    path = _write(tmp_path / "feed.jsonl", good + "\n" + bad_line + "\n" + last)
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Article", "CorpusError", "Article"]
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]
    error = items[1]
    assert isinstance(error, CorpusError)
    # The blank line 2 counts: the bad record is on line 3.
    assert str(error).startswith(f"{path}:3: ")
    assert problem in str(error)
    assert "\n" not in str(error)


# --- errors -----------------------------------------------------------------------------------


def _missing(tmp: Path) -> Path:
    return tmp / "nowhere.txt"


def _empty_folder(tmp: Path) -> Path:
    folder = tmp / "empty"
    folder.mkdir()
    (folder / "notes.md").write_text("not an article\n", encoding="utf-8")
    return folder


def _binary(tmp: Path) -> Path:
    path = tmp / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return path


def _latin1(tmp: Path) -> Path:
    path = tmp / "latin.txt"
    path.write_bytes("Café owners said prices rose.\n".encode("latin-1"))
    return path


def _empty_txt(tmp: Path) -> Path:
    path = tmp / "blank.txt"
    path.write_text("\n  \n\n", encoding="utf-8")
    return path


def _script_page(tmp: Path) -> Path:
    path = tmp / "shell.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    return path


def _empty_jsonl(tmp: Path) -> Path:
    path = tmp / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_missing, "no such file"),
        (_empty_folder, "no articles"),
        (_binary, "binary"),
        (_latin1, "not UTF-8"),
        (_empty_txt, "empty"),
        (_script_page, "no article text"),
        (_empty_jsonl, "empty"),
    ],
    ids=[
        "missing",
        "empty-folder",
        "binary",
        "not-utf8",
        "empty-txt",
        "no-text-html",
        "empty-jsonl",
    ],
)
def test_unreadable_input_is_a_one_line_error_naming_the_file(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    path = make(tmp_path)
    (item,) = read_corpus([path])
    assert isinstance(item, CorpusError)
    message = str(item)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert item.path == str(path)


def test_batch_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    _binary(tmp_path)  # photo.txt sorts before story.txt
    _write(tmp_path / "story.txt", "Ferry Strike\n\nThe strike began, the union said.\n")
    items = list(read_corpus([tmp_path]))
    assert len(items) == 2
    error, article = items
    assert isinstance(error, CorpusError) and error.path == str(tmp_path / "photo.txt")
    assert isinstance(article, Article) and article.title == "Ferry Strike"


def test_missing_path_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _write(tmp_path / "story.txt", "Ferry Strike\n\nThe strike began.\n")
    items = list(read_corpus([tmp_path / "gone.txt", good]))
    assert [type(i).__name__ for i in items] == ["CorpusError", "Article"]


def test_articles_from_different_files_get_different_ids(tmp_path: Path) -> None:
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder / "story.txt", f"Storm {folder}\n\nThe storm hit, police said.\n")
    articles = [a for a in read_corpus([tmp_path]) if isinstance(a, Article)]
    assert len(articles) == 2
    assert articles[0].id != articles[1].id


# --- paths and globs --------------------------------------------------------------------------


def test_glob_pattern_expands_in_sorted_order(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.txt", "notes.md"):
        _write(tmp_path / name, "Title\n\nText.\n")
    _write(tmp_path / "b.jsonl", _jsonl({"text": "Text."}))
    assert list(expand_paths([str(tmp_path / "*.txt")])) == [
        tmp_path / "a.txt",
        tmp_path / "b.txt",
        tmp_path / "c.txt",
    ]
    items = list(read_corpus([str(tmp_path / "[bc].*")]))
    assert [a.id for a in items if isinstance(a, Article)] == ["b-1", "b", "c"]
    assert len(items) == 3


def test_folder_is_read_recursively_in_sorted_order_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("z.txt", "sub/b.html", "a.jsonl", "README.md", "sub/a.TXT"):
        _write(tmp_path / name, "Title\n\nText.\n")
    assert list(expand_paths([tmp_path])) == [
        tmp_path / "a.jsonl",
        tmp_path / "sub" / "a.TXT",
        tmp_path / "sub" / "b.html",
        tmp_path / "z.txt",
    ]


def test_glob_without_matches_is_an_error_naming_the_pattern(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")
    (item,) = expand_paths([pattern])
    assert isinstance(item, CorpusError)
    assert str(item) == f"{pattern}: no file matches this pattern"


def test_control_character_inside_a_jsonl_record_does_not_split_it(tmp_path: Path) -> None:
    # Raw, not escaped: str.splitlines() would end the line at \x0b.
    raw = '{"text": "The pier reopened\x0b on Monday, the council said."}\n'
    article = _one_article(_write(tmp_path / "pier.jsonl", raw))
    assert article.text == "The pier reopened  on Monday, the council said."


def test_datelines_are_a_place_and_a_wire_at_a_paragraph_start():
    text = (
        "Headline\n\nHARBORTON (AP) — The mayor said so.\n\n"
        "Port Ellis, Ore. (AFP) – It rained.\n\nDUNMORE — Voters queued.\n\n"
        "The council (in a vote) - no.\n\nUS — no.\n"
    )
    found = [(d.place, d.wire, text[d.span[0] : d.span[1]]) for d in datelines(text)]
    assert found == [
        ("HARBORTON", "AP", "HARBORTON (AP) — "),
        ("Port Ellis, Ore.", "AFP", "Port Ellis, Ore. (AFP) – "),
        ("DUNMORE", "", "DUNMORE — "),
    ]


@pytest.mark.parametrize(
    ("site", "outlet"),
    [
        ("DW.COM", "DW"),
        ("Salon.com", "Salon"),
        ("www.harbourgazette.co.uk", "harbourgazette"),
        ("FactCheck.org", "FactCheck.org"),  # the outlet table knows it as written
        ("The Coastal Ledger", "The Coastal Ledger"),
        ("news.example.com/world", "news.example.com/world"),  # not a bare domain
    ],
)
def test_html_site_name_keeps_its_brand(tmp_path: Path, site: str, outlet: str) -> None:
    page = (FIXTURES / "coastal_ledger.html").read_text(encoding="utf-8")
    page = page.replace('content="The Coastal Ledger"', f'content="{site}"')
    assert f'content="{site}"' in page
    assert _one_article(_write(tmp_path / "page.html", page)).outlet == outlet


def test_a_reader_that_breaks_gives_one_line_naming_the_file(tmp_path: Path, monkeypatch) -> None:
    import attribution.corpus as corpus

    def broken(path: Path, text: str) -> Article:
        raise RecursionError("too\ndeep")

    monkeypatch.setattr(corpus, "_read_txt", broken)
    path = _write(tmp_path / "ferry.txt", "A headline\n\nSome text.\n")
    (item,) = read_path(path)
    assert isinstance(item, CorpusError)
    assert str(item) == f"{path}: cannot be read (RecursionError: too deep)"


def test_a_json_line_whose_text_is_only_a_lone_surrogate_is_an_empty_article(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "\\ud800"}\n', encoding="utf-8")
    (item,) = list(read_path(path))
    assert isinstance(item, CorpusError)
    assert str(item) == f"{path}:1: empty article"


@pytest.mark.parametrize(
    ("stem", "outlet"),
    [
        ("politico_2016-10-04_ferry-fares", "Politico"),
        ("huff-post_2016-09-10_pier", "The Huffington Post"),
        ("west-journal_2016-09-26_harbour", "Western Journal"),
        ("notes_2016-09-26_harbour", None),
    ],
)
def test_a_file_name_that_starts_with_a_known_outlet_names_the_publisher(stem, outlet):
    from attribution.corpus import outlet_from_name

    assert outlet_from_name(stem) == outlet
