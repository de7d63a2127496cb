"""Read articles from disk: plain text, HTML pages and JSON Lines.

Every reader returns :class:`Article` objects whose ``text`` is what later
stages index into. Boilerplate lines (author bios, share prompts, related-story
headlines) are *marked* with spans, never deleted, so character offsets stay
true to the text as read.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from attribution.errors import CorpusError
from attribution.lexicon import load_any, load_patterns, load_table

Span = tuple[int, int]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_PROSE_WORDS = 8  # words in the longest line of a page that holds an article
# Characters XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF) and lone
# surrogates, which UTF-8 cannot (a JSON "\ud800" escape, an undecodable file
# name): one in an article would stop the GraphML and GEXF writers.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Article:
    """One news article as read from disk.

    ``outlet`` is the publisher when metadata or the text names it, else None.
    ``credit`` is a wire or partner the metadata says the story comes from
    ("Reuters"). ``boilerplate`` holds spans of lines that are not article prose.
    """

    id: str
    text: str
    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    boilerplate: tuple[Span, ...] = field(default=(), repr=False)
    credit: str | None = None

    @property
    def digest(self) -> str:
        """A stable hash of the text, for caching and ids."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when the span lies on a boilerplate line."""
        return any(b0 <= start and end <= b1 for b0, b1 in self.boilerplate)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | CorpusError]:
    """Yield readable files under ``paths`` (files, folders, globs), sorted.

    Problems (a missing path, a folder with no articles) are yielded as
    :class:`CorpusError` so that a batch can report them and go on.
    """
    for raw in paths:
        raw = os.fspath(raw)
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            yield CorpusError(raw, "no file matches this pattern")
        for match in matches:
            yield from _expand_one(Path(match))


def _expand_one(path: Path) -> Iterator[Path | CorpusError]:
    if not path.exists():
        yield CorpusError(path, "no such file or folder")
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            yield CorpusError(path, f"folder holds no articles ({', '.join(SUFFIXES)})")
        yield from files
    else:
        yield path


def read_path(path: Path) -> Iterator[Article | CorpusError]:
    """Read one file into articles (one, or one per line for JSON Lines)."""
    try:
        raw = _read_text(path)
    except CorpusError as err:
        yield err
        return
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, raw)
        else:
            yield (_read_html if suffix in (".html", ".htm") else _read_txt)(path, raw)
    except CorpusError as err:
        yield err
    except Exception as err:  # a reader's bug or an HTML parser's must not stop the batch
        message = " ".join(str(err).split())[:200]
        yield CorpusError(path, f"cannot be read ({type(err).__name__}: {message})")


def read_corpus(
    items: Iterable[str | os.PathLike[str] | Article],
) -> Iterator[Article | CorpusError]:
    """Stream every article of ``items``; problems come as CorpusError items.

    An item is a path (a file, a folder or a glob), read from disk, or an
    :class:`Article` already in memory, taken as it is (with any character no
    output file can hold made a space). Ids are unique within the stream: a
    second ``story.txt`` in another folder becomes ``story~2``.
    """
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article):
            empty = not _NOT_XML.sub(" ", item.text).strip()
            yield (
                CorpusError(item.path, "empty article")
                if empty
                else _unique_id(writable(item), seen)
            )
            continue
        for found in expand_paths([item]):
            if isinstance(found, CorpusError):
                yield found
                continue
            for article in read_path(found):
                yield article if isinstance(article, CorpusError) else _unique_id(article, seen)


def from_text(text: str, id: str, *, path: str | None = None, outlet: str | None = None) -> Article:
    """An article from its plain text in memory, read as a ``.txt`` file would be.

    The title is the first line that is not site furniture; ``outlet`` is the
    publisher, else the one the text names. Raises :class:`CorpusError` for a
    text with nothing in it.
    """
    where = path or id
    text = _NOT_XML.sub(" ", text)
    if not text.strip():
        raise CorpusError(where, "empty article")
    furniture = load_any("boilerplate.txt")
    lines = [line for _, _, line in _lines(text) if line]
    title = next((ln for ln in lines if not furniture.search(ln)), lines[0])
    return _finish(Article(id=id, text=text, path=where, title=title, outlet=outlet))


def _unique_id(article: Article, seen: set[str]) -> Article:
    ident, n = article.id, 1
    while ident in seen:
        n += 1
        ident = f"{article.id}~{n}"
    seen.add(ident)
    return article if ident == article.id else replace(article, id=ident)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(path, f"cannot read file ({err.strerror})") from None
    if b"\x00" in data[:4096]:
        raise CorpusError(path, "binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(path, f"not UTF-8 text (bad byte at offset {err.start})") from None
    # Before any line is split: str.splitlines() ends a line at "\x0b" and "\x0c" too.
    return _NOT_XML.sub(" ", text)


def _read_txt(path: Path, text: str) -> Article:
    return from_text(text, path.stem, path=str(path), outlet=outlet_from_name(path.stem))


def _read_html(path: Path, html: str) -> Article:
    # Imported here: trafilatura pulls in lxml, which plain-text runs never need.
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    # A menu or a cookie banner is not an article: ask for one line of prose.
    if not any(len(line.split()) >= _PROSE_WORDS for line in body.splitlines()):
        raise CorpusError(path, "HTML page has no article text")
    # Blank lines between paragraphs, as in the plain-text articles.
    text = re.sub(r"\n+", "\n\n", body) + "\n"
    article = _finish(
        Article(
            id=path.stem,
            text=text,
            path=str(path),
            title=getattr(doc, "title", None),
            outlet=site_brand(getattr(doc, "sitename", None)),
            url=getattr(doc, "url", None),
            date=getattr(doc, "date", None),
        )
    )
    return article


def _read_jsonl(path: Path, raw: str) -> Iterator[Article | CorpusError]:
    lines = [(n, line) for n, line in enumerate(raw.splitlines(), 1) if line.strip()]
    if not lines:
        yield CorpusError(path, "empty file")
    for lineno, line in lines:
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield CorpusError(where, f"invalid JSON ({err.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield CorpusError(where, 'expected an object with a "text" string')
            continue
        if not _NOT_XML.sub(" ", record["text"]).strip():
            yield CorpusError(where, "empty article")
            continue
        yield _finish(_article_from_record(path, lineno, record))


def _article_from_record(path: Path, lineno: int, record: dict[str, Any]) -> Article:
    def opt(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None

    return Article(
        id=opt("id") or f"{path.stem}-{lineno}",
        text=record["text"],
        path=f"{path}:{lineno}",
        title=opt("title"),
        outlet=opt("outlet"),
        url=opt("url"),
        date=opt("date"),
        credit=opt("credit"),
    )


def _finish(article: Article) -> Article:
    """Mark boilerplate and fill in the outlet from the text when metadata lacks it."""
    article = writable(article)
    boiler = tuple(boilerplate_spans(article.text))
    outlet = article.outlet or outlet_from_text(article.text)
    return replace(article, boilerplate=boiler, outlet=outlet)


# "WASHINGTON (AP) —", "RENO, Nev. (AP) —", "Mexico City (AFP) –", "CLEVELAND —"
# opening a paragraph: a place, a wire in parentheses, a dash; or a place in
# capitals and a dash.
_DATELINE = re.compile(
    r"^[ \t]*(?:(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,[ \t]*[A-Z][\w.'’ -]{0,15}?)?)"
    r"[ \t]*\((?P<wire>[A-Z][\w&.'’ -]{0,30}?)\)[ \t]*(?:[—–]|--?)"
    # A place in capitals has three words at most: "CONGRESS HAS INVESTIGATED HIM —" is a lead-in.
    r"|(?P<caps>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}(?:,[ \t]*[A-Z][\w.'’ -]{0,15}?)?)"
    r"[ \t]*(?:[—–]|--))[ \t]*",
    re.M,
)


@dataclass(frozen=True)
class Dateline:
    """ "WASHINGTON (AP) — " at the start of a paragraph: a place and a wire, never a source.

    ``span`` runs from the place to the end of the dash and the space after it;
    ``wire`` is "" for a dateline without one ("CLEVELAND — ").
    """

    span: Span
    place: str
    wire: str


def datelines(text: str) -> list[Dateline]:
    """The datelines that open paragraphs of ``text``, in text order."""
    out = []
    for m in _DATELINE.finditer(text):
        place = m["place"] or m["caps"]
        if m["caps"] and sum(c.isalpha() for c in m["caps"]) < 4:
            continue  # "A — ..." or "U.S. — ..." is not a dateline
        start = m.start("place") if m["place"] else m.start("caps")
        out.append(Dateline((start, m.end()), place.strip(), (m["wire"] or "").strip()))
    return out


def writable(article: Article) -> Article:
    """``article`` with every character no output file can hold made a space.

    One character for one, so the text's offsets stay true.
    """
    fixed: dict[str, Any] = {
        name: _NOT_XML.sub(" ", value)
        for name in _STRINGS
        if isinstance(value := getattr(article, name), str) and _NOT_XML.search(value)
    }
    return replace(article, **fixed) if fixed else article


_STRINGS = ("text", "id", "path", "title", "outlet", "url", "date", "credit")


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line.rstrip("\r\n")), line.strip()
        start += len(line)


def boilerplate_spans(text: str) -> Iterator[Span]:
    """Spans of lines that are not article prose (bios, share prompts, headlines)."""
    furniture = load_any("boilerplate.txt")
    lines = list(_lines(text))
    # The headline: the first line that is not site furniture.
    first_content = next(
        (i for i, (_, _, s) in enumerate(lines) if s and not furniture.search(s)), -1
    )
    for i, (start, end, stripped) in enumerate(lines):
        if not stripped:
            continue
        if furniture.search(stripped) or (
            i != first_content and _looks_like_headline(stripped, lines, i)
        ):
            yield start, end


def _looks_like_headline(line: str, lines: list[tuple[int, int, str]], i: int) -> bool:
    """A stand-alone Title Case line with no closing punctuation: a related-story link.

    Section titles that quote someone ("'You're enemies'") are left alone: they
    carry quotation marks, which real related-story links rarely do.
    """
    if line[-1] in ".?!\"'”’:" or line[0] in "\"'“‘" or len(line.split()) < 4:
        return False
    alone = (i == 0 or not lines[i - 1][2]) and (i + 1 >= len(lines) or not lines[i + 1][2])
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    capitals = sum(w[0].isupper() for w in words)
    return alone and bool(words) and capitals / len(words) >= 0.5


def outlet_from_name(stem: str) -> str | None:
    """The publisher a plain-text file's name starts with: "politico_2016-…", "nyt-trump".

    Only a known outlet (outlet_aliases.tsv) at the head of the name, up to its
    first "_" or digit, spaces and hyphens ignored: "wapo_…" and "huff-post_…"
    name their publisher, "notes_…" names none.
    """
    head = re.split(r"[_\d]", stem, maxsplit=1)[0]
    key = re.sub(r"[^a-z]", "", head.lower())
    return _squashed_outlets().get(key) if len(key) >= 3 else None


@cache
def _squashed_outlets() -> dict[str, str]:
    """The outlet alias table keyed by letters only: "huffpost" for "huff post"."""
    return {re.sub(r"[^a-z]", "", k): v for k, v in load_table("outlet_aliases.tsv").items()}


# "DW.COM", "Salon.com", "www.example.co.uk": a site name written as its domain.
_DOMAIN = re.compile(
    r"(?i)(?:www\.)?(?P<brand>[^\W_](?:[\w&'’-]*[^\W_])?)"
    r"\.(?:com|org|net|info|news|co|tv|fm|(?:co\.|com\.)?[a-z]{2})"
)


def site_brand(sitename: str | None) -> str | None:
    """The outlet a page's site name stands for: "DW.COM" is "DW", "Salon.com" is "Salon".

    The brand is what the body calls the outlet, so the two join. A name the
    outlet table knows as written ("FactCheck.org") is kept; so is a name
    that is not a bare domain.
    """
    if sitename is None:
        return None
    name = sitename.strip()
    match = _DOMAIN.fullmatch(name)
    if not name or match is None or name.lower() in load_table("outlet_aliases.tsv"):
        return name or None
    return match["brand"]


def outlet_from_text(text: str) -> str | None:
    """The publisher when the text names it, e.g. in an author bio or a reprint line."""
    for pattern in load_patterns("outlet_in_text.txt", ignore_case=False):
        match = pattern.search(text)
        if match:
            return match.group("outlet").strip()
    return None
