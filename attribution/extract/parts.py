"""Long articles in parts: each part is parsed and extracted on its own, then joined.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and
extraction over one huge Doc grows faster than its length (every citation is
checked against the others). An article longer than ``limit`` is cut into
parts of at most ``limit`` characters, at a blank line when one is near the
end of the part, else at a line break, a sentence end or a space; each part's
citations have their offsets moved by the part's start, so they index into
the whole article's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from attribution.corpus import Article
from attribution.extract import Extraction
from attribution.extract.citation import Citation, Mention, Span

# Far under spaCy's max_length: parsing and extraction both grow faster than a
# Doc's length, and nlp.pipe holds a batch of parts at once. A 300,000-character
# article took as long at 10,000 as at 100,000 a part, with 466 MB peak memory
# against 1.1 GB; most news articles are shorter than a part and stay whole.
PART_LIMIT = 25_000

# Where a part may end, best first; each pattern matches the text the cut
# goes after. A cut is looked for in the last half of the part only, so that
# no part is shorter than half the limit (but the last).
_BOUNDARIES = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # a blank line: between paragraphs
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # a space
)


@dataclass(frozen=True)
class Part:
    """Characters ``start:end`` of ``article``, and whether they end it.

    ``article`` is the part as an article of its own: the same id and
    metadata, the part's text, and the boilerplate lines inside it.
    """

    article: Article
    start: int
    last: bool


def cuts(text: str, limit: int = PART_LIMIT) -> list[Span]:
    """``(start, end)`` of parts of ``text`` no longer than ``limit``, end to end.

    A text within the limit is one part. Whitespace at a cut stays with the
    part before it.
    """
    if limit < 2:
        raise ValueError("a part holds at least two characters")
    spans, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, low: int, high: int) -> int:
    """The best place in ``text[low:high]`` to end a part (``high`` when there is none)."""
    for pattern in _BOUNDARIES:
        end = None
        for match in pattern.finditer(text, low, high):
            end = match.end()
        if end is not None:
            return end
    return high


def parts(article: Article, limit: int = PART_LIMIT) -> Iterator[Part]:
    """``article`` as parts of at most ``limit`` characters (itself when it fits)."""
    spans = cuts(article.text, limit)
    if len(spans) == 1:
        yield Part(article, 0, True)
        return
    for n, (start, end) in enumerate(spans):
        boiler = tuple(
            (max(a, start) - start, min(b, end) - start)
            for a, b in article.boilerplate
            if a < end and b > start
        )
        piece = replace(article, text=article.text[start:end], boilerplate=boiler)
        yield Part(piece, start, n == len(spans) - 1)


def shifted(extraction: Extraction, offset: int) -> Extraction:
    """``extraction`` with every character offset moved ``offset`` further on."""
    if not offset:
        return extraction
    citations = tuple(_shift_citation(c, offset) for c in extraction.citations)
    return replace(extraction, citations=citations)


def joined(article: Article, pieces: Iterable[Extraction]) -> Extraction:
    """The extractions of an article's parts (already shifted) as the article's one."""
    citations: list[Citation] = []
    people: set[str] = set()
    for piece in pieces:
        citations.extend(piece.citations)
        people.update(piece.people)
    return Extraction(article.id, tuple(citations), tuple(sorted(people)))


def _shift_citation(c: Citation, offset: int) -> Citation:
    return replace(
        c,
        source=_shift_mention(c.source, offset),
        citer=_shift_mention(c.citer, offset),
        cue=_shift_span(c.cue, offset),
        content=tuple(_moved(span, offset) for span in c.content),
        sentence=_moved(c.sentence, offset),
    )


def _shift_mention(m: Mention | None, offset: int) -> Mention | None:
    if m is None:
        return None
    return replace(m, span=_moved(m.span, offset), phrase=_shift_span(m.phrase, offset))


def _shift_span(span: Span | None, offset: int) -> Span | None:
    return None if span is None else _moved(span, offset)


def _moved(span: Span, offset: int) -> Span:
    return span[0] + offset, span[1] + offset
